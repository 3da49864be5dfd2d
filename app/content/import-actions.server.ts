/**
 * Imports the boards' demo actions from `content/boards/<board>/actions.md`
 * through the same writes the forms use (the action, its dated notes, their
 * events). Meetings and decisions are found by their import keys
 * (`<board slug>/<file name>`); due dates are days from the import and notes
 * days before it (decision 046), so an overdue demo action stays overdue.
 * An action is keyed by its meeting and description: importing again adds
 * only actions not there yet. An owner whose account does not exist yet
 * (the demo accounts come after the first import) leaves it for the next.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import matter from "gray-matter";
import { z } from "zod";
import { ACTION_STATUSES } from "../../db/enums";
import { actions, decisions, meetings, partners } from "../../db/schema";
import { writeActionUpdate, writeNewAction } from "../actions/action-writes.server";
import { getUserByEmail } from "../auth/users.server";
import type { Db } from "../platform/db.server";
import { timeToDay } from "../posts/post-dates";

const DAY_MS = 24 * 60 * 60 * 1000;

export const ActionsFileSchema = z.object({
  actions: z.array(
    z.object({
      meeting: z.string().min(1),
      decision: z.string().min(1).optional(),
      description: z.string().trim().min(1).max(2000),
      owner: z.string().email(),
      partner: z.string().optional(),
      dueDaysFromImport: z.number().int(),
      status: z.enum(ACTION_STATUSES).default("open"),
      notes: z
        .array(
          z.object({
            daysAgo: z.number().int().min(0),
            status: z.enum(ACTION_STATUSES),
            note: z.string().trim().min(1),
          }),
        )
        .default([]),
    }),
  ),
});
export type ActionsFile = z.infer<typeof ActionsFileSchema> & { file: string };

/** Every `content/boards/<board>/actions.md` under `dir`, parsed; a file that does not fit is an error naming it. */
export function readActionFiles(dir: string): ActionsFile[] {
  const boardsDir = path.join(dir, "boards");
  if (!fs.existsSync(boardsDir)) return [];
  return fs
    .readdirSync(boardsDir)
    .sort()
    .map((board) => path.join(boardsDir, board, "actions.md"))
    .filter((file) => fs.existsSync(file))
    .map((file) => {
      const parsed = ActionsFileSchema.safeParse(matter(fs.readFileSync(file, "utf8")).data);
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
      return { ...parsed.data, file };
    });
}

export interface ActionImportCounts {
  created: number;
  /** Left for a later import: the owner's account or the meeting does not exist yet. */
  waiting: number;
}

export function importActions(tx: Db, files: ActionsFile[], now: Date): ActionImportCounts {
  const counts: ActionImportCounts = { created: 0, waiting: 0 };
  const context = { actorId: null, source: "import" as const, now };
  for (const file of files) {
    for (const entry of file.actions) {
      const meeting = tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.importKey, entry.meeting)).get();
      const owner = getUserByEmail(entry.owner, tx);
      if (!meeting || !owner) {
        counts.waiting++;
        continue;
      }
      const exists = tx
        .select({ id: actions.id })
        .from(actions)
        .where(and(eq(actions.meetingId, meeting.id), eq(actions.description, entry.description)))
        .get();
      if (exists) continue;
      const decision = entry.decision
        ? tx
            .select({ id: decisions.id, confidential: decisions.confidential })
            .from(decisions)
            .where(eq(decisions.importKey, entry.decision))
            .get()
        : undefined;
      if (entry.decision && !decision) throw new Error(`${file.file}: no decision ${entry.decision}`);
      const partnerId = entry.partner
        ? tx.select({ id: partners.id }).from(partners).where(eq(partners.slug, entry.partner)).get()?.id
        : owner.partnerId;
      if (partnerId === undefined) throw new Error(`${file.file}: no partner ${entry.partner}`);
      const id = writeNewAction(
        tx,
        {
          meetingId: meeting.id,
          decisionId: decision?.id ?? null,
          description: entry.description,
          ownerId: owner.id,
          partnerId,
          dueDate: timeToDay(new Date(now.getTime() + entry.dueDaysFromImport * DAY_MS)),
          confidential: decision?.confidential ?? false,
        },
        context,
      );
      let status: (typeof ACTION_STATUSES)[number] = "open";
      for (const note of entry.notes) {
        writeActionUpdate(
          tx,
          { id, status, partnerId },
          {
            status: note.status,
            note: note.note,
            noteDate: timeToDay(new Date(now.getTime() - note.daysAgo * DAY_MS)),
          },
          context,
        );
        status = note.status;
      }
      if (status !== entry.status) {
        writeActionUpdate(
          tx,
          { id, status, partnerId },
          { status: entry.status, note: "Imported.", noteDate: timeToDay(now) },
          context,
        );
      }
      counts.created++;
    }
  }
  return counts;
}
