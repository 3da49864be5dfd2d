/**
 * Publish-to-searchable latency: an editor publishes a new post through the
 * post form over HTTP, then Meilisearch is asked for it, as that editor
 * would find it, until it is there. Publishes are one at a time.
 */
import { KIND_SECTIONS } from "../../app/posts/post-kinds";
import { type HubMeilisearch, meiliRequest } from "./hub-meilisearch";

export interface PublishOptions {
  hubUrl: string;
  /** The editor's session cookie. */
  cookie: string;
  /** A partner the editor publishes for. */
  partner: string;
  meili: HubMeilisearch;
  indexUid: string;
  /** The search parameters the editor's own search-as-you-type would send, besides the words. */
  searchParams: Record<string, unknown>;
  count: number;
  /** Words no other post has, so each title is found only as itself. */
  marker: string;
  timeoutMs?: number;
}

export interface PublishLatencies {
  /** Milliseconds from sending the form to the first search that finds the post. */
  samples: number[];
  /** Posts not found within the timeout. */
  missing: number;
}

function lessonForm(title: string, partner: string): URLSearchParams {
  const form = new URLSearchParams({
    kind: "lesson",
    title,
    summary: "A lesson published to measure how soon search finds it.",
    body: "Published by the load benchmark. Nothing else in it matters.",
    partner,
    status: "published",
    tags: "",
    slug: "",
    // A lesson says when its driving event happened.
    "eventDate-day": "23",
    "eventDate-month": "3",
    "eventDate-year": "2020",
  });
  for (const key of KIND_SECTIONS.lesson) form.set(`section.${key}`, `The ${key} of this lesson.`);
  return form;
}

export async function measurePublishToSearch(options: PublishOptions): Promise<PublishLatencies> {
  const { hubUrl, cookie, meili, count, timeoutMs = 30_000 } = options;
  const samples: number[] = [];
  let missing = 0;
  for (let i = 1; i <= count; i++) {
    const title = `${options.marker} publish ${i}`;
    const started = performance.now();
    const response = await fetch(`${hubUrl}/posts/new?kind=lesson`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: hubUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: lessonForm(title, options.partner),
      redirect: "manual",
    });
    const location = response.headers.get("location");
    if (response.status !== 302 || !location) {
      const page = await response.text();
      // The form's own error messages say what it refused, where the page has them.
      const errors = [...page.matchAll(/class="govuk-error-message"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?([^<]*)/g)]
        .map((match) => match[1])
        .join("; ");
      throw new Error(`Publishing "${title}" answered ${response.status}: ${errors || page.slice(0, 300)}`);
    }
    const url = new URL(location, hubUrl).pathname;
    let found = false;
    while (!found && performance.now() - started < timeoutMs) {
      const result = await meiliRequest<{ hits: { url: string }[] }>(meili, `/indexes/${options.indexUid}/search`, {
        ...options.searchParams,
        q: title,
      });
      found = result.hits.some((hit) => hit.url === url);
      if (!found) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (found) samples.push(performance.now() - started);
    else missing++;
    // Apart, so each publish meets the relay at a different point of its polling.
    await new Promise((resolve) => setTimeout(resolve, 50 + ((i * 37) % 100)));
  }
  return { samples, missing };
}
