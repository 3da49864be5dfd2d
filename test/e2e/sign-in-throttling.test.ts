/**
 * Sign-in throttling, driven over HTTP as a password-guessing script would,
 * on a Hub of this file's own (its address limit would otherwise slow every
 * other test). That Hub starts without HOST and with demo accounts, so it
 * must listen on loopback only and say why.
 */
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";
import { type RunningHub, startHub } from "../support/hub-server";

const e2e = e2eFixture({ env: {}, unset: ["HOST"] });
let second: RunningHub | undefined;

afterAll(async () => {
  await second?.stop();
});

function signIn(email: string, password: string, baseUrl = e2e.baseUrl) {
  return fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
}

async function statusesOf(attempts: Promise<Response>[]): Promise<number[]> {
  const responses = await Promise.all(attempts);
  await Promise.all(responses.map((response) => response.body?.cancel()));
  return responses.map((response) => response.status);
}

const sequentially = async (count: number, attempt: () => Promise<Response>) => {
  const statuses: number[] = [];
  for (let n = 0; n < count; n++) {
    const response = await attempt();
    statuses.push(response.status);
    await response.body?.cancel();
  }
  return statuses;
};

describe("a Hub with demo accounts and no HOST", () => {
  it("listens on 127.0.0.1 only, and says so", () => {
    expect(e2e.hub.output()).toContain("Listening on 127.0.0.1 only, because demo accounts exist");
  });
});

describe("failed sign-ins", () => {
  it("are throttled per account after five, with a 429 that says when to try again; even the right password waits", async () => {
    const email = "editor.newport@demo.srs-hub.test";
    expect(await sequentially(5, () => signIn(email, "not-the-password"))).toEqual([401, 401, 401, 401, 401]);
    const throttled = await signIn(email, "not-the-password");
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(await throttled.text()).toContain("Too many attempts to sign in. Wait 1 minute, then try again");
    // Refused before the password is checked, so a right guess learns nothing now.
    expect((await signIn(email, DEMO_PASSWORD)).status).toBe(429);
  });

  it("are throttled alike whether the account exists or not", async () => {
    const unknown = await sequentially(6, () => signIn("nobody.at.all@demo.srs-hub.test", "not-the-password"));
    expect(unknown).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("cannot slip past the count in a burst of parallel guesses", async () => {
    const email = "editor.monmouthshire@demo.srs-hub.test";
    const statuses = await statusesOf(Array.from({ length: 12 }, () => signIn(email, "not-the-password")));
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it("are shared by every process on the database", async () => {
    second = await startHub({ dataDir: e2e.hub.dataDir });
    // The account throttled through the first Hub is throttled through the second.
    expect((await signIn("editor.newport@demo.srs-hub.test", DEMO_PASSWORD, second.url)).status).toBe(429);
  });

  it("never limit successful sign-ins, one after another or many people at once from one office", async () => {
    const torfaen = await sequentially(15, () => signIn("editor.torfaen@demo.srs-hub.test", DEMO_PASSWORD));
    expect(torfaen).toEqual(Array(15).fill(302));
    const office = ["blaenau-gwent", "gwent-police", "srs", "torfaen"].flatMap((partner) =>
      [1, 2].map(() => signIn(`editor.${partner}@demo.srs-hub.test`, DEMO_PASSWORD)),
    );
    expect(await statusesOf([...office, signIn("reader@demo.srs-hub.test", DEMO_PASSWORD)])).toEqual(
      Array(9).fill(302),
    );
  });

  it("are throttled per address after a hundred, across accounts", async () => {
    // The failures above came from this address too: make up the rest of the hundred with new accounts.
    const statuses: number[] = [];
    for (let n = 0; statuses.at(-1) !== 429 && n < 120; n++) {
      const response = await signIn(`sprayed.${n}@example.test`, "Winter2026!");
      statuses.push(response.status);
      await response.body?.cancel();
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    // Everyone at this address now waits, even with the right password.
    expect((await signIn("admin@demo.srs-hub.test", DEMO_PASSWORD)).status).toBe(429);
  });
});
