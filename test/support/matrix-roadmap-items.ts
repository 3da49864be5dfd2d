/**
 * The authorisation matrix's rows for roadmap items and themes. Each item is
 * made by the demo administrator, owned by Torfaen's editor (the matrix's
 * "ownEditor"); Newport's editor ("otherEditor") and the reader may read it
 * but change nothing; the demo coordinator adds items and edits and updates
 * any, but manages no item's links and no themes.
 */
import { expect } from "vitest";
import type { MatrixRow, MatrixRole as Role, Send } from "./matrix-types";

/** In the matrix's role order without the secretary (who answers as the reader): anonymous, reader, otherEditor, ownEditor (the owner), coordinator, admin. */
type Expected = [number, number, number, number, number, number];

export type RoadmapMatrixRow = MatrixRow<Expected>;

export function roadmapItemMatrixRows(send: Send, LOGIN: number): RoadmapMatrixRow[] {
  let made = 0;
  let ownerId = "";
  const ownerOf = async () => {
    if (ownerId) return ownerId;
    const page = await (await send("admin", "GET", "/roadmap/new")).text();
    ownerId = /<option value="([^"]+)">Demo Editor \(Torfaen\),/.exec(page)?.[1] ?? "";
    if (!ownerId) throw new Error("The roadmap form offers no Torfaen editor as owner");
    return ownerId;
  };
  const itemForm = async (overrides: Record<string, string> = {}) => ({
    title: `Matrix item ${++made} ${Date.now()}`,
    summary: "An item made by the authorisation matrix.",
    description: "Description",
    theme: "cyber-security",
    status: "planned",
    startQuarter: "2026-Q1",
    targetQuarter: "2026-Q2",
    partners: "torfaen",
    owner: await ownerOf(),
    slug: "",
    ...overrides,
  });
  /** A fresh item owned by Torfaen's editor; its slug. */
  const item = async () => {
    const response = await send("admin", "POST", "/roadmap/new", await itemForm());
    const location = response.headers.get("location") ?? "";
    if (response.status !== 302 || !location.startsWith("/roadmap/")) {
      throw new Error(`Creating a roadmap item answered ${response.status}: ${await response.text()}`);
    }
    return location.slice("/roadmap/".length);
  };
  /** The item stands as it was made: its title, and no progress update. */
  const itemUnchanged = async (_role: Role, target: string) => {
    const slug = target.split("/")[2] ?? "";
    const page = await (await send("admin", "GET", `/roadmap/${slug}`)).text();
    expect(page).toMatch(/<h1[^>]*>Matrix item \d+ \d+<\/h1>/);
    expect(page).toContain("No progress updates have been posted yet.");
  };
  const updateForm = {
    "updateDate-day": "1",
    "updateDate-month": "1",
    "updateDate-year": "2026",
    rating: "off-track",
    note: "Matrix update",
  };
  const OWNER_COORDINATOR_AND_ADMIN: Expected = [LOGIN, 403, 403, 200, 200, 200];
  const OWNER_COORDINATOR_AND_ADMIN_SAVE: Expected = [LOGIN, 403, 403, 302, 302, 302];
  const EVERYONE_SIGNED_IN: Expected = [LOGIN, 200, 200, 200, 200, 200];
  const NO_ACTION: Expected = [405, 405, 405, 405, 405, 405];
  return [
    {
      method: "GET",
      route: "/roadmap",
      expected: EVERYONE_SIGNED_IN,
      request: async () => ({ path: "/roadmap?view=timeline&status=planned&theme=cyber-security&rating=nonsense" }),
    },
    { method: "POST", route: "/roadmap", expected: NO_ACTION, request: async () => ({ path: "/roadmap" }) },
    {
      method: "GET",
      route: "/roadmap.csv",
      expected: EVERYONE_SIGNED_IN,
      request: async () => ({ path: "/roadmap.csv?partner=torfaen&partner=%3Cscript%3E" }),
    },
    { method: "POST", route: "/roadmap.csv", expected: NO_ACTION, request: async () => ({ path: "/roadmap.csv" }) },
    {
      method: "GET",
      route: "/roadmap/new",
      expected: [LOGIN, 403, 403, 403, 200, 200],
      request: async () => ({ path: "/roadmap/new" }),
    },
    {
      method: "POST",
      route: "/roadmap/new",
      expected: [LOGIN, 403, 403, 403, 302, 302],
      request: async () => ({ path: "/roadmap/new", form: await itemForm() }),
    },
    {
      method: "GET",
      route: "/roadmap/:slug",
      expected: EVERYONE_SIGNED_IN,
      request: async () => ({ path: `/roadmap/${await item()}` }),
    },
    {
      method: "GET",
      route: "/roadmap/:slug",
      variant: "no such item",
      expected: [LOGIN, 404, 404, 404, 404, 404],
      request: async () => ({ path: "/roadmap/no-such-item" }),
    },
    {
      method: "POST",
      route: "/roadmap/:slug",
      expected: NO_ACTION,
      request: async () => ({ path: `/roadmap/${await item()}` }),
    },
    {
      method: "GET",
      route: "/roadmap/:slug/edit",
      expected: OWNER_COORDINATOR_AND_ADMIN,
      request: async () => ({ path: `/roadmap/${await item()}/edit` }),
    },
    {
      method: "POST",
      route: "/roadmap/:slug/edit",
      expected: OWNER_COORDINATOR_AND_ADMIN_SAVE,
      request: async () => ({
        path: `/roadmap/${await item()}/edit`,
        form: await itemForm({ title: "Matrix item, edited" }),
      }),
      unchanged: itemUnchanged,
    },
    {
      method: "POST",
      route: "/roadmap/:slug/edit",
      variant: "bad input",
      // Refused before the input is read for those who may not edit; a form error for those who may.
      expected: [LOGIN, 403, 403, 400, 400, 400],
      request: async () => ({
        path: `/roadmap/${await item()}/edit`,
        form: await itemForm({ startQuarter: "2026-Q9", theme: "no-such-theme" }),
      }),
      unchanged: itemUnchanged,
    },
    {
      method: "GET",
      route: "/roadmap/:slug/updates/new",
      expected: OWNER_COORDINATOR_AND_ADMIN,
      request: async () => ({ path: `/roadmap/${await item()}/updates/new` }),
    },
    {
      method: "POST",
      route: "/roadmap/:slug/updates/new",
      expected: OWNER_COORDINATOR_AND_ADMIN_SAVE,
      request: async () => ({ path: `/roadmap/${await item()}/updates/new`, form: updateForm }),
      unchanged: itemUnchanged,
    },
    {
      method: "GET",
      route: "/roadmap/:slug/history",
      expected: EVERYONE_SIGNED_IN,
      request: async () => ({ path: `/roadmap/${await item()}/history` }),
    },
    {
      method: "POST",
      route: "/roadmap/:slug/history",
      expected: NO_ACTION,
      request: async () => ({ path: `/roadmap/${await item()}/history` }),
    },
    {
      method: "GET",
      route: "/roadmap/:slug/review",
      expected: [LOGIN, 302, 302, 302, 302, 302],
      request: async () => ({ path: `/roadmap/${await item()}/review` }),
    },
    {
      method: "POST",
      route: "/roadmap/:slug/review",
      expected: OWNER_COORDINATOR_AND_ADMIN_SAVE,
      request: async () => ({ path: `/roadmap/${await item()}/review`, form: {} }),
      unchanged: itemUnchanged,
    },
    {
      method: "GET",
      route: "/admin/roadmap-themes",
      expected: [LOGIN, 403, 403, 403, 403, 200],
      request: async () => ({ path: "/admin/roadmap-themes" }),
    },
    {
      method: "POST",
      route: "/admin/roadmap-themes",
      expected: [LOGIN, 403, 403, 403, 403, 302],
      request: async () => ({ path: "/admin/roadmap-themes", form: { name: `Matrix theme ${++made} ${Date.now()}` } }),
    },
  ];
}
