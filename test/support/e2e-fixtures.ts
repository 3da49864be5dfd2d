/**
 * The fixture every end-to-end test file uses, in one line:
 *
 *   const e2e = e2eFixture();                          // the run's shared Hub
 *   const e2e = e2eFixture({ env: { MEILI_BIN: "" } }); // a Hub of the file's own
 *   const e2e = e2eFixture({ env: {}, unset: ["HOST"] }); // ... started without HOST
 *
 * It gives each test its own browser contexts (signed in over HTTP when
 * asked) and, after the test, fails it if while it ran a page threw, the
 * console showed an error (see e2e-browser-problems.ts for the one kind
 * tolerated) or the Hub logged a server error (a JSON line with
 * "level":"error" in its log). A test that provokes a server error on purpose
 * reads it with takeServerErrors(), which also marks it as seen.
 *
 * Contexts opened with default options are recycled rather than closed: after
 * a test its cookies, permissions, routes, extra pages and listeners go, and
 * its one page is sent to about:blank, so the next test gets a context in the
 * state of a new one (the app keeps nothing in web storage) but with its
 * renderer running and the app's scripts in its cache. On this two-core
 * machine that saves about a second a test.
 */
import fs from "node:fs";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { signInContext } from "./browser";
import { BrowserProblems } from "./e2e-browser-problems";
import { connectBrowser } from "./e2e-chromium";
import { describeServerError, HubLog, type ServerErrorEntry } from "./e2e-hub-log";
import { type RunningHub, startHub } from "./hub-server";

/** What a test needs to know about the Hub it talks to. */
export type HubUnderTest = Omit<RunningHub, "stop">;

export interface E2E {
  /** The Hub's address, such as http://127.0.0.1:40123. */
  readonly baseUrl: string;
  readonly hub: HubUnderTest;
  /** A browser context of the test's own, signed out, watched for problems. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A blank page in a context of its own. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A blank page in a context of its own, signed in as `email` (over HTTP, not through the form). */
  signedInPage(email: string, options?: BrowserContextOptions): Promise<Page>;
  /** For the rest of this test, a page loaded with one of these statuses is expected (see BrowserProblems). */
  allowNavigationStatus(...statuses: number[]): void;
  /** The server errors the Hub logged since the test began (or the last call), now marked as seen. */
  takeServerErrors(): ServerErrorEntry[];
}

function sharedHub(): HubUnderTest {
  const logPath = inject("hubLogPath");
  return {
    url: inject("baseUrl"),
    dataDir: inject("hubDataDir"),
    logPath,
    output: () => fs.readFileSync(logPath, "utf8"),
  };
}

interface Lease {
  context: BrowserContext;
  /** The page kept when the context is recycled; made on first use. */
  page?: Page;
  recyclable: boolean;
}

export function e2eFixture({ env, unset }: { env?: Record<string, string>; unset?: string[] } = {}): E2E {
  let ownHub: RunningHub | undefined;
  let hub: HubUnderTest | undefined = env ? undefined : sharedHub();
  let log: HubLog | undefined;
  let browser: Promise<Browser> | undefined;
  let leased: Lease[] = [];
  const idle: Lease[] = [];
  const problems = new BrowserProblems();

  const currentHub = (): HubUnderTest => {
    if (!hub) throw new Error("The Hub is not running yet: use the fixture inside tests or hooks");
    return hub;
  };

  /** Back to the state of a new context, or closed when that cannot be promised. */
  const giveBack = async (lease: Lease) => {
    if (!lease.recyclable) return lease.context.close();
    const { context } = lease;
    try {
      context.removeAllListeners();
      await context.unrouteAll({ behavior: "ignoreErrors" });
      await context.clearCookies();
      await context.clearPermissions();
      const keep = [lease.page, ...context.pages()].find((page) => page && !page.isClosed());
      await Promise.all(
        context
          .pages()
          .filter((page) => page !== keep)
          .map((page) => page.close()),
      );
      if (keep) {
        keep.removeAllListeners();
        await keep.goto("about:blank", { timeout: 5_000 });
      }
      problems.watch(context);
      idle.push({ context, page: keep, recyclable: true });
    } catch {
      await context.close().catch(() => {});
    }
  };

  beforeAll(async () => {
    if (env) {
      ownHub = await startHub({ env, unset });
      hub = ownHub;
    }
    log = new HubLog(currentHub().logPath);
  });

  beforeEach(() => {
    log?.mark();
    problems.take();
  });

  afterEach(async () => {
    const returning = leased;
    leased = [];
    await Promise.all(returning.map(giveBack));
    const found = problems.take();
    const serverErrors = log?.takeErrors() ?? [];
    if (found.length === 0 && serverErrors.length === 0) return;
    throw new Error(
      [
        ...found.map((problem) => `In the browser: ${problem}`),
        ...serverErrors.map((entry) => `In the Hub's log: ${describeServerError(entry)}`),
      ].join("\n"),
    );
  });

  afterAll(async () => {
    if (browser) await (await browser).close();
    await ownHub?.stop();
  });

  const lease = async (options?: BrowserContextOptions): Promise<Lease> => {
    const reused = options ? undefined : idle.pop();
    if (reused) {
      leased.push(reused);
      return reused;
    }
    browser ??= connectBrowser(inject("browserWsEndpoint"));
    const context = await (await browser).newContext(options);
    problems.watch(context);
    const fresh = { context, recyclable: !options };
    leased.push(fresh);
    return fresh;
  };

  const pageOf = async (lease: Lease): Promise<Page> => {
    if (lease.page && !lease.page.isClosed()) return lease.page;
    lease.page = await lease.context.newPage();
    return lease.page;
  };

  return {
    get baseUrl() {
      return currentHub().url;
    },
    get hub() {
      return currentHub();
    },
    async newContext(options) {
      return (await lease(options)).context;
    },
    async newPage(options) {
      return pageOf(await lease(options));
    },
    async signedInPage(email, options) {
      const signedIn = await lease(options);
      await signInContext(signedIn.context, currentHub().url, email);
      return pageOf(signedIn);
    },
    allowNavigationStatus(...statuses) {
      problems.allowNavigationStatus(...statuses);
    },
    takeServerErrors() {
      return log?.takeErrors() ?? [];
    },
  };
}
