import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import {
  ACCOUNT_TOKEN_PURPOSES,
  type ActionStatus,
  type BoardRole,
  CHANGE_SOURCES,
  type DecisionStatus,
  type LinkRelation,
  type MeetingStatus,
  PARTNER_TYPES,
  type PaperFileType,
  type PaperTextState,
  type PostKind,
  type PostStatus,
  type RagRating,
  type RecordType,
  type ResponseKind,
  type RoadmapStatus,
  type Role,
} from "./enums";

export * from "./enums";

/**
 * A record's Markdown fields rendered when saved: the sanitised HTML and the
 * plain text of each, by field name ("body", "section.lesson"; Welsh ones
 * prefixed "cy:").
 */
export interface RenderedFields {
  html: Record<string, string>;
  text: Record<string, string>;
}

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

// Lookup tables: the values of db/enums.ts, so that the tables using them
// hold a foreign key instead of a CHECK constraint (SQLite cannot change a
// CHECK without rebuilding the table).
export const roles = sqliteTable("roles", { name: text("name").primaryKey() });
export const postKinds = sqliteTable("post_kinds", { name: text("name").primaryKey() });
export const postStatuses = sqliteTable("post_statuses", { name: text("name").primaryKey() });
export const roadmapStatuses = sqliteTable("roadmap_statuses", { name: text("name").primaryKey() });
export const ragRatings = sqliteTable("rag_ratings", { name: text("name").primaryKey() });
export const linkRelations = sqliteTable("link_relations", { name: text("name").primaryKey() });
export const responseKinds = sqliteTable("response_kinds", { name: text("name").primaryKey() });
export const boardRoles = sqliteTable("board_roles", { name: text("name").primaryKey() });
export const meetingStatuses = sqliteTable("meeting_statuses", { name: text("name").primaryKey() });
export const decisionStatuses = sqliteTable("decision_statuses", { name: text("name").primaryKey() });
export const actionStatuses = sqliteTable("action_statuses", { name: text("name").primaryKey() });

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
  /** The partner's digital lead, named on its page. */
  digitalLeadId: text("digital_lead_id").references((): AnySQLiteColumn => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Every person belongs to a partner (SRS staff to the SRS). An account made
 * by invitation, or only ever used with Microsoft Entra ID, has no password.
 * A deactivated account keeps its history but cannot sign in.
 */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  role: text("role")
    .$type<Role>()
    .notNull()
    .references(() => roles.name),
  partnerId: integer("partner_id")
    .notNull()
    .references(() => partners.id, { onDelete: "restrict" }),
  /** What the person does, as shown beside their name ("Digital lead"); optional. */
  jobTitle: text("job_title"),
  createdAt: createdAt(),
  lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
  deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
});

/**
 * Lucia's session table. `id` is the SHA-256 of the token in the browser's
 * cookie, so a copy of the database cannot be used to take over a session.
 * `created_at` carries the absolute lifetime.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
    /** How the person signed in: "password" or "entra". */
    method: text("method").notNull().default("password"),
    /** The browser's own description of itself, shortened; shown on the sessions page. */
    userAgent: text("user_agent"),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

/** An account's sign-in from an outside identity provider: for Entra ID, its tenant (`tid`) and object (`oid`) ids. */
export const userIdentities = sqliteTable(
  "user_identities",
  {
    provider: text("provider").notNull(),
    tenantId: text("tenant_id").notNull(),
    subject: text("subject").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    primaryKey({ columns: [table.provider, table.tenantId, table.subject] }),
    index("user_identities_user_idx").on(table.userId),
  ],
);

/** An OpenID Connect sign-in under way: its state (hashed), nonce and PKCE verifier, used once. */
export const signInRequests = sqliteTable("sign_in_requests", {
  stateHash: text("state_hash").primaryKey(),
  /** The Entra ID tenant the person chose to sign in with. */
  tenantId: text("tenant_id").notNull(),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  redirectTo: text("redirect_to").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});

/** Single-use links (an invitation or a password reset): only the SHA-256 of the token is kept. */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("account_tokens_user_idx").on(table.userId)],
);

/**
 * Failed sign-ins, per account (`account:<email>`) and per address
 * (`address:<ip>`), shared by every process on the database. When the next
 * attempt may come follows from the count and the last time (delayAfter).
 */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailedAt: integer("last_failed_at", { mode: "timestamp_ms" }).notNull(),
});

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
    /** The person to ask about the post, shown near its title; its author unless someone else is named. */
    contactId: text("contact_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    titleCy: text("title_cy"),
    summary: text("summary").notNull(),
    summaryCy: text("summary_cy"),
    body: text("body").notNull(),
    bodyCy: text("body_cy"),
    /** The kind's structured sections as a JSON object of Markdown strings. */
    sections: text("sections", { mode: "json" }).$type<Record<string, string>>().notNull(),
    sectionsCy: text("sections_cy", { mode: "json" }).$type<Record<string, string>>(),
    /** The Markdown fields rendered and sanitised at save time, and their plain text for search. */
    rendered: text("rendered", { mode: "json" }).$type<RenderedFields>(),
    status: text("status")
      .$type<PostStatus>()
      .notNull()
      .references(() => postStatuses.name),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    /** A lesson's or case study's event date, as `YYYY-MM-DD`. */
    eventDate: text("event_date"),
    /** An aspiration's target date, as `YYYY-MM-DD`. */
    targetDate: text("target_date"),
    /** When the post should next be checked as still accurate (a year after publishing unless set). */
    reviewBy: integer("review_by", { mode: "timestamp_ms" }),
    /** When someone last confirmed the post still accurate. */
    reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    uniqueIndex("posts_slug_idx").on(table.slug),
    // Lists show the newest first (published by publication, unpublished by last edit): these keep them
    // from sorting every post (the home page's "latest of each kind", the post list).
    index("posts_kind_newest_idx").on(
      table.status,
      table.kind,
      sql`coalesce(${table.publishedAt}, ${table.updatedAt})`,
      table.id,
    ),
    index("posts_newest_idx").on(sql`coalesce(${table.publishedAt}, ${table.updatedAt})`, table.id),
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
 * Topics' names as people wrote them ("Microsoft 365"), by the normalised tag
 * the posts carry ("microsoft-365"): the first spelling given is kept.
 */
export const topics = sqliteTable("topics", {
  tag: text("tag").primaryKey(),
  label: text("label").notNull(),
  createdAt: createdAt(),
});

/**
 * A roadmap item's theme ("Cyber security"). The first eight come with the
 * Hub; administrators add more. The slug is the theme's address in filters.
 */
export const roadmapThemes = sqliteTable("roadmap_themes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  nameCy: text("name_cy"),
  createdAt: createdAt(),
});

/**
 * An initiative on the SRS roadmap. Written fields have Welsh twins (decision
 * 011); quarters are written `2026-Q3`. Its progress updates, status changes
 * and links are its timeline, read from the event log and its own tables.
 */
export const roadmapItems = sqliteTable(
  "roadmap_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    titleCy: text("title_cy"),
    summary: text("summary").notNull(),
    summaryCy: text("summary_cy"),
    /** Markdown. */
    description: text("description").notNull(),
    descriptionCy: text("description_cy"),
    /** The description rendered and sanitised at save time, and its plain text for search. */
    rendered: text("rendered", { mode: "json" }).$type<RenderedFields>(),
    themeId: integer("theme_id")
      .notNull()
      .references(() => roadmapThemes.id, { onDelete: "restrict" }),
    status: text("status")
      .$type<RoadmapStatus>()
      .notNull()
      .references(() => roadmapStatuses.name),
    /** `YYYY-Qn`. */
    startQuarter: text("start_quarter").notNull(),
    /** `YYYY-Qn`, never before the start. */
    targetQuarter: text("target_quarter").notNull(),
    /** The person who answers for the item: edits it, posts its updates, manages its links. */
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** When someone last reviewed the item (a progress update counts); stale after 90 days. */
    reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    uniqueIndex("roadmap_items_slug_idx").on(table.slug),
    index("roadmap_items_status_idx").on(table.status, table.targetQuarter),
    index("roadmap_items_owner_idx").on(table.ownerId),
  ],
);

/** The partners taking part in a roadmap item. */
export const roadmapItemPartners = sqliteTable(
  "roadmap_item_partners",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => roadmapItems.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
  },
  (table) => [
    primaryKey({ columns: [table.itemId, table.partnerId] }),
    index("roadmap_item_partners_partner_idx").on(table.partnerId),
  ],
);

/** A dated progress update on a roadmap item, with its RAG rating and a short Markdown note. */
export const roadmapUpdates = sqliteTable(
  "roadmap_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id")
      .notNull()
      .references(() => roadmapItems.id, { onDelete: "cascade" }),
    rating: text("rating")
      .$type<RagRating>()
      .notNull()
      .references(() => ragRatings.name),
    /** The date the update speaks for, `YYYY-MM-DD`. */
    updateDate: text("update_date").notNull(),
    note: text("note").notNull(),
    noteCy: text("note_cy"),
    rendered: text("rendered", { mode: "json" }).$type<RenderedFields>(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("roadmap_updates_item_idx").on(table.itemId, table.updateDate, table.id)],
);

/**
 * Typed links between records (decision 043), for every record type: the
 * subject (a roadmap item; later a decision or paper) holds the link, and the
 * relation says what the object (a post) is to it. Who linked and when is
 * kept here; adding and removing are events in the log.
 */
export const recordLinks = sqliteTable(
  "record_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subjectType: text("subject_type").$type<RecordType>().notNull(),
    subjectId: text("subject_id").notNull(),
    relation: text("relation")
      .$type<LinkRelation>()
      .notNull()
      .references(() => linkRelations.name),
    objectType: text("object_type").$type<RecordType>().notNull(),
    objectId: text("object_id").notNull(),
    note: text("note").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("record_links_unique_idx").on(
      table.subjectType,
      table.subjectId,
      table.objectType,
      table.objectId,
      table.relation,
    ),
    index("record_links_object_idx").on(table.objectType, table.objectId),
  ],
);

/**
 * What partners say of other partners' posts, one of each kind per post and
 * partner (a second one updates the note): "we applied this" on a lesson or
 * case study (decision 038), "we want this too" on an aspiration.
 */
export const partnerResponses = sqliteTable(
  "partner_responses",
  {
    postId: integer("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    kind: text("kind")
      .$type<ResponseKind>()
      .notNull()
      .references(() => responseKinds.name),
    note: text("note").notNull().default(""),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.postId, table.partnerId, table.kind] }),
    index("partner_responses_partner_idx").on(table.partnerId, table.kind),
  ],
);

/**
 * A board of the partnership (the SRS Strategic Board...). Its reference
 * prefix starts every decision's permanent reference (`SB-2026-014`).
 */
export const boards = sqliteTable("boards", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  nameCy: text("name_cy"),
  /** Two to six capital letters, unique: never changed once a decision carries it. */
  referencePrefix: text("reference_prefix").notNull().unique(),
  /** Markdown. */
  description: text("description").notNull().default(""),
  descriptionCy: text("description_cy"),
  rendered: text("rendered", { mode: "json" }).$type<RenderedFields>(),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Who sits on a board, and as what: a person holds one seat per board, and
 * may sit on several boards. Each seat is a principal (`board:<id>:member`,
 * and `board:<id>:secretary` or `:chair`) in every policy.
 */
export const boardMembers = sqliteTable(
  "board_members",
  {
    boardId: integer("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role")
      .$type<BoardRole>()
      .notNull()
      .references(() => boardRoles.name),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.boardId, table.userId] }), index("board_members_user_idx").on(table.userId)],
);

/** A meeting of a board. `startsAt` is the moment it starts (UTC); minutes are written once it is held. */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    boardId: integer("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "restrict" }),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }),
    /** A room and building; empty when online only. */
    location: text("location").notNull().default(""),
    /** The address of the online meeting, when there is one. */
    onlineUrl: text("online_url"),
    status: text("status")
      .$type<MeetingStatus>()
      .notNull()
      .references(() => meetingStatuses.name),
    /** The demo content's name for it (`<board slug>/<file name>`), so later files can point at it; null otherwise. */
    importKey: text("import_key").unique(),
    /** Markdown, once held. */
    minutes: text("minutes"),
    minutesCy: text("minutes_cy"),
    rendered: text("rendered", { mode: "json" }).$type<RenderedFields>(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    index("meetings_board_idx").on(table.boardId, table.startsAt),
    index("meetings_starts_idx").on(table.startsAt),
  ],
);

/** A meeting's agenda, in order. A confidential item is seen only by the board's members and admins. */
export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    /** 1, 2, 3...: unique within the meeting. */
    position: integer("position").notNull(),
    title: text("title").notNull(),
    titleCy: text("title_cy"),
    /** Markdown, optional. */
    description: text("description").notNull().default(""),
    descriptionCy: text("description_cy"),
    rendered: text("rendered", { mode: "json" }).$type<RenderedFields>(),
    confidential: integer("confidential", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [uniqueIndex("agenda_items_position_idx").on(table.meetingId, table.position)],
);

/** Who attended a meeting and who sent apologies. */
export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    attendance: text("attendance", { enum: ["attended", "apologies"] }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.userId] })],
);

/**
 * A stored file, by the SHA-256 of its content (its name under
 * `$DATA_DIR/files`): the same bytes uploaded twice are stored once. Only the
 * storage module writes these rows and those files.
 */
export const storedFiles = sqliteTable("stored_files", {
  sha256: text("sha256").primaryKey(),
  size: integer("size").notNull(),
  /** What the content was found to be (never what its name said). */
  fileType: text("file_type").$type<PaperFileType>().notNull(),
  createdAt: createdAt(),
});

/**
 * A board paper, attached to a meeting and optionally to one of its agenda
 * items. Confidential when marked so or when its agenda item is. Its text is
 * extracted after upload, outside the request, for search.
 */
export const papers = sqliteTable(
  "papers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "restrict" }),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    titleCy: text("title_cy"),
    fileSha256: text("file_sha256")
      .notNull()
      .references(() => storedFiles.sha256, { onDelete: "restrict" }),
    /** The name it was uploaded as, cleaned, for the download's suggested name only: never a path. */
    fileName: text("file_name").notNull(),
    confidential: integer("confidential", { mode: "boolean" }).notNull().default(false),
    textState: text("text_state").$type<PaperTextState>().notNull().default("pending"),
    /** The text read from the file, for search (capped). */
    extractedText: text("extracted_text"),
    /** Why the text could not be read, in words for the paper's page. */
    textProblem: text("text_problem"),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("papers_meeting_idx").on(table.meetingId), index("papers_text_state_idx").on(table.textState)],
);

/** The last decision number given per board and year, so a reference is never reused. */
export const decisionSequences = sqliteTable(
  "decision_sequences",
  {
    boardId: integer("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "restrict" }),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (table) => [primaryKey({ columns: [table.boardId, table.year] })],
);

/**
 * A board's decision, with its permanent reference (`SB-2026-014`: the
 * board's prefix, the year, the number within it). Never deleted; a
 * confidential one keeps its place in the register, its title and text seen
 * only by the board's members and admins.
 */
export const decisions = sqliteTable(
  "decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reference: text("reference").notNull().unique(),
    /** The demo content's name for it (`<board slug>/<key>`), so later files can point at it; null otherwise. */
    importKey: text("import_key").unique(),
    boardId: integer("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "restrict" }),
    year: integer("year").notNull(),
    number: integer("number").notNull(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "restrict" }),
    agendaItemId: integer("agenda_item_id").references(() => agendaItems.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    titleCy: text("title_cy"),
    /** Markdown. */
    text: text("text").notNull(),
    textCy: text("text_cy"),
    rendered: text("rendered", { mode: "json" }).$type<RenderedFields>(),
    /** Who made it: the board, its chair under delegated powers... in words. */
    decisionMaker: text("decision_maker").notNull(),
    status: text("status")
      .$type<DecisionStatus>()
      .notNull()
      .references(() => decisionStatuses.name),
    supersededById: integer("superseded_by_id").references((): AnySQLiteColumn => decisions.id, {
      onDelete: "restrict",
    }),
    withdrawnBy: text("withdrawn_by").references(() => users.id, { onDelete: "set null" }),
    withdrawnReason: text("withdrawn_reason"),
    /** `YYYY-MM-DD`. */
    effectiveDate: text("effective_date"),
    leadOfficerId: text("lead_officer_id").references(() => users.id, { onDelete: "set null" }),
    confidential: integer("confidential", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    uniqueIndex("decisions_number_idx").on(table.boardId, table.year, table.number),
    index("decisions_meeting_idx").on(table.meetingId),
  ],
);

/**
 * Something to be done, arising from a decision or a meeting, owned by a
 * person for a partner, due on a day. Confidential when its decision is.
 */
export const actions = sqliteTable(
  "actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "restrict" }),
    decisionId: integer("decision_id").references(() => decisions.id, { onDelete: "restrict" }),
    description: text("description").notNull(),
    descriptionCy: text("description_cy"),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    /** `YYYY-MM-DD`. */
    dueDate: text("due_date").notNull(),
    status: text("status")
      .$type<ActionStatus>()
      .notNull()
      .references(() => actionStatuses.name),
    /** Confidential when its decision is: seen only by the board's members and admins. */
    confidential: integer("confidential", { mode: "boolean" }).notNull().default(false),
    /** When its owner was told it is overdue, so they are told once. */
    overdueNotifiedAt: integer("overdue_notified_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (table) => [
    index("actions_status_due_idx").on(table.status, table.dueDate),
    index("actions_owner_idx").on(table.ownerId, table.status),
    index("actions_meeting_idx").on(table.meetingId),
    index("actions_decision_idx").on(table.decisionId),
  ],
);

/** Each change of an action's status, with its dated note. */
export const actionUpdates = sqliteTable(
  "action_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    status: text("status")
      .$type<ActionStatus>()
      .notNull()
      .references(() => actionStatuses.name),
    /** `YYYY-MM-DD`: the day the note speaks for. */
    noteDate: text("note_date").notNull(),
    note: text("note").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("action_updates_action_idx").on(table.actionId, table.id)],
);

/**
 * The plain-language summary of a held meeting for partner staff: the
 * secretary's introduction (Markdown); its decisions and actions are read
 * from the records when shown, through their policies.
 */
export const meetingSummaries = sqliteTable("meeting_summaries", {
  meetingId: integer("meeting_id")
    .primaryKey()
    .references(() => meetings.id, { onDelete: "cascade" }),
  introduction: text("introduction").notNull(),
  introductionCy: text("introduction_cy"),
  rendered: text("rendered", { mode: "json" }).$type<RenderedFields>(),
  publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
  publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Old addresses of any record whose slug changed (a draft's address when it
 * was published, a renamed draft): they redirect to the record.
 */
export const recordRedirects = sqliteTable(
  "record_redirects",
  {
    recordType: text("record_type").$type<RecordType>().notNull(),
    fromSlug: text("from_slug").notNull(),
    recordId: text("record_id").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.recordType, table.fromSlug] }),
    index("record_redirects_record_idx").on(table.recordType, table.recordId),
  ],
);

/**
 * A form sent after its session ended, kept so the person can sign in again
 * and carry on (WCAG 2.2.1). Found by the SHA-256 of a token in a cookie;
 * offered only to the account it was typed by, when known; short-lived.
 */
export const pendingForms = sqliteTable("pending_forms", {
  tokenHash: text("token_hash").primaryKey(),
  userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
  /** The page the form was sent to. */
  path: text("path").notNull(),
  /** The form's text fields, as a JSON array of [name, value] pairs. */
  fields: text("fields", { mode: "json" }).$type<[string, string][]>().notNull(),
  createdAt: createdAt(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});

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
    /** The Markdown fields of this revision rendered and sanitised when it was saved. */
    rendered: text("rendered", { mode: "json" }).$type<RenderedFields>(),
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

/**
 * A term of the council IT glossary. Its abbreviations, other names and Welsh
 * terms are searched as the term itself (both ways); `alsoFinds` are narrower
 * words the term finds one way only (searching the term finds them, never
 * the reverse). Shown to staff on the glossary page; revisions kept.
 */
export const glossaryTerms = sqliteTable("glossary_terms", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  /** The headword, as staff would write it: "Disaster recovery". */
  term: text("term").notNull(),
  abbreviations: text("abbreviations", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  otherNames: text("other_names", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  welshTerms: text("welsh_terms", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  alsoFinds: text("also_finds", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  /** A sentence or two saying what the term means here, in plain text. */
  description: text("description").notNull().default(""),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
});

/**
 * One search made in the finder, for the people who run the Hub: the words
 * as normalised and redacted (never who searched), how many results it had
 * and when one was first opened. Pruned after SEARCH_LOG_DAYS.
 */
export const searchLog = sqliteTable(
  "search_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    query: text("query").notNull(),
    searchedAt: integer("searched_at", { mode: "timestamp_ms" }).notNull(),
    resultCount: integer("result_count").notNull(),
    openedAt: integer("opened_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("search_log_searched_at_idx").on(table.searchedAt)],
);
