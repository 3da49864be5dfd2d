/**
 * A started Hub's pages over plain HTTP (fetch), for fault tests that need
 * many writes quickly and no browser: sign in once, then send forms as the
 * browser would (same origin, no redirects followed).
 */
import { DEMO_PASSWORD } from "~/content/demo-accounts.server";
import { type PostFields, postForm } from "./e2e-posts";

export interface HubClient {
  baseUrl: string;
  cookie: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  post(path: string, form: Record<string, string>, init?: RequestInit): Promise<Response>;
}

/** Signs in with the sign-in form and keeps the session cookie. */
export async function signIn(
  baseUrl: string,
  email = "admin@demo.srs-hub.test",
  password = DEMO_PASSWORD,
): Promise<HubClient> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    headers: { Origin: baseUrl },
    redirect: "manual",
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in answered ${response.status} without a session`);
  return {
    baseUrl,
    cookie,
    get: (path, init = {}) =>
      fetch(`${baseUrl}${path}`, { ...init, headers: { Cookie: cookie, ...init.headers }, redirect: "manual" }),
    post: (path, form, init = {}) =>
      fetch(`${baseUrl}${path}`, {
        ...init,
        method: "POST",
        body: new URLSearchParams(form),
        headers: { Cookie: cookie, Origin: baseUrl, ...init.headers },
        redirect: "manual",
      }),
  };
}

/** Creates a post through its form; the Response is the form's answer (302 to the post when saved). */
export function sendNewPost(client: HubClient, fields: PostFields): Promise<Response> {
  return client.post(`/posts/new?kind=${fields.kind ?? "lesson"}`, postForm(fields));
}

/** Saves a post through its edit form. */
export function sendPostEdit(client: HubClient, slug: string, fields: PostFields): Promise<Response> {
  return client.post(`/posts/${slug}/edit`, postForm(fields));
}

/** The post's slug from a saved form's redirect, or null when the form was not saved. */
export function savedSlug(response: Response): string | null {
  const location = response.headers.get("location") ?? "";
  return response.status === 302 && /^\/posts\/[a-z0-9-]+$/.test(location) ? location.slice("/posts/".length) : null;
}
