/** Enumerations shared by the schema and the UI; no imports, so safe in the browser bundle. */
export const ROLES = ["admin", "editor", "reader"] as const;
export type Role = (typeof ROLES)[number];

export const POST_KINDS = ["strategy", "aspiration", "lesson", "case-study"] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const POST_STATUSES = ["draft", "published", "archived"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const PARTNER_TYPES = ["council", "police", "shared-service"] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
