import { describe, expect, it } from "vitest";
import { chunksOfAtMost } from "~/search/search.server";

describe("chunksOfAtMost", () => {
  const doc = (id: number, size: number) => ({ id, text: "x".repeat(size) });

  it("keeps each chunk's JSON under the limit, in order", () => {
    const docs = Array.from({ length: 10 }, (_, i) => doc(i, 300));
    const chunks = chunksOfAtMost(docs, 1000);
    expect(chunks.flat()).toEqual(docs);
    for (const chunk of chunks) expect(JSON.stringify(chunk).length).toBeLessThanOrEqual(1000 + chunk.length * 2);
    expect(chunks.map((chunk) => chunk.length)).toEqual([3, 3, 3, 1]);
  });

  it("sends a document larger than the limit on its own", () => {
    expect(chunksOfAtMost([doc(1, 10), doc(2, 5000), doc(3, 10)], 1000).map((chunk) => chunk.length)).toEqual([
      1, 1, 1,
    ]);
  });

  it("gives nothing for nothing", () => {
    expect(chunksOfAtMost([], 1000)).toEqual([]);
  });
});
