import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { createPost } from "~/posts/save-post.server";
import { searchRecords } from "~/search/finder.server";
import { parseSearchQuery } from "~/search/search-query";
import { relayAll } from "~/search/search-relay.server";
import { givenUser, lessonInput } from "../support/factories";
import { startMeilisearchWithDemoContent, type TestMeilisearch } from "../support/meilisearch";

let meili: TestMeilisearch;
let reader: SessionUser;
let editor: SessionUser;

/** A made-up word of letters only, so that word forms apply to it and nothing else holds it. */
function madeUpWord(length = 7): string {
  const consonants = "bdfgklmnprstvz";
  const vowels = "aeiou";
  return Array.from({ length }, (_, index) => {
    const from = index % 2 === 0 ? consonants : vowels;
    return from[randomInt(from.length)];
  }).join("");
}

function search(q: string) {
  return searchRecords(reader, parseSearchQuery(new URLSearchParams({ q })));
}

async function slugsFor(q: string): Promise<string[]> {
  return (await search(q)).hits.map((hit) => hit.url.replace(/^\/posts\//, ""));
}

function publish(partner: string, fields: Parameters<typeof lessonInput>[1]): string {
  return createPost({ actor: editor, fields: lessonInput(partner, fields) }).slug;
}

beforeAll(async () => {
  meili = await startMeilisearchWithDemoContent();
  reader = await givenUser("reader");
  editor = await givenUser("admin");
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

describe("query handling", () => {
  it("finds other forms of a word, and ranks the very words first", async () => {
    const verb = `${madeUpWord(6)}t`;
    const formOnly = publish("torfaen", { title: `Archive work ${madeUpWord()}`, body: `We ${verb}ed the archive.` });
    const exact = publish("newport", { title: `Archive work ${madeUpWord()}`, body: `We are ${verb}ing the archive.` });
    await relayAll();
    expect((await slugsFor(`${verb}ing`)).slice(0, 2)).toEqual([exact, formOnly]);
    expect(await slugsFor(`${verb}s`)).toEqual(expect.arrayContaining([exact, formOnly]));
  });

  it("ranks a short acronym's exact match above words it begins", async () => {
    // "qz" begins no English word: a made-up word of three letters could begin many (ser-, dat-, par-).
    const acronym = `qz${madeUpWord(1)}`;
    const exact = publish("torfaen", { title: `Night cover ${madeUpWord()}`, body: `The ${acronym} watches alerts.` });
    const prefixed = publish("newport", { title: `The ${acronym}ial care service`, body: "Case records." });
    await relayAll();
    const slugs = await slugsFor(acronym.toUpperCase());
    expect(slugs.indexOf(exact)).toBeGreaterThanOrEqual(0);
    expect(slugs.indexOf(exact)).toBeLessThan(slugs.indexOf(prefixed));
  });

  it("forgives two typos in a word of eight letters", async () => {
    const word = madeUpWord(8);
    const slug = publish("torfaen", { title: `On ${word}` });
    await relayAll();
    // Two letters changed, neither the first.
    const typed = `${word.slice(0, 3)}${word[3] === "x" ? "y" : "x"}${word.slice(4, 6)}${word[6] === "q" ? "j" : "q"}${word.slice(7)}`;
    expect(await slugsFor(typed)).toContain(slug);
  });

  it("finds a partner's records by its Welsh name", async () => {
    const word = madeUpWord(8);
    const slug = publish("newport", { title: `Lessons on ${word}` });
    publish("torfaen", { title: `Lessons on ${word}` });
    await relayAll();
    const slugs = await slugsFor(`Casnewydd ${word}`);
    expect(slugs[0]).toBe(slug);
    const partnersOfAll = (await search("Cyngor Dinas Casnewydd")).hits.map((hit) => hit.partners.map((p) => p.slug));
    expect(partnersOfAll.length).toBeGreaterThan(0);
    for (const partners of partnersOfAll) expect(partners).toContain("newport");
  });

  it("finds what the other words name when the first matches nothing", async () => {
    const word = madeUpWord(8);
    // Far (more than two typos) from any word a record holds.
    const unknown = `qxjq${madeUpWord(4)}xjq`;
    const slug = publish("torfaen", { title: `Files and ${word}` });
    await relayAll();
    expect(await slugsFor(`${unknown} ${word}`)).toContain(slug);
  });

  it("keeps the telling words when not all match, whichever comes first", async () => {
    const word = madeUpWord(8);
    const slug = publish("torfaen", { title: `Moving the ${word} to the cloud` });
    await relayAll();
    // The first word matches nothing of this post; the default strategy would drop "word" from the end.
    expect((await slugsFor(`telephony ${word}`))[0]).toBe(slug);
  });

  it("finds a post by its kind in words, as staff ask for 'every lesson' on a subject", async () => {
    const word = madeUpWord(8);
    const lesson = publish("torfaen", {
      title: `Notes on ${word}`,
      summary: "What happened.",
      body: "Plain notes.",
      sections: { drivingEvent: "A move.", lesson: "Plan.", recommendation: "Plan early.", evidence: "Tickets." },
    });
    const aspiration = publish("newport", {
      title: `Notes on ${word}`,
      kind: "aspiration",
      eventDate: undefined,
      sections: { desiredOutcome: "Everyone online", targetTimeframe: "By 2027" },
    });
    await relayAll();
    expect((await slugsFor(`${word} lessons learned`))[0]).toBe(lesson);
    expect((await slugsFor(`${word} aspirations`))[0]).toBe(aspiration);
  });
});
