/**
 * The pure parts of "Did you mean", the empty states and similar posts: edit
 * distance, how corrections are chosen and ranked, what counts as a query
 * with nothing to search on, and the similar-posts query and ranking.
 */
import { describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { allowedEdits, candidateCorrections, nearestWords } from "~/search/did-you-mean.server";
import { editDistance } from "~/search/edit-distance";
import { emptyQueryReason } from "~/search/empty-query";
import { buildVocabulary, vocabularyWords } from "~/search/search-vocabulary.server";
import {
  rankSimilarPosts,
  type SimilarHit,
  type SimilarPostSource,
  similarPostsQueries,
  similarPostsTerms,
} from "~/search/similar-records.server";

describe("edit distance", () => {
  it.each([
    ["telephony", "telephony", 0],
    ["telefony", "telephony", 2],
    ["netwrok", "network", 1],
    ["teh", "the", 1],
    ["cloud", "clod", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%j to %j is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it("stops at the limit", () => {
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });

  it("allows one edit in short words, two in long ones, none in the shortest", () => {
    expect([2, 3, 6, 7, 12].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });
});

const vocabulary = buildVocabulary([
  "Telephony strategy for the council",
  "Cloud telephony and the switch-off",
  "Telephony contracts",
  "Telecare alarms and telephone lines",
  "Cyber security training",
  "Cybersecurity strategy",
  "Cyber attack response",
  "Network security",
]);

describe("corrections", () => {
  it("keeps words as the index does: lower case, no stop words, no bare numbers", () => {
    expect(vocabularyWords("The SRS's 2024 M365 roll-out of Teams")).toEqual(["srs", "m365", "roll", "teams"]);
  });

  it("picks the nearest known word, ties broken by how many documents hold it", () => {
    expect(nearestWords("telefony", vocabulary)[0]).toMatchObject({ text: "telephony", distance: 2, frequency: 3 });
    const tied = buildVocabulary(["lanes", "lines", "lines", "lens", "lenses"]);
    // All one edit from "lenes" but "lenses" (two): "lines" is in more documents.
    expect(nearestWords("lenes", tied).map((option) => option.text)).toEqual(["lines", "lanes", "lens"]);
  });

  it("splits a word into two known words", () => {
    expect(nearestWords("networksecurity", vocabulary)[0]?.text).toBe("network security");
  });

  it("corrects the unknown words only, stop words kept as typed", () => {
    expect(candidateCorrections("the telefony strategy", vocabulary)[0]).toBe("the telephony strategy");
    expect(candidateCorrections("stratgy of the clod", vocabulary)[0]).toBe("strategy of the cloud");
    // "thee" is one edit from "the", which is left alone all the same.
    const withThee = buildVocabulary(["Thee and thou", "Telephony"]);
    expect(candidateCorrections("the telefony", withThee)).toEqual(["the telephony"]);
  });

  it("joins two words into a known one", () => {
    expect(candidateCorrections("cyber security", vocabulary)).toEqual(["cybersecurity"]);
  });

  it("offers nothing for words it knows, stop words, numbers or words too far from any", () => {
    expect(candidateCorrections("telephony strategy", vocabulary)).toEqual([]);
    expect(candidateCorrections("the of and", vocabulary)).toEqual([]);
    expect(candidateCorrections("2024", vocabulary)).toEqual([]);
    expect(candidateCorrections("xylophonequartz", vocabulary)).toEqual([]);
  });
});

describe("queries with nothing to search on", () => {
  it.each([
    ["the of and", "stopWordsOnly"],
    ["What is it about?", null],
    ["?!*", "punctuationOnly"],
    ["  -- ", "punctuationOnly"],
    ["", null],
    ["telephony", null],
    ["the 2024", null],
  ])("%j is %j", (q, reason) => {
    expect(emptyQueryReason(q)).toBe(reason);
  });
});

const source: SimilarPostSource = {
  id: 7,
  partnerSlug: "torfaen",
  title: "Moving telephony to the cloud",
  summary: "We replaced ISDN lines with cloud telephony before the switch-off.",
  tags: ["telephony"],
  linkedItemTitles: ["Telecare alarms"],
};

const hit = (id: number, partner: string): SimilarHit => ({
  id: `post-${id}`,
  url: `/posts/p${id}`,
  title: `Post ${id}`,
  kind: "lesson",
  partners: [partner],
  partnerNames: [partner],
});

describe("similar posts", () => {
  it("searches on the post's own distinctive words: never one no other post holds, nor one most hold", () => {
    // Among more posts, as a real index holds: a word in over a quarter of them is too common to tell.
    const many = buildVocabulary([
      ...Array.from({ length: 40 }, (_, index) => `Other subject ${index}`),
      "Telephony strategy",
      "Cloud telephony and the switch-off",
      "Telecare alarms",
      "ISDN lines in the cloud",
      `${source.title} ${source.summary} telephony alarms`,
    ]);
    const terms = similarPostsTerms(source, many);
    expect(terms).toContain("telephony");
    expect(terms).toContain("cloud");
    expect(terms).not.toContain("replaced"); // in no other document
    expect(terms).not.toContain("subject"); // in most
    expect(terms).not.toContain("the");
    // Title, tags and items first: "alarms" (an item's word) before the summary's "switch".
    expect(terms.indexOf("alarms")).toBeLessThan(terms.indexOf("switch"));
    expect(similarPostsTerms(source, null).length).toBeLessThanOrEqual(10);
  });

  it("asks for each exact word among the reader's posts", () => {
    const reader = { id: "u1", role: "reader", partnerId: 3, boardSeats: [] } as unknown as SessionUser;
    const [first] = similarPostsQueries(reader, ["telephony", "cloud"]);
    expect(first?.q).toBe('"telephony"');
    expect(first?.filter).toEqual([expect.stringMatching(/^visibility IN \["everyone"/), 'type = "post"']);
  });

  it("ranks by shared terms, other partners first, never the post itself, nothing sharing one word only", () => {
    const terms = ["telephony", "cloud", "alarms"];
    const ranked = rankSimilarPosts(
      source,
      terms,
      [
        [hit(7, "torfaen"), hit(1, "torfaen"), hit(2, "newport"), hit(3, "srs"), hit(4, "gwent-police")],
        [hit(7, "torfaen"), hit(1, "torfaen"), hit(2, "newport"), hit(3, "srs")],
        [hit(7, "torfaen"), hit(1, "torfaen"), hit(3, "srs")],
      ],
      vocabulary,
    );
    expect(ranked.map((post) => post.url)).toEqual(["/posts/p3", "/posts/p2", "/posts/p1"]);
    expect(ranked.map((post) => post.samePartner)).toEqual([false, false, true]);
  });
});
