/**
 * Meetings, papers and decisions in search, through the event log as the Hub
 * indexes them: a confidential paper or decision is found (by a phrase of
 * its text, in the type facet's counts, in suggestions) only by its board's
 * members and administrators; marking an agenda item confidential takes its
 * papers out of everyone else's search; a decision's reference goes straight
 * to it; and every document's version is what the index check expects.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/auth/lucia.server";
import type { SessionUser } from "~/auth/principals";
import { spreadAgendaItemConfidentiality } from "~/boards/confidentiality.server";
import { decisionAddressFor } from "~/boards/decision-references.server";
import { recordEvent } from "~/events/event-log.server";
import { writeTransaction } from "~/platform/db.server";
import { acquireLease, newHolderId, releaseLease } from "~/platform/lease.server";
import { loader as searchLoader } from "~/routes/search._index";
import { loader as suggestLoader } from "~/routes/search.suggest";
import { searchRecords } from "~/search/finder.server";
import { checkSearchIndex } from "~/search/index-check.server";
import { ensureIndex } from "~/search/index-settings.server";
import { markIndexCurrent, RELAY_LEASE } from "~/search/relay-runner.server";
import { suggestRecords } from "~/search/search.server";
import { parseSearchQuery, type Suggestion } from "~/search/search-query";
import { relayAll } from "~/search/search-relay.server";
import { agendaItems, boards } from "../../db/schema";
import { givenDecision, givenPaper } from "../support/board-records";
import { givenAgendaItem, givenBoard, givenMeeting, givenSeat } from "../support/board-rows";
import { givenUser } from "../support/factories";
import { startTestMeilisearch, type TestMeilisearch } from "../support/meilisearch";

let meili: TestMeilisearch;
let member: SessionUser;
let outsider: SessionUser;
let admin: SessionUser;
let board: ReturnType<typeof givenBoard>;
let meeting: ReturnType<typeof givenMeeting>;
let openItem: ReturnType<typeof givenAgendaItem>;

const search = (user: SessionUser, queryString: string) =>
  searchRecords(user, parseSearchQuery(new URLSearchParams(queryString)));
const urls = async (user: SessionUser, queryString: string) =>
  (await search(user, queryString)).hits.map((hit) => hit.url);
const typeCount = async (user: SessionUser, queryString: string, type: string) =>
  (await search(user, queryString)).facets.type.find((facet) => facet.value === type)?.count ?? 0;

const routeArgs = (url: string, cookie: string) => ({
  request: new Request(url, { headers: { Cookie: cookie } }),
  params: {},
  context: { requestId: "test", clientAddress: "127.0.0.1", monitoringAddress: "127.0.0.1", cspNonce: "n" },
});
const cookieOf = async (user: SessionUser) => (await startSession(user.id, { method: "password" })).split(";")[0] ?? "";

beforeAll(async () => {
  meili = await startTestMeilisearch();
  await ensureIndex();
  markIndexCurrent();
  board = givenBoard({ name: "Quokka Governance Board", referencePrefix: "QGB" });
  member = givenSeat(await givenUser("reader"), board.id, "member");
  outsider = await givenUser("editor");
  admin = await givenUser("admin");
  meeting = givenMeeting(board.id, {
    status: "held",
    startsAt: new Date("2026-03-12T10:00:00Z"),
    minutes: "The board heard about the marmalade telephony tender.",
  });
  openItem = givenAgendaItem(meeting.id, { title: "Service performance report", position: 1 });
  givenAgendaItem(meeting.id, { title: "Negotiation with Brimblecombe Ltd", confidential: true, position: 2 });
  await relayAll();
}, 120_000);

afterAll(async () => {
  await meili?.dispose();
});

describe("board records in search", () => {
  it("indexes a meeting with its board, date, minutes and open agenda items, never a confidential item's title", async () => {
    const hits = (await search(outsider, "q=marmalade")).hits;
    expect(hits.map((hit) => hit.url)).toEqual([`/meetings/${meeting.id}`]);
    expect(hits[0]).toMatchObject({
      type: "meeting",
      status: "held",
      boardFacts: { boardName: "Quokka Governance Board", meetingAt: meeting.startsAt.getTime(), fileType: null },
    });
    expect(await urls(outsider, "q=performance report&type=meeting")).toEqual([`/meetings/${meeting.id}`]);
    // The meeting's document is everyone's, so a confidential item's words are in no one's.
    expect(await urls(member, "q=brimblecombe")).toEqual([]);
    expect(await urls(admin, "q=brimblecombe")).toEqual([]);
  });

  it("finds a confidential paper by a phrase of its text for the board's members and admins only, counts included", async () => {
    const open = givenPaper(meeting.id, {
      title: "Telephony options appraisal",
      text: "Option three keeps the wallaby exchange running until 2027.",
    });
    const secret = givenPaper(meeting.id, {
      title: "Supplier pricing",
      text: "The supplier offered a discount on the platypus licence renewal.",
      confidential: true,
    });
    await relayAll();

    expect(await urls(outsider, "q=wallaby exchange")).toEqual([`/papers/${open.id}`]);
    expect(await urls(member, "q=platypus licence")).toEqual([`/papers/${secret.id}`]);
    expect(await urls(admin, "q=platypus licence")).toEqual([`/papers/${secret.id}`]);
    expect(await urls(outsider, "q=platypus licence")).toEqual([]);
    expect(await urls(outsider, "q=supplier pricing")).toEqual([]);
    // Counts are of what each may see: the type facet never counts the confidential paper for others.
    expect(await typeCount(member, "type=paper", "paper")).toBe(2);
    expect(await typeCount(outsider, "type=paper", "paper")).toBe(1);
    expect(await typeCount(outsider, "", "paper")).toBe(1);
    const [hit] = (await search(member, "q=platypus")).hits;
    expect(hit).toMatchObject({ type: "paper", matchedIn: "body", boardFacts: { fileType: "pdf" } });
  });

  it("finds a confidential decision by no word of its title or text but for the board's members and admins", async () => {
    const agreed = givenDecision(board.id, meeting.id, {
      title: "Adopt the numbat cloud policy",
      text: "Partners move email first.",
    });
    const secret = givenDecision(board.id, meeting.id, {
      title: "Terminate the bandicoot contract",
      text: "Notice to be served on the wombatron supplier.",
      confidential: true,
    });
    await relayAll();

    expect(await urls(outsider, "q=numbat")).toEqual([`/decisions/${agreed.reference}`]);
    for (const words of ["bandicoot", "wombatron", "terminate contract"]) {
      expect(await urls(outsider, `q=${words}`)).toEqual([]);
      expect(await urls(member, `q=${words}`)).toEqual([`/decisions/${secret.reference}`]);
      expect(await urls(admin, `q=${words}`)).toEqual([`/decisions/${secret.reference}`]);
    }
    expect(await typeCount(outsider, "", "decision")).toBe(1);
    expect(await typeCount(member, "", "decision")).toBe(2);
    const [hit] = (await search(member, "q=bandicoot")).hits;
    expect(hit?.title.map((segment) => segment.text).join("")).toBe(
      `${secret.reference}: Terminate the bandicoot contract`,
    );
    expect(hit).toMatchObject({ type: "decision", status: "agreed" });
  });

  it("finds a decision by a phrase from its meeting's open papers, added before or after it, never a confidential one's", async () => {
    const other = givenMeeting(board.id, { status: "held", startsAt: new Date("2026-05-14T10:00:00Z") });
    givenPaper(other.id, { title: "Storage appraisal", text: "Tiered quoll storage saves money every year." });
    const decision = givenDecision(board.id, other.id, { title: "Fund the storage refresh", text: "Agreed." });
    givenPaper(other.id, { title: "Bidder prices", text: "The dibbler bid was lowest.", confidential: true });
    await relayAll();
    expect(await urls(outsider, "q=quoll storage")).toContain(`/decisions/${decision.reference}`);
    expect(await urls(member, "q=dibbler")).not.toContain(`/decisions/${decision.reference}`);
    expect(await urls(outsider, "q=dibbler")).toEqual([]);

    // A paper added later reaches the decision's document through its own event.
    givenPaper(other.id, { title: "Addendum", text: "The potoroo option was withdrawn." });
    await relayAll();
    expect(await urls(outsider, "q=potoroo")).toContain(`/decisions/${decision.reference}`);
  });

  it("suggests board records only as their visibility allows, and a typed reference as its decision", async () => {
    const secret = givenDecision(board.id, meeting.id, {
      title: "Close the echidna data centre",
      confidential: true,
    });
    givenPaper(meeting.id, { title: "Echidna site survey", text: "Site notes.", confidential: true });
    await relayAll();

    expect((await suggestRecords(member, "echidna")).map((hit) => hit.type).sort()).toEqual(["decision", "paper"]);
    expect(await suggestRecords(outsider, "echidna")).toEqual([]);

    const suggested = async (user: SessionUser, q: string) => {
      const response = await suggestLoader(
        routeArgs(`http://hub.test/search/suggest?q=${encodeURIComponent(q)}`, await cookieOf(user)),
      );
      return ((await response.json()) as { suggestions: Suggestion[] }).suggestions;
    };
    const typed = ` ${secret.reference.toLowerCase()} `;
    const [forOutsider] = await suggested(outsider, typed);
    expect(forOutsider).toMatchObject({ type: "decision", url: `/decisions/${secret.reference}` });
    expect(forOutsider?.title).toBe(`${secret.reference}: Restricted`);
    expect(JSON.stringify(await suggested(outsider, typed))).not.toContain("echidna");
    const [forMember] = await suggested(member, typed);
    expect(forMember?.title).toBe(`${secret.reference}: Close the echidna data centre`);
  });

  it("goes straight to a decision from its reference, any case, spaces around, zeros or not", async () => {
    const secret = givenDecision(board.id, meeting.id, { title: "Restricted matter", confidential: true });
    const [, year, number] = secret.reference.split("-");
    // Everyone may see the decision's place in the register: its restricted page.
    expect(decisionAddressFor(outsider, `  ${secret.reference.toLowerCase()}  `)).toBe(
      `/decisions/${secret.reference}`,
    );
    expect(decisionAddressFor(outsider, `qgb-${year}-${Number(number)}`)).toBe(`/decisions/${secret.reference}`);
    expect(decisionAddressFor(outsider, "QGB-2026-999")).toBeNull();
    expect(decisionAddressFor(outsider, "restricted matter")).toBeNull();

    const cookie = await cookieOf(outsider);
    const jump = await searchLoader(routeArgs(`http://hub.test/search?q=+${secret.reference.toLowerCase()}+`, cookie))
      .then(() => null)
      .catch((thrown: unknown) => thrown);
    expect(jump).toBeInstanceOf(Response);
    expect((jump as Response).status).toBe(302);
    expect((jump as Response).headers.get("Location")).toBe(`/decisions/${secret.reference}`);
    // A reference that names no decision is searched for as words.
    const words = await searchLoader(routeArgs("http://hub.test/search?q=QGB-2026-999", cookie));
    expect(words.query.q).toBe("QGB-2026-999");
  });

  it("takes a paper out of others' search when its agenda item is marked confidential", async () => {
    const paper = givenPaper(meeting.id, {
      title: "Performance dashboard",
      text: "The kookaburra metric improved.",
      agendaItemId: openItem.id,
    });
    await relayAll();
    // The paper, and the meeting's decisions that carry its text.
    expect(await urls(outsider, "q=kookaburra")).toContain(`/papers/${paper.id}`);

    writeTransaction((tx) => {
      tx.update(agendaItems).set({ confidential: true }).where(eq(agendaItems.id, openItem.id)).run();
      spreadAgendaItemConfidentiality(tx, openItem.id, { actorId: null, source: "web" });
      recordEvent(tx, {
        type: "meeting.agenda_changed",
        recordType: "meeting",
        recordId: meeting.id,
        actorId: null,
        source: "web",
        partnerIds: [],
      });
    });
    await relayAll();
    expect(await urls(outsider, "q=kookaburra")).toEqual([]);
    expect(await urls(member, "q=kookaburra")).toContain(`/papers/${paper.id}`);
    // The item's title has left the meeting's document too.
    expect(await urls(outsider, "q=performance report&type=meeting")).toEqual([]);
  });

  it("renames the board on its documents, and the index check finds every version as expected", async () => {
    writeTransaction((tx) => {
      tx.update(boards).set({ name: "Koala Governance Board" }).where(eq(boards.id, board.id)).run();
      recordEvent(tx, {
        type: "board.edited",
        recordType: "board",
        recordId: board.id,
        actorId: null,
        source: "web",
        partnerIds: [],
      });
    });
    await relayAll();
    const hits = (await search(member, "q=koala")).hits;
    expect(new Set(hits.map((hit) => hit.type))).toEqual(new Set(["meeting", "paper", "decision"]));
    expect(hits.every((hit) => hit.boardFacts?.boardName === "Koala Governance Board")).toBe(true);

    const holder = newHolderId();
    expect(acquireLease(RELAY_LEASE, holder, 60_000)).toBe(true);
    try {
      const report = await checkSearchIndex({ holder, log: () => {} });
      expect(report, report.reason).toMatchObject({ outcome: "matched", missing: 0, outdated: 0, extra: 0 });
    } finally {
      releaseLease(RELAY_LEASE, holder);
    }
  });
});
