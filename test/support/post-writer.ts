/**
 * A separate process that keeps writing posts through the Hub's own commands
 * (as a busy Hub would) until it is sent SIGTERM. After each write commits it
 * appends a line to WRITER_LOG: the post, its title and the event that
 * recorded the write, so a test knows exactly which writes were acknowledged
 * before any moment in the event log. Run with tsx and DATA_DIR set.
 */
import fs from "node:fs";
import { and, eq, max } from "drizzle-orm";
import { createUser } from "~/auth/users.server";
import { getDb } from "~/platform/db.server";
import { findPostBySlug } from "~/posts/posts.server";
import { createPost, updatePost } from "~/posts/save-post.server";
import { events } from "../../db/schema";
import { lessonInput, unique } from "./factories";

const logFile = process.env.WRITER_LOG ?? "";
const partner = process.env.WRITER_PARTNER ?? "torfaen";
const word = process.env.WRITER_WORD ?? "writer";
let stopping = false;
process.on("SIGTERM", () => {
  stopping = true;
});

function lastEventOf(slug: string): number {
  const id = findPostBySlug(slug)?.id;
  return (
    getDb()
      .select({ id: max(events.id) })
      .from(events)
      .where(and(eq(events.recordType, "post"), eq(events.recordId, String(id))))
      .get()?.id ?? 0
  );
}

async function main() {
  const actor = await createUser({
    email: `${unique("writer")}@example.test`,
    name: "Writer",
    role: "editor",
    partnerSlug: partner,
    password: "correct horse battery staple",
  });
  const slugs: string[] = [];
  for (let n = 0; !stopping; n++) {
    const title = `${word} post ${n}`;
    let slug: string;
    if (slugs.length < 3 || n % 2 === 0) {
      slug = createPost({ actor, fields: lessonInput(partner, { title, body: `Written by the writer, ${n}.` }) }).slug;
      slugs.push(slug);
    } else {
      slug = slugs[n % slugs.length] ?? "";
      updatePost({ actor, slug, fields: lessonInput(partner, { title, slug, body: `Edited, ${n}.` }) });
    }
    fs.appendFileSync(logFile, `${JSON.stringify({ slug, title, eventId: lastEventOf(slug) })}\n`);
    // Lets SIGTERM in between writes.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
