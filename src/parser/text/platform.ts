/**
 * One name per platform. The file tables print the same processor many ways ("Intel", "I386",
 * "x86", "(alpha)", "IA-64"); the record and the site say it one way, so a file's rows can be
 * grouped and compared by platform, and the JSON API needs no alias table of its own.
 */

const NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(intel|x86|i386)$/, "x86"],
  [/^alpha$/, "Alpha"],
  [/^mips$/, "MIPS"],
  [/^(ppc|powerpc)$/, "PowerPC"],
  [/^(ia-?64|itanium)$/, "Itanium"],
  [/^(x64|amd64)$/, "x64"],
];

/** "Intel", "I386", "x86" → "x86"; "alpha" → "Alpha"; a name it does not know stays as printed. */
export function platformName(printed: string): string {
  const key = printed.replace(/[()]/g, "").trim().toLowerCase();
  for (const [pattern, name] of NAMES) if (pattern.test(key)) return name;
  return printed;
}
