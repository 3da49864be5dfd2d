import type { PostKind } from "../../db/enums";

export { POST_KINDS, POST_STATUSES, type PostKind, type PostStatus } from "../../db/enums";

/**
 * The structured sections each kind carries, in reading order. A lesson
 * follows the NASA Lessons Learned record.
 */
export const KIND_SECTIONS = {
  lesson: ["drivingEvent", "lesson", "recommendation", "evidence"],
  "case-study": ["challenge", "approach", "outcome", "benefits"],
  aspiration: ["desiredOutcome", "targetTimeframe"],
  strategy: ["periodCovered", "themes"],
} as const satisfies Record<PostKind, readonly string[]>;

export type SectionKey = (typeof KIND_SECTIONS)[PostKind][number];

/** Short, single-line sections get a text input rather than a textarea. */
export const SHORT_SECTIONS: ReadonlySet<SectionKey> = new Set(["targetTimeframe", "periodCovered"]);

export function sectionsOf(kind: PostKind): readonly SectionKey[] {
  return KIND_SECTIONS[kind];
}
