/**
 * Enumerations shared by the schema and the UI; no imports, so safe in the
 * browser bundle. This is the one place they are listed: each has a lookup
 * table in the database (seeded by a migration, checked against this file by
 * a test), and the tables that use them hold a foreign key to it, so adding a
 * value is one INSERT in a new migration, never a table rebuild.
 */
/** `coordinator`: SRS staff who create roadmap items and assign their owners. */
export const ROLES = ["admin", "coordinator", "editor", "reader"] as const;
export type Role = (typeof ROLES)[number];

export const POST_KINDS = ["strategy", "aspiration", "lesson", "case-study"] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const POST_STATUSES = ["draft", "published", "archived"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const PARTNER_TYPES = ["council", "police", "shared-service"] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** Every kind of record the event log, revisions and search know about. */
export const RECORD_TYPES = ["post", "partner", "user", "roadmap_item", "roadmap_theme", "record_link"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Who or what made a change: a person in the web app, the content import, or a command-line script. */
export const CHANGE_SOURCES = ["web", "import", "script", "system"] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

/** What a single-use account link is for. */
export const ACCOUNT_TOKEN_PURPOSES = ["invitation", "password-reset"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** Where a roadmap item stands. */
export const ROADMAP_STATUSES = ["proposed", "planned", "in-progress", "delivered", "paused", "cancelled"] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

/** A progress update's red-amber-green rating. */
export const RAG_RATINGS = ["on-track", "at-risk", "off-track"] as const;
export type RagRating = (typeof RAG_RATINGS)[number];

/**
 * How a record is linked to another (decision 043): the relation says what the
 * linked record (the object, a post) is to the record holding the link (the
 * subject, a roadmap item): the aspiration that `drives` it, the lesson that
 * `informs` it... Later record types add their relations with one INSERT.
 */
export const LINK_RELATIONS = ["drives", "informs", "learned-from", "delivers"] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/** What a partner says of another partner's post: it applied it, or it wants it too. */
export const RESPONSE_KINDS = ["applied", "interested"] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
