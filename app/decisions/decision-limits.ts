/** The longest each of a decision's fields may be. Client-safe. */
export const DECISION_LIMITS = {
  title: 200,
  text: 20_000,
  decisionMaker: 120,
  withdrawnReason: 1_000,
  changeNote: 200,
} as const;

/** The statuses a decision may be recorded with; superseded and withdrawn come later, with their details. */
export const INITIAL_DECISION_STATUSES = ["proposed", "agreed", "deferred", "rejected"] as const;
