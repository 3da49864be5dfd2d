/**
 * Typed links between roadmap items and posts (decision 043), on a real
 * SQLite file: who may add and remove them, what is refused (writing nothing),
 * their events, both sides' lists, and a deleted post taking its links along.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { addLink, removeLink } from "~/links/link-commands.server";
import { loadEnd } from "~/links/link-ends.server";
import { linksOfRecord } from "~/links/links.server";
import { writeLink } from "~/links/write-link.server";
import { roadmapItemsDrivenBy } from "~/partners/partner-home.server";
import { getDb, writeTransaction } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { deletePost } from "~/posts/delete-post.server";
import { findPostBySlug } from "~/posts/posts.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { events, recordLinks, roadmapItemPartners, roadmapItems, roadmapThemes } from "../../db/schema";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";

let torfaen: { id: number; slug: string };
let newport: { id: number; slug: string };
let torfaenEditor: SessionUser;
let newportEditor: SessionUser;
let itemOwner: SessionUser;
let reader: SessionUser;
let coordinator: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  torfaen = givenPartner(unique("torfaen"), "Torfaen County Borough Council");
  newport = givenPartner(unique("newport"), "Newport City Council");
  torfaenEditor = await givenUser("editor", torfaen.slug);
  newportEditor = await givenUser("editor", newport.slug);
  itemOwner = await givenUser("reader", newport.slug);
  reader = await givenUser("reader", newport.slug);
  coordinator = await givenUser("coordinator");
  admin = await givenUser("admin");
});

function givenItem(ownerId: string | null = itemOwner.id, partnerIds: number[] = [newport.id]) {
  const db = getDb();
  const theme = db.select().from(roadmapThemes).limit(1).get();
  const now = new Date();
  const slug = unique("item");
  const item = db
    .insert(roadmapItems)
    .values({
      slug,
      title: `Microsoft 365 roll-out ${slug}`,
      summary: "Moving every partner to Microsoft 365.",
      description: "",
      themeId: theme?.id ?? 1,
      status: "in-progress",
      startQuarter: "2026-Q1",
      targetQuarter: "2026-Q4",
      ownerId,
      reviewedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
  for (const partnerId of partnerIds) db.insert(roadmapItemPartners).values({ itemId: item.id, partnerId }).run();
  return item;
}

function torfaenPost(overrides: Parameters<typeof lessonInput>[1] = {}) {
  const { slug } = createPost({
    actor: torfaenEditor,
    fields: lessonInput(torfaen.slug, { title: unique("Lesson"), ...overrides }),
  });
  const post = findPostBySlug(slug);
  if (!post) throw new Error("no post");
  return post;
}

const ref = (type: "post" | "roadmap_item", id: number) => ({ type, id });

function linkRows() {
  return getDb().select().from(recordLinks).all();
}

function linkEvents(linkId: number) {
  return getDb()
    .select()
    .from(events)
    .where(and(eq(events.recordType, "record_link"), eq(events.recordId, String(linkId))))
    .all();
}

function itemEnd(id: number) {
  const end = loadEnd("roadmap_item", String(id), getDb());
  if (!end) throw new Error("no item");
  return end;
}

describe("adding a link", () => {
  it("lets the item's owner link any published post, with an event naming both ends and their partners", () => {
    const item = givenItem();
    const post = torfaenPost();
    const added = addLink(itemOwner, {
      subject: ref("roadmap_item", item.id),
      relation: "informs",
      object: ref("post", post.id),
      note: "  Used in planning.\r\n",
    });
    expect(added.link).toMatchObject({ relation: "informs", note: "Used in planning.", createdBy: itemOwner.id });
    const [event] = linkEvents(added.link.id);
    expect(event).toMatchObject({
      type: "record_link.added",
      actorId: itemOwner.id,
      source: "web",
      partnerIds: [newport.id, torfaen.id],
      data: {
        subjectType: "roadmap_item",
        subjectId: String(item.id),
        relation: "informs",
        objectType: "post",
        objectId: String(post.id),
        title: post.title,
      },
    });
  });

  it("lets a post's editor link their own partner's post to any item, and admins anything", () => {
    const item = givenItem(coordinator.id);
    const post = torfaenPost();
    addLink(torfaenEditor, {
      subject: ref("roadmap_item", item.id),
      relation: "learned-from",
      object: ref("post", post.id),
    });
    addLink(admin, { subject: ref("roadmap_item", item.id), relation: "informs", object: ref("post", post.id) });
    expect(linkRows().filter((row) => row.subjectId === String(item.id))).toHaveLength(2);
  });

  it.each([
    ["another partner's editor", () => newportEditor],
    ["a reader", () => reader],
    ["a coordinator who does not own the item", () => coordinator],
  ])("refuses %s with ForbiddenError, writing nothing", (_who, actor) => {
    const item = givenItem();
    const post = torfaenPost();
    const before = linkRows().length;
    const eventsBefore = getDb().select().from(events).all().length;
    expect(() =>
      addLink(actor(), { subject: ref("roadmap_item", item.id), relation: "informs", object: ref("post", post.id) }),
    ).toThrow(ForbiddenError);
    expect(linkRows()).toHaveLength(before);
    expect(getDb().select().from(events).all()).toHaveLength(eventsBefore);
  });

  it("refuses the same post, item and relation twice with a field error, but takes another relation", () => {
    const item = givenItem();
    const post = torfaenPost();
    const link = { subject: ref("roadmap_item", item.id), relation: "informs", object: ref("post", post.id) };
    addLink(itemOwner, link);
    expect(() => addLink(itemOwner, link)).toThrow(
      expect.objectContaining({ fieldErrors: { relation: ["errors.links.duplicate"] } }),
    );
    expect(() => addLink(torfaenEditor, link)).toThrow(ValidationError);
    addLink(itemOwner, { ...link, relation: "learned-from" });
    expect(linkRows().filter((row) => row.subjectId === String(item.id))).toHaveLength(2);
  });

  it("refuses a draft (to its editor), an archived post, a relation the kind does not take and a long note", () => {
    const item = givenItem(null);
    const draft = torfaenPost({ status: "draft" });
    const archived = torfaenPost();
    updatePost({
      actor: torfaenEditor,
      slug: archived.slug,
      fields: lessonInput(torfaen.slug, { slug: archived.slug, title: archived.title, status: "archived" }),
    });
    const published = torfaenPost();
    const before = linkRows().length;
    const attempt =
      (postId: number, relation: string, note = "") =>
      () =>
        addLink(torfaenEditor, { subject: ref("roadmap_item", item.id), relation, object: ref("post", postId), note });
    expect(attempt(draft.id, "informs")).toThrow(
      expect.objectContaining({ fieldErrors: { record: ["errors.links.notPublished"] } }),
    );
    expect(attempt(archived.id, "informs")).toThrow(
      expect.objectContaining({ fieldErrors: { record: ["errors.links.archived"] } }),
    );
    expect(attempt(published.id, "delivers")).toThrow(
      expect.objectContaining({ fieldErrors: { relation: ["errors.links.relationNotForKind"] } }),
    );
    expect(attempt(published.id, "")).toThrow(
      expect.objectContaining({ fieldErrors: { relation: ["errors.links.relationRequired"] } }),
    );
    expect(attempt(published.id, "informs", "x".repeat(501))).toThrow(
      expect.objectContaining({ fieldErrors: { note: ["errors.links.noteTooLong"] } }),
    );
    expect(linkRows()).toHaveLength(before);
  });

  it("answers a post the person cannot see (another partner's draft) as not found, and a missing item too", () => {
    const item = givenItem();
    const draft = torfaenPost({ status: "draft" });
    expect(() =>
      addLink(itemOwner, { subject: ref("roadmap_item", item.id), relation: "informs", object: ref("post", draft.id) }),
    ).toThrow(NotFoundError);
    expect(() =>
      addLink(admin, { subject: ref("roadmap_item", 999_999), relation: "informs", object: ref("post", draft.id) }),
    ).toThrow(NotFoundError);
  });
});

describe("removing a link", () => {
  it("lets either end's manager remove it, with an event; others get ForbiddenError and nothing changes", () => {
    const item = givenItem();
    const post = torfaenPost();
    const { link } = addLink(itemOwner, {
      subject: ref("roadmap_item", item.id),
      relation: "informs",
      object: ref("post", post.id),
    });
    expect(() => removeLink(newportEditor, link.id)).toThrow(ForbiddenError);
    expect(() => removeLink(reader, link.id)).toThrow(ForbiddenError);
    expect(linkRows().some((row) => row.id === link.id)).toBe(true);
    removeLink(torfaenEditor, link.id);
    expect(linkRows().some((row) => row.id === link.id)).toBe(false);
    expect(linkEvents(link.id).map((event) => [event.type, event.actorId, event.partnerIds])).toEqual([
      ["record_link.added", itemOwner.id, [newport.id, torfaen.id]],
      ["record_link.removed", torfaenEditor.id, [newport.id, torfaen.id]],
    ]);
    expect(() => removeLink(admin, link.id)).toThrow(NotFoundError);
  });
});

describe("both sides' lists", () => {
  it("groups by relation on each side, marks an archived post, hides it from those who cannot see it and hides a draft", () => {
    const item = givenItem();
    const aspiration = torfaenPost({
      kind: "aspiration",
      title: unique("Aspiration"),
      sections: { desiredOutcome: "Every partner on Microsoft 365.", targetTimeframe: "By 2027" },
    });
    const lesson = torfaenPost();
    const later = torfaenPost();
    const link = (relation: string, postId: number) =>
      addLink(itemOwner, {
        subject: ref("roadmap_item", item.id),
        relation,
        object: ref("post", postId),
        note: relation,
      });
    link("drives", aspiration.id);
    link("learned-from", lesson.id);
    link("informs", later.id);
    // Archived: shown, tagged, to its editors; left out for a reader. Taken back to draft: shown to nobody.
    updatePost({
      actor: torfaenEditor,
      slug: lesson.slug,
      fields: lessonInput(torfaen.slug, { slug: lesson.slug, title: lesson.title, status: "archived" }),
    });
    updatePost({
      actor: torfaenEditor,
      slug: later.slug,
      fields: lessonInput(torfaen.slug, { slug: later.slug, title: later.title, status: "draft" }),
    });
    const forEditor = linksOfRecord(torfaenEditor, itemEnd(item.id), "en");
    expect(forEditor.side).toBe("subject");
    expect(
      forEditor.groups.map((group) => [
        group.relation,
        group.links.map((shown) => [shown.other.title, shown.other.archived, shown.canUnlink]),
      ]),
    ).toEqual([
      ["drives", [[aspiration.title, false, true]]],
      ["learned-from", [[lesson.title, true, true]]],
    ]);
    expect(forEditor.groups[0]?.links[0]).toMatchObject({ note: "drives", linkedBy: itemOwner.name });
    const forReader = linksOfRecord(reader, itemEnd(item.id), "en");
    expect(
      forReader.groups.map((group) => [
        group.relation,
        group.links.map((shown) => [shown.other.title, shown.canUnlink]),
      ]),
    ).toEqual([["drives", [[aspiration.title, false]]]]);
    const postSide = linksOfRecord(reader, loadEnd("post", String(aspiration.id), getDb()) ?? itemEnd(item.id), "en");
    expect(postSide.side).toBe("object");
    expect(postSide.groups.map((group) => [group.relation, group.links.map((shown) => shown.other.url)])).toEqual([
      ["drives", [`/roadmap/${item.slug}`]],
    ]);
    expect(roadmapItemsDrivenBy(torfaen.id).find((driven) => driven.slug === item.slug)?.drivenBy).toEqual([
      { slug: aspiration.slug, title: aspiration.title, titleCy: null },
    ]);
  });
});

describe("deleting a post", () => {
  it("removes its links in the same transaction, with a record_link.removed event each", () => {
    const first = givenItem();
    const second = givenItem(itemOwner.id, [newport.id, torfaen.id]);
    const post = torfaenPost();
    const a = addLink(itemOwner, {
      subject: ref("roadmap_item", first.id),
      relation: "informs",
      object: ref("post", post.id),
    });
    const b = addLink(itemOwner, {
      subject: ref("roadmap_item", second.id),
      relation: "learned-from",
      object: ref("post", post.id),
    });
    deletePost({ actor: torfaenEditor, slug: post.slug });
    expect(linkRows().filter((row) => row.objectId === String(post.id))).toEqual([]);
    for (const { link } of [a, b]) {
      const removed = linkEvents(link.id).find((event) => event.type === "record_link.removed");
      expect(removed).toMatchObject({
        actorId: torfaenEditor.id,
        data: { objectType: "post", objectId: String(post.id), title: post.title },
      });
    }
    expect(new Set(linkEvents(b.link.id).at(-1)?.partnerIds)).toEqual(new Set([newport.id, torfaen.id]));
  });
});

describe("the shared write", () => {
  it("writes a link from the import with its source, and keeps the link rules", () => {
    const item = givenItem();
    const post = torfaenPost();
    const meta = { actorId: null, source: "import" as const, now: new Date("2026-01-02T00:00:00Z") };
    const { link } = writeTransaction((tx) =>
      writeLink(
        tx,
        { subject: ref("roadmap_item", item.id), relation: "learned-from", object: ref("post", post.id) },
        meta,
      ),
    );
    expect(link.createdAt).toEqual(meta.now);
    expect(linkEvents(link.id)[0]).toMatchObject({ source: "import", actorId: null });
    expect(() =>
      writeTransaction((tx) =>
        writeLink(
          tx,
          { subject: ref("roadmap_item", item.id), relation: "drives", object: ref("post", post.id) },
          meta,
        ),
      ),
    ).toThrow(ValidationError);
  });
});
