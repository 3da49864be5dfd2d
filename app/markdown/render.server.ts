/**
 * The single configured Markdown pipeline: marked turns Markdown into HTML,
 * then sanitize-html keeps only an allow-list of tags, attributes and URL
 * schemes (`renderMarkdown`), or no tags at all (`markdownToText`, the words
 * search indexes). See docs/decisions/004-safe-markdown.md.
 *
 * Some Markdown shapes cost marked time that grows with the square of their
 * length (190 KB of `*a*a*a…` takes seconds). User text is therefore rendered
 * once, when it is saved, by `renderWithinBudget`, which stops after a time
 * limit; pages show the stored HTML (decision 022).
 */
import vm from "node:vm";
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { slugify } from "../posts/slug";

/** Heading ids we generate; any other id is dropped so a post cannot take the page's own ids. */
const HEADING_ID = /^h-[a-z0-9-]{1,80}$/;

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "del",
    "s",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
    "sup",
    "sub",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title"],
    h2: ["id"],
    h3: ["id"],
    h4: ["id"],
    h5: ["id"],
    h6: ["id"],
    th: ["align"],
    td: ["align"],
    ol: ["start"],
    abbr: ["title"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer" } }),
    // The Hub hosts no images of its own yet, and one from elsewhere would tell
    // its owner who reads the post, and when: each becomes a link to it instead.
    img: (_tagName, attribs): sanitizeHtml.Tag => ({
      tagName: "a",
      attribs: /^https?:\/\//i.test(attribs.src ?? "")
        ? { href: attribs.src ?? "", rel: "noopener noreferrer" }
        : { rel: "noopener noreferrer" },
      text: `Image: ${attribs.alt?.trim() || attribs.title?.trim() || "no description"}`,
    }),
  },
};

function createMarked(): Marked {
  return new Marked({
    gfm: true,
    breaks: false,
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Heading["tokens"]): string } }, token: Tokens.Heading) {
        // Body headings sit below the page's own h1 and h2 section headings.
        const level = Math.min(token.depth + 1, 6);
        const text = this.parser.parseInline(token.tokens);
        const id = `h-${slugify(token.text)}`.replace(/-$/, "");
        return `<h${level} id="${id}">${text}</h${level}>\n`;
      },
    },
  });
}

const marked = createMarked();

/**
 * Keeps a heading's id only if we could have generated it, and makes repeats
 * unique ("h-a", "h-a-2"...). A page holds one h1 (the post's title), so raw
 * h1 tags become h2 like Markdown's own.
 */
function headingTransforms(): sanitizeHtml.IOptions["transformTags"] {
  const used = new Set<string>();
  const transform = (level: string) => (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const { id, ...rest } = attribs;
    const tag = tagName === "h1" ? "h2" : level;
    if (!id || !HEADING_ID.test(id)) return { tagName: tag, attribs: rest };
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
    used.add(unique);
    return { tagName: tag, attribs: { ...rest, id: unique } };
  };
  return Object.fromEntries(["h1", "h2", "h3", "h4", "h5", "h6"].map((tag) => [tag, transform(tag)]));
}

/** Markdown to HTML that is safe to put in the page. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return sanitizeHtml(html, {
    ...SANITIZE_OPTIONS,
    transformTags: { ...SANITIZE_OPTIONS.transformTags, ...headingTransforms() },
  });
}

const TEXT_ONLY: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {} };
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** Markdown to the plain words a reader sees, without markup: what search indexes. */
export function markdownToText(markdown: string): string {
  return htmlToText(marked.parse(markdown, { async: false }));
}

/** HTML the pipeline made, back to its plain words. */
function htmlToText(html: string): string {
  return sanitizeHtml(html, TEXT_ONLY)
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

export interface RenderedMarkdown {
  html: string;
  text: string;
}

/** Thrown when a text takes longer to render than its budget allows. */
export class MarkdownTooComplexError extends Error {
  constructor(readonly field: string) {
    super(`Rendering "${field}" took too long`);
    this.name = "MarkdownTooComplexError";
  }
}

/**
 * The time all the Markdown fields of one save may take together. A long
 * ordinary post renders in a few tens of milliseconds.
 */
export const RENDER_BUDGET_MS = 1_000;

// The renderer runs under a vm timeout: V8 stops it (even inside a regular
// expression) when the time is up, and the context is reused between calls.
const renderContext = vm.createContext({
  markdown: "",
  render: (markdown: string): RenderedMarkdown => {
    const html = renderMarkdown(markdown);
    return { html, text: htmlToText(html) };
  },
});
const renderCall = new vm.Script("render(markdown)");

/**
 * Renders each field (by name) within one shared time budget. Throws
 * MarkdownTooComplexError naming the field that ran out of time.
 */
export function renderWithinBudget(
  fields: Record<string, string>,
  budgetMs: number = RENDER_BUDGET_MS,
): Record<string, RenderedMarkdown> {
  const deadline = performance.now() + budgetMs;
  const rendered: Record<string, RenderedMarkdown> = {};
  for (const [field, markdown] of Object.entries(fields)) {
    if (!markdown) {
      rendered[field] = { html: "", text: "" };
      continue;
    }
    const remaining = Math.floor(deadline - performance.now());
    if (remaining < 1) throw new MarkdownTooComplexError(field);
    renderContext.markdown = markdown;
    try {
      rendered[field] = renderCall.runInContext(renderContext, { timeout: remaining }) as RenderedMarkdown;
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT")
        throw new MarkdownTooComplexError(field);
      throw error;
    } finally {
      renderContext.markdown = "";
    }
  }
  return rendered;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Markdown shown as its plain paragraphs, escaped: for a text too complex to render in time. */
export function escapedParagraphs(markdown: string): RenderedMarkdown {
  const paragraphs = markdown.split(/\n{2,}/).filter((paragraph) => paragraph.trim());
  return {
    html: paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n"),
    text: markdown.replace(/\s+/g, " ").trim(),
  };
}

const remembered = new Map<string, string>();
const REMEMBERED_TEXTS = 500;

/**
 * HTML for a text that is not stored rendered (a partner's description):
 * rendered within the budget the first time it is shown, then remembered,
 * so a page view never renders it again; too complex, it is shown escaped.
 */
export function renderRemembered(markdown: string): string {
  const known = remembered.get(markdown);
  if (known !== undefined) return known;
  let html: string;
  try {
    html = renderWithinBudget({ text: markdown }).text?.html ?? "";
  } catch (error) {
    if (!(error instanceof MarkdownTooComplexError)) throw error;
    html = escapedParagraphs(markdown).html;
  }
  if (remembered.size >= REMEMBERED_TEXTS) remembered.delete(remembered.keys().next().value as string);
  remembered.set(markdown, html);
  return html;
}
