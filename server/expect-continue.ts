/**
 * Requests whose client waits to be told "100 Continue" before sending its
 * body. Node decides which those are (HTTP/1.1 with `100-continue` among its
 * Expect header's tokens) and hands them to the server's `checkContinue`
 * listener (createHubServer), which marks them here; the request guards tell
 * the client to go on only once they have passed the request.
 */
import type { IncomingMessage } from "node:http";

const waiting = new WeakSet<IncomingMessage>();

export function markWaitingToSend(req: IncomingMessage): void {
  waiting.add(req);
}

export function isWaitingToSend(req: IncomingMessage): boolean {
  return waiting.has(req);
}
