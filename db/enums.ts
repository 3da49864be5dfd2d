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
export const RECORD_TYPES = [
  "post",
  "partner",
  "user",
  "roadmap_item",
  "roadmap_theme",
  "record_link",
  "board",
  "meeting",
  "paper",
  "decision",
  "action",
  "glossary_term",
] as const;
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
 * `informs` it; the roadmap item a decision `affects`. Later record types add
 * their relations with one INSERT.
 */
export const LINK_RELATIONS = ["drives", "informs", "learned-from", "delivers", "affects"] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/** What a partner says of another partner's post: it applied it, or it wants it too. */
export const RESPONSE_KINDS = ["applied", "interested"] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

/** A seat on a board: every seat is a member; the secretary runs its meetings; the chair chairs them. */
export const BOARD_ROLES = ["member", "chair", "secretary"] as const;
export type BoardRole = (typeof BOARD_ROLES)[number];

/** Where a board meeting stands. */
export const MEETING_STATUSES = ["scheduled", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Where a decision stands; `superseded` names what supersedes it, `withdrawn` who withdrew it and why. */
export const DECISION_STATUSES = ["proposed", "agreed", "deferred", "rejected", "superseded", "withdrawn"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Where an action arising from a decision or a meeting stands. */
export const ACTION_STATUSES = ["open", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Whether a paper's text could be read for search: not yet tried, read, or not readable. */
export const PAPER_TEXT_STATES = ["pending", "extracted", "unreadable"] as const;
export type PaperTextState = (typeof PAPER_TEXT_STATES)[number];

/** The files a paper may be: checked from their content, never their name. */
export const PAPER_FILE_TYPES = ["pdf", "docx", "xlsx", "markdown"] as const;
export type PaperFileType = (typeof PAPER_FILE_TYPES)[number];
