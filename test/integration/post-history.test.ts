/** What saving a post leaves behind: its events in the log, and revisions each reader sees as the rule allows. */
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { recordEvent } from "~/events/event-log.server";
import { getDb } from "~/platform/db.server";
import { ValidationError } from "~/platform/errors";
import { presentPost, presentPostSummary } from "~/posts/post-presenter.server";
import { findPostBySlug, listPostRevisions, listPosts } from "~/posts/posts.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { events, posts } from "../../db/schema";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";

let torfaenEditor: SessionUser;
let reader: SessionUser;
let torfaenId: number;
let newportId: number;

beforeAll(async () => {
  torfaenId = givenPartner("torfaen").id;
  newportId = givenPartner("newport").id;
  torfaenEditor = await givenUser("editor", "torfaen");
  reader = await givenUser("reader");
});

function eventsOf(postId: number) {
  return getDb()
    .select()
    .from(events)
    .where(and(eq(events.recordType, "post"), eq(events.recordId, String(postId))))
    .orderBy(asc(events.id))
    .all();
}

describe("the event log", () => {
  it("records every save in its transaction, named for what it did, with who and which partners", async () => {
    const admin = await givenUser("admin");
    const draft = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { status: "draft" }) });
    const id = findPostBySlug(draft.slug)?.id ?? -1;
    // Published, it leaves its partner's namespace for its plain address.
    const { slug } = updatePost({
      actor: torfaenEditor,
      slug: draft.slug,
      fields: lessonInput("torfaen", { status: "published" }),
    });
    updatePost({ actor: torfaenEditor, slug, fields: lessonInput("torfaen", { slug, title: "Retitled" }) });
    updatePost({ actor: admin, slug, fields: lessonInput("newport", { slug, title: "Retitled", status: "archived" }) });
    expect(
      eventsOf(id).map((event) => ({
        type: event.type,
        actorId: event.actorId,
        source: event.source,
        partnerIds: event.partnerIds,
        status: event.data.status,
      })),
    ).toEqual([
      { type: "post.created", actorId: torfaenEditor.id, source: "web", partnerIds: [torfaenId], status: "draft" },
      {
        type: "post.published",
        actorId: torfaenEditor.id,
        source: "web",
        partnerIds: [torfaenId],
        status: "published",
      },
      { type: "post.updated", actorId: torfaenEditor.id, source: "web", partnerIds: [torfaenId], status: "published" },
      // Moved to another partner: the change concerns both.
      {
        type: "post.archived",
        actorId: admin.id,
        source: "web",
        partnerIds: [torfaenId, newportId],
        status: "archived",
      },
    ]);
  });

  it("keeps an event's facts small: long texts are shortened, not refused", () => {
    const id = recordEvent(getDb(), {
      type: "post.updated",
      recordType: "post",
      recordId: 999_999,
      actorId: null,
      source: "script",
      partnerIds: [],
      data: { title: '"'.repeat(2_000), status: "draft" },
    });
    const row = getDb().select().from(events).where(eq(events.id, id)).get();
    expect(row?.data).toEqual({ title: `${'"'.repeat(120)}…`, status: "draft" });
  });

  it("records nothing when the save is refused", () => {
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen") });
    const id = findPostBySlug(slug)?.id ?? -1;
    expect(() =>
      updatePost({ actor: torfaenEditor, slug, fields: lessonInput("torfaen", { slug, title: "" }) }),
    ).toThrow(ValidationError);
    expect(eventsOf(id).map((event) => event.type)).toEqual(["post.created"]);
  });
});

describe("revisions", () => {
  it("keep the person's change note, and refuse one that is too long", () => {
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen") });
    updatePost({
      actor: torfaenEditor,
      slug,
      fields: lessonInput("torfaen", { slug, summary: "Sharper summary." }),
      changeNote: "  Tightened the summary  ",
    });
    const post = findPostBySlug(slug);
    if (!post) throw new Error("post missing");
    expect(listPostRevisions(torfaenEditor, post).map((revision) => revision.changeNote)).toEqual([
      "Tightened the summary",
      null,
    ]);
    expect(() =>
      updatePost({ actor: torfaenEditor, slug, fields: lessonInput("torfaen", { slug }), changeNote: "x".repeat(301) }),
    ).toThrow(ValidationError);
    expect(listPostRevisions(torfaenEditor, post)).toHaveLength(2);
  });

  it("of a draft are left out for readers by the query, and shown to the post's editors", () => {
    const draft = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { status: "draft" }) });
    const { slug } = updatePost({
      actor: torfaenEditor,
      slug: draft.slug,
      fields: lessonInput("torfaen", { status: "published" }),
    });
    updatePost({ actor: torfaenEditor, slug, fields: lessonInput("torfaen", { slug, status: "draft" }) });
    updatePost({ actor: torfaenEditor, slug, fields: lessonInput("torfaen", { slug, status: "published" }) });
    const post = findPostBySlug(slug);
    if (!post) throw new Error("post missing");
    const statuses = (user: SessionUser) => listPostRevisions(user, post).map((revision) => revision.snapshot.status);
    expect(statuses(torfaenEditor)).toEqual(["published", "draft", "published", "draft"]);
    expect(statuses(reader)).toEqual(["published", "published"]);
  });
});

describe("Welsh text", () => {
  it("is kept by a save that does not write it, and kept in the revision", () => {
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen") });
    getDb().update(posts).set({ titleCy: "Gwers", summaryCy: "Crynodeb" }).where(eq(posts.slug, slug)).run();
    updatePost({ actor: torfaenEditor, slug, fields: lessonInput("torfaen", { slug, title: "Renamed in English" }) });
    const post = findPostBySlug(slug);
    if (!post) throw new Error("post missing");
    expect([post.title, post.titleCy, post.summaryCy]).toEqual(["Renamed in English", "Gwers", "Crynodeb"]);
    const [latest] = listPostRevisions(torfaenEditor, post);
    expect(latest?.snapshot).toMatchObject({ title: "Renamed in English", titleCy: "Gwers", summaryCy: "Crynodeb" });
  });
});

describe("a post taken back to draft", () => {
  it("is not presented as published, on its page or in lists", () => {
    const title = `Back to draft ${unique("t")}`;
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { title }) });
    updatePost({ actor: torfaenEditor, slug, fields: lessonInput("torfaen", { slug, title, status: "draft" }) });
    const post = findPostBySlug(slug);
    if (!post) throw new Error("post missing");
    // The first publication time is kept in the database, for when it is published again.
    expect(post.publishedAt).toBeInstanceOf(Date);
    expect(presentPost(post, torfaenEditor, "en").publishedAt).toBeNull();
    const listed = listPosts(torfaenEditor, { partnerSlug: "torfaen", pageSize: 100 }).posts.find(
      (summary) => summary.slug === slug,
    );
    if (!listed) throw new Error("post not listed");
    expect(presentPostSummary(listed, "en").publishedAt).toBeNull();

    updatePost({ actor: torfaenEditor, slug, fields: lessonInput("torfaen", { slug, title, status: "published" }) });
    const republished = findPostBySlug(slug);
    if (!republished) throw new Error("post missing");
    expect(presentPost(republished, torfaenEditor, "en").publishedAt).toEqual(post.publishedAt);
  });
});
