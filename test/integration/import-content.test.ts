import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { readContentDirectory } from "~/content/content-files.server";
import { importContent } from "~/content/import-content.server";
import { getDb } from "~/platform/db.server";
import { moveDraftsIntoPartnerNamespaces } from "~/posts/draft-addresses.server";
import { findPostBySlug } from "~/posts/posts.server";
import { draftSlug } from "~/posts/slug";
import { listRevisions } from "~/revisions/revisions.server";
import { events, importedContent, partners, posts, revisions } from "../../db/schema";

const CONTENT_DIR = path.resolve("content");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-content-"));

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function counts() {
  const db = getDb();
  return {
    partners: db.select({ n: count() }).from(partners).get()?.n,
    posts: db.select({ n: count() }).from(posts).get()?.n,
    // The posts' own: the roadmap's items have revisions of their own (see import-roadmap.test.ts).
    revisions: db.select({ n: count() }).from(revisions).where(eq(revisions.recordType, "post")).get()?.n,
  };
}

describe("the demo content", () => {
  const content = readContentDirectory(CONTENT_DIR);

  it("covers all six partners and all four kinds with at least 40 posts", () => {
    expect(content.partners.map((partner) => partner.slug).sort()).toEqual([
      "blaenau-gwent",
      "gwent-police",
      "monmouthshire",
      "newport",
      "srs",
      "torfaen",
    ]);
    expect(content.posts.length).toBeGreaterThanOrEqual(40);
    expect(new Set(content.posts.map((post) => post.partner)).size).toBe(6);
    expect(new Set(content.posts.map((post) => post.kind))).toEqual(
      new Set(["strategy", "aspiration", "lesson", "case-study"]),
    );
    for (const post of content.posts) expect(post.body).toContain("Illustrative demo content");
  });

  it("imports once, and importing again changes nothing", () => {
    const first = importContent(content);
    expect(first.partners.created).toBe(6);
    expect(first.posts.created).toBe(content.posts.length);
    const afterFirst = counts();
    expect(afterFirst).toEqual({ partners: 6, posts: content.posts.length, revisions: content.posts.length });

    const second = importContent(readContentDirectory(CONTENT_DIR));
    expect(second.posts).toEqual({ created: 0, updated: 0, unchanged: content.posts.length });
    expect(second.partners).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(counts()).toEqual(afterFirst);
  });

  it("keeps the publication date from the front matter and drafts unpublished", () => {
    const published = content.posts.find((post) => post.status === "published" && post.publishedAt);
    const draft = content.posts.find((post) => post.status === "draft");
    expect(findPostBySlug(published?.slug ?? "")?.publishedAt).toEqual(published?.publishedAt);
    // A draft lives in its partner's namespace, as one saved from the web does.
    expect(findPostBySlug(draft?.slug ?? "")).toBeNull();
    const imported = findPostBySlug(draftSlug(draft?.partner ?? "", draft?.slug ?? ""));
    expect(imported?.publishedAt).toBeNull();
    expect(imported?.status).toBe("draft");
  });

  it("moves drafts saved before that rule into their partner's namespace at start-up, with an event", () => {
    const draft = content.posts.find((post) => post.status === "draft");
    const moved = draftSlug(draft?.partner ?? "", draft?.slug ?? "");
    getDb().update(posts).set({ slug: draft?.slug }).where(eq(posts.slug, moved)).run();
    expect(moveDraftsIntoPartnerNamespaces()).toBe(1);
    expect(findPostBySlug(moved)?.status).toBe("draft");
    expect(moveDraftsIntoPartnerNamespaces()).toBe(0);
    // Importing again finds it at its new address: nothing is duplicated.
    const report = importContent(content);
    expect(report.posts.created).toBe(0);
  });
});

describe("importing edited content", () => {
  function writeSet(folder: string, title: string, extra = "") {
    fs.mkdirSync(path.join(folder, "partners"), { recursive: true });
    fs.mkdirSync(path.join(folder, "posts", "newport"), { recursive: true });
    fs.writeFileSync(
      path.join(folder, "partners", "newport.md"),
      "---\nslug: newport\nname: Newport City Council\nshortName: Newport\ntype: council\n---\nNewport.\n",
    );
    fs.writeFileSync(
      path.join(folder, "posts", "newport", "import-check.md"),
      `---\ntitle: ${title}\nslug: import-check\nkind: aspiration\npartner: newport\nstatus: published\npublishedAt: 2024-05-01\ntags: [cloud]\nsummary: A summary.\nsections:\n  desiredOutcome: Everything in the cloud.\n  targetTimeframe: By 2027\n${extra}---\nBody.\n`,
    );
  }

  it("updates by slug with a new revision", () => {
    const folder = path.join(scratch, "edit");
    writeSet(folder, "First title");
    importContent(readContentDirectory(folder));
    writeSet(folder, "Second title");
    const report = importContent(readContentDirectory(folder));
    expect(report.posts).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const post = findPostBySlug("import-check");
    expect(post?.title).toBe("Second title");
    const history = listRevisions("post", post?.id ?? -1, { includeRestricted: true });
    expect(history.map((revision) => [revision.number, revision.source])).toEqual([
      [2, "import"],
      [1, "import"],
    ]);
  });

  it("keeps the publication date of a file without one when importing it again", () => {
    const folder = path.join(scratch, "undated");
    writeSet(folder, "Undated title");
    const file = path.join(folder, "posts", "newport", "import-check.md");
    fs.writeFileSync(
      file,
      fs
        .readFileSync(file, "utf8")
        .replace("slug: import-check", "slug: undated-check")
        .replace("publishedAt: 2024-05-01\n", ""),
    );
    importContent(readContentDirectory(folder));
    const first = findPostBySlug("undated-check");
    const again = importContent(readContentDirectory(folder));
    expect(again.posts.unchanged).toBeGreaterThanOrEqual(1);
    expect(findPostBySlug("undated-check")?.publishedAt).toEqual(first?.publishedAt);
  });

  it("writes nothing when any post in the set is invalid", () => {
    const folder = path.join(scratch, "bad");
    writeSet(folder, "Fine title");
    fs.writeFileSync(
      path.join(folder, "posts", "newport", "broken.md"),
      "---\ntitle: Broken\nslug: broken-post\nkind: memo\npartner: newport\nstatus: published\nsummary: x\n---\nBody\n",
    );
    const before = counts();
    expect(() => importContent(readContentDirectory(folder))).toThrow(/broken\.md.*errors\.kind\.unknown/);
    expect(counts()).toEqual(before);
    expect(findPostBySlug("import-check")?.title).toBe("Second title");
  });

  it("decides 'unchanged' from the input, so a record that grew a field is not rewritten", () => {
    const content = readContentDirectory(CONTENT_DIR);
    importContent(content);
    // A later version of the Hub stores a new field in every post's snapshot, say.
    getDb().run(sql`update ${revisions} set snapshot = json_set(snapshot, '$.newField', 'added later')`);
    const before = counts();
    const eventsBefore = getDb().select({ n: count() }).from(events).get()?.n;
    const again = importContent(readContentDirectory(CONTENT_DIR));
    expect(again.posts).toEqual({ created: 0, updated: 0, unchanged: content.posts.length });
    expect(again.partners).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(counts()).toEqual(before);
    expect(getDb().select({ n: count() }).from(events).get()?.n).toBe(eventsBefore);
  });

  it("compares with the stored record when no hash was kept yet (a database from before hashes)", () => {
    const folder = path.join(scratch, "unhashed");
    writeSet(folder, "Unhashed title");
    const file = path.join(folder, "posts", "newport", "import-check.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("slug: import-check", "slug: unhashed-check"));
    importContent(readContentDirectory(folder));
    getDb().delete(importedContent).run();
    const before = counts();
    const again = importContent(readContentDirectory(folder));
    expect(again.posts).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(again.partners).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(counts()).toEqual(before);
    // ...and keeps the hashes from then on.
    expect(getDb().select({ n: count() }).from(importedContent).get()?.n).toBe(2);
  });

  it("records the import's changes in the event log as the import's, not a person's", () => {
    const folder = path.join(scratch, "events");
    writeSet(folder, "Evented title");
    importContent(readContentDirectory(folder));
    writeSet(folder, "Evented title, revised");
    importContent(readContentDirectory(folder));
    const post = findPostBySlug("import-check");
    const logged = getDb()
      .select()
      .from(events)
      .all()
      .filter((event) => event.recordType === "post" && event.recordId === String(post?.id));
    expect(logged.at(-1)).toMatchObject({ type: "post.updated", source: "import", actorId: null });
  });
});
