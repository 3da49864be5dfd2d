/**
 * Every searchable record type. A new type adds its SearchSource here and its
 * name to SEARCHABLE_TYPES (search-query.ts; a test checks the two agree),
 * and the search page learns its labels.
 */
import { decisionSearchSource } from "../boards/decision-search.server";
import { meetingSearchSource } from "../boards/meeting-search.server";
import { paperSearchSource } from "../boards/paper-search.server";
import { postSearchSource } from "../posts/post-search.server";
import { roadmapItemSearchSource } from "../roadmap/roadmap-search.server";
import type { SearchSource } from "./search-document.server";

export const SEARCH_SOURCES: readonly SearchSource[] = [
  postSearchSource,
  roadmapItemSearchSource,
  meetingSearchSource,
  paperSearchSource,
  decisionSearchSource,
];
