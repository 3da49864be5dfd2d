/**
 * Enumerations shared by the schema and the UI; no imports, so safe in the
 * browser bundle. This is the one place they are listed: each has a lookup
 * table in the database (seeded by a migration, checked against this file by
 * a test), and the tables that use them hold a foreign key to it, so adding a
 * value is one INSERT in a new migration, never a table rebuild.
 */
export const ROLES = ["admin", "editor", "reader"] as const;
export type Role = (typeof ROLES)[number];

export const POST_KINDS = ["strategy", "aspiration", "lesson", "case-study"] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const POST_STATUSES = ["draft", "published", "archived"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const PARTNER_TYPES = ["council", "police", "shared-service"] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

/** Every kind of record the event log, revisions and search know about. */
export const RECORD_TYPES = ["post", "partner", "user"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Who or what made a change: a person in the web app, the content import, or a command-line script. */
export const CHANGE_SOURCES = ["web", "import", "script", "system"] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

/** What a single-use account link is for. */
export const ACCOUNT_TOKEN_PURPOSES = ["invitation", "password-reset"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];
