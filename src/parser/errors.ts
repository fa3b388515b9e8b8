/**
 * ParseError: an input that cannot become a record. The message is the reason only; the caller
 * prefixes the path, so the user sees `path: reason` and never a stack trace.
 */
export class ParseError extends Error {
  override name = "ParseError";
}

/** The reason to report for anything thrown while parsing one file. */
export function reasonOf(error: unknown): string {
  if (error instanceof ParseError) return error.message;
  // An unexpected failure is still reported per file, naming it as a parser bug.
  const message = error instanceof Error ? error.message : String(error);
  return `internal parser error (please report): ${message}`;
}
