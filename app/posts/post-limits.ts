/** The limits on a post's fields: validation and the messages that explain them both read these. */
export const MAX_SLUG_LENGTH = 80;
/** A tag's name as written; longer names are refused with a message, never cut short. */
export const MAX_TAG_LENGTH = 50;

export const LIMITS = {
  title: 200,
  /** "We applied this": how the partner applied it. */
  applicationNote: 500,
  summary: 600,
  bodyBytes: 200 * 1024,
  section: 20_000,
  shortSection: 200,
  tags: 10,
  tagLength: MAX_TAG_LENGTH,
  slug: MAX_SLUG_LENGTH,
  changeNote: 300,
} as const;
