/**
 * The numbers that messages about limits mention, taken from the same
 * constants validation uses, so the words can never disagree with the rule.
 */
import { ACCOUNT_LIMITS } from "../auth/account-limits";
import { MEETING_LIMITS } from "../boards/meeting-schemas";
import { GLOSSARY_LIMITS, GLOSSARY_NAME_FIELDS } from "../glossary/glossary-limits";
import { LINK_NOTE_MAX } from "../links/link-relations";
import { KIND_SECTIONS, type SectionKey, SHORT_SECTIONS } from "../posts/post-kinds";
import { LIMITS } from "../posts/post-limits";
import { ROADMAP_MESSAGE_PARAMS } from "../roadmap/roadmap-limits";
import { MAX_QUERY_LENGTH } from "../search/search-query";
import type { MessageKey } from "./en";
import type { Params } from "./translate";

export const MESSAGE_PARAMS: Partial<Record<MessageKey, Params>> = {
  "errors.title.tooLong": { max: LIMITS.title },
  "errors.slug.tooLong": { max: LIMITS.slug },
  "errors.summary.tooLong": { max: LIMITS.summary },
  "errors.body.tooLong": { maxKb: LIMITS.bodyBytes / 1024 },
  "errors.tags.tooMany": { max: LIMITS.tags },
  "errors.section.tooLong": { max: LIMITS.section },
  "errors.shortSection.tooLong": { max: LIMITS.shortSection },
  "errors.changeNote.tooLong": { max: LIMITS.changeNote },
  "errors.name.tooLong": { max: ACCOUNT_LIMITS.name },
  "errors.password.tooShort": { min: ACCOUNT_LIMITS.passwordMin },
  "errors.jobTitle.tooLong": { max: ACCOUNT_LIMITS.jobTitle },
  "errors.applied.noteTooLong": { max: LIMITS.applicationNote },
  "errors.links.noteTooLong": { max: LINK_NOTE_MAX },
  "errors.interest.noteTooLong": { max: LIMITS.applicationNote },
  "errors.password.tooLong": { max: ACCOUNT_LIMITS.passwordMax },
  "password.newHint": { min: ACCOUNT_LIMITS.passwordMin },
  "search.truncated": { max: MAX_QUERY_LENGTH },
  "errors.tags.tooLongNamed": { max: LIMITS.tagLength },
  ...ROADMAP_MESSAGE_PARAMS,
  "meetings.errors.agenda.tooMany": { max: MEETING_LIMITS.agendaItems },
  "glossary.errors.descriptionTooLong": { max: GLOSSARY_LIMITS.descriptionLength },
  "glossary.errors.tooManyNames": { max: GLOSSARY_LIMITS.namesPerEntry },
  "glossary.errors.engineLimit": { max: GLOSSARY_LIMITS.engineWordsPerName },
  // Each kind of glossary name's length and word limits, named for its field.
  ...Object.fromEntries(
    GLOSSARY_NAME_FIELDS.flatMap((field) => [
      [`glossary.errors.${field}.nameTooLong`, { max: GLOSSARY_LIMITS.nameLength }],
      [`glossary.errors.${field}.tooManyWords`, { max: GLOSSARY_LIMITS.nameWords }],
    ]),
  ),
  // Each section's "must be N characters or fewer", named for its section.
  ...Object.fromEntries(
    (Object.values(KIND_SECTIONS).flat() as SectionKey[]).map((key) => [
      `errors.section.tooLong.${key}`,
      { max: SHORT_SECTIONS.has(key) ? LIMITS.shortSection : LIMITS.section },
    ]),
  ),
};
