import { ADMIN, holdsAny } from "../auth/principals";
import { getUser } from "../auth/session.server";
import { isLoopbackAddress } from "../platform/request-guards";

/**
 * Monitoring from the machine itself, and administrators: who may see the
 * health check's details and the metrics. `clientAddress` is the load
 * context's (the connection's address, or a trusted proxy's X-Forwarded-For).
 */
export async function mayMonitor(request: Request, clientAddress: string): Promise<boolean> {
  if (isLoopbackAddress(clientAddress)) return true;
  const user = await getUser(request);
  return user !== null && holdsAny(user, [ADMIN]);
}
