/**
 * Remix options, read by vite.config.ts (the Vite plugin ignores this file
 * unless it is imported there). Every v3 future flag is on so that moving to
 * React Router 7 is a codemod: see docs/decisions/001-remix-v2-on-vite.md.
 * Routes are declared in app/routes.ts (route config), which is also where
 * files to ignore in app/routes are listed: `ignoredRouteFiles` here has no
 * effect once route config is on.
 * @type {import("@remix-run/dev").VitePluginConfig}
 */
export default {
  appDirectory: "app",
  serverModuleFormat: "esm",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
  },
};
