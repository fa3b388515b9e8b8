/** Wrong words on the command line: reported as one line with the usage, exit status 2. */
import { UserError } from "../user-error.ts";

export class UsageError extends UserError {
  override name = "UsageError";
}
