/**
 * A path or a piece of article text as it may go into a one-line error or warning (issue 21): a
 * control character (a newline, an ESC that starts a colour sequence, a carriage return that
 * overwrites the line) or a line separator is written as its escape, as JSON writes it (\n,
 * \x1b, \u2028), so a file name cannot split the line, colour the terminal or hide the message.
 * Backslashes stay as they are: article text is full of them (registry keys, Windows paths).
 */
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function printable(text: string): string {
  return text.replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    return (
      NAMED[char] ??
      (code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`)
    );
  });
}
