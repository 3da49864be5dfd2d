import { describe, expect, it } from "vitest";
import { missingWordForms, wordFormsOf } from "../../app/search/word-forms";

describe("word forms", () => {
  it("finds the regular forms of verbs, whichever form a text holds", () => {
    expect(wordFormsOf("reduce")).toEqual(expect.arrayContaining(["reduces", "reduced", "reducing"]));
    expect(wordFormsOf("reducing")).toEqual(expect.arrayContaining(["reduce", "reduces", "reduced"]));
    expect(wordFormsOf("proved")).toEqual(expect.arrayContaining(["prove", "proves", "proving"]));
    expect(wordFormsOf("stopped")).toEqual(expect.arrayContaining(["stop", "stops", "stopping"]));
    expect(wordFormsOf("tested")).toEqual(expect.arrayContaining(["test", "tests", "testing"]));
  });

  it("finds plurals and singulars, and -ion nouns of -t verbs", () => {
    expect(wordFormsOf("device")).toContain("devices");
    expect(wordFormsOf("devices")).toContain("device");
    expect(wordFormsOf("policies")).toContain("policy");
    expect(wordFormsOf("processes")).toContain("process");
    expect(wordFormsOf("migrated")).toEqual(expect.arrayContaining(["migrate", "migration"]));
    expect(wordFormsOf("encrypted")).toEqual(expect.arrayContaining(["encrypt", "encryption"]));
  });

  it("never offers a word the stemmer takes for another, nor forms of short words, acronyms or Welsh", () => {
    // "news" is not the plural of "new"; "business" has no singular "busines".
    expect(wordFormsOf("news")).not.toContain("new");
    expect(wordFormsOf("business")).not.toContain("busines");
    // Endings that are part of the word: "station" is not "state", "thing" not "the", "species" not "spec".
    expect(wordFormsOf("station")).not.toContain("state");
    expect(wordFormsOf("thing")).toEqual([]);
    expect(wordFormsOf("species")).not.toContain("spec");
    expect(wordFormsOf("soc")).toEqual([]);
    expect(wordFormsOf("m365")).toEqual([]);
    expect(wordFormsOf("seiberddiogelwch")).not.toContain("seiberddiogelwchs");
    for (const word of ["reduce", "devices", "proved"]) expect(wordFormsOf(word)).not.toContain(word);
  });

  it("adds to a text only the forms it does not hold, up to a limit", () => {
    const forms = missingWordForms(["We reduced the cost of every device.", "Reducing costs"]);
    expect(forms).toEqual(expect.arrayContaining(["reduce", "devices"]));
    expect(forms).not.toContain("reducing");
    expect(forms).not.toContain("costs");
    expect(missingWordForms(["printing tested devices reduced"], 3)).toHaveLength(3);
  });
});
