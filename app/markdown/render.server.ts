/**
 * The single configured Markdown pipeline: marked turns Markdown into HTML,
 * then sanitize-html keeps only an allow-list of tags, attributes and URL
 * schemes. See docs/decisions/004-safe-markdown.md.
 */
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { slugify } from "../posts/slug";

const SAFE_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

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
  allowedSchemesByTag: { img: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // A page may hold only one h1 (the post title): Markdown headings start at h2.
    h1: "h2",
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer" } }),
  },
};

/**
 * Only ids shaped like the ones we generate survive, so a post cannot clobber
 * the page's own ids; repeated headings get "-2", "-3"...
 */
function tidyIds(html: string): string {
  const seen = new Map<string, number>();
  return html.replace(/ id="([^"]*)"/g, (_match, id: string) => {
    if (!SAFE_ID.test(id)) return "";
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? ` id="${id}"` : ` id="${id}-${n}"`;
  });
}

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

/** Markdown to HTML that is safe to put in the page. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return tidyIds(sanitizeHtml(html, SANITIZE_OPTIONS));
}
