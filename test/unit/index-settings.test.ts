import { describe, expect, it } from "vitest";
import { sameSetting } from "~/search/index-settings.server";

describe("comparing the index's settings with the Hub's", () => {
  it("ignores Meilisearch's own order and the defaults the Hub does not set", () => {
    expect(sameSetting(["b", "a"], ["a", "b"])).toBe(true);
    expect(
      sameSetting(
        {
          enabled: true,
          minWordSizeForTypos: { oneTypo: 5, twoTypos: 8 },
          disableOnAttributes: [],
          disableOnWords: [],
        },
        { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 8 } },
      ),
    ).toBe(true);
  });

  it("sees a changed value, a missing list item and a synonym the Hub no longer has", () => {
    expect(
      sameSetting(
        { minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
        { minWordSizeForTypos: { oneTypo: 5, twoTypos: 8 } },
      ),
    ).toBe(false);
    expect(sameSetting(["a"], ["a", "b"])).toBe(false);
    expect(
      sameSetting(
        { soc: ["security operations centre"], old: ["gone"] },
        { soc: ["security operations centre"] },
        true,
      ),
    ).toBe(false);
    expect(sameSetting({ soc: ["security operations centre"] }, { soc: ["security operations centre"] }, true)).toBe(
      true,
    );
  });
});
