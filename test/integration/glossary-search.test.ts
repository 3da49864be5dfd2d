/**
 * The glossary as the engine's synonyms, with the demo content in a real
 * Meilisearch: Welsh and abbreviated queries find English posts through it,
 * and an administrator's edit changes what a search finds within the relay's
 * next batch, with no document sent again.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { readContentDirectory } from "~/content/content-files.server";
import { importContent } from "~/content/import-content.server";
import {
  createGlossaryTerm,
  editGlossaryTerm,
  getGlossaryTerm,
  listGlossaryRevisions,
} from "~/glossary/glossary.server";
import { glossaryFieldsOf, glossaryFormValuesOf } from "~/glossary/glossary-form";
import { glossaryExpansionsFor, glossarySynonyms } from "~/glossary/glossary-synonyms.server";
import { getDb } from "~/platform/db.server";
import { ValidationError } from "~/platform/errors";
import { searchRecords } from "~/search/finder.server";
import { ensureIndexState, SEARCH_INDEX } from "~/search/index-settings.server";
import { getSearchClient } from "~/search/meili.server";
import { parseSearchQuery } from "~/search/search-query";
import { relayAll } from "~/search/search-relay.server";
import { events, glossaryTerms } from "../../db/schema";
import { givenUser } from "../support/factories";
import { startMeilisearchWithDemoContent, type TestMeilisearch } from "../support/meilisearch";

let meili: TestMeilisearch;
let admin: SessionUser;
let reader: SessionUser;

const urls = async (q: string) =>
  (await searchRecords(reader, parseSearchQuery(new URLSearchParams({ q })))).hits.map((hit) => hit.url);

beforeAll(async () => {
  meili = await startMeilisearchWithDemoContent();
  admin = await givenUser("admin");
  reader = await givenUser("reader");
}, 180_000);

afterAll(async () => {
  await meili?.dispose();
});

describe("the glossary in search", () => {
  it("imports every term once, with a revision and an event each, and leaves them alone the second time", () => {
    const terms = getDb().select({ n: count() }).from(glossaryTerms).get()?.n ?? 0;
    expect(terms).toBeGreaterThanOrEqual(30);
    const created = getDb()
      .select({ n: count() })
      .from(events)
      .where(eq(events.type, "glossary_term.created"))
      .get()?.n;
    expect(created).toBe(terms);
    expect(listGlossaryRevisions(getGlossaryTerm("body-worn-video").id)).toHaveLength(1);
    expect(importContent(readContentDirectory("content")).glossary).toEqual({
      created: 0,
      updated: 0,
      unchanged: terms,
    });
  });

  it("finds an English post from a Welsh query through the glossary's Welsh terms", async () => {
    expect(await urls("seiberddiogelwch")).toContain("/posts/blaenau-gwent-cyber-security-strategy-2024-2027");
    expect(await urls("cynhwysiant digidol")).toContain("/posts/blaenau-gwent-inclusion-with-housing-partners");
  });

  it("finds body-worn video from BWV, and says the search went through the glossary", async () => {
    expect((await urls("BWV")).slice(0, 3)).toContain("/posts/gwent-police-body-worn-video-storage");
    expect(glossaryExpansionsFor("BWV storage")).toEqual([{ slug: "body-worn-video", name: "Body-worn video" }]);
  });

  it("changes what a search finds when a term is edited, through the relay, without sending any document", async () => {
    expect(await urls("zorblatt")).toEqual([]);
    await relayAll(); // whatever came before (the accounts made above)
    const before = getGlossaryTerm("data-centre");
    const values = glossaryFormValuesOf(before);
    editGlossaryTerm({
      actor: admin,
      slug: "data-centre",
      fields: glossaryFieldsOf({ ...values, otherNames: `${values.otherNames}\nzorblatt` }),
    });
    const client = getSearchClient();
    const lastTask = (await client.tasks.getTasks({ limit: 1 })).results[0]?.uid ?? 0;
    const relayed = await relayAll();
    expect(relayed).toMatchObject({ events: 1, indexed: 0, removed: 0 });
    const tasks = (await client.tasks.getTasks({ from: undefined, limit: 20 })).results.filter(
      (task) => task.uid > lastTask,
    );
    expect(tasks.map((task) => task.type)).toEqual(["settingsUpdate"]);
    expect(await urls("zorblatt")).toContain("/posts/srs-data-centre-consolidation-cloud");
    expect(listGlossaryRevisions(before.id)).toHaveLength(2);
  });

  it("refuses a term that would loop or duplicate another, writing nothing", () => {
    const eventsBefore = getDb().select({ n: count() }).from(events).get()?.n;
    const attempt = (fields: Parameters<typeof glossaryFieldsOf>[0]) => () =>
      createGlossaryTerm({ actor: admin, fields: glossaryFieldsOf(fields) });
    const empty = { abbreviations: "", otherNames: "", welshTerms: "", alsoFinds: "", description: "" };
    expect(attempt({ ...empty, term: "Body worn video" })).toThrow(ValidationError);
    // Backup finds "immutable backup"; an entry for it that finds backup would loop.
    expect(attempt({ ...empty, term: "Immutable backup", alsoFinds: "backup" })).toThrow(ValidationError);
    expect(getDb().select({ n: count() }).from(events).get()?.n).toBe(eventsBefore);
    expect(() =>
      createGlossaryTerm({ actor: reader, fields: glossaryFieldsOf({ ...empty, term: "Quantum widgets" }) }),
    ).toThrow(/Only administrators/);
  });

  it("treats synonyms that drifted from the glossary as drift, and puts them back", async () => {
    const index = getSearchClient().index(SEARCH_INDEX);
    await index.updateSynonyms({ bwv: ["nothing"] }).waitTask();
    const state = await ensureIndexState(SEARCH_INDEX);
    expect(state.settingsApplied).toBe(true);
    expect(await index.getSynonyms()).toEqual(glossarySynonyms());
    expect((await ensureIndexState(SEARCH_INDEX)).settingsApplied).toBe(false);
  });
});
