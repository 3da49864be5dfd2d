import type { Request } from "express";

/**
 * The address a request came from: the connection's, or with TRUST_PROXY the
 * one a trusted proxy forwarded (Express's req.ip). Remix's load context and
 * the health endpoints read the same one.
 */
export function clientAddressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}
