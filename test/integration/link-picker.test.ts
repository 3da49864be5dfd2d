/**
 * The link picker's search, through the search module on a real Meilisearch:
 * from an item it finds published posts only (never a draft, even for its own
 * editor, nor another type); from a post it finds roadmap items; a link made
 * through it reaches both documents through the event log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { chosenRecord, linkFromPicker, pickerResults, pickerSelf } from "~/links/link-picker.server";
import { ForbiddenError, NotFoundError } from "~/platform/errors";
import { createPost } from "~/posts/save-post.server";
import { ensureIndex, SEARCH_INDEX } from "~/search/index-settings.server";
import { getSearchClient } from "~/search/meili.server";
import { markIndexCurrent } from "~/search/relay-runner.server";
import type { SearchDocument } from "~/search/search-document.server";
import { relayAll } from "~/search/search-relay.server";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";
import { startTestMeilisearch, type TestMeilisearch } from "../support/meilisearch";
import { givenRoadmapItem } from "../support/roadmap-rows";

let meili: TestMeilisearch;
let owner: SessionUser;
let editor: SessionUser;
let reader: SessionUser;
const partner = unique("torfaen");

beforeAll(async () => {
  meili = await startTestMeilisearch();
  await ensureIndex();
  markIndexCurrent();
  givenPartner(partner, "Torfaen picker council");
  owner = await givenUser("reader");
  editor = await givenUser("editor", partner);
  reader = await givenUser("reader");
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

describe("the link picker", () => {
  it("searches published posts from an item, roadmap items from a post, and links through them", async () => {
    const item = givenRoadmapItem({ title: "Quillmoor telephony migration", ownerId: owner.id });
    const published = createPost({
      actor: editor,
      fields: lessonInput(partner, { title: "Quillmoor lesson on porting numbers" }),
    });
    createPost({ actor: editor, fields: lessonInput(partner, { title: "Quillmoor draft lesson", status: "draft" }) });
    await relayAll();

    const fromItem = pickerSelf(owner, "roadmap_item", item.slug);
    expect((await pickerResults(owner, fromItem, "quillmoor"))?.map((found) => found.title)).toEqual([
      "Quillmoor lesson on porting numbers",
    ]);
    const fromPost = pickerSelf(editor, "post", published.slug);
    const items = await pickerResults(editor, fromPost, "quillmoor");
    expect(items?.map((found) => found.title)).toEqual(["Quillmoor telephony migration"]);
    // An administrator may see the draft in search; the picker still leaves it out: only published posts take links.
    const admin = await givenUser("admin");
    const adminResults = await pickerResults(admin, pickerSelf(admin, "roadmap_item", item.slug), "quillmoor draft");
    expect(adminResults?.map((found) => found.title)).not.toContain("Quillmoor draft lesson");

    // The chosen item offers what a lesson can be to it.
    expect(chosenRecord(editor, fromPost, String(item.id), "en")?.relations).toEqual(["informs", "learned-from"]);
    const added = linkFromPicker(editor, fromPost, { record: String(item.id), relation: "learned-from", note: "" });
    expect(added.link).toMatchObject({ subjectType: "roadmap_item", objectType: "post", relation: "learned-from" });
    await relayAll();
    const postDocument = await getSearchClient()
      .index<SearchDocument & { linkedItems?: string[] }>(SEARCH_INDEX)
      .getDocument(`post-${published.id}`);
    expect(JSON.stringify(postDocument)).toContain("Quillmoor telephony migration");
  });

  it("is only for those who manage the page's record's links", () => {
    const item = givenRoadmapItem({ ownerId: owner.id });
    expect(() => pickerSelf(reader, "roadmap_item", item.slug)).toThrow(ForbiddenError);
    expect(() => pickerSelf(editor, "roadmap_item", item.slug)).toThrow(ForbiddenError);
    expect(() => pickerSelf(owner, "roadmap_item", "no-such-item")).toThrow(NotFoundError);
    const draft = createPost({
      actor: editor,
      fields: lessonInput(partner, { title: unique("Draft"), status: "draft" }),
    });
    expect(() => pickerSelf(reader, "post", draft.slug)).toThrow(NotFoundError);
    expect(() => pickerSelf(editor, "post", draft.slug)).toThrow(ForbiddenError);
  });

  it("takes a link sent to an item's picker from a post's editor, for their own post only", async () => {
    const item = givenRoadmapItem({ ownerId: owner.id });
    const own = createPost({ actor: editor, fields: lessonInput(partner, { title: unique("Own lesson") }) });
    const other = createPost({
      actor: await givenUser("admin"),
      fields: lessonInput(givenPartner(unique("other")).slug, { title: unique("Other lesson") }),
    });
    const sent = pickerSelf(editor, "roadmap_item", item.slug, { sending: true });
    // Another partner's post, a malformed choice: refused before the relation is even weighed.
    for (const record of [String(other.id), "x", "99999999"]) {
      expect(() => linkFromPicker(editor, sent, { record, relation: "nonsense", note: "" })).toThrow(ForbiddenError);
    }
    expect(() =>
      linkFromPicker(reader, pickerSelf(reader, "roadmap_item", item.slug, { sending: true }), {
        record: String(own.id),
        relation: "informs",
        note: "",
      }),
    ).toThrow(ForbiddenError);
    const added = linkFromPicker(editor, sent, { record: String(own.id), relation: "informs", note: "" });
    expect(added.link).toMatchObject({ subjectId: String(item.id), objectId: String(own.id), relation: "informs" });
  });
});
