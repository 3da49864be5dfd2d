/**
 * Runs the action mail for the life of a Hub process, when it can send
 * email: one process per data folder at a time (a lease, as the search
 * relay holds), polling the event log for assignments every few seconds
 * and checking for overdue actions every ACTIONS_CHECK_MINUTES. A failure
 * (the SMTP server down) is logged and retried, with backoff, next round.
 */
import { canSendEmail } from "../auth/mailer.server";
import { withBusyTimeout } from "../platform/db.server";
import { StorageUnavailableError } from "../platform/errors";
import { acquireLease, newHolderId, releaseLease } from "../platform/lease.server";
import { describeError, log } from "../platform/log.server";
import { mailAssignments, mailOverdueActions } from "./action-mail.server";

export const ACTION_MAIL_LEASE = "action-mail";

export interface ActionMailRunnerOptions {
  pollMs?: number;
  checkEveryMs: number;
  leaseTtlMs?: number;
}

/** Starts the runner, or nothing when the Hub cannot send email; `stop` ends it and frees the lease. */
export function startActionMail({ pollMs = 5_000, checkEveryMs, leaseTtlMs = 60_000 }: ActionMailRunnerOptions) {
  if (!canSendEmail()) return { stop: async () => {} };
  const holder = newHolderId();
  let stopped = false;
  let checkedAt = 0;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const holdLease = () => {
    try {
      return withBusyTimeout(100, () => acquireLease(ACTION_MAIL_LEASE, holder, leaseTtlMs));
    } catch (error) {
      if (error instanceof StorageUnavailableError) return false;
      throw error;
    }
  };

  const tick = async (): Promise<number> => {
    try {
      if (!holdLease()) return pollMs;
      await mailAssignments();
      if (Date.now() - checkedAt >= checkEveryMs) {
        await mailOverdueActions();
        checkedAt = Date.now();
      }
      failures = 0;
      return pollMs;
    } catch (error) {
      failures++;
      if (failures === 1 || failures % 10 === 0) {
        log("error", "Action email not sent; trying again", { attempt: failures, error: describeError(error) });
      }
      return Math.min(10 * 60_000, pollMs * 2 ** failures);
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().then(schedule);
    }, delay);
    timer.unref();
  };
  schedule(0);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      releaseLease(ACTION_MAIL_LEASE, holder);
    },
  };
}
