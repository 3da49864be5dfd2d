/** The limits on a roadmap item's fields and its updates: validation and the messages that explain them both read these. */
import { MAX_SLUG_LENGTH } from "../posts/post-limits";

export const ROADMAP_LIMITS = {
  title: 200,
  slug: MAX_SLUG_LENGTH,
  summary: 600,
  descriptionBytes: 100 * 1024,
  /** A progress update's note is short: what changed, not a report. */
  updateNote: 2000,
  changeNote: 300,
  themeName: 60,
  /** The years a quarter may fall in. */
  firstYear: 2000,
  lastYear: 2100,
} as const;

/** The numbers the roadmap's messages mention (see i18n/message-params.ts). */
export const ROADMAP_MESSAGE_PARAMS = {
  "roadmap.errors.title.tooLong": { max: ROADMAP_LIMITS.title },
  "roadmap.errors.slug.tooLong": { max: ROADMAP_LIMITS.slug },
  "roadmap.errors.summary.tooLong": { max: ROADMAP_LIMITS.summary },
  "roadmap.errors.description.tooLong": { maxKb: ROADMAP_LIMITS.descriptionBytes / 1024 },
  "roadmap.errors.note.tooLong": { max: ROADMAP_LIMITS.updateNote },
  "roadmap.errors.changeNote.tooLong": { max: ROADMAP_LIMITS.changeNote },
  "roadmap.errors.themeName.tooLong": { max: ROADMAP_LIMITS.themeName },
  "roadmap.errors.startQuarter.invalid": {
    min: String(ROADMAP_LIMITS.firstYear),
    max: String(ROADMAP_LIMITS.lastYear),
  },
  "roadmap.errors.targetQuarter.invalid": {
    min: String(ROADMAP_LIMITS.firstYear),
    max: String(ROADMAP_LIMITS.lastYear),
  },
} as const;
