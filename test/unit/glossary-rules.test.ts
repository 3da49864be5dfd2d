import { describe, expect, it } from "vitest";
import { glossaryFieldsOf, splitNames } from "~/glossary/glossary-form";
import {
  expansionsFor,
  type GlossaryEntry,
  glossaryEntryErrors,
  nameKey,
  queryForEngine,
  synonymsOf,
} from "~/glossary/glossary-rules";

function entry(fields: Partial<GlossaryEntry> & { term: string }): GlossaryEntry {
  return {
    slug: fields.term.toLowerCase().replace(/\s+/g, "-"),
    abbreviations: [],
    otherNames: [],
    welshTerms: [],
    alsoFinds: [],
    description: "",
    ...fields,
  };
}

/** The message keys an entry's errors carry, by field, without their parameters. */
function keysOf(errors: Record<string, string[] | undefined>) {
  return Object.fromEntries(
    Object.entries(errors).map(([field, messages]) => [field, (messages ?? []).map((m) => m.split("\u001f")[0])]),
  );
}

const dr = entry({
  term: "Disaster recovery",
  abbreviations: ["DR"],
  welshTerms: ["adfer ar ôl trychineb"],
  alsoFinds: ["restore testing"],
});
const backup = entry({ term: "Backup", welshTerms: ["copi wrth gefn"], alsoFinds: ["immutable backup"] });

describe("a glossary entry's rules", () => {
  it("accepts a good entry, Welsh accents, apostrophes and the allowed marks included", () => {
    const good = entry({
      term: "Welsh Language Standards",
      otherNames: ["CE+", "R&D", "I/O", "St. David's", "Safonau’r Gymraeg"],
      welshTerms: ["Safonau'r Gymraeg ŵ ŷ"],
    });
    expect(glossaryEntryErrors(good, [dr, backup])).toEqual({});
  });

  it("refuses a duplicate of another entry's name, ignoring case, spaces, hyphens and accents", () => {
    const errors = glossaryEntryErrors(
      entry({ term: "DISASTER-Recovery", abbreviations: ["d r"], welshTerms: ["Adfer ar ol trychineb"] }),
      [dr],
    );
    expect(keysOf(errors)).toEqual({
      term: ["glossary.errors.term.duplicate"],
      abbreviations: ["glossary.errors.abbreviations.duplicate"],
      welshTerms: ["glossary.errors.welshTerms.duplicate"],
    });
    expect(errors.term?.[0]).toContain("Disaster recovery");
    expect(nameKey("Body-worn  Video")).toBe(nameKey("bodyworn video"));
  });

  it("refuses a name given twice in the same entry", () => {
    expect(keysOf(glossaryEntryErrors(entry({ term: "Cloud", otherNames: ["cloud"] }), []))).toEqual({
      otherNames: ["glossary.errors.otherNames.repeated"],
    });
  });

  it("refuses a one-way word that loops back to the entry, directly or through others", () => {
    // Backup finds "disaster recovery"; disaster recovery finding "backup" would loop.
    const backupFindsDr = { ...backup, alsoFinds: ["disaster recovery"] };
    const drFindsBackup = { ...dr, alsoFinds: ["copi wrth gefn"] };
    expect(keysOf(glossaryEntryErrors(drFindsBackup, [backupFindsDr]))).toEqual({
      alsoFinds: ["glossary.errors.loop"],
    });
    // Through a third entry: DR → backup → ransomware → DR.
    const ransomware = entry({ term: "Ransomware", alsoFinds: ["DR"] });
    const backupFindsRansomware = { ...backup, alsoFinds: ["ransomware"] };
    expect(keysOf(glossaryEntryErrors(drFindsBackup, [backupFindsRansomware, ransomware]))).toEqual({
      alsoFinds: ["glossary.errors.loop"],
    });
    // A chain that does not come back is fine.
    expect(glossaryEntryErrors(drFindsBackup, [backup, ransomware])).toEqual({});
  });

  it("refuses names over the limits: 60 characters, 6 words, 20 names, and what the engine can use", () => {
    const long = "a".repeat(61);
    expect(keysOf(glossaryEntryErrors(entry({ term: "Cloud", otherNames: [long] }), []))).toEqual({
      otherNames: ["glossary.errors.otherNames.nameTooLong"],
    });
    expect(keysOf(glossaryEntryErrors(entry({ term: "one two three four five six seven" }), []))).toEqual({
      term: ["glossary.errors.term.tooManyWords"],
    });
    const many = Array.from({ length: 20 }, (_, n) => `name ${String.fromCharCode(97 + n)}`);
    expect(keysOf(glossaryEntryErrors(entry({ term: "Cloud", otherNames: many }), []))).toEqual({
      term: ["glossary.errors.tooManyNames"],
    });
    // 19 names of 6 words each: within the entry's limits, over the engine's 100 words for one name.
    const wordy = Array.from({ length: 18 }, (_, n) => `alpha beta gamma delta epsilon ${String.fromCharCode(97 + n)}`);
    expect(keysOf(glossaryEntryErrors(entry({ term: "Cloud", otherNames: wordy }), []))).toEqual({
      term: ["glossary.errors.engineLimit"],
    });
  });

  it.each([
    'say "cloud"',
    "cloud (hosting)",
    "type = post",
    "a<b",
    "a>b",
    "cloud!",
    "a,b",
    "x:y",
    "50%",
    "#tag",
    "a;b",
  ])("refuses filter syntax and odd characters: %j", (name) => {
    expect(keysOf(glossaryEntryErrors(entry({ term: "Cloud", alsoFinds: [name] }), []))).toEqual({
      alsoFinds: ["glossary.errors.alsoFinds.characters"],
    });
  });

  it("needs a term with a letter or a number", () => {
    expect(keysOf(glossaryEntryErrors(entry({ term: "" }), []))).toEqual({ term: ["glossary.errors.term.required"] });
    expect(keysOf(glossaryEntryErrors(entry({ term: "- / ." }), []))).toEqual({
      term: ["glossary.errors.term.noLetters"],
    });
  });

  it("reads names one per line or separated by commas, once each", () => {
    expect(splitNames(" DR \n\n disaster  recovery, DR ")).toEqual(["DR", "disaster recovery"]);
    expect(
      glossaryFieldsOf({
        term: " Cloud ",
        abbreviations: "",
        otherNames: "cloud computing",
        welshTerms: "cwmwl",
        alsoFinds: "",
        description: " x ",
      }),
    ).toEqual({
      term: "Cloud",
      abbreviations: [],
      otherNames: ["cloud computing"],
      welshTerms: ["cwmwl"],
      alsoFinds: [],
      description: "x",
    });
  });
});

describe("the engine's synonyms from the glossary", () => {
  const map = synonymsOf([dr, backup]);

  it("makes a term's names find each other both ways, in lower case", () => {
    expect(map.dr).toEqual(["adfer ar ôl trychineb", "disaster recovery", "restore testing"]);
    expect(map["disaster recovery"]).toContain("dr");
    expect(map["adfer ar ôl trychineb"]).toEqual(["disaster recovery", "dr", "restore testing"]);
  });

  it("makes a one-way word found from the term, never the reverse", () => {
    expect(map.backup).toContain("immutable backup");
    expect(map["copi wrth gefn"]).toContain("immutable backup");
    expect(map["immutable backup"]).toBeUndefined();
    expect(map["restore testing"]).toBeUndefined();
  });
});

describe("the query sent to the engine", () => {
  const bwv = entry({ term: "Body-worn video", abbreviations: ["BWV"], welshTerms: ["fideo a wisgir ar y corff"] });

  it("sends a name of more than three searched words as its headword, wherever it is in the query", () => {
    expect(queryForEngine("adfer ar ôl trychineb", [dr, bwv])).toBe("disaster recovery");
    expect(queryForEngine("profi adfer ar ôl trychineb", [dr, bwv])).toBe("profi disaster recovery");
    // Stop words do not count: "fideo a wisgir ar y corff" is five searched words.
    expect(queryForEngine("storio fideo a wisgir ar y corff", [dr, bwv])).toBe("storio body worn video");
  });

  it("sends a name holding a stop word as its headword too: the engine does not look synonyms up across one", () => {
    const lessons = entry({ term: "Lessons learned", welshTerms: ["gwersi a ddysgwyd"] });
    expect(queryForEngine("Gwersi a ddysgwyd", [lessons])).toBe("lessons learned");
  });

  it("sends every other query as it was typed", () => {
    expect(queryForEngine("DR testing", [dr, bwv])).toBe("DR testing");
    expect(queryForEngine("adfer trychineb", [dr, bwv])).toBe("adfer trychineb");
    expect(queryForEngine("SD-WAN roll-out?", [dr, bwv])).toBe("SD-WAN roll-out?");
  });
});

describe("also searched for", () => {
  it("names the entry a query reached through another of its names", () => {
    expect(expansionsFor("DR testing", [dr, backup])).toEqual([
      { slug: "disaster-recovery", name: "Disaster recovery" },
    ]);
    const cyber = entry({ term: "Cyber security", welshTerms: ["seiberddiogelwch", "diogelwch seiber"] });
    expect(expansionsFor("Diogelwch Seiber", [dr, cyber])).toEqual([
      { slug: "cyber-security", name: "Cyber security" },
    ]);
  });

  it("names the entry of a long name too, which is searched as its headword", () => {
    expect(expansionsFor("adfer ar ôl trychineb", [dr])).toEqual([
      { slug: "disaster-recovery", name: "Disaster recovery" },
    ]);
  });

  it("says nothing when the query has the headword, or matches only part of a word", () => {
    expect(expansionsFor("disaster recovery DR plan", [dr])).toEqual([]);
    expect(expansionsFor("drive", [dr])).toEqual([]);
    expect(expansionsFor("", [dr])).toEqual([]);
  });
});
