/**
 * The newest-first lists (the home page's latest of each kind, the post list)
 * walk an index instead of sorting every post: at 10,000 posts sorting took
 * 20 to 80 ms a list, walking the index under 2 ms. SQLite's own query plans
 * are the evidence, on a database big enough for the planner to care.
 */
import "../support/temp-database";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { gatherPlannerStatistics, getDb } from "~/platform/db.server";
import { postsVisibleTo } from "~/posts/post-policy.server";
import { newestFirstQuery, publishedOfKind } from "~/posts/posts.server";
import { createPost } from "~/posts/save-post.server";
import { givenPartner, givenUser, lessonInput } from "../support/factories";

const people: Record<string, SessionUser> = {};
const KINDS = ["lesson", "strategy", "aspiration", "case-study"];
const STATUSES = ["published", "published", "published", "draft", "archived"];

beforeAll(async () => {
  givenPartner("torfaen");
  givenPartner("newport");
  people.reader = await givenUser("reader");
  people.editor = await givenUser("editor", "torfaen");
  const admin = await givenUser("admin");
  createPost({ actor: admin, fields: lessonInput("torfaen", { title: "The post every other is copied from" }) });
  // 4,000 more, copied in SQL: of every kind, status and partner, their dates spread over years.
  const client = getDb().$client;
  const columns = (client.prepare("select name from pragma_table_info('posts')").all() as { name: string }[])
    .map((column) => column.name)
    .filter((name) => name !== "id");
  const copied: Record<string, string> = {
    slug: "'copy-' || n",
    kind: `case n % 4 ${KINDS.map((kind, i) => `when ${i} then '${kind}'`).join(" ")} end`,
    status: `case n % 5 ${STATUSES.map((status, i) => `when ${i} then '${status}'`).join(" ")} end`,
    partner_id: "case n % 2 when 0 then (select min(id) from partners) else (select max(id) from partners) end",
    published_at: "case when n % 5 < 3 then published_at - n * 3600000 else null end",
    updated_at: "updated_at - n * 1800000",
  };
  client.exec(`
    with recursive counter(n) as (select 1 union all select n + 1 from counter where n < 4000)
    insert into posts (${columns.join(", ")})
    select ${columns.map((name) => copied[name] ?? name).join(", ")}
    from counter, (select * from posts order by id limit 1)`);
  gatherPlannerStatistics("analyze");
});

function planOf(query: { toSQL(): { sql: string; params: unknown[] } }): string {
  const { sql, params } = query.toSQL();
  const steps = getDb()
    .$client.prepare(`explain query plan ${sql}`)
    .all(...params) as { detail: string }[];
  return steps.map((step) => step.detail).join("\n");
}

describe("newest-first lists", () => {
  it("the home page's latest posts of a kind walk posts_kind_newest_idx", () => {
    for (const kind of KINDS) {
      const plan = planOf(newestFirstQuery(publishedOfKind(kind as "lesson"), 3, 0));
      expect(plan).toContain("posts_kind_newest_idx");
      expect(plan).not.toContain("TEMP B-TREE");
    }
  });

  it.each(["reader", "editor"])("the post list for a %s walks posts_newest_idx", (person) => {
    const plan = planOf(newestFirstQuery(postsVisibleTo(people[person] as SessionUser), 20, 40));
    expect(plan).toContain("posts_newest_idx");
    expect(plan).not.toContain("TEMP B-TREE");
  });
});
