/**
 * Imports the boards' decisions from `content/boards/<board>/decisions.md`
 * (a `decisions:` list in the front matter) through the same writes the web
 * forms use: numbered at their first import in meeting order (then file
 * order), so the demo's references follow its meetings; matched later by
 * their import key (`<board>/<key>`), changed only when their input's hash
 * changes. The reference, once given, is never touched again. Effective
 * dates are days from the import (decision 046); a decision that supersedes
 * another marks it superseded; links to the roadmap items it affects are
 * added when missing. Meetings are found by their import key
 * (`<board slug>/<meeting file name>`), so this runs after the meetings'
 * import, and after the demo accounts exist (lead officers are found by
 * email; one not there yet leaves the decision without one until the next
 * import, as the hash records it).
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import matter from "gray-matter";
import { z } from "zod";
import { DECISION_STATUSES } from "../../db/enums";
import { agendaItems, decisions, meetings, recordLinks, roadmapItems } from "../../db/schema";
import { getUserByEmail } from "../auth/users.server";
import { INITIAL_DECISION_STATUSES } from "../decisions/decision-limits";
import { EditDecisionSchema, RecordDecisionSchema } from "../decisions/decision-schemas";
import {
  type DecisionRow,
  renderDecisionText,
  writeDecisionEdit,
  writeDecisionStatus,
  writeNewDecision,
} from "../decisions/decision-writes.server";
import { writeLink } from "../links/write-link.server";
import type { Db } from "../platform/db.server";
import { inputHash, storedHash, storeHash } from "./imported-content.server";

const DAY_MS = 24 * 60 * 60 * 1000;

const DecisionEntrySchema = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,80}$/),
  meeting: z.string().regex(/^[a-z0-9-]+\/[A-Za-z0-9-]+$/),
  agendaItem: z.number().int().positive().optional(),
  title: z.string(),
  text: z.string(),
  decisionMaker: z.string(),
  status: z.enum(DECISION_STATUSES),
  effectiveDaysFromImport: z.number().int().optional(),
  leadOfficer: z.string().email().optional(),
  confidential: z.boolean().optional(),
  affects: z.array(z.string()).default([]),
  supersedes: z.string().optional(),
  withdrawnReason: z.string().optional(),
});
export type DecisionEntry = z.infer<typeof DecisionEntrySchema>;

export const DecisionsFileSchema = z.object({ decisions: z.array(DecisionEntrySchema) });

/** One board's decisions file, as read. */
export interface DecisionsFile {
  board: string;
  file: string;
  decisions: DecisionEntry[];
}

/** Reads `<contentDir>/boards/*\/decisions.md`; throws naming the first bad file. */
export function readDecisionFiles(contentDir: string): DecisionsFile[] {
  const boardsDir = path.join(contentDir, "boards");
  if (!fs.existsSync(boardsDir)) return [];
  return fs
    .readdirSync(boardsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(boardsDir, entry.name, "decisions.md")))
    .map((entry) => entry.name)
    .sort()
    .map((board) => {
      const file = path.join(boardsDir, board, "decisions.md");
      const parsed = DecisionsFileSchema.safeParse(matter(fs.readFileSync(file, "utf8")).data);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
        throw new Error(`${file}: ${problems}`);
      }
      return { board, file, decisions: parsed.data.decisions };
    });
}

export interface DecisionImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  links: number;
}

interface Prepared {
  file: string;
  importKey: string;
  entry: DecisionEntry;
  meeting: { id: number; startsAt: Date };
  agendaItemId: number | null;
  agendaItemConfidential: boolean;
  leadOfficerId: string | null;
  effectiveDate: string | null;
  hash: string;
}

function prepare(tx: Db, source: DecisionsFile, entry: DecisionEntry, now: Date): Prepared {
  const fail = (problem: string) => new Error(`${source.file}: ${entry.key}: ${problem}`);
  const meeting = tx
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(eq(meetings.importKey, entry.meeting))
    .get();
  if (!meeting) throw fail(`no meeting ${entry.meeting}`);
  const item = entry.agendaItem
    ? tx
        .select({ id: agendaItems.id, confidential: agendaItems.confidential })
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.position, entry.agendaItem)))
        .get()
    : undefined;
  if (entry.agendaItem && !item) throw fail(`no agenda item ${entry.agendaItem} at ${entry.meeting}`);
  const leadOfficerId = entry.leadOfficer ? (getUserByEmail(entry.leadOfficer, tx)?.id ?? null) : null;
  const effectiveDate =
    entry.effectiveDaysFromImport === undefined
      ? null
      : new Date(now.getTime() + entry.effectiveDaysFromImport * DAY_MS).toISOString().slice(0, 10);
  const fields = {
    title: entry.title,
    text: entry.text,
    decisionMaker: entry.decisionMaker,
    effectiveDate: effectiveDate ?? undefined,
    confidential: entry.confidential ? "yes" : undefined,
  };
  // The forms' own checks, so the demo cannot hold what a person could not type.
  const checked = EditDecisionSchema.safeParse(fields);
  if (!checked.success) throw fail(checked.error.issues.map((issue) => issue.message).join("; "));
  return {
    file: source.file,
    importKey: `${source.board}/${entry.key}`,
    entry,
    meeting,
    agendaItemId: item?.id ?? null,
    agendaItemConfidential: item?.confidential ?? false,
    leadOfficerId,
    effectiveDate,
    // What the file says (days from the import, not the date made of them): a later day's import changes nothing.
    hash: inputHash({ entry, leadOfficerId }),
  };
}

/** Imports every board's decisions in one transaction (the caller's). */
export function importDecisions(tx: Db, files: DecisionsFile[], now: Date): DecisionImportCounts {
  const counts: DecisionImportCounts = { created: 0, updated: 0, unchanged: 0, links: 0 };
  const meta = { actorId: null, source: "import" as const, now };
  // Meeting order, so that first imports number decisions as their meetings happened.
  const prepared = files
    .flatMap((source) => source.decisions.map((entry) => prepare(tx, source, entry, now)))
    .map((item, order) => ({ item, order }))
    .sort((a, b) => a.item.meeting.startsAt.getTime() - b.item.meeting.startsAt.getTime() || a.order - b.order)
    .map(({ item }) => item);
  const byKey = new Map<string, DecisionRow>();
  const changed = new Set<string>();
  for (const item of prepared) {
    const { entry } = item;
    const content = {
      agendaItemId: item.agendaItemId,
      agendaItemConfidential: item.agendaItemConfidential,
      title: entry.title.trim(),
      text: entry.text.trim(),
      rendered: renderDecisionText(entry.text.trim()),
      decisionMaker: entry.decisionMaker,
      effectiveDate: item.effectiveDate,
      leadOfficerId: item.leadOfficerId,
      confidential: entry.confidential ?? false,
    };
    const existing = tx.select().from(decisions).where(eq(decisions.importKey, item.importKey)).get();
    let row: DecisionRow;
    if (!existing) {
      // Recorded as it first stood; superseded and withdrawn come after, as status changes.
      const initial = (INITIAL_DECISION_STATUSES as readonly string[]).includes(entry.status)
        ? RecordDecisionSchema.shape.status.parse(entry.status)
        : "agreed";
      row = writeNewDecision(
        tx,
        { ...content, meetingId: item.meeting.id, status: initial, importKey: item.importKey },
        meta,
      );
      counts.created++;
      changed.add(item.importKey);
    } else if (storedHash(tx, "decision", existing.id) !== item.hash) {
      row = writeDecisionEdit(tx, existing, content, meta);
      counts.updated++;
      changed.add(item.importKey);
    } else {
      row = existing;
      counts.unchanged++;
    }
    storeHash(tx, "decision", row.id, item.hash, now);
    byKey.set(item.importKey, row);
  }
  for (const item of prepared) {
    const row = byKey.get(item.importKey);
    if (!row || !changed.has(item.importKey)) continue;
    const board = item.importKey.split("/")[0];
    const { entry } = item;
    // A decision that supersedes another marks it superseded.
    if (entry.supersedes) {
      const earlier = byKey.get(`${board}/${entry.supersedes}`);
      if (!earlier) throw new Error(`${item.file}: ${entry.key}: no decision ${entry.supersedes} to supersede`);
      const current = tx.select().from(decisions).where(eq(decisions.id, earlier.id)).get();
      if (current && current.supersededById !== row.id) {
        writeDecisionStatus(
          tx,
          current,
          { status: "superseded", supersededById: row.id, withdrawnBy: null, withdrawnReason: null },
          meta,
        );
      }
    }
    if (entry.status === "withdrawn" && row.status !== "withdrawn") {
      writeDecisionStatus(
        tx,
        row,
        {
          status: "withdrawn",
          supersededById: null,
          withdrawnBy: null,
          withdrawnReason: entry.withdrawnReason ?? "Withdrawn.",
        },
        meta,
      );
    } else if (entry.status !== "superseded" && entry.status !== "withdrawn" && row.status !== entry.status) {
      writeDecisionStatus(
        tx,
        row,
        { status: entry.status, supersededById: null, withdrawnBy: null, withdrawnReason: null },
        meta,
      );
    }
    for (const slug of entry.affects) {
      const target = tx.select({ id: roadmapItems.id }).from(roadmapItems).where(eq(roadmapItems.slug, slug)).get();
      if (!target) throw new Error(`${item.file}: ${entry.key}: no roadmap item ${slug}`);
      const linked = tx
        .select({ id: recordLinks.id })
        .from(recordLinks)
        .where(
          and(
            eq(recordLinks.subjectType, "decision"),
            eq(recordLinks.subjectId, String(row.id)),
            eq(recordLinks.relation, "affects"),
            eq(recordLinks.objectType, "roadmap_item"),
            eq(recordLinks.objectId, String(target.id)),
          ),
        )
        .get();
      if (linked) continue;
      writeLink(
        tx,
        {
          subject: { type: "decision", id: row.id },
          relation: "affects",
          object: { type: "roadmap_item", id: target.id },
        },
        meta,
      );
      counts.links++;
    }
  }
  return counts;
}
