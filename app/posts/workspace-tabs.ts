/** The workspace's tabs, as its address names them (`/my?tab=due`). Client-safe. */
export const WORKSPACE_TABS = ["drafts", "published", "due"] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export function isWorkspaceTab(value: unknown): value is WorkspaceTab {
  return typeof value === "string" && (WORKSPACE_TABS as readonly string[]).includes(value);
}
