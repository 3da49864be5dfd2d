import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { PARTNER_TYPES, POST_KINDS, POST_STATUSES, type PostKind, type PostStatus, ROLES } from "./enums";

export * from "./enums";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const partners = sqliteTable("partners", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  shortName: text("short_name").notNull(),
  type: text("type", { enum: PARTNER_TYPES }).notNull(),
  website: text("website"),
  description: text("description").notNull().default(""),
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
    role: text("role", { enum: ROLES }).notNull(),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (table) => [
    check("users_role_check", sql`${table.role} in ('admin', 'editor', 'reader')`),
    check("users_editor_partner_check", sql`${table.role} <> 'editor' or ${table.partnerId} is not null`),
  ],
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
    kind: text("kind", { enum: POST_KINDS }).notNull(),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    /** The kind's structured sections as a JSON object of Markdown strings. */
    sections: text("sections", { mode: "json" }).$type<Record<string, string>>().notNull(),
    status: text("status", { enum: POST_STATUSES }).notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    uniqueIndex("posts_slug_idx").on(table.slug),
    index("posts_listing_idx").on(table.status, table.kind, table.publishedAt),
    index("posts_partner_idx").on(table.partnerId, table.status),
    check("posts_kind_check", sql`${table.kind} in ('strategy', 'aspiration', 'lesson', 'case-study')`),
    check("posts_status_check", sql`${table.status} in ('draft', 'published', 'archived')`),
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

/** Every save of a post keeps the full content as it was after that save. */
export const postRevisions = sqliteTable(
  "post_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    editorId: text("editor_id").references(() => users.id, { onDelete: "set null" }),
    /** Why the revision exists when no person made it, for example "content import". */
    source: text("source", { enum: ["web", "import", "script"] }).notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<PostSnapshot>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("post_revisions_number_idx").on(table.postId, table.number)],
);

/**
 * Transactional outbox for the search index: every write that changes what
 * search should return adds a row in the same transaction; the relay drains
 * it into Meilisearch in order and marks rows done.
 */
export const searchOutbox = sqliteTable(
  "search_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The post whose index entry must be brought up to date (not a foreign key: the post may be gone). */
    postId: integer("post_id").notNull(),
    reason: text("reason", { enum: ["create", "update", "delete", "partner", "reindex"] }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    processedAt: integer("processed_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("search_outbox_pending_idx").on(table.processedAt, table.id)],
);

/** Small key/value facts about this installation, such as whether demo accounts exist. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export interface PostSnapshot {
  slug: string;
  kind: PostKind;
  partnerSlug: string;
  title: string;
  summary: string;
  body: string;
  sections: Record<string, string>;
  tags: string[];
  status: PostStatus;
  publishedAt: string | null;
}
