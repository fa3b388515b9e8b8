/** Wrong words on the command line: reported as one line with the usage, exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
