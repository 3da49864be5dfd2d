/** Every searchable record type. A new type adds its SearchSource here and nothing else in app/search. */
import { postSearchSource } from "../posts/post-search.server";
import type { SearchSource } from "./search-document.server";

export const SEARCH_SOURCES: readonly SearchSource[] = [postSearchSource];
