import { describe, expect, it } from "vitest";
import { aggregate, judge, recallAt, reciprocalRank } from "../../scripts/lib/relevance-metrics";

describe("recallAt", () => {
  it("is the share of the wanted records in the first k results", () => {
    expect(recallAt(5, ["a", "x", "b", "y", "z"], { expected: ["a", "b"] })).toBe(1);
    expect(recallAt(5, ["x", "a", "y"], { expected: ["a", "b"] })).toBe(0.5);
    expect(recallAt(5, [], { expected: ["a"] })).toBe(0);
  });

  it("does not count a wanted record below the cutoff", () => {
    expect(recallAt(5, ["v", "w", "x", "y", "z", "a"], { expected: ["a"] })).toBe(0);
    expect(recallAt(3, ["v", "a", "x", "b"], { expected: ["a", "b"] })).toBe(0.5);
  });

  it("never divides by more than k, so wanting more records than k can still score 1", () => {
    expect(recallAt(2, ["a", "b", "c"], { expected: ["a", "b", "c"] })).toBe(1);
  });

  it("counts an 'any of' query as found when one of its records is there", () => {
    expect(recallAt(5, ["x", "c"], { expected: ["a", "b", "c"], anyOf: true })).toBe(1);
    expect(recallAt(5, ["x", "y"], { expected: ["a", "b", "c"], anyOf: true })).toBe(0);
  });

  it("refuses a query that wants nothing", () => {
    expect(() => recallAt(5, ["a"], { expected: [] })).toThrow(/at least one/);
  });
});

describe("reciprocalRank", () => {
  it("is 1 / the rank of the first wanted record", () => {
    expect(reciprocalRank(["a", "b"], { expected: ["a"] })).toBe(1);
    expect(reciprocalRank(["x", "y", "b", "a"], { expected: ["a", "b"] })).toBeCloseTo(1 / 3);
  });

  it("is 0 when no wanted record comes back", () => {
    expect(reciprocalRank(["x", "y"], { expected: ["a"] })).toBe(0);
    expect(reciprocalRank([], { expected: ["a"] })).toBe(0);
  });
});

describe("judge", () => {
  it("lists the wanted records missing from the top 5 and what came first", () => {
    const outcome = judge({ q: "q", category: "typo", expected: ["a", "b"] }, ["x", "a", "y", "z", "w", "b"], 6);
    expect(outcome.recall).toBe(0.5);
    expect(outcome.reciprocalRank).toBe(0.5);
    expect(outcome.missed).toEqual(["b"]);
    expect(outcome.top).toEqual(["x", "a", "y", "z", "w"]);
  });

  it("reports nothing missed for an 'any of' query that found one", () => {
    const outcome = judge({ q: "q", category: "welsh", expected: ["a", "b"], anyOf: true }, ["b"], 1);
    expect(outcome.missed).toEqual([]);
  });
});

describe("aggregate", () => {
  const outcomes = [
    judge({ q: "one", category: "typo", expected: ["a"] }, ["a"], 1),
    judge({ q: "two", category: "typo", expected: ["a", "b"] }, ["x", "a"], 2),
    judge({ q: "three", category: "welsh", expected: ["a"] }, [], 0),
  ];

  it("averages each category's queries, with its zero-result and missing counts", () => {
    const { byCategory } = aggregate(outcomes, ["typo", "welsh"]);
    expect(byCategory.typo).toEqual({ queries: 2, recallAt5: 0.75, mrr: 0.75, zeroResults: 0, missing: 1 });
    expect(byCategory.welsh).toEqual({ queries: 1, recallAt5: 0, mrr: 0, zeroResults: 1, missing: 1 });
  });

  it("weighs every query the same overall, whatever its category", () => {
    const { overall } = aggregate(outcomes, ["typo", "welsh"]);
    expect(overall.queries).toBe(3);
    expect(overall.recallAt5).toBeCloseTo(1.5 / 3);
    expect(overall.mrr).toBeCloseTo(1.5 / 3);
    expect(overall.zeroResults).toBe(1);
  });

  it("keeps the categories' order and leaves out those with no queries", () => {
    const { byCategory } = aggregate(outcomes, ["welsh", "known-item", "typo"]);
    expect(Object.keys(byCategory)).toEqual(["welsh", "typo"]);
  });
});
