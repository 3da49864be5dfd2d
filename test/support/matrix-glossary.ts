/**
 * The authorisation matrix's rows for the glossary: every signed-in member of
 * staff reads /glossary; only administrators reach its admin pages, where bad
 * input answers 400 and nothing else changes.
 */
import { expect } from "vitest";
import type { EveryRole, MatrixRole, MatrixRow, Send } from "./matrix-types";

export function glossaryMatrixRows(send: Send, LOGIN: number): MatrixRow[] {
  let made = 0;
  const EVERYONE_SIGNED_IN: EveryRole = [LOGIN, 200, 200, 200, 200, 200, 200];
  const NO_ACTION: EveryRole = [405, 405, 405, 405, 405, 405, 405];
  const ADMIN_ONLY: EveryRole = [LOGIN, 403, 403, 403, 403, 403, 200];
  const ADMIN_SAVES: EveryRole = [LOGIN, 403, 403, 403, 403, 403, 302];
  const ADMIN_REFUSED: EveryRole = [LOGIN, 403, 403, 403, 403, 403, 400];
  const termForm = (overrides: Record<string, string> = {}) => ({
    term: `Matrix term ${++made} ${Date.now()}`,
    abbreviations: "",
    otherNames: "",
    welshTerms: "",
    alsoFinds: "",
    description: "A term made by the authorisation matrix.",
    ...overrides,
  });
  /** A fresh term, added by an administrator; its slug. */
  const term = async () => {
    const response = await send("admin", "POST", "/admin/glossary/new", termForm());
    const location = response.headers.get("location") ?? "";
    if (response.status !== 302 || !location.startsWith("/admin/glossary#")) {
      throw new Error(`Adding a glossary term answered ${response.status}: ${await response.text()}`);
    }
    return location.slice("/admin/glossary#".length);
  };
  /** The term stands as it was made. */
  const termUnchanged = async (_role: MatrixRole, target: string) => {
    const page = await (await send("admin", "GET", target)).text();
    expect(page).toMatch(/value="Matrix term \d+ \d+"/);
    expect(page).not.toContain("Edited by the matrix");
  };
  return [
    { method: "GET", route: "/glossary", expected: EVERYONE_SIGNED_IN, request: async () => ({ path: "/glossary" }) },
    { method: "POST", route: "/glossary", expected: NO_ACTION, request: async () => ({ path: "/glossary" }) },
    {
      method: "GET",
      route: "/admin/glossary",
      expected: ADMIN_ONLY,
      request: async () => ({ path: "/admin/glossary" }),
    },
    {
      method: "POST",
      route: "/admin/glossary",
      expected: NO_ACTION,
      request: async () => ({ path: "/admin/glossary" }),
    },
    {
      method: "GET",
      route: "/admin/glossary/new",
      expected: ADMIN_ONLY,
      request: async () => ({ path: `/admin/glossary/new?term=${encodeURIComponent("<script>x</script>")}` }),
    },
    {
      method: "POST",
      route: "/admin/glossary/new",
      expected: ADMIN_SAVES,
      request: async () => ({ path: "/admin/glossary/new", form: termForm() }),
    },
    {
      method: "POST",
      route: "/admin/glossary/new",
      variant: "bad input",
      expected: ADMIN_REFUSED,
      request: async () => ({
        path: "/admin/glossary/new",
        form: termForm({ term: 'type = "post"', alsoFinds: "x".repeat(61) }),
      }),
    },
    {
      method: "GET",
      route: "/admin/glossary/:slug",
      expected: ADMIN_ONLY,
      request: async () => ({ path: `/admin/glossary/${await term()}` }),
    },
    {
      method: "GET",
      route: "/admin/glossary/:slug",
      variant: "delete confirmation",
      expected: ADMIN_ONLY,
      request: async () => ({ path: `/admin/glossary/${await term()}?delete` }),
    },
    {
      method: "POST",
      route: "/admin/glossary/:slug",
      expected: ADMIN_SAVES,
      request: async () => ({
        path: `/admin/glossary/${await term()}`,
        form: termForm({ term: `Edited by the matrix ${++made}` }),
      }),
      unchanged: termUnchanged,
    },
    {
      method: "POST",
      route: "/admin/glossary/:slug",
      variant: "bad input",
      expected: ADMIN_REFUSED,
      request: async () => ({
        path: `/admin/glossary/${await term()}`,
        form: termForm({ term: "", welshTerms: "fideo (a) wisgir" }),
      }),
      unchanged: termUnchanged,
    },
    {
      method: "POST",
      route: "/admin/glossary/:slug",
      variant: "delete",
      expected: ADMIN_SAVES,
      request: async () => ({ path: `/admin/glossary/${await term()}`, form: { intent: "delete" } }),
      unchanged: termUnchanged,
    },
  ];
}
