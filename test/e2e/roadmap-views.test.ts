/**
 * The roadmap's views in Chromium against the built Hub: the board by status
 * and the timeline by quarter, filters that narrow with counts, the empty
 * state, bad filter values ignored, and the CSV export (formula-safe, with
 * linked-post counts). Items are written to the Hub's database in a theme of
 * their own, so that whatever else the roadmap holds stays out of the counts.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "../support/browser";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();
const ADMIN = "admin@demo.srs-hub.test";
const READER = "reader@demo.srs-hub.test";
const DAY = 24 * 60 * 60 * 1000;
const theme = `theme-${randomBytes(4).toString("hex")}`;
const farTheme = `${theme}-far`;
const slugs = { cloud: `${theme}-cloud`, formula: `${theme}-formula`, done: `${theme}-done` };

beforeAll(() => {
  const db = new Database(path.join(e2e.hub.dataDir, "hub.db"));
  try {
    db.pragma("busy_timeout = 5000");
    const now = Date.now();
    const themeId = db
      .prepare("insert into roadmap_themes (slug, name) values (?, ?) returning id")
      .pluck()
      .get(theme, `Test theme ${theme}`);
    const partnerId = (slug: string) => db.prepare("select id from partners where slug = ?").pluck().get(slug);
    const adminId = db.prepare("select id from users where email = ?").pluck().get(ADMIN);
    const insertItem = db.prepare(
      `insert into roadmap_items (slug, title, summary, description, theme_id, status, start_quarter, target_quarter,
        owner_id, reviewed_at, created_at, updated_at) values (?, ?, 'Summary', 'Description', ?, ?, ?, ?, ?, ?, ?, ?)
        returning id`,
    );
    const item = (slug: string, title: string, status: string, start: string, target: string, reviewedAt: number) =>
      Number(insertItem.pluck().get(slug, title, themeId, status, start, target, adminId, reviewedAt, now, now));
    const cloud = item(slugs.cloud, "Cloud mailbox move", "in-progress", "2026-Q1", "2026-Q3", now);
    const formula = item(slugs.formula, '=HYPERLINK("http://evil.example")', "planned", "2026-Q2", "2026-Q4", now);
    const done = item(slugs.done, "Old network refresh", "delivered", "2025-Q3", "2026-Q1", now - 120 * DAY);
    // Years after the rest, in a theme of its own: the timeline goes on to it without a run of empty quarters.
    const farThemeId = db
      .prepare("insert into roadmap_themes (slug, name) values (?, ?) returning id")
      .pluck()
      .get(farTheme, `Test theme ${farTheme}`);
    insertItem.run(
      `${farTheme}-far`,
      "Data centre exit",
      farThemeId,
      "planned",
      "2035-Q1",
      "2035-Q2",
      adminId,
      now,
      now,
      now,
    );
    const addPartner = db.prepare("insert into roadmap_item_partners (item_id, partner_id) values (?, ?)");
    addPartner.run(cloud, partnerId("torfaen"));
    addPartner.run(cloud, partnerId("newport"));
    addPartner.run(formula, partnerId("newport"));
    addPartner.run(done, partnerId("torfaen"));
    const update = db.prepare("insert into roadmap_updates (item_id, rating, update_date, note) values (?, ?, ?, ?)");
    update.run(cloud, "on-track", "2026-01-05", "Started.");
    update.run(cloud, "at-risk", "2026-02-05", "Licences late.");
    update.run(done, "on-track", "2025-12-01", "Done.");
    const postIds = db.prepare("select id from posts where status = 'published' order by id limit 3").pluck().all();
    const link = db.prepare(
      "insert into record_links (subject_type, subject_id, relation, object_type, object_id) values ('roadmap_item', ?, ?, 'post', ?)",
    );
    link.run(String(cloud), "drives", String(postIds[0]));
    link.run(String(cloud), "informs", String(postIds[1]));
    link.run(String(cloud), "informs", String(postIds[2]));
    link.run(String(done), "learned-from", String(postIds[0]));
  } finally {
    db.close();
  }
});

describe("the roadmap", () => {
  it("shows a board by status whose filters narrow with counts, and an empty state", async () => {
    const page = await e2e.signedInPage(ADMIN);
    await page.goto(`${e2e.baseUrl}/roadmap?theme=${theme}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Roadmap");
    await expect(page.getByRole("link", { name: "Roadmap", exact: true }).getAttribute("aria-current")).resolves.toBe(
      "page",
    );
    expect(await page.getByRole("status").textContent()).toBe("3 items");
    const inProgress = page.locator("section", { has: page.getByRole("heading", { name: /^In progress/ }) });
    expect(await inProgress.getByRole("heading", { level: 2 }).textContent()).toBe("In progress (1)");
    const card = inProgress.getByRole("listitem").filter({ hasText: "Cloud mailbox move" });
    expect(await card.textContent()).toContain("At risk");
    expect(await card.textContent()).toContain("Target2026 Q3");
    expect(await card.textContent()).toContain("OwnerDemo Administrator");
    expect(await card.getByRole("link").getAttribute("href")).toBe(`/roadmap/${slugs.cloud}`);
    const delivered = page.locator("section", { has: page.getByRole("heading", { name: /^Delivered/ }) });
    expect(await delivered.textContent()).toContain("Review overdue");
    expect(await page.getByRole("link", { name: "Create a roadmap item" }).getAttribute("href")).toBe("/roadmap/new");
    await expectAccessible(page);

    // Narrow to Torfaen: two items; the partner counts stay worked out without the partner filter.
    await page.getByLabel(/^Torfaen/).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/partner=torfaen/);
    // The address changes before the new page renders: wait for what it shows.
    await expect.poll(() => page.getByRole("status").textContent()).toBe("2 items");
    expect(await page.getByText(/^Newport \(\d+\)$/).textContent()).toBe("Newport (2)");
    expect(await page.getByText(/^At risk \(\d+\)$/).textContent()).toBe("At risk (1)");
    // The CSV link keeps the filters.
    expect(await page.getByRole("link", { name: /Download as CSV/ }).getAttribute("href")).toBe(
      `/roadmap.csv?partner=torfaen&theme=${theme}`,
    );
    // Filtered by status, the board shows the chosen statuses' sections only.
    await page.goto(`${e2e.baseUrl}/roadmap?theme=${theme}&status=planned&status=delivered`);
    expect(await page.locator(".app-roadmap-board").getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "Planned (1)",
      "Delivered (1)",
    ]);

    await page.goto(`${e2e.baseUrl}/roadmap?theme=${theme}&status=cancelled&rag=purple&view=gantt`);
    expect(await page.getByRole("heading", { name: "No roadmap items match these filters" }).count()).toBe(1);
  });

  it("shows a timeline with a row per quarter from the earliest start to the latest target, skipping empty ones", async () => {
    const page = await e2e.signedInPage(READER);
    await page.goto(`${e2e.baseUrl}/roadmap?view=timeline&theme=${theme}`);
    const rows = page.getByRole("table").getByRole("row");
    // 2025 Q3 to 2026 Q4, and the header row.
    expect(await rows.count()).toBe(7);
    expect(await rows.nth(1).getByRole("rowheader").textContent()).toBe("2025 Q3");
    const q2 = rows.filter({ has: page.getByRole("rowheader", { name: "2026 Q2" }) });
    expect(await q2.getByRole("link").allTextContents()).toEqual([
      "Cloud mailbox move",
      '=HYPERLINK("http://evil.example")',
    ]);
    expect(await page.getByRole("link", { name: "Create a roadmap item" }).count()).toBe(0);
    await expectAccessible(page);

    // An item years ahead is on the timeline too, after the quarters in between that have nothing under way.
    await page.goto(`${e2e.baseUrl}/roadmap?view=timeline&theme=${theme}&theme=${farTheme}`);
    const headers = await page.getByRole("table").getByRole("rowheader").allTextContents();
    expect(headers).toEqual(["2025 Q3", "2025 Q4", "2026 Q1", "2026 Q2", "2026 Q3", "2026 Q4", "2035 Q1", "2035 Q2"]);
    const far = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "2035 Q2" }) });
    expect(await far.getByRole("link").allTextContents()).toEqual(["Data centre exit"]);
  });

  it("exports the filtered roadmap as CSV, formula-safe, with linked posts counted by relation", async () => {
    const page = await e2e.signedInPage(READER);
    const response = await page.request.get(`${e2e.baseUrl}/roadmap.csv?theme=${theme}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(
      /^attachment; filename="srs-roadmap-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Title,Slug,Theme,Status,Start,Target,Partners,Owner,Latest RAG,Last update,Last reviewed,Stale," +
        "Linked: drives,Linked: informs,Linked: learned-from,Linked: delivers",
    );
    expect(lines).toHaveLength(4);
    const row = (slug: string) => lines.find((line) => line.includes(`,${slug},`)) ?? "";
    expect(row(slugs.formula).startsWith(`"'=HYPERLINK(""http://evil.example"")"`)).toBe(true);
    expect(row(slugs.cloud)).toMatch(
      /,In progress,2026-Q1,2026-Q3,.*,At risk,2026-02-05,\d{4}-\d{2}-\d{2},no,1,2,0,0$/,
    );
    expect(row(slugs.done)).toMatch(/,Delivered,.*,yes,0,0,1,0$/);
  });
});
