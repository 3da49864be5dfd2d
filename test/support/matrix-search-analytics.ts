/**
 * The authorisation matrix's rows for search analytics: the beacon a finder
 * page sends when a result is opened (everyone signed in, with a token of a
 * search; a visitor is told to sign in, 401, as a beacon cannot follow a
 * redirect), and the analytics on /admin/search (administrators only).
 */
import type { EveryRole, MatrixRole, MatrixRow, Send } from "./matrix-types";

/** The opaque token of a search just made by `role` (the administrator's, for a visitor). */
async function searchToken(send: Send, role: MatrixRole): Promise<string> {
  const page = await (
    await send(role === "anonymous" ? "admin" : role, "GET", `/search?q=matrix+${Date.now()}`)
  ).text();
  // The loader's data is in the page as a stream of values, quoted inside a script: the key, then its value.
  const token = /searchLogToken[\\",:]{1,8}([A-Za-z0-9_-]{48})/.exec(page)?.[1];
  if (!token) throw new Error(`The finder gave ${role} no search log token`);
  return token;
}

export function searchAnalyticsMatrixRows(send: Send, LOGIN: number): MatrixRow[] {
  const SIGNED_IN_POST: EveryRole = [401, 204, 204, 204, 204, 204, 204];
  const SIGNED_IN_BAD: EveryRole = [401, 400, 400, 400, 400, 400, 400];
  return [
    {
      method: "GET",
      route: "/search/opened",
      expected: [401, 405, 405, 405, 405, 405, 405],
      request: async () => ({ path: "/search/opened" }),
    },
    {
      method: "POST",
      route: "/search/opened",
      variant: "a search's token",
      expected: SIGNED_IN_POST,
      perRole: true,
      request: async (role) => ({ path: "/search/opened", form: { search: await searchToken(send, role) } }),
    },
    {
      method: "POST",
      route: "/search/opened",
      variant: "a made-up token",
      expected: SIGNED_IN_BAD,
      request: async () => ({ path: "/search/opened", form: { search: "A".repeat(48) } }),
    },
    {
      method: "POST",
      route: "/search/opened",
      variant: "no token",
      expected: SIGNED_IN_BAD,
      request: async () => ({ path: "/search/opened", form: {} }),
    },
    {
      method: "GET",
      route: "/admin/search",
      variant: "a week that is not offered",
      expected: [LOGIN, 403, 403, 403, 403, 403, 200],
      request: async () => ({ path: "/admin/search?week=%3Cscript%3E" }),
    },
  ];
}
