/**
 * The roadmap's CSV export counts an item's linked posts as its page lists
 * them to the reader: a post taken back to draft never, an archived one only
 * for its own partner's editors.
 */
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/translate";
import { createPost, updatePost } from "~/posts/save-post.server";
import { roadmapCsv } from "~/roadmap/roadmap-export.server";
import { linkCountsByItem } from "~/roadmap/roadmap-list.server";
import { parseRoadmapQuery } from "~/roadmap/roadmap-query";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";
import { givenLink, givenRoadmapItem } from "../support/roadmap-rows";

describe("the roadmap's export", () => {
  it("counts the linked posts the reader may see, never a draft", async () => {
    const partner = givenPartner(unique("torfaen")).slug;
    const editor = await givenUser("editor", partner);
    const reader = await givenUser("reader");
    const item = givenRoadmapItem({ title: unique("Export item") });
    const lesson = (title: string) => createPost({ actor: editor, fields: lessonInput(partner, { title }) });
    const published = lesson(unique("Published lesson"));
    const archived = lesson(unique("Archived lesson"));
    const backToDraft = lesson(unique("Lesson taken back to draft"));
    for (const post of [published, archived, backToDraft]) givenLink(item.id, post.id, "informs");
    const change = (post: { slug: string }, title: string, status: "archived" | "draft") =>
      updatePost({ actor: editor, slug: post.slug, fields: lessonInput(partner, { title, status, slug: post.slug }) });
    change(archived, "Archived lesson", "archived");
    change(backToDraft, "Lesson taken back to draft", "draft");

    expect(linkCountsByItem(reader, [item.id]).get(item.id)?.informs).toBe(1);
    expect(linkCountsByItem(editor, [item.id]).get(item.id)?.informs).toBe(2);
    const csv = roadmapCsv(reader, parseRoadmapQuery(new URLSearchParams()), translator("en"));
    const row = csv.split("\n").find((line) => line.includes(item.slug)) ?? "";
    // drives, informs, learned-from, delivers: the last four columns.
    expect(row.trim().split(",").slice(-4)).toEqual(["0", "1", "0", "0"]);
  });
});
