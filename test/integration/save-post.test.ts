import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { currentPostAddress } from "~/posts/post-addresses.server";
import { readPostSnapshot } from "~/posts/post-snapshot";
import { findPostBySlug, getPostForReading, listPostRevisions, listPosts } from "~/posts/posts.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { slugify } from "~/posts/slug";
import { tagInWords, topicNames } from "~/posts/topics.server";
import { partners, posts, revisions, users } from "../../db/schema";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";

let torfaenEditor: SessionUser;
let newportEditor: SessionUser;
let reader: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  givenPartner("torfaen", "Torfaen County Borough Council");
  givenPartner("newport", "Newport City Council");
  torfaenEditor = await givenUser("editor", "torfaen");
  newportEditor = await givenUser("editor", "newport");
  reader = await givenUser("reader");
  admin = await givenUser("admin");
});

function postCount(): number {
  return getDb().select({ n: count() }).from(posts).get()?.n ?? 0;
}

function validationErrorOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("createPost", () => {
  it("saves the post, its tags and a first revision by its author", () => {
    const slug = unique("lesson");
    createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { slug, tags: "Teams, Microsoft 365, teams" }) });
    const post = findPostBySlug(slug);
    expect(post).toMatchObject({ kind: "lesson", status: "published", authorId: torfaenEditor.id });
    expect(post?.tags).toEqual(["microsoft-365", "teams"]);
    expect(post?.sections.drivingEvent).toBe("The first Covid-19 lockdown.");
    expect(post?.publishedAt).toBeInstanceOf(Date);
    const history = post ? listPostRevisions(torfaenEditor, post) : [];
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ number: 1, source: "web", actorName: torfaenEditor.name });
    expect(history[0]?.snapshot.title).toBe("Rolling out Teams in three weeks");
  });

  it("makes a slug from the title and never reuses one", () => {
    const title = `Cloud telephony ${unique("t")}`;
    const first = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { title }) });
    const second = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { title }) });
    expect(first.slug).toMatch(/^cloud-telephony-t-[0-9a-f]+$/);
    expect(second.slug).toMatch(new RegExp(`^${first.slug}-[0-9a-z]{6}$`));
  });

  it("keeps derived slugs valid when a long title is cut", () => {
    const title = `${"a".repeat(74)} b ${unique("c")}`;
    createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { title }) });
    const second = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { title }) });
    expect(second.slug).toMatch(/^a+-[0-9a-z]{6}$/);
    expect(second.slug.length).toBeLessThanOrEqual(80);
    // Saving the edit form unchanged must not trip over its own slug.
    expect(
      updatePost({
        actor: torfaenEditor,
        slug: second.slug,
        fields: lessonInput("torfaen", { title, slug: second.slug }),
      }).slug,
    ).toBe(second.slug);
  });

  it("refuses an editor publishing for another partner, writing nothing", () => {
    const before = postCount();
    expect(() => createPost({ actor: newportEditor, fields: lessonInput("torfaen") })).toThrow(ForbiddenError);
    expect(() => createPost({ actor: reader, fields: lessonInput("torfaen") })).toThrow(ForbiddenError);
    expect(postCount()).toBe(before);
  });

  it.each([
    ["empty title", { title: "  " }, "title", "errors.title.required"],
    ["title over 200 characters", { title: "x".repeat(201) }, "title", "errors.title.tooLong"],
    ["unknown kind", { kind: "memo" }, "kind", "errors.kind.unknown"],
    ["unknown status", { status: "secret" }, "status", "errors.status.unknown"],
    ["malformed slug", { slug: "Not A Slug!" }, "slug", "errors.slug.invalid"],
    ["body over 200 KB", { body: "é".repeat(102_401) }, "body", "errors.body.tooLong"],
    [
      "published without a section",
      { sections: { drivingEvent: "x" } },
      "section.lesson",
      "errors.section.required.lesson",
    ],
    ["published without an event date", { eventDate: "" }, "eventDate", "errors.eventDate.required"],
    ["an event date in the future", { eventDate: "2999-01-01" }, "eventDate", "errors.eventDate.future"],
    ["a review date in the past", { reviewBy: "2001-01-01" }, "reviewBy", "errors.reviewBy.past"],
    ["a tag with markup", { tags: "cloud, <i>x</i>" }, "tags", 'errors.tags.markup\u001f{"tag":"<i>x</i>"}'],
    ["a new post archived", { status: "archived" }, "status", "errors.status.archiveDraft"],
  ])("rejects %s with a field error and writes nothing", (_name, overrides, field, message) => {
    const before = postCount();
    const errors = validationErrorOf(() =>
      createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", overrides) }),
    );
    expect(errors[field]).toContain(message);
    expect(postCount()).toBe(before);
  });

  it("rejects an unknown partner as bad input", () => {
    const errors = validationErrorOf(() => createPost({ actor: admin, fields: lessonInput("atlantis") }));
    expect(errors.partner).toEqual(["errors.partner.unknown"]);
  });

  it("rejects a slug that is already used", () => {
    const slug = unique("taken");
    createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { slug }) });
    const before = postCount();
    const errors = validationErrorOf(() => createPost({ actor: admin, fields: lessonInput("newport", { slug }) }));
    expect(errors.slug).toEqual(["errors.slug.taken"]);
    expect(postCount()).toBe(before);
  });

  it("keeps a draft's address in its partner's namespace, so no other partner's editor ever meets it", () => {
    const slug = unique("hidden");
    const draft = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { slug, status: "draft" }) });
    expect(draft.slug).toBe(`torfaen--${slug}`);
    // Newport asks for the same address, and for the same title: both are free to them, exactly as asked.
    expect(createPost({ actor: newportEditor, fields: lessonInput("newport", { slug }) }).slug).toBe(slug);
    const title = `Hidden plans ${unique("t")}`;
    createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { title, status: "draft" }) });
    const newports = createPost({ actor: newportEditor, fields: lessonInput("newport", { title }) });
    expect(newports.slug).toBe(slugify(title));
    // Published, the draft takes its plain address. Newport holds it, so it gets a random ending;
    // typing an address a post Torfaen can see holds is refused.
    const taken = unique("taken");
    createPost({ actor: newportEditor, fields: lessonInput("newport", { slug: taken }) });
    const clash = lessonInput("torfaen", { slug: taken, status: "published" });
    expect(validationErrorOf(() => updatePost({ actor: torfaenEditor, slug: draft.slug, fields: clash })).slug).toEqual(
      ["errors.slug.taken"],
    );
    const published = updatePost({
      actor: torfaenEditor,
      slug: draft.slug,
      fields: lessonInput("torfaen", { slug, status: "published" }),
    });
    expect(published.slug).toMatch(new RegExp(`^${slug}-[0-9a-z]{6}$`));
    const other = published.slug;
    // Taken back to draft, it keeps the address it was published under.
    const unpublished = updatePost({
      actor: torfaenEditor,
      slug: other,
      fields: lessonInput("torfaen", { slug: other, status: "draft" }),
    });
    expect(unpublished.slug).toBe(other);
    // Newport cannot see it now; typing its address is not refused (that would say it exists): it gets a variant.
    const typed = createPost({ actor: newportEditor, fields: lessonInput("newport", { slug: other }) });
    expect(typed.slug).toMatch(new RegExp(`^${other}-[0-9a-z]{6}$`));
    // Nobody can type an address in a partner's namespace.
    expect(
      validationErrorOf(() =>
        createPost({ actor: newportEditor, fields: lessonInput("newport", { slug: `torfaen--${slug}` }) }),
      ).slug,
    ).toEqual(["errors.slug.invalid"]);
  });

  it("refuses Markdown too complex to render in time, on its field, quickly and writing nothing", () => {
    const before = postCount();
    const started = performance.now();
    const errors = validationErrorOf(() =>
      createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { body: "*a".repeat(95_000) }) }),
    );
    expect(errors.body).toEqual(["errors.markdown.tooComplex"]);
    // The budget is a second; rendering this whole would take many.
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(postCount()).toBe(before);
  });

  it("keeps the rendered HTML and text with the post and its revision: pages and search never render", () => {
    const { slug } = createPost({
      actor: torfaenEditor,
      fields: lessonInput("torfaen", { body: "## Plan\n\nSee ![the chart](https://tracker.example/c.png) *now*." }),
    });
    const post = findPostBySlug(slug);
    expect(post?.rendered?.html.body).toContain("<em>now</em>");
    expect(post?.rendered?.html.body).toContain(
      '<a href="https://tracker.example/c.png" rel="noopener noreferrer">Image: the chart</a>',
    );
    expect(post?.rendered?.html.body).not.toContain("<img");
    expect(post?.rendered?.text.body).toBe("Plan See Image: the chart now.");
    expect(post?.rendered?.html["section.lesson"]).toBe("<p>Training matters as much as licences.</p>\n");
    const revision = getDb()
      .select()
      .from(revisions)
      .where(eq(revisions.recordId, String(post?.id)))
      .get();
    expect(revision?.rendered).toEqual(post?.rendered);
  });

  it("lets a draft leave sections empty", () => {
    const { slug } = createPost({
      actor: torfaenEditor,
      fields: lessonInput("torfaen", { status: "draft", sections: { drivingEvent: "Started" } }),
    });
    const post = findPostBySlug(slug);
    expect(post?.status).toBe("draft");
    expect(post?.publishedAt).toBeNull();
    expect(post?.sections).toEqual({ drivingEvent: "Started", lesson: "", recommendation: "", evidence: "" });
  });
});

describe("updatePost", () => {
  it("keeps every save as a revision and the first publication time", () => {
    const draft = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { status: "draft" }) });
    const { slug } = updatePost({
      actor: torfaenEditor,
      slug: draft.slug,
      fields: lessonInput("torfaen", { status: "published" }),
    });
    const publishedAt = findPostBySlug(slug)?.publishedAt;
    expect(publishedAt).toBeInstanceOf(Date);
    updatePost({ actor: admin, slug, fields: lessonInput("torfaen", { slug, title: "Renamed lesson" }) });
    const post = findPostBySlug(slug);
    expect(post?.title).toBe("Renamed lesson");
    expect(post?.publishedAt).toEqual(publishedAt);
    const history = post ? listPostRevisions(admin, post) : [];
    expect(history.map((revision) => [revision.number, revision.snapshot.status, revision.actorName])).toEqual([
      [3, "published", admin.name],
      [2, "published", torfaenEditor.name],
      [1, "draft", torfaenEditor.name],
    ]);
    // A reader sees the published saves numbered 1 and 2: no gap shows that a draft came first.
    const readersHistory = post ? listPostRevisions(reader, post) : [];
    expect(readersHistory.map((revision) => [revision.number, revision.snapshot.status])).toEqual([
      [2, "published"],
      [1, "published"],
    ]);
  });

  it("refuses a Newport editor editing a Torfaen post and changes nothing", () => {
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen") });
    const before = findPostBySlug(slug);
    expect(() =>
      updatePost({ actor: newportEditor, slug, fields: lessonInput("torfaen", { slug, title: "Hijacked" }) }),
    ).toThrow(ForbiddenError);
    expect(() =>
      updatePost({ actor: torfaenEditor, slug, fields: lessonInput("newport", { slug, title: "Moved away" }) }),
    ).toThrow(ForbiddenError);
    const after = findPostBySlug(slug);
    expect(after).toEqual(before);
    const revisionCount = getDb()
      .select({ n: count() })
      .from(revisions)
      .where(and(eq(revisions.recordType, "post"), eq(revisions.recordId, String(after?.id))))
      .get();
    expect(revisionCount?.n).toBe(1);
  });

  it("hides a draft from readers: editing it is not found", () => {
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { status: "draft" }) });
    expect(() => updatePost({ actor: reader, slug, fields: lessonInput("torfaen", { slug }) })).toThrow(NotFoundError);
    expect(() => updatePost({ actor: reader, slug: "no-such-post", fields: {} })).toThrow(NotFoundError);
  });

  it("does not change the kind of a post", () => {
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen") });
    const errors = validationErrorOf(() =>
      updatePost({
        actor: torfaenEditor,
        slug,
        fields: lessonInput("torfaen", { kind: "aspiration", sections: { desiredOutcome: "x", targetTimeframe: "y" } }),
      }),
    );
    expect(errors.kind).toEqual(["errors.kind.cannotChange"]);
  });
});

describe("reading", () => {
  it("shows drafts only to the partner's editors and admins", () => {
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { status: "draft" }) });
    expect(() => getPostForReading(reader, slug)).toThrow(NotFoundError);
    expect(() => getPostForReading(newportEditor, slug)).toThrow(NotFoundError);
    expect(getPostForReading(torfaenEditor, slug).slug).toBe(slug);
    expect(getPostForReading(admin, slug).slug).toBe(slug);

    const everything = (user: SessionUser) =>
      listPosts(user, { partnerSlug: "torfaen", pageSize: 100 }).posts.map((post) => post.slug);
    expect(everything(reader)).not.toContain(slug);
    expect(everything(newportEditor)).not.toContain(slug);
    expect(everything(torfaenEditor)).toContain(slug);
    expect(listPosts(reader, { pageSize: 100 }).posts.every((post) => post.status === "published")).toBe(true);
  });

  it("filters by kind, partner and tag and pages the results", () => {
    const tag = unique("tag");
    for (let i = 0; i < 3; i++) {
      createPost({ actor: admin, fields: lessonInput("newport", { tags: tag, title: `Tagged ${i}` }) });
    }
    const firstPage = listPosts(reader, { tag, kind: "lesson", partnerSlug: "newport", pageSize: 2 });
    expect(firstPage.total).toBe(3);
    expect(firstPage.pageCount).toBe(2);
    expect(firstPage.posts).toHaveLength(2);
    const secondPage = listPosts(reader, { tag, pageSize: 2, page: 2 });
    expect(secondPage.posts).toHaveLength(1);
    expect(listPosts(reader, { tag, kind: "strategy" }).total).toBe(0);
    expect(listPosts(reader, { tag, partnerSlug: "torfaen" }).total).toBe(0);
    // A page past the end shows the last page rather than failing.
    expect(listPosts(reader, { tag, pageSize: 2, page: 99 }).page).toBe(2);
  });
});

describe("dates, contacts, tags and addresses", () => {
  it("keeps the event and review dates on the post and in its revision; the review date defaults to a year after publishing", () => {
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { title: unique("Dated") }) });
    const post = findPostBySlug(slug);
    expect(post?.eventDate).toBe("2020-03-23");
    expect(post?.publishedAt).toBeInstanceOf(Date);
    // The day a year on, as a typed date is kept: midnight UTC.
    const yearOn = new Date(post?.publishedAt ?? 0);
    yearOn.setUTCFullYear(yearOn.getUTCFullYear() + 1);
    yearOn.setUTCHours(0, 0, 0, 0);
    expect(post?.reviewBy?.toISOString()).toBe(yearOn.toISOString());
    const [revision] = listPostRevisions(torfaenEditor, post as NonNullable<typeof post>);
    expect(revision?.snapshot.eventDate).toBe("2020-03-23");
    expect(revision?.snapshot.reviewBy).toBe(yearOn.toISOString().slice(0, 10));

    const edited = updatePost({
      actor: torfaenEditor,
      slug,
      fields: lessonInput("torfaen", { title: post?.title, reviewBy: { day: "1", month: "6", year: "2099" } }),
    });
    expect(findPostBySlug(edited.slug)?.reviewBy?.toISOString()).toBe("2099-06-01T00:00:00.000Z");
    // Older revisions read as the current version, with no dates.
    expect(readPostSnapshot(2, { title: "Old" })).toMatchObject({ title: "Old", eventDate: null, reviewBy: null });
  });

  it("does not carry a contact to a partner they may not be the contact for when the post moves there", () => {
    const { slug } = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { title: unique("Moving") }) });
    expect(findPostBySlug(slug)?.contactId).toBe(torfaenEditor.id);
    const moved = updatePost({ actor: admin, slug, fields: lessonInput("newport", { title: unique("Moved"), slug }) });
    expect(findPostBySlug(moved.slug)?.contactId).toBe(admin.id);
  });

  it("names the author as contact unless someone of the partner (or the SRS) is chosen; a forged choice writes nothing", async () => {
    const colleague = await givenUser("reader", "torfaen");
    const outsider = await givenUser("editor", "newport");
    const srs = givenPartner(unique("srs"));
    getDb().update(partners).set({ type: "shared-service" }).where(eq(partners.id, srs.id)).run();
    const srsPerson = await givenUser("reader", srs.slug);
    const gone = await givenUser("reader", "torfaen");
    getDb().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id)).run();

    const own = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { title: unique("Contact") }) });
    expect(findPostBySlug(own.slug)?.contactId).toBe(torfaenEditor.id);
    for (const person of [colleague, srsPerson]) {
      const saved = createPost({
        actor: torfaenEditor,
        fields: lessonInput("torfaen", { title: unique("Contact"), contact: person.id }),
      });
      expect(findPostBySlug(saved.slug)?.contactId).toBe(person.id);
    }
    for (const forged of [outsider.id, gone.id, "no-such-person"]) {
      const before = postCount();
      const errors = validationErrorOf(() =>
        createPost({
          actor: torfaenEditor,
          fields: lessonInput("torfaen", { title: unique("Forged"), contact: forged }),
        }),
      );
      expect(errors).toEqual({ contact: ["errors.contact.unknown"] });
      expect(postCount()).toBe(before);
    }
  });

  it("keeps each new topic's name as first written", () => {
    const word = unique("Zero Trust").replace("-", " ");
    createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { title: unique("Named"), tags: word }) });
    const tag = slugify(word);
    expect(topicNames([tag]).get(tag)).toBe(word);
  });

  it("keeps no name from a draft, whose spelling of a new topic would tell of it", () => {
    const word = unique("Acme Merger").replace("-", " ");
    const tag = slugify(word);
    const { slug } = createPost({
      actor: torfaenEditor,
      fields: lessonInput("torfaen", { title: unique("Secret"), tags: word, status: "draft" }),
    });
    expect(topicNames([tag]).get(tag)).toBe(tagInWords(tag));
    updatePost({ actor: torfaenEditor, slug, fields: lessonInput("torfaen", { title: unique("Out"), tags: word }) });
    expect(topicNames([tag]).get(tag)).toBe(word);
  });

  it("archives only what was published", () => {
    const draft = createPost({
      actor: torfaenEditor,
      fields: lessonInput("torfaen", { title: unique("Archive"), status: "draft" }),
    });
    expect(
      validationErrorOf(() =>
        updatePost({ actor: torfaenEditor, slug: draft.slug, fields: lessonInput("torfaen", { status: "archived" }) }),
      ),
    ).toEqual({ status: ["errors.status.archiveDraft"] });
    const published = updatePost({ actor: torfaenEditor, slug: draft.slug, fields: lessonInput("torfaen") });
    const archived = updatePost({
      actor: torfaenEditor,
      slug: published.slug,
      fields: lessonInput("torfaen", { status: "archived" }),
    });
    expect(archived.status).toBe("archived");
  });

  it("fixes a published post's address, and sends a draft's old addresses to its current one, for those who may see it", () => {
    const title = unique("Moving address");
    const draft = createPost({ actor: torfaenEditor, fields: lessonInput("torfaen", { title, status: "draft" }) });
    expect(draft.slug).toMatch(/^torfaen--/);
    const renamed = updatePost({
      actor: torfaenEditor,
      slug: draft.slug,
      fields: lessonInput("torfaen", { title, status: "draft", slug: `${slugify(title)}-renamed` }),
    });
    expect(renamed.slug).toBe(`torfaen--${slugify(title)}-renamed`);
    // While a draft, its old address leads on for its editors, and is unknown to a reader.
    expect(currentPostAddress(torfaenEditor, draft.slug)).toBe(renamed.slug);
    expect(currentPostAddress(reader, draft.slug)).toBeNull();
    expect(currentPostAddress(newportEditor, draft.slug)).toBeNull();

    const published = updatePost({
      actor: torfaenEditor,
      slug: renamed.slug,
      fields: lessonInput("torfaen", { title }),
    });
    expect(published.slug).toBe(`${slugify(title)}-renamed`);
    for (const old of [draft.slug, renamed.slug]) {
      expect(currentPostAddress(reader, old)).toBe(published.slug);
    }
    // An address in use is never redirected away.
    expect(currentPostAddress(reader, published.slug)).toBeNull();

    const errors = validationErrorOf(() =>
      updatePost({
        actor: torfaenEditor,
        slug: published.slug,
        fields: lessonInput("torfaen", { title, slug: "another" }),
      }),
    );
    expect(errors).toEqual({ slug: ["errors.slug.locked"] });
    expect(findPostBySlug(published.slug)?.title).toBe(title);
  });
});
