/**
 * Posts made over HTTP, as the post form would send them, so that each test
 * can have data of its own without filling in the form. The request must be a
 * signed-in browser context's (`page.request` or `context.request`).
 */
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "playwright-core";
import { expect } from "vitest";
import { KIND_SECTIONS, type PostKind, type PostStatus } from "~/posts/post-kinds";

export interface PostFields {
  kind?: PostKind;
  title: string;
  summary?: string;
  body?: string;
  partner?: string;
  status?: PostStatus;
  tags?: string;
  slug?: string;
  /** Section text by key; sections not given are filled in. */
  sections?: Record<string, string>;
  /** Only read by the edit form. */
  changeNote?: string;
  /** A lesson's or case study's event date, `YYYY-MM-DD` (one in the past unless given; "" for none). */
  eventDate?: string;
  /** The button pressed; without one, `status` says what to do (as the Hub's forms did before their buttons). */
  intent?: string;
}

/** A title no other test uses, so its slug is free. */
export function uniqueTitle(title: string): string {
  return `${title} ${randomUUID().slice(0, 8)}`;
}

/** The form fields the post form sends. */
export function postForm(fields: PostFields): Record<string, string> {
  const kind = fields.kind ?? "lesson";
  const form: Record<string, string> = {
    kind,
    title: fields.title,
    summary: fields.summary ?? "A summary written by an end-to-end test.",
    body: fields.body ?? "A full account written by an end-to-end test.",
    partner: fields.partner ?? "torfaen",
    status: fields.status ?? "draft",
    tags: fields.tags ?? "",
    slug: fields.slug ?? "",
  };
  for (const key of KIND_SECTIONS[kind]) form[`section.${key}`] = fields.sections?.[key] ?? `Some ${key}.`;
  if (kind === "lesson" || kind === "case-study") {
    const [year = "", month = "", day = ""] = (fields.eventDate ?? "2024-01-15").split("-");
    Object.assign(form, { "eventDate-day": day, "eventDate-month": month, "eventDate-year": year });
  }
  if (fields.intent !== undefined) form.intent = fields.intent;
  if (fields.changeNote !== undefined) form.changeNote = fields.changeNote;
  return form;
}

async function send(request: APIRequestContext, baseUrl: string, path: string, fields: PostFields) {
  const response = await request.post(`${baseUrl}${path}`, {
    form: postForm(fields),
    headers: { Origin: baseUrl },
    maxRedirects: 0,
  });
  if (response.status() !== 302) {
    throw new Error(`POST ${path} answered ${response.status()}, not 302:\n${(await response.text()).slice(0, 2000)}`);
  }
  const location = response.headers().location ?? "";
  expect(location).toMatch(/^\/posts\/[a-z0-9-]+$/);
  return location.slice("/posts/".length);
}

/** Creates a post and returns its slug. */
export function createPost(request: APIRequestContext, baseUrl: string, fields: PostFields): Promise<string> {
  return send(request, baseUrl, `/posts/new?kind=${fields.kind ?? "lesson"}`, fields);
}

/** Saves a post with these fields (the whole form, as the edit page sends it); returns its slug. */
export function editPost(
  request: APIRequestContext,
  baseUrl: string,
  slug: string,
  fields: PostFields,
): Promise<string> {
  return send(request, baseUrl, `/posts/${slug}/edit`, fields);
}
