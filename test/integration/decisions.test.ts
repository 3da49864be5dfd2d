/**
 * Decisions on a real SQLite file: their permanent references (per board and
 * year, from several processes at once, never reused, never edited), the
 * status rules, who may record and change them, what a non-member sees of a
 * confidential one (pages, register, counts, CSV), and their links to the
 * roadmap items they affect, shown on both sides.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { editMeeting } from "~/boards/meeting-commands.server";
import { changeDecisionStatus, editDecision, recordDecision } from "~/decisions/decision-commands.server";
import { decisionsCsv } from "~/decisions/decision-export.server";
import { parseDecisionQuery } from "~/decisions/decision-query";
import { decisionRegister } from "~/decisions/decision-register.server";
import { type DecisionFields, decisionFormToFields } from "~/decisions/decision-schemas";
import { decisionForPage, decisionsAffecting, decisionsForMeeting, findDecision } from "~/decisions/decisions.server";
import { translator } from "~/i18n/translate";
import { addLink } from "~/links/link-commands.server";
import { linkEndBySlug, linksOfRecord } from "~/links/links.server";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { listRevisions } from "~/revisions/revisions.server";
import { actions, events, partners } from "../../db/schema";
import { givenAgendaItem, givenBoard, givenMeeting, givenSeat } from "../support/board-rows";
import { givenUser, unique } from "../support/factories";
import { givenRoadmapItem } from "../support/roadmap-rows";
import { uniquePrefix } from "../support/unique-names";

let board: ReturnType<typeof givenBoard>;
let otherBoard: ReturnType<typeof givenBoard>;
let meeting2025: ReturnType<typeof givenMeeting>;
let meeting2026: ReturnType<typeof givenMeeting>;
let otherMeeting: ReturnType<typeof givenMeeting>;
let secretary: SessionUser;
let member: SessionUser;
let reader: SessionUser;
let admin: SessionUser;
let otherSecretary: SessionUser;

const fields = (overrides: DecisionFields = {}): DecisionFields => ({
  title: `Adopt the cloud strategy ${unique("d")}`,
  text: "The Board **agreed** the strategy.",
  decisionMaker: "The Board",
  status: "agreed",
  ...overrides,
});

beforeAll(async () => {
  board = givenBoard({
    referencePrefix: uniquePrefix(),
  });
  otherBoard = givenBoard();
  meeting2025 = givenMeeting(board.id, { startsAt: new Date("2025-06-12T09:30:00Z"), status: "held" });
  meeting2026 = givenMeeting(board.id, { startsAt: new Date("2026-03-05T09:30:00Z"), status: "held" });
  otherMeeting = givenMeeting(otherBoard.id, { startsAt: new Date("2026-02-01T10:00:00Z"), status: "held" });
  secretary = givenSeat(await givenUser("reader"), board.id, "secretary");
  member = givenSeat(await givenUser("editor"), board.id, "member");
  reader = await givenUser("reader");
  admin = await givenUser("admin");
  otherSecretary = givenSeat(await givenUser("reader"), otherBoard.id, "secretary");
});

describe("references", () => {
  it("numbers per board and per year of the meeting, three digits, in order", () => {
    const prefix = board.referencePrefix;
    const first = recordDecision({ actor: secretary, meetingId: meeting2025.id, fields: fields() });
    const second = recordDecision({ actor: secretary, meetingId: meeting2025.id, fields: fields() });
    const next = recordDecision({ actor: admin, meetingId: meeting2026.id, fields: fields() });
    const elsewhere = recordDecision({ actor: otherSecretary, meetingId: otherMeeting.id, fields: fields() });
    expect([first.reference, second.reference, next.reference]).toEqual([
      `${prefix}-2025-001`,
      `${prefix}-2025-002`,
      `${prefix}-2026-001`,
    ]);
    expect(elsewhere.reference).toBe(`${otherBoard.referencePrefix}-2026-001`);
    // Found in any case.
    expect(findDecision(first.reference.toLowerCase())?.id).toBe(first.id);
  });

  it("is never given again: a withdrawn decision keeps its number and the next one moves on", () => {
    const kept = recordDecision({ actor: secretary, meetingId: meeting2025.id, fields: fields() });
    changeDecisionStatus({
      actor: secretary,
      reference: kept.reference,
      fields: { status: "withdrawn", withdrawnReason: "Made in error" },
    });
    const after = recordDecision({ actor: secretary, meetingId: meeting2025.id, fields: fields() });
    expect(findDecision(kept.reference)?.status).toBe("withdrawn");
    expect(after.number).toBe(kept.number + 1);
  });

  it("cannot be set or changed by a form: a sent reference is not read", () => {
    const decision = recordDecision({ actor: secretary, meetingId: meeting2026.id, fields: fields() });
    const form = new FormData();
    for (const [name, value] of Object.entries({
      ...fields({ title: "Renamed" }),
      reference: "XX-1999-999",
      number: "999",
      year: "1999",
    })) {
      if (typeof value === "string") form.set(name, value);
    }
    const edited = editDecision({
      actor: secretary,
      reference: decision.reference,
      fields: decisionFormToFields(form),
    });
    expect(edited.title).toBe("Renamed");
    expect([edited.reference, edited.number, edited.year]).toEqual([decision.reference, decision.number, 2026]);
    expect(findDecision("XX-1999-999")).toBeNull();
  });

  it("stays a gap-free sequence when several processes record decisions at once", async () => {
    const contested = givenBoard();
    const contestedMeeting = givenMeeting(contested.id, { startsAt: new Date("2026-05-01T09:00:00Z") });
    const writer = givenSeat(await givenUser("reader"), contested.id, "secretary");
    const processes = 4;
    const each = 5;
    const children = Array.from({ length: processes }, () =>
      spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          path.join("test", "support", "decision-recorder.ts"),
          String(contestedMeeting.id),
          JSON.stringify(writer),
          String(each),
        ],
        { env: { ...process.env }, stdio: ["pipe", "pipe", "inherit"] },
      ),
    );
    const outputs = children.map(
      (child) =>
        new Promise<{ out: string; code: number | null }>((resolve) => {
          let out = "";
          child.stdout.on("data", (chunk) => {
            out += chunk;
          });
          child.on("exit", (code) => resolve({ out, code }));
        }),
    );
    // Every process ready before any starts, so that they contend for real.
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            const onData = (chunk: Buffer) => {
              if (chunk.toString().includes("ready")) {
                child.stdout.off("data", onData);
                resolve();
              }
            };
            child.stdout.on("data", onData);
          }),
      ),
    );
    for (const child of children) child.stdin.write("go\n");
    const results = await Promise.all(outputs);
    expect(results.map((result) => result.code)).toEqual(Array(processes).fill(0));
    const references = results.flatMap((result) =>
      result.out
        .split("\n")
        .filter((line) => line.startsWith(`${contested.referencePrefix}-`))
        .map((line) => line.trim()),
    );
    const numbers = references.map((reference) => Number(reference.split("-")[2])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: processes * each }, (_, index) => index + 1));
    expect(new Set(references).size).toBe(processes * each);
  }, 60_000);
});

describe("status", () => {
  it("refuses a decision superseding itself, an unknown one and a cycle; records both ways when allowed", () => {
    const old = recordDecision({ actor: secretary, meetingId: meeting2025.id, fields: fields() });
    const replacement = recordDecision({ actor: otherSecretary, meetingId: otherMeeting.id, fields: fields() });
    const change = (reference: string, supersededBy: string) =>
      changeDecisionStatus({ actor: admin, reference, fields: { status: "superseded", supersededBy } });
    const errorOf = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return error instanceof ValidationError ? error.fieldErrors : error;
      }
      return null;
    };
    expect(errorOf(() => change(old.reference, old.reference.toLowerCase()))).toEqual({
      supersededBy: ["decisions.errors.supersededBy.self"],
    });
    expect(errorOf(() => change(old.reference, "NOPE-2026-001"))).toEqual({
      supersededBy: ["decisions.errors.supersededBy.unknown"],
    });
    expect(errorOf(() => change(old.reference, ""))).toEqual({
      supersededBy: ["decisions.errors.supersededBy.required"],
    });
    // Superseded by another board's decision: allowed.
    change(old.reference, replacement.reference);
    expect(findDecision(old.reference)?.supersededById).toBe(replacement.id);
    // Now the replacement cannot be superseded by the old one, directly...
    expect(errorOf(() => change(replacement.reference, old.reference))).toEqual({
      supersededBy: ["decisions.errors.supersededBy.cycle"],
    });
    // ...or down a chain.
    const third = recordDecision({ actor: secretary, meetingId: meeting2026.id, fields: fields() });
    change(replacement.reference, third.reference);
    expect(errorOf(() => change(third.reference, old.reference))).toEqual({
      supersededBy: ["decisions.errors.supersededBy.cycle"],
    });
    // Both pages name the other.
    const oldPage = decisionForPage(admin, old.reference, "en");
    const newPage = decisionForPage(admin, replacement.reference, "en");
    if (oldPage.restricted || newPage.restricted) throw new Error("An administrator reads every decision");
    expect(oldPage.supersededBy?.reference).toBe(replacement.reference);
    expect(newPage.supersedes.map((earlier) => earlier.reference)).toEqual([old.reference]);
    const changed = getDb()
      .select()
      .from(events)
      .where(and(eq(events.type, "decision.status_changed"), eq(events.recordId, String(old.id))))
      .all();
    expect(changed.map((event) => [event.data.from, event.data.to])).toEqual([["agreed", "superseded"]]);
  });

  it("needs a reason to withdraw, and records who withdrew it", () => {
    const decision = recordDecision({ actor: secretary, meetingId: meeting2025.id, fields: fields() });
    expect(() =>
      changeDecisionStatus({ actor: secretary, reference: decision.reference, fields: { status: "withdrawn" } }),
    ).toThrow(ValidationError);
    expect(findDecision(decision.reference)?.status).toBe("agreed");
    const withdrawn = changeDecisionStatus({
      actor: secretary,
      reference: decision.reference,
      fields: { status: "withdrawn", withdrawnReason: "Superseded by events" },
    });
    expect([withdrawn.withdrawnBy, withdrawn.withdrawnReason]).toEqual([secretary.id, "Superseded by events"]);
    expect(listRevisions("decision", decision.id, { includeRestricted: true })).toHaveLength(2);
  });
});

describe("who may", () => {
  it("lets only the board's secretary and administrators record and change decisions, refused before the input is read", () => {
    for (const person of [member, reader, otherSecretary]) {
      // Input that would fail validation: the refusal comes first.
      expect(() => recordDecision({ actor: person, meetingId: meeting2026.id, fields: {} })).toThrow(ForbiddenError);
    }
    const decision = recordDecision({ actor: secretary, meetingId: meeting2026.id, fields: fields() });
    for (const person of [member, reader, otherSecretary]) {
      expect(() => editDecision({ actor: person, reference: decision.reference, fields: {} })).toThrow(ForbiddenError);
      expect(() => changeDecisionStatus({ actor: person, reference: decision.reference, fields: {} })).toThrow(
        ForbiddenError,
      );
    }
    expect(() => recordDecision({ actor: secretary, meetingId: 999_999, fields: fields() })).toThrow(NotFoundError);
  });

  it("refuses a lead officer who cannot sign in and an agenda item of another meeting", async () => {
    const otherItem = givenAgendaItem(meeting2025.id, { position: 90 });
    expect(() =>
      recordDecision({
        actor: secretary,
        meetingId: meeting2026.id,
        fields: fields({ leadOfficer: "nobody", agendaItem: String(otherItem.id) }),
      }),
    ).toThrow(ValidationError);
    const officer = await givenUser("reader");
    const ok = recordDecision({
      actor: secretary,
      meetingId: meeting2026.id,
      fields: fields({ leadOfficer: officer.id }),
    });
    expect(ok.leadOfficerId).toBe(officer.id);
  });
});

describe("the meeting behind a decision", () => {
  it("takes none once cancelled, and keeps the year its decisions' references carry", () => {
    const cancelled = givenMeeting(board.id, { startsAt: new Date("2026-09-10T09:30:00Z"), status: "cancelled" });
    const refused = (() => {
      try {
        recordDecision({ actor: secretary, meetingId: cancelled.id, fields: fields() });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.title).toEqual(["decisions.errors.meetingCancelled"]);

    const meeting = givenMeeting(board.id, { startsAt: new Date("2026-11-20T09:30:00Z"), status: "held" });
    recordDecision({ actor: secretary, meetingId: meeting.id, fields: fields() });
    const moveTo = (year: string) => () =>
      editMeeting({
        actor: secretary,
        meetingId: meeting.id,
        fields: { day: { day: "3", month: "12", year }, startTime: "10:00", location: "Committee Room 1" },
      });
    expect(moveTo("2027")).toThrow(ValidationError);
    // Another day of the same year is still fine.
    moveTo("2026")();
  });
});

describe("confidential decisions", () => {
  it("are confidential on a confidential agenda item, and make their actions confidential when marked", () => {
    const secret = givenAgendaItem(meeting2026.id, { position: 50, confidential: true });
    const onSecretItem = recordDecision({
      actor: secretary,
      meetingId: meeting2026.id,
      fields: fields({ agendaItem: String(secret.id) }),
    });
    expect(onSecretItem.confidential).toBe(true);
    const open = recordDecision({ actor: secretary, meetingId: meeting2026.id, fields: fields() });
    const partnerId = getDb().select({ id: partners.id }).from(partners).limit(1).get()?.id ?? 1;
    const action = getDb()
      .insert(actions)
      .values({
        meetingId: meeting2026.id,
        decisionId: open.id,
        description: "Write the plan",
        partnerId,
        dueDate: "2026-06-01",
        status: "open",
        updatedAt: new Date(),
      })
      .returning()
      .get();
    editDecision({ actor: secretary, reference: open.reference, fields: fields({ confidential: "yes" }) });
    expect(getDb().select().from(actions).where(eq(actions.id, action.id)).get()?.confidential).toBe(true);
  });

  it("show non-members only the reference, date, board and status: never the title, in pages, register, counts or CSV", () => {
    const title = `Contract award to a supplier ${unique("secret")}`;
    const item = givenRoadmapItem({ title: `Item ${unique("i")}` });
    const decision = recordDecision({
      actor: secretary,
      meetingId: meeting2026.id,
      fields: fields({ title, confidential: "yes" }),
    });
    addLink(secretary, {
      subject: { type: "decision", id: decision.id },
      relation: "affects",
      object: { type: "roadmap_item", id: item.id },
    });
    const page = decisionForPage(reader, decision.reference, "en");
    expect(page).toEqual({
      restricted: true,
      reference: decision.reference,
      status: "agreed",
      board: { slug: board.slug, name: board.name },
      meeting: { id: meeting2026.id, startsAt: meeting2026.startsAt.toISOString() },
    });
    expect(JSON.stringify(page)).not.toContain(title);
    // Members read it.
    const memberPage = decisionForPage(member, decision.reference, "en");
    expect(memberPage.restricted ? null : memberPage.title).toBe(title);

    const query = parseDecisionQuery(new URLSearchParams(`board=${board.slug}&year=2026`));
    const register = decisionRegister(reader, { ...query, page: 1 }, "en");
    const row = register.rows.find((candidate) => candidate.reference === decision.reference);
    expect(row?.content).toBeNull();
    expect(JSON.stringify(register)).not.toContain(title);
    // It is counted by board, but not under the roadmap item (its links are content).
    expect(register.facets.item.find((facet) => facet.value === item.slug)).toBeUndefined();
    const memberRegister = decisionRegister(member, { ...query, page: 1 }, "en");
    expect(memberRegister.facets.item.find((facet) => facet.value === item.slug)?.count).toBe(1);
    const byItem = decisionRegister(reader, parseDecisionQuery(new URLSearchParams(`item=${item.slug}`)), "en");
    expect(byItem.total).toBe(0);

    const csv = decisionsCsv(reader, query, "en", translator("en"));
    expect(csv).toContain(`${decision.reference},2026-03-05,${board.name},Agreed,Restricted,,,,`);
    expect(csv).not.toContain(title);
    expect(decisionsCsv(member, query, "en", translator("en"))).toContain(title);

    // The item's page does not name it to others (its links are content); the meeting lists it without its title.
    expect(decisionsAffecting(reader, item.id)).toEqual([]);
    expect(decisionsAffecting(member, item.id)[0]?.title).toBe(title);
    expect(
      decisionsForMeeting(reader, meeting2026.id).find((d) => d.reference === decision.reference)?.title,
    ).toBeNull();
    // Nor does the item's own links section carry it.
    const itemEnd = linkEndBySlug("roadmap_item", item.slug);
    if (!itemEnd) throw new Error("The item is linkable");
    expect(JSON.stringify(linksOfRecord(member, itemEnd, "en"))).not.toContain(title);
    // No event carries the title.
    const decisionEvents = getDb()
      .select()
      .from(events)
      .where(eq(events.recordId, String(decision.id)))
      .all();
    expect(JSON.stringify(decisionEvents)).not.toContain(title);
  });
});

describe("links to roadmap items", () => {
  it("are made by the decision's managers only, and shown from both sides", async () => {
    const owner = await givenUser("editor");
    const item = givenRoadmapItem({ ownerId: owner.id });
    const decision = recordDecision({ actor: secretary, meetingId: meeting2026.id, fields: fields() });
    const link = {
      subject: { type: "decision" as const, id: decision.id },
      relation: "affects",
      object: { type: "roadmap_item" as const, id: item.id },
    };
    // The item's owner manages the item's links, but not a board's decisions.
    expect(() => addLink(owner, link)).toThrow(ForbiddenError);
    expect(() => addLink(member, link)).toThrow(ForbiddenError);
    // A relation meant for posts is refused.
    expect(() => addLink(secretary, { ...link, relation: "drives" })).toThrow(ValidationError);
    addLink(secretary, link);
    const decisionEnd = linkEndBySlug("decision", decision.reference.toLowerCase());
    if (!decisionEnd) throw new Error("The decision is linkable");
    const fromDecision = linksOfRecord(reader, decisionEnd, "en");
    expect(fromDecision.groups.map((group) => [group.relation, group.links.map((shown) => shown.other.url)])).toEqual([
      ["affects", [`/roadmap/${item.slug}`]],
    ]);
    expect(fromDecision.groups[0]?.links[0]?.canUnlink).toBe(false);
    expect(linksOfRecord(secretary, decisionEnd, "en").groups[0]?.links[0]?.canUnlink).toBe(true);
    expect(decisionsAffecting(reader, item.id).map((shown) => shown.reference)).toEqual([decision.reference]);
  });
});
