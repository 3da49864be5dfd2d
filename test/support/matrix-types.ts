/**
 * The shape of the authorisation matrix's rows, for the files that add rows
 * for one part of the Hub (roadmap items, boards, meetings...). Roles in
 * order: a visitor; the demo reader (SRS staff, on no board); Newport's
 * editor ("otherEditor", a member of the SRS Strategic Board); Torfaen's
 * editor ("ownEditor", who owns the posts and roadmap items under test); the
 * roadmap coordinator; the Strategic Board's secretary; an administrator.
 */
export const MATRIX_ROLES = [
  "anonymous",
  "reader",
  "otherEditor",
  "ownEditor",
  "coordinator",
  "secretary",
  "admin",
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];
export type MatrixMethod = "GET" | "POST";

/** Statuses in MATRIX_ROLES order; a visitor sent to sign in is written LOGIN (see the matrix). */
export type EveryRole = [
  anonymous: number,
  reader: number,
  otherEditor: number,
  ownEditor: number,
  coordinator: number,
  secretary: number,
  admin: number,
];

export type Send = (
  role: MatrixRole,
  method: MatrixMethod,
  target: string,
  form?: Record<string, string>,
) => Promise<Response>;

export interface MatrixRow<Expected extends number[] = EveryRole> {
  method: MatrixMethod;
  /** The route's pattern, as in the route config. */
  route: string;
  /** What differs between rows of the same route, such as "a draft". */
  variant?: string;
  expected: Expected;
  /** Builds the request for one role, creating whatever data it needs first (used again while nothing changes). */
  request: (role: MatrixRole) => Promise<{ path: string; form?: Record<string, string> }>;
  /** The request depends on the role asking: it is built afresh for each. */
  perRole?: boolean;
  /** After a refused request, proves nothing changed. */
  unchanged?: (role: MatrixRole, path: string) => Promise<void>;
}
