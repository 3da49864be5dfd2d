import { describe, expect, it } from "vitest";
import { SEARCHABLE_TYPES } from "~/search/search-query";
import { SEARCH_SOURCES } from "~/search/sources.server";

describe("searchable record types", () => {
  it("are the same in the query parser (client-safe) and in the server's sources", () => {
    expect(SEARCH_SOURCES.map((source) => source.recordType).sort()).toEqual([...SEARCHABLE_TYPES].sort());
  });
});
