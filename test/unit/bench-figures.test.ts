import { describe, expect, it } from "vitest";
import {
  type CpuProfile,
  formatCpuProfileSummary,
  isMainThreadProfile,
  summariseCpuProfiles,
} from "../../scripts/lib/cpu-profile-summary";
import { percentile, summariseLatencies } from "../../scripts/lib/latency-summary";
import { compareSearch } from "../../scripts/lib/load-report";
import type { LoadResult } from "../../scripts/lib/load-run";

describe("percentile", () => {
  const oneToTwenty = Array.from({ length: 20 }, (_, i) => i + 1);

  it("is the nearest rank: the smallest value that p% of the values do not exceed", () => {
    expect(percentile(oneToTwenty, 50)).toBe(10);
    expect(percentile(oneToTwenty, 95)).toBe(19);
    expect(percentile(oneToTwenty, 99)).toBe(20);
    expect(percentile(oneToTwenty, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
  });

  it("is not a number for no values", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("summariseLatencies", () => {
  it("sorts by value, not as text, and leaves the samples as they were", () => {
    const samples = [100, 9, 20, 3];
    expect(summariseLatencies(samples)).toEqual({ count: 4, p50: 9, p95: 100, p99: 100, max: 100 });
    expect(samples).toEqual([100, 9, 20, 3]);
  });

  it("says there is nothing to summarise", () => {
    const none = summariseLatencies([]);
    expect(none.count).toBe(0);
    expect(none.p95).toBeNaN();
    expect(none.max).toBeNaN();
  });
});

const frame = (functionName: string, url = "", lineNumber = -1) => ({
  functionName,
  url,
  lineNumber,
  columnNumber: 0,
});

/** Root, idle, renderPage (twice in the tree), and a library's parse. Times in microseconds. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2, 3, 4] },
    { id: 2, callFrame: frame("(idle)") },
    { id: 3, callFrame: frame("renderPage", "file:///repo/build/server/index.js", 9), children: [5] },
    { id: 4, callFrame: frame("parse", "file:///repo/node_modules/marked/lib/marked.js", 4) },
    { id: 5, callFrame: frame("renderPage", "file:///repo/build/server/index.js", 9) },
  ],
  startTime: 0,
  endTime: 7000,
  samples: [3, 3, 4, 2, 5],
  // Stamps 0, 1000, 2000, 4000, 5000: each sample lasts until the next (the last, until endTime).
  timeDeltas: [0, 1000, 1000, 2000, 1000],
};

describe("summariseCpuProfiles", () => {
  it("gives each function the time until the next sample, summed over the call tree, idle apart", () => {
    const summary = summariseCpuProfiles([profile], "/repo");
    expect(summary.totalMs).toBe(7);
    expect(summary.idleMs).toBe(1);
    expect(summary.functions).toEqual([
      { name: "renderPage", location: "build/server/index.js:10", selfMs: 4, share: 4 / 6 },
      { name: "parse", location: "node_modules/marked/lib/marked.js:5", selfMs: 2, share: 2 / 6 },
    ]);
  });

  it("adds up several processes' profiles", () => {
    const summary = summariseCpuProfiles([profile, profile], "/repo");
    expect(summary.profiles).toBe(2);
    expect(summary.functions.map((entry) => [entry.name, entry.selfMs])).toEqual([
      ["renderPage", 8],
      ["parse", 4],
    ]);
  });

  it("prints the busiest functions first, as many as asked", () => {
    const text = formatCpuProfileSummary(summariseCpuProfiles([profile], "/repo"), 1);
    expect(text).toContain("renderPage  build/server/index.js:10");
    expect(text).toContain("66.7%");
    expect(text).not.toContain("parse");
  });
});

describe("isMainThreadProfile", () => {
  it("keeps a process's main thread and leaves out its other threads", () => {
    expect(isMainThreadProfile("/tmp/p/CPU.20261129.085338.15446.0.001.cpuprofile")).toBe(true);
    expect(isMainThreadProfile("CPU.20261129.085339.15446.1.002.cpuprofile")).toBe(false);
    expect(isMainThreadProfile("notes.txt")).toBe(false);
  });
});

describe("compareSearch", () => {
  const result = (name: string, requestsPerSecond: number, p95: number): LoadResult => ({
    name,
    label: name,
    connections: 1,
    seconds: 10,
    requests: requestsPerSecond * 10,
    requestsPerSecond,
    latency: { count: requestsPerSecond * 10, p50: p95 / 2, p95, p99: p95, max: p95 },
    unexpected: 0,
    statuses: {},
    errors: 0,
    timeouts: 0,
  });

  it("sets the Hub's search against raw Meilisearch: throughput as a share, single-client p95 as a difference", () => {
    const comparison = compareSearch([
      result("meili", 400, 30),
      result("search", 100, 90),
      result("meili-single", 200, 6),
      result("search-single", 50, 21),
    ]);
    expect(comparison.searchToRawThroughput).toBe(0.25);
    expect(comparison.singleClientP95).toEqual({ hub: 21, raw: 6, difference: 15 });
  });

  it("compares nothing that did not run", () => {
    expect(compareSearch([result("search", 100, 90)])).toEqual({ searchToRawThroughput: null, singleClientP95: null });
  });
});
