/**
 * The search log through the finder's own loader and the beacon's action,
 * against a real SQLite file and a real Meilisearch: which searches are
 * recorded and how, opened results, the weekly figures and pruning.
 */
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/auth/lucia.server";
import type { SessionUser } from "~/auth/principals";
import { getDb } from "~/platform/db.server";
import { ForbiddenError } from "~/platform/errors";
import { createPost } from "~/posts/save-post.server";
import { loader as searchLoader } from "~/routes/search._index";
import { action as openedAction, loader as openedLoader } from "~/routes/search.opened";
import { ensureIndex } from "~/search/index-settings.server";
import { relayAll } from "~/search/search-relay.server";
import { getSearchAnalytics, weekOf } from "~/search-analytics/search-analytics.server";
import { pruneSearchLog, recordSearch } from "~/search-analytics/search-log.server";
import { searchLogIdForToken } from "~/search-analytics/search-log-token.server";
import { searchLog } from "../../db/schema";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";
import { startTestMeilisearch, type TestMeilisearch } from "../support/meilisearch";

const HUB = "http://hub.test";
let meili: TestMeilisearch;
let reader: SessionUser;
let admin: SessionUser;
let cookie = "";
// Letters only: a run of six digits in it would be redacted as a number.
const word = unique("zanzibarite")
  .replace("-", "")
  .replace(/\d/g, (digit) => "ghijklmnop"[Number(digit)] ?? "g");

const context = { requestId: "test", clientAddress: "127.0.0.1", monitoringAddress: "127.0.0.1", cspNonce: "n" };
const search = (query: string, headers: Record<string, string> = {}) =>
  searchLoader({
    request: new Request(`${HUB}/search?${query}`, { headers: { Cookie: cookie, ...headers } }),
    params: {},
    context,
  });
const opened = (form: Record<string, string>, withCookie = true) =>
  openedAction({
    request: new Request(`${HUB}/search/opened`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(withCookie ? { Cookie: cookie } : {}) },
      body: new URLSearchParams(form),
    }),
    params: {},
    context,
  });
const rows = () => getDb().select().from(searchLog).orderBy(desc(searchLog.id)).all();
const newest = () => rows()[0];

beforeAll(async () => {
  meili = await startTestMeilisearch();
  givenPartner("torfaen");
  const editor = await givenUser("editor", "torfaen");
  for (const title of ["first", "second", "third"]) {
    createPost({ actor: editor, fields: lessonInput("torfaen", { title: `The ${word} ${title} lesson` }) });
  }
  await ensureIndex();
  await relayAll();
  reader = await givenUser("reader");
  admin = await givenUser("admin");
  cookie = (await startSession(reader.id, { method: "password" })).split(";")[0] ?? "";
});

afterAll(async () => {
  await meili?.dispose();
});

describe("recording finder searches", () => {
  it("records a search with words once: its query normalised, its result count, and nothing of who searched", async () => {
    const before = rows().length;
    const result = await search(`q=${encodeURIComponent(`  ${word.toUpperCase()}   Lesson? `)}`);
    expect(result.results.total).toBe(3);
    expect(result.searchLogToken).toMatch(/^[A-Za-z0-9_-]{48}$/);
    expect(rows()).toHaveLength(before + 1);
    const row = newest();
    expect(row).toMatchObject({ query: `${word} lesson`, resultCount: 3, openedAt: null });
    expect(searchLogIdForToken(result.searchLogToken ?? "")).toBe(row?.id);
    // The table has no place for a person, an address or a session, and the row names none.
    const columns = getDb().$client.prepare("select name from pragma_table_info('search_log')").pluck().all();
    expect(columns.sort()).toEqual(["id", "opened_at", "query", "result_count", "searched_at"]);
    expect(JSON.stringify(row)).not.toContain(reader.id);
  });

  it("records a search that finds nothing with a count of 0, and redacts what it keeps", async () => {
    await search(`q=${encodeURIComponent("warrant 1234 5678 for jo@gwent.police.uk")}`);
    expect(newest()).toMatchObject({ query: "warrant [number] for [email]", resultCount: 0 });
  });

  it("does not record later pages, refinements from the finder, filter-only browsing or the analytics page's links", async () => {
    const before = rows().length;
    const q = encodeURIComponent(word);
    const fromFinder = { Referer: `${HUB}/search?q=${encodeURIComponent(word.toUpperCase())}` };
    expect((await search(`q=${q}&page=2`)).searchLogToken).toBeNull();
    expect((await search(`q=${q}&type=post`, fromFinder)).searchLogToken).toBeNull();
    expect((await search("type=post&partner=torfaen")).searchLogToken).toBeNull();
    expect((await search("q=%20%3F%21%20")).searchLogToken).toBeNull();
    expect((await search(`q=${q}`, { Referer: `${HUB}/admin/search?week=2026-01-05` })).searchLogToken).toBeNull();
    expect(rows()).toHaveLength(before);
    // Other words from the finder, or the same words from elsewhere, are new searches.
    expect((await search(`q=${q}+first`, fromFinder)).searchLogToken).not.toBeNull();
    expect((await search(`q=${q}`, { Referer: `${HUB}/posts/some-post` })).searchLogToken).not.toBeNull();
    expect(rows()).toHaveLength(before + 2);
  });

  it("answers the search all the same when its row cannot be written", async () => {
    const before = rows().length;
    const db = getDb().$client;
    db.pragma("query_only = ON");
    try {
      const result = await search(`q=${encodeURIComponent(`${word} third`)}`);
      expect(result.results.total).toBeGreaterThan(0);
      expect(result.searchLogToken).toBeNull();
    } finally {
      db.pragma("query_only = OFF");
    }
    expect(rows()).toHaveLength(before);
  });
});

describe("opened results", () => {
  it("sets the search's openedAt on the first open only", async () => {
    const { searchLogToken } = await search(`q=${encodeURIComponent(`${word} second`)}`);
    const id = newest()?.id ?? 0;
    const first = await opened({ search: searchLogToken ?? "" });
    expect(first.status).toBe(204);
    const openedAt = getDb().select().from(searchLog).where(eq(searchLog.id, id)).get()?.openedAt;
    expect(openedAt).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await opened({ search: searchLogToken ?? "" })).status).toBe(204);
    expect(getDb().select().from(searchLog).where(eq(searchLog.id, id)).get()?.openedAt).toEqual(openedAt);
  });

  it("refuses a token it did not make, an altered one, none, and a visitor", async () => {
    const { searchLogToken } = await search(`q=${encodeURIComponent(`${word} first lesson`)}`);
    const token = searchLogToken ?? "";
    const altered = `${token.slice(0, 20)}${token[20] === "A" ? "B" : "A"}${token.slice(21)}`;
    expect((await opened({ search: altered })).status).toBe(400);
    expect((await opened({ search: "1" })).status).toBe(400);
    expect((await opened({ search: "A".repeat(48) })).status).toBe(400);
    expect((await opened({})).status).toBe(400);
    expect((await opened({ search: token }, false)).status).toBe(401);
    expect(newest()?.openedAt).toBeNull();
    const get = await openedLoader({
      request: new Request(`${HUB}/search/opened`, { headers: { Cookie: cookie } }),
      params: {},
      context,
    });
    expect(get.status).toBe(405);
  });
});

describe("the weekly figures", () => {
  it("count each week's queries apart: top, found nothing, and nobody opened; for administrators only", () => {
    const thisWeek = weekOf(new Date("2030-06-12T12:00:00Z"));
    const lastWeek = weekOf(new Date("2030-06-05T12:00:00Z"));
    const at = (week: typeof thisWeek, hours: number) => new Date(week.start.getTime() + hours * 3_600_000);
    const log = (query: string, resultCount: number, when: Date) => recordSearch({ query, resultCount, at: when });
    for (let i = 0; i < 3; i++) log("Teams", 4, at(thisWeek, i));
    const openedToken = log("teams", 4, at(thisWeek, 5)) ?? "";
    log("BWV", 0, at(thisWeek, 6));
    log("bwv", 0, at(thisWeek, 7));
    log("siem", 2, at(thisWeek, 8));
    // The week before, and the first instant of the week after, are not this week's.
    log("last week only", 0, at(lastWeek, 1));
    log("next week", 0, thisWeek.end);
    getDb()
      .update(searchLog)
      .set({ openedAt: at(thisWeek, 5) })
      .where(eq(searchLog.id, searchLogIdForToken(openedToken) ?? 0))
      .run();

    const figures = getSearchAnalytics(admin, thisWeek.id, new Date("2030-06-13T09:00:00Z"));
    expect(figures.week.id).toBe(thisWeek.id);
    expect(figures.weeks[0]?.id).toBe(thisWeek.id);
    expect(figures).toMatchObject({ searches: 7, distinctQueries: 3, zeroResultSearches: 2, openedSearches: 1 });
    expect(figures.top.map((row) => [row.query, row.searches, row.opened])).toEqual([
      ["teams", 4, 1],
      ["bwv", 2, 0],
      ["siem", 1, 0],
    ]);
    expect(figures.zeroResults.map((row) => row.query)).toEqual(["bwv"]);
    expect(figures.notOpened.map((row) => row.query)).toEqual(["siem"]);

    const before = getSearchAnalytics(admin, lastWeek.id, new Date("2030-06-13T09:00:00Z"));
    expect(before.top.map((row) => row.query)).toEqual(["last week only"]);
    // A week that is not offered means this one.
    expect(getSearchAnalytics(admin, "1999-01-04", new Date("2030-06-13T09:00:00Z")).week.id).toBe(thisWeek.id);
    expect(() => getSearchAnalytics(reader, null)).toThrow(ForbiddenError);
  });
});

describe("pruning", () => {
  it("deletes rows older than the kept days, and only those", () => {
    const now = new Date("2031-01-31T12:00:00Z").getTime();
    const day = 24 * 3_600_000;
    const old = recordSearch({ query: `${word} pruned`, resultCount: 1, at: new Date(now - 90 * day - 1) });
    const kept = recordSearch({ query: `${word} kept`, resultCount: 1, at: new Date(now - 90 * day + 60_000) });
    const idOf = (token: string | null) => searchLogIdForToken(token ?? "") ?? 0;
    const exists = (token: string | null) =>
      getDb()
        .select()
        .from(searchLog)
        .where(eq(searchLog.id, idOf(token)))
        .get() !== undefined;
    const pruned = pruneSearchLog(90, now);
    expect(pruned).toBeGreaterThanOrEqual(1);
    expect(exists(old)).toBe(false);
    expect(exists(kept)).toBe(true);
    // Every other row (searched today and in 2030) is older still, and went too.
    expect(rows().every((row) => row.searchedAt.getTime() >= now - 90 * day)).toBe(true);
  });
});
