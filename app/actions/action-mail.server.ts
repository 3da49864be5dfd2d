/**
 * Telling owners about their actions by email, when the Hub can send it
 * (decision 054). Assignments are a consumer of the event log: each
 * "action.created" and "action.reassigned" is mailed to the owner it names
 * after its transaction committed (a rolled-back write has no event, and an
 * event is never lost), and the cursor moves once the mail is sent, so a
 * crash resends rather than skips. Overdue actions are found by a periodic
 * check; `overdueNotifiedAt` is set once the mail is sent, so each is mailed
 * once, across restarts. Mail is plain text and says only what the owner may
 * read: their own action, its board and its due date.
 */
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import { actions, boards, meetings, users } from "../../db/schema";
import { sendEmail } from "../auth/mailer.server";
import { advanceConsumer, consumerPosition, resetConsumer } from "../events/consumers.server";
import { eventsAfter, lastEventId } from "../events/event-log.server";
import { formatDate, translator } from "../i18n/translate";
import { type Db, getDb, writeTransaction } from "../platform/db.server";
import { linkOrigin } from "../platform/env.server";
import { todayInUk } from "../posts/post-dates";

export const ACTION_MAIL_CONSUMER = "action-mail";
/** An assignment older than this is not mailed: the owner has met it on their home page by then. */
const STALE_ASSIGNMENT_MS = 7 * 24 * 60 * 60_000;
const BATCH = 100;

interface MailFacts {
  id: number;
  description: string;
  dueDate: string;
  status: string;
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  ownerDeactivatedAt: Date | null;
  boardName: string;
}

function mailFacts(db: Db, ids: number[]): MailFacts[] {
  if (ids.length === 0) return [];
  return db
    .select({
      id: actions.id,
      description: actions.description,
      dueDate: actions.dueDate,
      status: actions.status,
      ownerId: actions.ownerId,
      ownerName: users.name,
      ownerEmail: users.email,
      ownerDeactivatedAt: users.deactivatedAt,
      boardName: boards.name,
    })
    .from(actions)
    .innerJoin(meetings, eq(meetings.id, actions.meetingId))
    .innerJoin(boards, eq(boards.id, meetings.boardId))
    .leftJoin(users, eq(users.id, actions.ownerId))
    .where(inArray(actions.id, ids))
    .all();
}

function messageFor(kind: "assigned" | "overdue", action: MailFacts) {
  const t = translator("en");
  const params = {
    name: action.ownerName ?? "",
    board: action.boardName,
    date: formatDate("en", action.dueDate),
    description: action.description,
    url: `${linkOrigin()}/actions/${action.id}`,
  };
  return {
    to: action.ownerEmail ?? "",
    subject: t(`actionMail.${kind}.subject`, params),
    text: t(`actionMail.${kind}.body`, params),
  };
}

const mayBeMailed = (action: MailFacts | undefined): action is MailFacts =>
  Boolean(action?.ownerEmail && !action.ownerDeactivatedAt && action.status === "open");

/**
 * Mails the owners of actions assigned since the cursor; returns how many
 * were sent. The first run starts from the newest event: assignments made
 * before the Hub could send email are not mailed late. Throws when sending
 * fails, leaving the cursor at the event that failed.
 */
export async function mailAssignments(db: Db = getDb(), now = Date.now()): Promise<number> {
  let position = consumerPosition(ACTION_MAIL_CONSUMER, db);
  if (position === 0) {
    resetConsumer(ACTION_MAIL_CONSUMER, lastEventId(db), db);
    return 0;
  }
  let sent = 0;
  for (;;) {
    const batch = eventsAfter(position, BATCH, db);
    if (batch.length === 0) return sent;
    const assignments = batch.filter((event) => event.type === "action.created" || event.type === "action.reassigned");
    const facts = new Map(
      mailFacts(
        db,
        assignments.map((event) => Number(event.recordId)),
      ).map((row) => [row.id, row]),
    );
    for (const event of batch) {
      const assigned = event.type === "action.created" || event.type === "action.reassigned";
      const data = event.data as { ownerId?: string; to?: string };
      const action = facts.get(Number(event.recordId));
      // Still theirs and still open: a mail about an action since handed on or closed would mislead.
      const ownerNamed = event.type === "action.created" ? data.ownerId : data.to;
      const recent = now - event.occurredAt.getTime() < STALE_ASSIGNMENT_MS;
      if (assigned && recent && mayBeMailed(action) && action.ownerId === ownerNamed) {
        await sendEmail(messageFor("assigned", action));
        sent++;
      }
      if (!advanceConsumer(db, ACTION_MAIL_CONSUMER, position, event.id)) return sent;
      position = event.id;
    }
  }
}

/** Mails the owner of each action that has become overdue and was not mailed about it; returns how many. */
export async function mailOverdueActions(db: Db = getDb(), today: string = todayInUk()): Promise<number> {
  const due = db
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.status, "open"), lt(actions.dueDate, today), isNull(actions.overdueNotifiedAt)))
    .all();
  let sent = 0;
  for (const action of mailFacts(
    db,
    due.map((row) => row.id),
  )) {
    if (mayBeMailed(action)) {
      await sendEmail(messageFor("overdue", action));
      sent++;
    }
    // Marked whether mailed or not (no owner, an ended account): it is not to be mailed later either.
    writeTransaction(
      (tx) =>
        tx
          .update(actions)
          .set({ overdueNotifiedAt: new Date() })
          .where(and(eq(actions.id, action.id), isNull(actions.overdueNotifiedAt)))
          .run(),
      db,
    );
  }
  return sent;
}
