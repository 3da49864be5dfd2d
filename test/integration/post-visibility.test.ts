/**
 * One rule decides who sees a post, and the three places that apply it agree:
 * the policy itself (routes and commands), the SQL condition (lists) and the
 * Meilisearch filter (search), for every kind of person and every status.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { NotFoundError } from "~/platform/errors";
import { canOnPost } from "~/posts/post-policy.server";
import { findPostBySlug, getPostForReading, listPosts } from "~/posts/posts.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { plainSlug } from "~/posts/slug";
import { searchRecords } from "~/search/finder.server";
import { parseSearchQuery } from "~/search/search-query";
import { relayAll } from "~/search/search-relay.server";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";
import { startMeilisearchWithDemoContent, type TestMeilisearch } from "../support/meilisearch";

let meili: TestMeilisearch;
const tag = unique("visibility");
const people: Record<string, SessionUser> = {};
const slugs: string[] = [];

beforeAll(async () => {
  meili = await startMeilisearchWithDemoContent();
  givenPartner("torfaen");
  givenPartner("newport");
  people.reader = await givenUser("reader");
  people["Torfaen reader"] = await givenUser("reader", "torfaen");
  people["Torfaen editor"] = await givenUser("editor", "torfaen");
  people["Newport editor"] = await givenUser("editor", "newport");
  people.admin = await givenUser("admin");
  const admin = people.admin;
  for (const partner of ["torfaen", "newport"]) {
    for (const status of ["draft", "published", "archived"]) {
      const title = `${partner} ${status} ${tag}`;
      // Only a published post can be archived: an archived one is published first.
      const first = status === "archived" ? "published" : status;
      const { slug } = createPost({ actor: admin, fields: lessonInput(partner, { title, status: first, tags: tag }) });
      if (status === "archived") {
        updatePost({ actor: admin, slug, fields: lessonInput(partner, { title, status, tags: tag, slug }) });
      }
      slugs.push(slug);
    }
  }
  await relayAll();
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

describe.each(["reader", "Torfaen reader", "Torfaen editor", "Newport editor", "admin"])("for a %s", (who) => {
  const user = () => people[who] as SessionUser;
  const byPolicy = () =>
    slugs.filter((slug) => {
      const post = findPostBySlug(slug);
      return post !== null && canOnPost(user(), "read", post);
    });

  it("the post pages, the lists and search show exactly the posts the policy allows", async () => {
    const allowed = byPolicy().sort();
    expect(allowed.length).toBeGreaterThan(0);

    const pages = slugs.filter((slug) => {
      try {
        getPostForReading(user(), slug);
        return true;
      } catch (error) {
        if (error instanceof NotFoundError) return false;
        throw error;
      }
    });
    expect(pages.sort()).toEqual(allowed);

    const listed = listPosts(user(), { tag, pageSize: 100 }).posts.map((post) => post.slug);
    expect(listed.sort()).toEqual(allowed);

    // Archived posts are kept out of search for everyone; otherwise search agrees too.
    const searchable = allowed.filter((slug) => !slug.includes("archived"));
    const results = await searchRecords(user(), parseSearchQuery(new URLSearchParams({ tag })));
    expect(results.hits.map((hit) => hit.url.replace("/posts/", "")).sort()).toEqual(searchable);
  });
});

it("gives each kind of person the posts the rule says", () => {
  const visible = (who: string) =>
    slugs
      .filter((slug) => {
        const post = findPostBySlug(slug);
        return post !== null && canOnPost(people[who] as SessionUser, "read", post);
      })
      // Drafts live in their partner's namespace ("torfaen--torfaen-draft-…").
      .map((slug) => plainSlug(slug).replace(`-${tag}`, ""))
      .sort();
  expect(visible("reader")).toEqual(["newport-published", "torfaen-published"]);
  expect(visible("Torfaen reader")).toEqual(["newport-published", "torfaen-published"]);
  expect(visible("Torfaen editor")).toEqual([
    "newport-published",
    "torfaen-archived",
    "torfaen-draft",
    "torfaen-published",
  ]);
  expect(visible("admin")).toHaveLength(6);
});
