import { describe, expect, it } from "vitest";
import { SearchRejectedError } from "~/search/meili.server";
import { chunksOfAtMost } from "~/search/search.server";
import { sendIsolatingRejections } from "~/search/search-relay.server";

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

describe("sendIsolatingRejections", () => {
  /** A stand-in for Meilisearch's answer: it refuses any batch holding a "bad" item, as it refuses a whole payload. */
  const refusing = (bad: Set<number>, sent: number[][]) => async (batch: number[]) => {
    sent.push(batch);
    if (batch.some((item) => bad.has(item))) throw new SearchRejectedError("payload too large", "payload_too_large");
  };

  it("sends a clean batch once", async () => {
    const sent: number[][] = [];
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(await sendIsolatingRejections(items, refusing(new Set(), sent))).toEqual(new Map());
    expect(sent).toEqual([items]);
  });

  it("finds each refused item by halving, and sends every other item", async () => {
    const sent: number[][] = [];
    const items = Array.from({ length: 16 }, (_, i) => i);
    const refused = await sendIsolatingRejections(items, refusing(new Set([3, 12]), sent));
    expect([...refused.keys()]).toEqual([3, 12]);
    expect(refused.get(3)).toMatch(/refused the document: payload too large/);
    const accepted = sent.filter((batch) => !batch.includes(3) && !batch.includes(12)).flat();
    expect(accepted.sort((a, b) => a - b)).toEqual(items.filter((item) => item !== 3 && item !== 12));
    // Halving costs a few requests per refused item, not one per item.
    expect(sent.length).toBeLessThanOrEqual(1 + 2 * 2 * Math.log2(items.length));
  });

  it("lets any other failure through, holding nothing against the items", async () => {
    const down = async () => {
      throw new Error("connect ECONNREFUSED");
    };
    await expect(sendIsolatingRejections([1, 2, 3], down)).rejects.toThrow("ECONNREFUSED");
  });
});
