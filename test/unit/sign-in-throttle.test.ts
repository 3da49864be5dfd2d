import { describe, expect, it } from "vitest";
import { addressGroup, delayAfter, THROTTLE_RULES, throttleKeys } from "~/auth/sign-in-throttle.server";

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
      address: "address:10.0.0.7",
    });
  });

  it("counts IPv6 addresses by their /64, so an attacker cannot walk through a network's addresses", () => {
    expect(addressGroup("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("2001:0db8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
    expect(addressGroup("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressGroup("10.0.0.7")).toBe("10.0.0.7");
    expect(addressGroup("10.0.0.7:51234")).toBe("10.0.0.7");
    expect(addressGroup("[2001:db8:1:2::9]:443")).toBe("2001:db8:1:2::/64");
  });
});
