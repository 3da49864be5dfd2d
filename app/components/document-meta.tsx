import { Meta } from "@remix-run/react";
import { useContext, useMemo } from "react";
import { UNSAFE_DataRouterStateContext as DataRouterStateContext } from "react-router-dom";
import { FORM_ERRORS_FLAG, hasFormErrors } from "~/i18n/meta";

/**
 * Remix's <Meta />, with the routes' meta functions told whether the form
 * just sent came back with errors (formTitle in i18n/meta.ts prefixes the
 * title with "Error: "). Meta functions are given loader data only, and a
 * rejected submission runs no loader; so the flag is added, for <Meta />
 * alone, to the root's data in the router state it reads. The same state is
 * there in the server's render and the browser's, with or without scripts.
 */
export function DocumentMeta() {
  const state = useContext(DataRouterStateContext);
  const errors = Object.values(state?.actionData ?? {}).some(hasFormErrors);
  const flagged = useMemo(() => {
    if (!state || !errors) return state;
    const rootData = (state.loaderData.root ?? {}) as Record<string, unknown>;
    return { ...state, loaderData: { ...state.loaderData, root: { ...rootData, [FORM_ERRORS_FLAG]: true } } };
  }, [state, errors]);
  if (!flagged) return <Meta />;
  return (
    <DataRouterStateContext.Provider value={flagged}>
      <Meta />
    </DataRouterStateContext.Provider>
  );
}
