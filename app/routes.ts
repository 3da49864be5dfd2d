import { flatRoutes } from "@remix-run/fs-routes";
import type { RouteConfig } from "@remix-run/route-config";

/**
 * Files in app/routes that are not routes. With route config, Remix's own
 * `ignoredRouteFiles` option in remix.config.js is not read: this is where
 * the list takes effect.
 */
export const IGNORED_ROUTE_FILES = ["**/.*", "**/*.css", "**/*.scss", "**/*.md", "**/*.test.*", "**/*.spec.*"];

export default flatRoutes({ ignoredRouteFiles: IGNORED_ROUTE_FILES }) satisfies RouteConfig;
