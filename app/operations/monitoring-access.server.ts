import { ADMIN, holdsAny, type SessionUser } from "../auth/principals";
import { isLoopbackAddress } from "../platform/request-guards";

/**
 * Monitoring from the machine itself, and administrators: who may see the
 * health check's details and the metrics. `clientAddress` is the one Remix's
 * load context holds (the connection's address, or a trusted proxy's
 * X-Forwarded-For). `signedInUser` is only asked when the address is not
 * loopback: monitoring on the machine never costs a session lookup.
 */
export async function mayMonitor(
  clientAddress: string,
  signedInUser: () => Promise<SessionUser | null>,
): Promise<boolean> {
  if (isLoopbackAddress(clientAddress)) return true;
  const user = await signedInUser();
  return user !== null && holdsAny(user, [ADMIN]);
}
