/**
 * The schema grows by migrations alone: upgrading a database of the previous
 * version keeps every row (and every pending search update), and the
 * enumerations live in lookup tables that match db/enums.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "~/platform/db.server";
import { migrateDatabase } from "~/platform/migrate.server";
import {
  ACTION_STATUSES,
  BOARD_ROLES,
  DECISION_STATUSES,
  LINK_RELATIONS,
  MEETING_STATUSES,
  POST_KINDS,
  POST_STATUSES,
  RAG_RATINGS,
  RESPONSE_KINDS,
  ROADMAP_STATUSES,
  ROLES,
} from "../../db/enums";

const MIGRATIONS = path.resolve("db/migrations");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "srs-hub-migrations-"));
const opened: Db[] = [];

afterAll(() => {
  for (const db of opened) db.$client.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** A copy of the migrations folder holding only the first `count` migrations. */
function firstMigrations(count: number): string {
  const folder = path.join(scratch, `migrations-${count}`);
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

function database(name: string): Db {
  const db = openDatabase(path.join(scratch, `${name}.db`));
  opened.push(db);
  return db;
}

const all = (db: Db, query: string) => db.$client.prepare(query).all() as Record<string, unknown>[];
const one = (db: Db, query: string) => db.$client.prepare(query).get() as Record<string, unknown>;

describe("upgrading a database from before the event log", () => {
  it("keeps users, sessions, posts, tags and revisions, and turns pending outbox rows into unread events", () => {
    const db = database("upgrade");
    migrateDatabase(db, firstMigrations(2));
    const now = Date.now();
    db.$client.exec(`
      insert into partners (id, slug, name, short_name, type, description, updated_at)
        values (1, 'torfaen', 'Torfaen County Borough Council', 'Torfaen', 'council', '', ${now});
      insert into users (id, email, name, password_hash, role, partner_id)
        values ('u-editor', 'editor@example.test', 'Ed', 'hash', 'editor', 1), ('u-reader', 'reader@example.test', 'Rea', 'hash', 'reader', null);
      insert into sessions (id, user_id, expires_at, created_at) values ('s1', 'u-editor', ${now + 3600}, ${now});
      insert into posts (id, slug, kind, partner_id, author_id, title, summary, body, sections, status, updated_at, published_at)
        values (1, 'a-lesson', 'lesson', 1, 'u-editor', 'A lesson', 'Summary', 'Body', '{}', 'published', ${now}, ${now}),
               (2, 'a-draft', 'aspiration', 1, 'u-editor', 'A draft', 'Summary', 'Body', '{}', 'draft', ${now}, null);
      insert into posts (id, slug, kind, partner_id, title, summary, body, sections, status, updated_at)
        values (3, 'deleted-later', 'lesson', 1, 'Deleted', 'S', 'B', '{}', 'draft', ${now});
      delete from posts where id = 3;
      insert into post_tags (post_id, tag) values (1, 'cloud'), (1, 'teams'), (2, 'ai');
      insert into post_revisions (post_id, number, editor_id, source, snapshot)
        values (1, 1, 'u-editor', 'web', '{"title":"A lesson","status":"published"}'),
               (2, 1, 'u-editor', 'web', '{"title":"A draft","status":"draft"}');
      insert into search_outbox (post_id, reason, created_at, processed_at)
        values (1, 'create', ${now - 2000}, ${now - 1000}), (2, 'create', ${now}, null), (1, 'update', ${now}, null);
    `);

    migrateDatabase(db, MIGRATIONS);

    // Everyone belongs to a partner now: without an SRS partner, the first one.
    expect(all(db, "select id, partner_id from users order by id")).toEqual([
      { id: "u-editor", partner_id: 1 },
      { id: "u-reader", partner_id: 1 },
    ]);
    // Sessions stored under their raw ids end: only hashes of tokens are kept from now on.
    expect(one(db, "select count(*) as n from sessions").n).toBe(0);
    expect(one(db, "select count(*) as n from post_tags").n).toBe(3);
    expect(all(db, "select id, slug, author_id, title_cy from posts order by id")).toEqual([
      { id: 1, slug: "a-lesson", author_id: "u-editor", title_cy: null },
      { id: 2, slug: "a-draft", author_id: "u-editor", title_cy: null },
    ]);
    expect(
      all(db, "select record_type, record_id, number, schema_version, restricted, actor_id from revisions order by id"),
    ).toEqual([
      { record_type: "post", record_id: "1", number: 1, schema_version: 1, restricted: 0, actor_id: "u-editor" },
      { record_type: "post", record_id: "2", number: 1, schema_version: 1, restricted: 1, actor_id: "u-editor" },
    ]);
    expect(all(db, "select type, record_type, record_id, partner_ids from events order by id")).toEqual([
      { type: "post.created", record_type: "post", record_id: "2", partner_ids: "[1]" },
      { type: "post.updated", record_type: "post", record_id: "1", partner_ids: "[1]" },
    ]);
    expect(one(db, "select position from event_consumers where name = 'search'").position).toBe(0);
    expect(all(db, "select name from sqlite_master where name in ('search_outbox', 'post_revisions')")).toEqual([]);
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    // A deleted post's id is never given to a new one: the event log still names it.
    db.$client.exec(
      `insert into posts (slug, kind, partner_id, title, summary, body, sections, status, updated_at)
        values ('new-after-upgrade', 'lesson', 1, 'New', 'S', 'B', '{}', 'draft', ${now})`,
    );
    expect(one(db, "select id from posts where slug = 'new-after-upgrade'").id).toBe(4);
    // The database as it was is kept beside it.
    const backups = fs.readdirSync(scratch).filter((name) => name.startsWith("upgrade.db.before-migration-"));
    expect(backups).toHaveLength(1);
    const before = openDatabase(path.join(scratch, backups[0] ?? ""));
    opened.push(before);
    expect(one(before, "select count(*) as n from search_outbox").n).toBe(3);
  });
});

describe("upgrading a database from before the roadmap", () => {
  it("moves every 'we applied this' into partner responses, as applied", () => {
    const db = database("responses");
    migrateDatabase(db, firstMigrations(6));
    db.$client.exec(`
      insert into partners (id, slug, name, short_name, type, description, updated_at)
        values (1, 'torfaen', 'Torfaen', 'Torfaen', 'council', '', 0), (2, 'newport', 'Newport', 'Newport', 'council', '', 0);
      insert into users (id, email, name, password_hash, role, partner_id) values ('u1', 'u1@example.test', 'U', 'h', 'reader', 2);
      insert into posts (id, slug, kind, partner_id, title, summary, body, sections, status, updated_at, published_at)
        values (1, 'a-lesson', 'lesson', 1, 'A lesson', 'S', 'B', '{}', 'published', 5, 5);
      insert into post_applications (post_id, partner_id, note, user_id, created_at, updated_at)
        values (1, 2, 'Used it', 'u1', 10, 20);
    `);
    migrateDatabase(db, MIGRATIONS);
    expect(all(db, "select * from partner_responses")).toEqual([
      { post_id: 1, partner_id: 2, kind: "applied", note: "Used it", user_id: "u1", created_at: 10, updated_at: 20 },
    ]);
    expect(all(db, "select name from sqlite_master where name = 'post_applications'")).toEqual([]);
    expect(all(db, "select slug from roadmap_themes order by id").map((row) => row.slug)).toHaveLength(8);
  });
});

describe("roles, kinds and statuses", () => {
  it("are lookup tables holding exactly the values in db/enums.ts", () => {
    const db = database("lookups");
    migrateDatabase(db, MIGRATIONS);
    const names = (table: string) => all(db, `select name from ${table} order by name`).map((row) => row.name);
    expect(names("roles")).toEqual([...ROLES].sort());
    expect(names("post_kinds")).toEqual([...POST_KINDS].sort());
    expect(names("post_statuses")).toEqual([...POST_STATUSES].sort());
    expect(names("roadmap_statuses")).toEqual([...ROADMAP_STATUSES].sort());
    expect(names("rag_ratings")).toEqual([...RAG_RATINGS].sort());
    expect(names("link_relations")).toEqual([...LINK_RELATIONS].sort());
    expect(names("response_kinds")).toEqual([...RESPONSE_KINDS].sort());
    expect(names("board_roles")).toEqual([...BOARD_ROLES].sort());
    expect(names("meeting_statuses")).toEqual([...MEETING_STATUSES].sort());
    expect(names("decision_statuses")).toEqual([...DECISION_STATUSES].sort());
    expect(names("action_statuses")).toEqual([...ACTION_STATUSES].sort());
  });

  it("are enforced by the database, and a new one takes a single insert, not a table rebuild", () => {
    const db = database("new-role");
    migrateDatabase(db, MIGRATIONS);
    db.$client.exec(
      "insert into partners (id, slug, name, short_name, type, description, updated_at) values (1, 'srs', 'SRS', 'SRS', 'shared-service', '', 0)",
    );
    const addUser = (id: string, role: string) =>
      db.$client
        .prepare(
          "insert into users (id, email, name, password_hash, role, partner_id) values (?, ?, 'X', 'hash', ?, 1)",
        )
        .run(id, `${id}@example.test`, role);
    expect(() => addUser("u1", "clerk")).toThrow(/FOREIGN KEY/);
    const tablesBefore = all(db, "select name, sql from sqlite_master where name = 'users'");
    // What a migration adding the role would contain:
    db.$client.exec("insert into roles (name) values ('clerk')");
    addUser("u2", "clerk");
    expect(all(db, "select name, sql from sqlite_master where name = 'users'")).toEqual(tablesBefore);
    expect(() =>
      db.$client
        .prepare(
          "insert into posts (slug, kind, partner_id, title, summary, body, sections, status, updated_at) values ('x', 'memo', 1, 't', 's', 'b', '{}', 'draft', 0)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
