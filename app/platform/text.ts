/** What any text a person types is cleaned of before it is kept. Client-safe. */

// Control characters other than tab and newline have no place in anything a person writes.
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n]/gu;

/** Several lines of text: Windows and old Mac line ends made plain, control characters gone. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROL_CHARACTERS, "");
}

/** One line of text: no control characters, and line breaks become spaces. */
export function oneLine(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "").replace(/[\r\n\t]+/g, " ");
}
