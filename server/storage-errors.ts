/**
 * Every loader and action of the build answers a database that cannot take a
 * write (locked by another process past busy_timeout, or full) with 503 and
 * Retry-After, or 507, and the error page that says nothing was saved:
 * whichever route's write met it, a session's or a sign-in's included.
 * Routes that map their domain errors themselves (rethrowAsResponse) get
 * the same answer.
 */
import type { ServerBuild } from "@remix-run/node";
import { storageErrorResponse } from "../app/platform/http.server";
import { log, loggablePath } from "../app/platform/log.server";

type RouteFunction = (args: { context: { requestId?: string }; request: Request }) => unknown;

function answeringStorageErrors(run: RouteFunction): RouteFunction {
  return async (args) => {
    try {
      return await run(args);
    } catch (error) {
      const response = storageErrorResponse(error);
      if (!response) throw error;
      log("warn", "The database could not take a write; answered", {
        requestId: args.context.requestId,
        method: args.request.method,
        path: loggablePath(new URL(args.request.url).pathname),
        status: response.init?.status,
        error: error instanceof Error ? error.message : String(error),
      });
      throw response;
    }
  };
}

/** The build with each route's loader and action wrapped; the modules themselves are left as they are. */
export function withStorageErrorsAnswered(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: answeringStorageErrors(loader as RouteFunction) as typeof loader } : {}),
        ...(action ? { action: answeringStorageErrors(action as RouteFunction) as typeof action } : {}),
      },
    };
  }
  return { ...build, routes };
}
