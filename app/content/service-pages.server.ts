/**
 * The service's own pages (accessibility statement, privacy notice, help,
 * contact, feedback): Markdown in content/pages/, built into the app so they
 * do not depend on CONTENT_DIR (decision 032), rendered once through the
 * Markdown pipeline every post goes through.
 */
import matter from "gray-matter";
import accessibility from "../../content/pages/accessibility.md?raw";
import contact from "../../content/pages/contact.md?raw";
import feedback from "../../content/pages/feedback.md?raw";
import help from "../../content/pages/help.md?raw";
import privacy from "../../content/pages/privacy.md?raw";
import { renderMarkdown } from "../markdown/render.server";
import { getEnv } from "../platform/env.server";

const SOURCES = { accessibility, privacy, help, contact, feedback } as const;
export type ServicePageName = keyof typeof SOURCES;

/** In the order the footer lists them. */
export const SERVICE_PAGES = [
  "help",
  "contact",
  "feedback",
  "accessibility",
  "privacy",
] as const satisfies readonly ServicePageName[];

export interface ServicePage {
  name: ServicePageName;
  title: string;
  html: string;
  /** The address a person writes to from this page, when it has one; null when the Hub has none configured. */
  email?: { kind: "feedback" | "support"; address: string | null };
}

const rendered = new Map<ServicePageName, { title: string; html: string }>();

function renderedPage(name: ServicePageName): { title: string; html: string } {
  let page = rendered.get(name);
  if (!page) {
    const { data, content } = matter(SOURCES[name]);
    if (typeof data.title !== "string") throw new Error(`content/pages/${name}.md has no title`);
    page = { title: data.title, html: renderMarkdown(content) };
    rendered.set(name, page);
  }
  return page;
}

/** A service page with the address it points to, read from the configuration each time. */
export function getServicePage(name: ServicePageName): ServicePage {
  const env = getEnv();
  const page = { name, ...renderedPage(name) };
  if (name === "feedback")
    return { ...page, email: { kind: "feedback", address: env.FEEDBACK_EMAIL ?? env.SUPPORT_EMAIL ?? null } };
  if (name === "contact") return { ...page, email: { kind: "support", address: env.SUPPORT_EMAIL ?? null } };
  return page;
}
