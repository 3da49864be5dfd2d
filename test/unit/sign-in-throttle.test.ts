import { describe, expect, it } from "vitest";
import { delayAfter, THROTTLE_RULES, throttleKeys } from "~/auth/sign-in-throttle.server";

describe("sign-in throttling", () => {
  it("lets the free failures through, then makes each next attempt wait twice as long, up to a ceiling", () => {
    const rule = THROTTLE_RULES.account;
    expect([0, 1, 4].map((failures) => delayAfter(failures, rule))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map((failures) => delayAfter(failures, rule) / 1000)).toEqual([30, 60, 120, 240]);
    expect(delayAfter(50, rule)).toBe(15 * 60_000);
  });

  it("counts an account by its address in any case, and an address as given", () => {
    expect(throttleKeys(" Reader@Example.TEST ", "::ffff:10.0.0.7")).toEqual({
      account: "account:reader@example.test",
      address: "address:::ffff:10.0.0.7",
    });
  });
});
