export interface PostFormValues {
  title?: string;
  slug?: string;
  summary?: string;
  body?: string;
  partner?: string;
  tags?: string;
  status?: string;
  sections?: Record<string, string>;
}

/** What the user typed, sent back to refill the form after a rejected save. */
export function echoFormValues(raw: Record<string, unknown>): PostFormValues {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const sections = raw.sections && typeof raw.sections === "object" ? (raw.sections as Record<string, string>) : {};
  return {
    title: text(raw.title),
    slug: text(raw.slug),
    summary: text(raw.summary),
    body: text(raw.body),
    partner: text(raw.partner),
    tags: text(raw.tags),
    status: text(raw.status),
    sections,
  };
}
