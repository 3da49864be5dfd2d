/**
 * How far apart two words are, for "Did you mean": the Damerau-Levenshtein
 * distance in its restricted form (optimal string alignment), where swapping
 * two neighbouring letters ("teh" for "the") is one edit, as it is for people
 * typing. Client-safe and pure.
 */

let rows = new Int32Array(64 * 3);

/**
 * The number of insertions, deletions, substitutions and swaps of neighbours
 * that turn `a` into `b`; or `max + 1` as soon as it is clearly more than
 * `max`, so that a scan of a large vocabulary stays cheap.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows.length < width * 3) rows = new Int32Array(width * 3 * 2);
  // Three rows in one buffer, reused across calls: the one before last (for swaps), the last one and the current one.
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowBest = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const charB = b.charCodeAt(j - 1);
      const cost = charA === charB ? 0 : 1;
      let value = Math.min(
        (rows[previous + j] as number) + 1,
        (rows[current + j - 1] as number) + 1,
        (rows[previous + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        value = Math.min(value, (rows[before + j - 2] as number) + 1);
      }
      rows[current + j] = value;
      if (value < rowBest) rowBest = value;
    }
    // Every later row is at least this row's best: past the limit, stop.
    if (rowBest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = rows[previous + b.length] as number;
  return distance > max ? max + 1 : distance;
}
