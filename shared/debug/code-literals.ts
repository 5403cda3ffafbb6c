/** Values written into generated code, quoted for the language they go into. */

/**
 * A double-quoted string literal valid in JavaScript, Python and Java alike: JSON's escapes
 * (\" \\ \n \r \t \b \f \uXXXX) mean the same in all three.
 */
export function stringLiteral(text: string): string {
  return JSON.stringify(text);
}

/** Single-quoted for POSIX shells: nothing inside is expanded. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Text safe inside a one-line comment of any of the languages. */
export function commentText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
