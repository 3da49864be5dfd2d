/** A tag in words, for a tag that has no name of its own: "cloud-migration" becomes "Cloud migration". Client-safe. */
export function tagInWords(tag: string): string {
  const words = tag.replace(/-+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
