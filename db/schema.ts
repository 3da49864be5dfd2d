import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { CHANGE_SOURCES, PARTNER_TYPES, type PostKind, type PostStatus, type RecordType, type Role } from "./enums";

export * from "./enums";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

// Lookup tables: the values of db/enums.ts, so that the tables using them
// hold a foreign key instead of a CHECK constraint (SQLite cannot change a
// CHECK without rebuilding the table).
export const roles = sqliteTable("roles", { name: text("name").primaryKey() });
export const postKinds = sqliteTable("post_kinds", { name: text("name").primaryKey() });
export const postStatuses = sqliteTable("post_statuses", { name: text("name").primaryKey() });

/**
 * User-written text has an English column and a Welsh one (`*_cy`), empty
 * until a Welsh version is written: see docs/decisions/011-bilingual-fields.md.
 */
export const partners = sqliteTable("partners", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  nameCy: text("name_cy"),
  shortName: text("short_name").notNull(),
  shortNameCy: text("short_name_cy"),
  type: text("type", { enum: PARTNER_TYPES }).notNull(),
  website: text("website"),
  description: text("description").notNull().default(""),
  descriptionCy: text("description_cy"),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role")
      .$type<Role>()
      .notNull()
      .references(() => roles.name),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (table) => [check("users_editor_partner_check", sql`${table.role} <> 'editor' or ${table.partnerId} is not null`)],
);

/** Lucia's session table; `created_at` carries the absolute lifetime. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

export const posts = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    kind: text("kind")
      .$type<PostKind>()
      .notNull()
      .references(() => postKinds.name),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    titleCy: text("title_cy"),
    summary: text("summary").notNull(),
    summaryCy: text("summary_cy"),
    body: text("body").notNull(),
    bodyCy: text("body_cy"),
    /** The kind's structured sections as a JSON object of Markdown strings. */
    sections: text("sections", { mode: "json" }).$type<Record<string, string>>().notNull(),
    sectionsCy: text("sections_cy", { mode: "json" }).$type<Record<string, string>>(),
    status: text("status")
      .$type<PostStatus>()
      .notNull()
      .references(() => postStatuses.name),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    uniqueIndex("posts_slug_idx").on(table.slug),
    index("posts_listing_idx").on(table.status, table.kind, table.publishedAt),
    index("posts_partner_idx").on(table.partnerId, table.status),
  ],
);

export const postTags = sqliteTable(
  "post_tags",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (table) => [primaryKey({ columns: [table.postId, table.tag] }), index("post_tags_tag_idx").on(table.tag)],
);

/**
 * The event log: every domain command appends a row in the transaction of its
 * change. It is kept (the history that audit, activity and timeline views
 * read); consumers such as the search relay read it from their own cursor.
 */
export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** What happened, as `<record type>.<verb>`, such as "post.published". */
    type: text("type").notNull(),
    recordType: text("record_type").$type<RecordType>().notNull(),
    /** The record's id as text, whatever the type of its key (the record may be gone). */
    recordId: text("record_id").notNull(),
    /** The person who acted; null for the content import and scripts (see `source`). */
    actorId: text("actor_id"),
    source: text("source", { enum: CHANGE_SOURCES }).notNull(),
    /** Ids of the partners the change concerns, as a JSON array. */
    partnerIds: text("partner_ids", { mode: "json" }).$type<number[]>().notNull(),
    occurredAt: integer("occurred_at", { mode: "timestamp_ms" }).notNull(),
    /** A few facts about the change (title, status before and after); never a whole record. */
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (table) => [index("events_record_idx").on(table.recordType, table.recordId, table.id)],
);

/** How far each consumer of the event log has read. */
export const eventConsumers = sqliteTable("event_consumers", {
  name: text("name").primaryKey(),
  /** The id of the last event fully handled. */
  position: integer("position").notNull().default(0),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Records a consumer could not handle: retried with backoff, then parked
 * (dead-lettered) with their last error until someone retries them.
 */
export const consumerFailures = sqliteTable(
  "consumer_failures",
  {
    consumer: text("consumer").notNull(),
    recordType: text("record_type").$type<RecordType>().notNull(),
    recordId: text("record_id").notNull(),
    attempts: integer("attempts").notNull(),
    lastError: text("last_error").notNull(),
    firstFailedAt: integer("first_failed_at", { mode: "timestamp_ms" }).notNull(),
    lastFailedAt: integer("last_failed_at", { mode: "timestamp_ms" }).notNull(),
    /** When to try again; null once parked. */
    retryAt: integer("retry_at", { mode: "timestamp_ms" }),
    parkedAt: integer("parked_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    primaryKey({ columns: [table.consumer, table.recordType, table.recordId] }),
    index("consumer_failures_retry_idx").on(table.consumer, table.retryAt),
  ],
);

/** Named leases, so that only one process at a time runs a singleton job (such as the search relay). */
export const leases = sqliteTable("leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Every save of any record keeps a snapshot of it as it was after that save.
 * `schema_version` says which shape the snapshot has; `restricted` marks a
 * revision that not everyone who can see the record may see (a post's draft).
 */
export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordType: text("record_type").$type<RecordType>().notNull(),
    recordId: text("record_id").notNull(),
    number: integer("number").notNull(),
    schemaVersion: integer("schema_version").notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    restricted: integer("restricted", { mode: "boolean" }).notNull(),
    changeNote: text("change_note"),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    source: text("source", { enum: CHANGE_SOURCES }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("revisions_number_idx").on(table.recordType, table.recordId, table.number)],
);

/** What the content import last read for a record: a hash of its normalised input. */
export const importedContent = sqliteTable(
  "imported_content",
  {
    recordType: text("record_type").$type<RecordType>().notNull(),
    recordId: text("record_id").notNull(),
    inputHash: text("input_hash").notNull(),
    importedAt: integer("imported_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.recordType, table.recordId] })],
);

/** Small key/value facts about this installation, such as whether demo accounts exist. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
