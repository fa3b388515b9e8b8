/**
 * The versions an article applies to, as a reader names them: the record keeps the archive's
 * codes ("winnt:4.0", "winnt:4.0 SP4"), the page shows the product's name once and its versions
 * after it ("Microsoft Windows NT 4.0, 4.0 SP4"). A version with no code (the flat-text form's
 * "4.0 SP4") is the article's own product's; a code the site has no name for is shown as it is.
 */
export function versionNames(
  versions: readonly string[],
  nameOf: (code: string) => string | undefined,
  ownCode?: string,
): string[] {
  const groups: { name: string; versions: string[] }[] = [];
  for (const version of versions) {
    const colon = version.indexOf(":");
    const code = colon > 0 ? version.slice(0, colon) : (ownCode ?? "");
    const name = (code && nameOf(code)) || "";
    const shown = name ? version.slice(colon + 1).trim() : version;
    const group = groups.find((g) => g.name === name);
    if (group && name) group.versions.push(shown);
    else groups.push({ name, versions: [shown] });
  }
  return groups.map(({ name, versions }) =>
    name
      ? // "Microsoft Windows 2000" with version "2000" is that product, not "… 2000 2000".
        `${name} ${versions.filter((v) => v && !name.endsWith(` ${v}`)).join(", ")}`.trim()
      : versions[0]!,
  );
}
