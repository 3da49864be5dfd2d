/**
 * How far apart two words are, for "Did you mean": the Damerau-Levenshtein
 * distance in its restricted form (optimal string alignment), where swapping
 * two neighbouring letters ("teh" for "the") is one edit, as it is for people
 * typing. Client-safe and pure.
 */

/**
 * The number of insertions, deletions, substitutions and swaps of neighbours
 * that turn `a` into `b`; or `max + 1` as soon as it is clearly more than
 * `max`, so that a scan of a large vocabulary stays cheap.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  // Three rows: the one before last (for swaps), the last one and the current one.
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    // Every later row is at least this row's best: past the limit, stop.
    if (rowBest > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length] as number;
  return distance > max ? max + 1 : distance;
}
