import { POST_KINDS, type PostKind } from "./post-kinds";

export interface ListQuery {
  kind?: PostKind;
  partner?: string;
  tag?: string;
  page: number;
}

/** Reads list filters from a URL; unknown or malformed values are ignored, never an error. */
export function parseListQuery(searchParams: URLSearchParams): ListQuery {
  const kind = searchParams.get("kind") ?? "";
  const partner = (searchParams.get("partner") ?? "").trim();
  const tag = (searchParams.get("tag") ?? "").trim();
  const page = Number.parseInt(searchParams.get("page") ?? "1", 10);
  return {
    kind: (POST_KINDS as readonly string[]).includes(kind) ? (kind as PostKind) : undefined,
    partner: /^[a-z0-9-]{1,80}$/.test(partner) ? partner : undefined,
    tag: /^[a-z0-9-]{1,40}$/.test(tag) ? tag : undefined,
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}
