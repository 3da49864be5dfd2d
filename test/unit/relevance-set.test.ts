import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readContentKeys, unknownKeys } from "../search-eval/content-keys";
import { CATEGORIES, RELEVANCE_SET } from "../search-eval/relevance-set";

const content = readContentKeys(path.resolve("content"));

describe("the relevance set", () => {
  it("names only records of the demo content that a signed-in reader may see", () => {
    expect(
      unknownKeys(
        RELEVANCE_SET.flatMap((query) => query.expected),
        content,
      ),
    ).toEqual([]);
  });

  it("has at least 70 queries, every category, and each query once", () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(70);
    for (const category of CATEGORIES) {
      expect(RELEVANCE_SET.filter((query) => query.category === category).length).toBeGreaterThanOrEqual(8);
    }
    const queries = RELEVANCE_SET.map((query) => query.q.toLowerCase());
    expect(new Set(queries).size).toBe(queries.length);
  });

  it("wants 1 to 5 records per query (more only for an 'any of' query), each once", () => {
    for (const query of RELEVANCE_SET) {
      expect(query.expected.length, query.q).toBeGreaterThanOrEqual(1);
      expect(query.expected.length, query.q).toBeLessThanOrEqual(query.anyOf ? 15 : 5);
      expect(new Set(query.expected).size, query.q).toBe(query.expected.length);
    }
  });

  it("aims at least 8 queries at roadmap items and 8 at decisions, meetings and papers", () => {
    const aimedAt = (prefixes: string[]) =>
      RELEVANCE_SET.filter((query) => query.expected.some((key) => prefixes.some((prefix) => key.startsWith(prefix))));
    expect(aimedAt(["roadmap:"]).length).toBeGreaterThanOrEqual(8);
    expect(aimedAt(["decision:", "meeting:", "paper:"]).length).toBeGreaterThanOrEqual(8);
  });
});

describe("readContentKeys", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function write(relative: string, text: string) {
    const file = path.join(dir as string, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }

  it("tells a renamed post from a draft, a confidential decision or paper from an open one", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "relevance-content-"));
    write("posts/newport/a.md", "---\nslug: open-post\nstatus: published\n---\n");
    write("posts/newport/b.md", "---\nslug: draft-post\nstatus: draft\n---\n");
    write("roadmap/item.md", "---\nslug: an-item\n---\n");
    write("roadmap/_interest.md", "---\ninterest: []\n---\n");
    write("boards/board/meetings/01-first.md", "---\nstatus: held\n---\n");
    write(
      "boards/board/decisions.md",
      "---\ndecisions:\n  - { key: open }\n  - { key: closed, confidential: true }\n---\n",
    );
    write(
      "boards/board/papers/_papers.md",
      "---\npapers:\n  - { file: open.pdf }\n  - { file: closed.pdf, confidential: true }\n---\n",
    );
    const keys = readContentKeys(dir);
    expect([...keys.visible].sort()).toEqual([
      "decision:board/open",
      "meeting:board/01-first",
      "paper:board/open.pdf",
      "post:open-post",
      "roadmap:an-item",
    ]);
    expect(unknownKeys(["post:draft-post", "post:renamed", "decision:board/closed", "roadmap:an-item"], keys)).toEqual([
      "post:draft-post (a reader may not see it)",
      "post:renamed (no such record in content/)",
      "decision:board/closed (a reader may not see it)",
    ]);
  });
});
