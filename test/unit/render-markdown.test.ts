import { describe, expect, it } from "vitest";
import { RENDER_BUDGET_MS, renderMarkdown, renderRemembered, renderWithinBudget } from "~/markdown/render.server";

/*
 * Output-inertness checks for the Markdown pipeline (marked, then sanitize-html,
 * then tidyIds). The vectors come from the OWASP XSS Filter Evasion Cheat Sheet,
 * well-known mutation-XSS payloads and Markdown-specific tricks.
 */

const FORBIDDEN_TAGS = ["script", "iframe", "object", "embed", "style", "form", "svg", "math", "meta", "base", "link"];

/** Attributes a browser treats as URLs; a script-capable scheme in any of them is unsafe. */
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "xlink:href",
  "action",
  "formaction",
  "background",
  "poster",
  "data",
  "lowsrc",
  "dynsrc",
  "cite",
]);

const FORBIDDEN_SCHEMES = ["javascript:", "vbscript:", "data:"];

const ALLOWED_ID = /^[a-z0-9][a-z0-9-]*$/;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  colon: ":",
  tab: "\t",
  newline: "\n",
  nbsp: "\u00a0",
  sol: "/",
  lpar: "(",
  rpar: ")",
};

/** Decodes numeric entities (with or without the semicolon, any zero padding) and the named ones that matter here. */
function decodeEntities(value: string): string {
  let previous: string;
  let current = value;
  // Decode repeatedly so double-encoded values are judged by what they could become.
  do {
    previous = current;
    current = current
      .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000))
      .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10) % 0x110000))
      .replace(/&([a-z]+);?/gi, (match, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? match);
  } while (current !== previous);
  return current;
}

/** Browsers ignore whitespace and control characters inside and around a URL scheme. */
function stripWhitespaceAndControls(value: string): string {
  return [...value]
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return code > 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join("");
}

interface Attribute {
  name: string;
  value: string;
}

/** The attributes of one tag string such as `<a href="x" rel="y">`. */
function parseAttributes(tag: string): Attribute[] {
  const inner = tag.replace(/^<\/?\s*[^\s/>]*/, "").replace(/\/?>$/, "");
  const attributes: Attribute[] = [];
  const attributePattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of inner.matchAll(attributePattern)) {
    const [, name = "", doubleQuoted, singleQuoted, unquoted] = match;
    attributes.push({ name: name.toLowerCase(), value: doubleQuoted ?? singleQuoted ?? unquoted ?? "" });
  }
  return attributes;
}

/** Asserts that sanitised HTML cannot run script, load active content, restyle the page or clobber DOM globals. */
function expectInert(html: string): void {
  const lower = html.toLowerCase();
  for (const tag of FORBIDDEN_TAGS) {
    expect(lower, `output must not contain <${tag}`).not.toContain(`<${tag}`);
  }

  // Only real markup is inspected, so escaped text such as "onerror=" stays allowed.
  for (const [tag] of html.matchAll(/<[^>]*>/g)) {
    for (const { name, value } of parseAttributes(tag)) {
      expect(name, `event handler attribute in ${tag}`).not.toMatch(/^on[a-z]+$/);
      expect(name, `style attribute in ${tag}`).not.toBe("style");
      expect(name, `name attribute in ${tag}`).not.toBe("name");
      if (name === "id") {
        expect(value, `unsafe id in ${tag}`).toMatch(ALLOWED_ID);
      }
      if (URL_ATTRIBUTES.has(name)) {
        const url = stripWhitespaceAndControls(decodeEntities(value)).toLowerCase();
        for (const scheme of FORBIDDEN_SCHEMES) {
          expect(url.startsWith(scheme), `${name}="${value}" in ${tag} uses ${scheme}`).toBe(false);
        }
      }
    }
  }
}

const SVG_SCRIPT_BASE64 = "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4=";
const HTML_SCRIPT_BASE64 = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==";
const JAVASCRIPT_DECIMAL_NO_SEMICOLONS = "&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58";
const JAVASCRIPT_PADDED_DECIMAL =
  "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058";
// The whole payload is encoded: a bare "alert" after "&#x3A" would be read as part of the hex number.
const JAVASCRIPT_HEX_NO_SEMICOLONS =
  "&#x6a&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3a&#x61&#x6c&#x65&#x72&#x74&#x28&#x31&#x29";

const XSS_VECTORS: { name: string; input: string }[] = [
  // <script> in many spellings
  { name: "plain script tag", input: "<script>alert(1)</script>" },
  { name: "upper-case SCRIPT", input: "<SCRIPT>alert(1)</SCRIPT>" },
  { name: "mixed-case ScRiPt", input: "<ScRiPt>alert(1)</sCrIpT>" },
  { name: "script with external src", input: '<script src="https://evil.example/x.js"></script>' },
  { name: "script with type attribute", input: '<script type="text/javascript">alert(1)</script>' },
  { name: "script with slash-separated attribute", input: '<script/xss src="https://evil.example/x.js"></script>' },
  { name: "nested <scr<script>ipt>", input: "<scr<script>ipt>alert(1)</scr</script>ipt>" },
  { name: "extra open bracket <<script>", input: "<<script>alert(1);//<</script>" },
  { name: "script tag with newline before >", input: "<script\n>alert(1)</script\n>" },
  { name: "script inside inline Markdown text", input: "Hello <script>alert(1)</script> world" },
  { name: "attribute breaking double quote", input: '"><script>alert(1)</script>' },
  { name: "attribute breaking single quote", input: "'><script>alert(1)</script>" },
  { name: "script hidden in an HTML comment", input: "<!--<script>alert(1)</script>-->" },
  { name: "script in a conditional comment", input: "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->" },
  { name: "script in a template element", input: "<template><script>alert(1)</script></template>" },

  // Event handlers
  { name: "img onerror", input: "<img src=x onerror=alert(1)>" },
  { name: "IMG ONERROR upper case", input: '<IMG SRC=x ONERROR="alert(1)">' },
  { name: "img with slashes instead of spaces", input: "<img/src=x/onerror=alert(1)>" },
  { name: "img onerror with backtick", input: "<img src=`x` onerror=alert(1)>" },
  { name: "svg onload", input: "<svg onload=alert(1)>" },
  { name: "svg containing script", input: "<svg><script>alert(1)</script></svg>" },
  { name: "body onload", input: "<body onload=alert(1)>" },
  { name: "anchor onclick", input: '<a href="#" onclick="alert(1)">click</a>' },
  { name: "details open ontoggle", input: "<details open ontoggle=alert(1)>x</details>" },
  { name: "input autofocus onfocus", input: "<input autofocus onfocus=alert(1)>" },
  { name: "video source onerror", input: '<video><source onerror="alert(1)"></video>' },
  { name: "audio onerror", input: "<audio src=x onerror=alert(1)>" },
  { name: "isindex image onerror", input: "<isindex type=image src=1 onerror=alert(1)>" },
  { name: "isindex javascript action", input: '<isindex action="javascript:alert(1)" type=submit value=click>' },
  { name: "marquee onstart", input: "<marquee onstart=alert(1)>x</marquee>" },
  { name: "allowed p tag with onmouseover", input: "<p onmouseover=alert(1)>x</p>" },
  { name: "allowed h2 tag with onclick", input: "<h2 onclick=alert(1)>x</h2>" },
  { name: "table cell onmouseover", input: "<table><tr><td onmouseover=alert(1)>x</td></tr></table>" },
  { name: "table background javascript", input: '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>' },
  { name: "img in a GFM table cell", input: "| <img src=x onerror=alert(1)> |\n| --- |\n| cell |" },
  { name: "img in Markdown link text", input: "[<img src=x onerror=alert(1)>](https://ok.example/)" },
  { name: "img in heading text", input: "# <img src=x onerror=alert(1)>" },

  // Embedding and forms
  { name: "iframe javascript src", input: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: "IFRAME upper case", input: '<IFRAME SRC="https://evil.example/"></IFRAME>' },
  { name: "iframe srcdoc", input: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: "frameset frame", input: '<frameset><frame src="javascript:alert(1)"></frameset>' },
  { name: "object javascript data", input: '<object data="javascript:alert(1)"></object>' },
  { name: "object scriptlet", input: '<object type="text/x-scriptlet" data="https://evil.example/x.sct"></object>' },
  { name: "embed data svg", input: `<embed src="data:image/svg+xml;base64,${SVG_SCRIPT_BASE64}">` },
  { name: "form javascript action", input: '<form action="javascript:alert(1)"><input type=submit></form>' },
  { name: "button formaction", input: '<button formaction="javascript:alert(1)">go</button>' },
  { name: "img dynsrc and lowsrc", input: '<img dynsrc="javascript:alert(1)" lowsrc="javascript:alert(1)">' },
  { name: "bgsound javascript", input: '<bgsound src="javascript:alert(1)">' },

  // Raw HTML links
  { name: "a href javascript", input: '<a href="javascript:alert(1)">x</a>' },
  { name: "a href JaVaScRiPt mixed case", input: '<a href="JaVaScRiPt:alert(1)">x</a>' },
  { name: "a href unquoted javascript", input: "<a href=javascript:alert(1)>x</a>" },
  { name: "a href decimal entity &#106;", input: '<a href="&#106;avascript:alert(1)">x</a>' },
  { name: "a href hex entity &#x6A;", input: '<a href="&#x6A;avascript:alert(1)">x</a>' },
  {
    name: "a href decimal entities without semicolons",
    input: `<a href="${JAVASCRIPT_DECIMAL_NO_SEMICOLONS}alert(1)">x</a>`,
  },
  { name: "a href zero-padded decimal entities", input: `<a href="${JAVASCRIPT_PADDED_DECIMAL}alert(1)">x</a>` },
  { name: "a href hex entities without semicolons", input: `<a href="${JAVASCRIPT_HEX_NO_SEMICOLONS}">x</a>` },
  { name: "a href entity in the middle", input: '<a href="javas&#99;ript:alert(1)">x</a>' },
  { name: "a href literal tab", input: '<a href="java\tscript:alert(1)">x</a>' },
  { name: "a href encoded tab", input: '<a href="java&#x09;script:alert(1)">x</a>' },
  { name: "a href encoded newline", input: '<a href="java&#x0A;script:alert(1)">x</a>' },
  { name: "a href encoded carriage return", input: '<a href="java&#x0D;script:alert(1)">x</a>' },
  { name: "a href &colon; entity", input: '<a href="javascript&colon;alert(1)">x</a>' },
  { name: "a href leading spaces", input: '<a href="   javascript:alert(1)">x</a>' },
  { name: "a href leading control character entity", input: '<a href=" &#14;  javascript:alert(1)">x</a>' },
  { name: "a href vbscript", input: '<a href="vbscript:msgbox(1)">x</a>' },
  { name: "a href data text/html base64", input: `<a href="data:text/html;base64,${HTML_SCRIPT_BASE64}">x</a>` },
  { name: "a href data text/html plain", input: '<a href="data:text/html,<script>alert(1)</script>">x</a>' },
  { name: "svg a xlink:href javascript", input: '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>' },
  { name: "svg animate href", input: '<svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>' },

  // Markdown links, references, autolinks and images
  { name: "Markdown link javascript", input: "[x](javascript:alert(1))" },
  { name: "Markdown link JaVaScRiPt", input: "[x](JaVaScRiPt:alert(1))" },
  { name: "Markdown link &#106; entity", input: "[x](&#106;avascript:alert(1))" },
  { name: "Markdown link &#x6A; entity", input: "[x](&#x6A;avascript:alert(1))" },
  { name: "Markdown link entity in the middle", input: "[x](javas&#99;ript:alert(1))" },
  { name: "Markdown link encoded tab", input: "[x](java&#9;script:alert(1))" },
  { name: "Markdown link angle-bracket destination", input: "[x](<javascript:alert(1)>)" },
  { name: "Markdown link with title", input: '[x](javascript:alert(1) "title")' },
  { name: "Markdown link vbscript", input: "[x](vbscript:msgbox(1))" },
  { name: "Markdown link data text/html", input: `[x](data:text/html;base64,${HTML_SCRIPT_BASE64})` },
  { name: "reference link javascript", input: "[x][ref]\n\n[ref]: javascript:alert(1)" },
  { name: "reference link angle-bracket javascript", input: "[x][ref]\n\n[ref]: <javascript:alert(1)>" },
  { name: "collapsed reference link javascript", input: "[ref][]\n\n[ref]: JAVASCRIPT:alert(1)" },
  { name: "autolink javascript", input: "<javascript:alert(1)>" },
  { name: "autolink JAVASCRIPT upper case", input: "<JAVASCRIPT:alert(1)>" },
  { name: "autolink vbscript", input: "<vbscript:msgbox(1)>" },
  { name: "autolink data", input: `<data:text/html;base64,${HTML_SCRIPT_BASE64}>` },
  { name: "Markdown image javascript", input: "![x](javascript:alert(1))" },
  { name: "Markdown image data svg", input: `![x](data:image/svg+xml;base64,${SVG_SCRIPT_BASE64})` },
  {
    name: "Markdown image reference data svg",
    input: `![x][img]\n\n[img]: data:image/svg+xml;base64,${SVG_SCRIPT_BASE64}`,
  },
  { name: "Markdown image title breaking out", input: '![x](https://ok.example/a.png "a\\" onerror=\\"alert(1)")' },
  { name: "Markdown image alt breaking out", input: '![x" onerror="alert(1)](https://ok.example/a.png)' },
  { name: "Markdown link URL breaking out", input: '[x](https://ok.example/"onmouseover="alert(1))' },
  { name: "http image in raw HTML", input: '<img src="http://evil.example/track.png">' },

  // Styles
  { name: "style attribute url(javascript:)", input: '<p style="background:url(javascript:alert(1))">x</p>' },
  { name: "style attribute expression()", input: '<div style="width: expression(alert(1))">x</div>' },
  { name: "style attribute on img", input: '<img src="https://ok.example/a.png" style="x:expression(alert(1))">' },
  { name: "style tag @import", input: "<style>@import 'javascript:alert(1)';</style>" },
  { name: "style tag background url", input: '<style>body{background:url("javascript:alert(1)")}</style>' },
  {
    name: "STYLE list-style-image",
    input: '<STYLE>li {list-style-image: url("javascript:alert(1)");}</STYLE><UL><LI>x</UL>',
  },

  // Document-level tags
  { name: "meta refresh javascript", input: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  {
    name: "meta refresh data",
    input: `<meta http-equiv="refresh" content="0;url=data:text/html;base64,${HTML_SCRIPT_BASE64}">`,
  },
  { name: "base href javascript", input: '<base href="javascript:alert(1)//">' },
  { name: "base href other origin", input: '<base href="https://evil.example/">' },
  { name: "link rel=import", input: '<link rel="import" href="https://evil.example/x.html">' },
  { name: "link stylesheet javascript", input: '<link rel="stylesheet" href="javascript:alert(1)">' },

  // Mutation XSS and parser differentials
  { name: "math mglyph style mXSS", input: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>" },
  {
    name: "math mglyph style comment mXSS",
    input: '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;">',
  },
  { name: "noscript title mXSS", input: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">' },
  { name: "svg p style mXSS", input: '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">' },
  {
    name: "nested form math mXSS",
    input: "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
  },
  { name: "xmp title mXSS", input: '<xmp><p title="</xmp><img src=x onerror=alert(1)>">' },
  { name: "title element mXSS", input: '<title><img title="</title><img src=x onerror=alert(1)>"></title>' },
  { name: "textarea mXSS", input: '<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>' },

  // DOM clobbering through id and name
  { name: "h2 id __remixContext", input: '<h2 id="__remixContext">x</h2>' },
  { name: "h3 id __proto__", input: '<h3 id="__proto__">x</h3>' },
  { name: "heading id with upper case", input: '<h2 id="MainContent">x</h2>' },
  { name: "heading id with a space", input: '<h2 id="a b">x</h2>' },
  { name: "heading id breaking out of quotes", input: "<h2 id='x\" onmouseover=\"alert(1)'>x</h2>" },
  { name: "img name getElementById", input: '<img name="getElementById" src="https://ok.example/a.png">' },
  { name: "form id and input name", input: "<form id=x name=y><input name=attributes></form>" },
  { name: "anchor id and name", input: '<a id="location" name="cookie" href="https://ok.example/">x</a>' },
  { name: "Markdown heading text with quotes", input: '# x" onmouseover="alert(1)' },
];

describe("renderMarkdown XSS vectors", () => {
  it("has a broad set of vectors", () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(XSS_VECTORS.map((vector) => vector.name)).size).toBe(XSS_VECTORS.length);
  });

  it.each(XSS_VECTORS)("neutralises $name", ({ input }) => {
    expectInert(renderMarkdown(input));
  });
});

describe("expectInert", () => {
  // The helper guards every vector above, so it must itself catch unsafe markup.
  it.each([
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)" />',
    "<img src=x onerror=alert(1)>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    `<a href="${JAVASCRIPT_DECIMAL_NO_SEMICOLONS}alert(1)">x</a>`,
    '<a href=" vbscript:x">x</a>',
    '<img src="data:image/svg+xml;base64,AAAA" />',
    '<p style="color:red">x</p>',
    '<h2 id="__remixContext">x</h2>',
    '<img name="getElementById" />',
    "<SVG></SVG>",
  ])("rejects %s", (html) => {
    expect(() => expectInert(html)).toThrow();
  });

  it("accepts escaped text that merely mentions handlers and schemes", () => {
    expect(() =>
      expectInert('<p>&lt;img src=x onerror=alert(1)&gt; and javascript:alert(1) style="x"</p>'),
    ).not.toThrow();
  });
});

describe("renderMarkdown keeps ordinary Markdown working", () => {
  it("shifts headings down one level and gives them anchor ids", () => {
    expect(renderMarkdown("# Overview")).toContain('<h2 id="h-overview">Overview</h2>');
    expect(renderMarkdown("## Cloud migration")).toContain('<h3 id="h-cloud-migration">Cloud migration</h3>');
    expect(renderMarkdown("###### Deepest")).toContain('<h6 id="h-deepest">Deepest</h6>');
  });

  it("gives duplicate headings distinct ids", () => {
    const html = renderMarkdown("## Lessons\n\nOne.\n\n## Lessons\n\nTwo.\n\n## Lessons\n");
    const ids = [...html.matchAll(/ id="([^"]*)"/g)].map((match) => match[1]);
    expect(ids).toEqual(["h-lessons", "h-lessons-2", "h-lessons-3"]);
  });

  it("keeps bold and emphasis", () => {
    expect(renderMarkdown("**bold** and *em*")).toBe("<p><strong>bold</strong> and <em>em</em></p>\n");
  });

  it("keeps unordered and ordered lists, including the start number", () => {
    const html = renderMarkdown("- a\n- b\n\n3. c\n4. d\n");
    expect(html).toContain("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
    expect(html).toContain('<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>');
  });

  it("keeps GFM tables with column alignment", () => {
    const html = renderMarkdown("| Name | Score |\n| --- | :-: |\n| Ada | 10 |\n");
    expect(html).toContain("<table>");
    expect(html).toContain("<th>Name</th>");
    expect(html).toContain('<th align="center">Score</th>');
    expect(html).toContain("<td>Ada</td>");
    expect(html).toContain('<td align="center">10</td>');
  });

  it("keeps code blocks and shows script inside them as escaped text", () => {
    const html = renderMarkdown("```html\n<script>alert(1)</script>\n```\n");
    expect(html).toContain("<pre><code>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expectInert(html);
  });

  it("keeps inline code with angle brackets as escaped text", () => {
    expect(renderMarkdown("Use `Vec<String>` here")).toBe("<p>Use <code>Vec&lt;String&gt;</code> here</p>\n");
  });

  it("keeps https links and adds rel=noopener noreferrer", () => {
    expect(renderMarkdown("[Docs](https://example.com/docs)")).toBe(
      '<p><a href="https://example.com/docs" rel="noopener noreferrer">Docs</a></p>\n',
    );
  });

  it("overrides a rel supplied by the author", () => {
    const html = renderMarkdown('<a href="https://example.com/" rel="opener">x</a>');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).not.toContain('rel="opener"');
  });

  it("keeps mailto links", () => {
    expect(renderMarkdown("[Email us](mailto:team@example.com)")).toContain(
      '<a href="mailto:team@example.com" rel="noopener noreferrer">Email us</a>',
    );
  });

  it("shows an image from elsewhere as a link to it, so loading a post tells nobody who reads it", () => {
    expect(renderMarkdown("![Diagram](https://example.com/diagram.png)")).toBe(
      '<p><a href="https://example.com/diagram.png" rel="noopener noreferrer">Image: Diagram</a></p>\n',
    );
    for (const input of ["![](http://example.com/pixel.png)", '<img src="http://example.com/pixel.png">']) {
      const html = renderMarkdown(input);
      expect(html).not.toContain("<img");
      expect(html).not.toContain("src=");
      expect(html).toContain(">Image: no description</a>");
    }
    expect(renderMarkdown('<img src="javascript:alert(1)" alt="x">')).not.toContain("javascript:");
  });
});

describe("renderMarkdown with plain-text angle brackets", () => {
  it("escapes comparisons instead of dropping them", () => {
    expect(renderMarkdown("5 < 6 and 7 > 3")).toBe("<p>5 &lt; 6 and 7 &gt; 3</p>\n");
  });

  it("escapes other bracket-heavy prose", () => {
    expect(renderMarkdown("if a<b && b>c then")).toBe("<p>if a&lt;b &amp;&amp; b&gt;c then</p>\n");
    expect(renderMarkdown("I <3 this, a -> b")).toBe("<p>I &lt;3 this, a -&gt; b</p>\n");
  });
});

describe("renderMarkdown heading ids", () => {
  it("drops ids a post could use to take over the page's own elements", () => {
    const html = renderMarkdown('<h2 id="post-meta">Fake</h2>\n\n<h3 id="main-content">Fake</h3>');
    expect(html).not.toContain("post-meta");
    expect(html).not.toContain("main-content");
  });

  it("keeps every generated id unique, whatever the heading text", () => {
    const html = renderMarkdown("# A\n\n# A\n\n# A 2\n\n# A");
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it("leaves text that merely mentions an id attribute alone", () => {
    expect(renderMarkdown('Set id="Main" on the element.')).toContain("Set id=");
  });
});

describe("renderWithinBudget", () => {
  it("renders each field to HTML and its plain text", () => {
    expect(renderWithinBudget({ body: "## A *b*", empty: "" })).toEqual({
      body: { html: '<h3 id="h-a-b">A <em>b</em></h3>\n', text: "A b" },
      empty: { html: "", text: "" },
    });
  });

  it("stops a field whose rendering outruns the budget, and names it", () => {
    const started = performance.now();
    expect(() => renderWithinBudget({ summary: "fine", body: "*a".repeat(60_000) }, 100)).toThrow(
      expect.objectContaining({ name: "MarkdownTooComplexError", field: "body" }),
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    // The renderer is fine afterwards.
    expect(renderWithinBudget({ body: "*ok*" }).body?.html).toBe("<p><em>ok</em></p>\n");
  });
});

describe("renderRemembered", () => {
  it("renders a text once, within the budget, and shows one too complex to render as escaped paragraphs", () => {
    expect(renderRemembered("A *partner*.")).toBe("<p>A <em>partner</em>.</p>\n");
    const started = performance.now();
    const stalling = `Intro <b>\n\n${"*a".repeat(95_000)}`;
    const html = renderRemembered(stalling);
    expect(html.startsWith("<p>Intro &#60;b&#62;</p>\n<p>*a*a")).toBe(true);
    expect(performance.now() - started).toBeLessThan(3_000);
    // The second time is not rendered again (that would spend the whole budget): it is remembered.
    const again = performance.now();
    expect(renderRemembered(stalling)).toBe(html);
    expect(performance.now() - again).toBeLessThan(RENDER_BUDGET_MS / 2);
  });
});
