/**
 * The route a request matched, as its pattern ("/account/reset/:token",
 * "/*"): what the request log and the metrics name a request by. Never the
 * address itself, which can hold a token, and whose variety would make every
 * address a metric of its own.
 *
 * The patterns come from the Remix build's route manifest, compiled once
 * and ranked the way React Router ranks them (static segments before
 * dynamic ones, a catch-all last), so the name is the route Remix runs.
 * React Router's own matchRoutes re-flattens and re-ranks the whole table
 * on every call, which costs far more than a request log may.
 */

/** A route as the server build's manifest describes it. */
export interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
}

interface CompiledRoute {
  pattern: string;
  matcher: RegExp;
  score: number;
  order: number;
}

/** Names a request that matched no route (there is always one: the catch-all). */
export const UNMATCHED = "(unmatched)";
/** Names a request whose address cannot be decoded (the Hub answers 400). */
export const UNREADABLE = "(unreadable address)";

const PARAM = /^:[\w-]+\??$/;
const PARAM_WITH_SUFFIX = /^:[\w-]+([^?].*)$/;

/** React Router's ranking (computeScore): more and more specific segments first, a splat last. */
function scoreOf(pattern: string, index: boolean): number {
  const segments = pattern.split("/");
  let score = segments.length;
  if (segments.includes("*")) score -= 2;
  if (index) score += 2;
  for (const segment of segments) {
    if (segment === "*") continue;
    score += PARAM.test(segment) ? 3 : segment === "" ? 1 : 10;
  }
  return score;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(pattern: string, caseSensitive: boolean): RegExp {
  let source = "";
  for (const segment of pattern.split("/").filter(Boolean)) {
    if (segment === "*") source += "(?:/.*)?";
    else if (PARAM.test(segment)) source += segment.endsWith("?") ? "(?:/[^/]+)?" : "/[^/]+";
    else if (PARAM_WITH_SUFFIX.test(segment)) {
      // A parameter followed by text in one segment (":id.ics"): React Router matches the text after it
      // and ranks the segment as a static one.
      source += `/[^/]+${escapeRegExp(segment.replace(PARAM_WITH_SUFFIX, "$1"))}`;
    } else source += `/${escapeRegExp(segment)}`;
  }
  return new RegExp(`^${source}/*$`, caseSensitive ? "" : "i");
}

/** The full pattern of each route: its ancestors' paths and its own, joined. */
function fullPatterns(routes: Record<string, ManifestRoute | undefined>): Map<string, string> {
  const patterns = new Map<string, string>();
  const patternOf = (route: ManifestRoute): string => {
    const known = patterns.get(route.id);
    if (known !== undefined) return known;
    const parent = route.parentId ? routes[route.parentId] : undefined;
    const prefix = parent ? patternOf(parent) : "";
    const joined = [prefix.replace(/\/$/, ""), route.path ?? ""].filter(Boolean).join("/");
    const pattern = `/${joined.replace(/^\//, "")}`;
    patterns.set(route.id, pattern);
    return pattern;
  };
  for (const route of Object.values(routes)) if (route) patternOf(route);
  return patterns;
}

/**
 * Compiles the build's routes once; the function it returns names a path.
 * Single-fetch data requests ("/posts/a.data", "/_root.data") are named by
 * the page they load.
 */
export function createRouteNamer(routes: Record<string, ManifestRoute | undefined>): (pathname: string) => string {
  const patterns = fullPatterns(routes);
  const compiled: CompiledRoute[] = [];
  let order = 0;
  for (const route of Object.values(routes)) {
    // A route matches a request by itself only when it has a path or is an index route.
    if (!route || (route.path === undefined && !route.index)) continue;
    const pattern = patterns.get(route.id) ?? "/";
    compiled.push({
      pattern,
      matcher: compile(pattern, route.caseSensitive === true),
      score: scoreOf(pattern, route.index === true),
      order: order++,
    });
  }
  compiled.sort((a, b) => b.score - a.score || a.order - b.order);
  return (pathname: string) => {
    let path: string;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      return UNREADABLE;
    }
    if (path.endsWith(".data")) path = path === "/_root.data" ? "/" : path.slice(0, -".data".length);
    return compiled.find((route) => route.matcher.test(path))?.pattern ?? UNMATCHED;
  };
}
