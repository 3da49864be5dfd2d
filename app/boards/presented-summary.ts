/** A summary for partners as it leaves the server, for the components that show it. Client-safe. */
import type { ActionStatus, DecisionStatus } from "../../db/enums";

export type SummaryDecision =
  | { reference: string; url: string; restricted: false; title: string; status: DecisionStatus; html: string }
  | { reference: string; url: string; restricted: true };

export interface SummaryAction {
  id: number;
  description: string;
  ownerName: string | null;
  dueDate: string;
  status: ActionStatus;
}

/** What a summary shows: client-safe data only (the introduction's HTML was sanitised when saved). */
export interface PresentedSummary {
  meetingId: number;
  boardName: string;
  boardSlug: string;
  meetingAt: string;
  publishedAt: string;
  introductionHtml: string;
  decisions: SummaryDecision[];
  actions: SummaryAction[];
}
