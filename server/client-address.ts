import type { Request } from "express";

/**
 * The address a request came from: the connection's, or with TRUST_PROXY the
 * one a trusted proxy forwarded (Express's req.ip). Remix's load context and
 * the health endpoints read the same one.
 */
export function clientAddressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}

/** Whether the connection comes from a proxy TRUST_PROXY names (Express's own test of the sender). */
export function fromTrustedProxy(req: Request): boolean {
  const trusts = req.app.get("trust proxy fn") as (address: string, hop: number) => boolean;
  return trusts(req.socket.remoteAddress ?? "", 0);
}

/**
 * The address the monitoring rule (health details, /metrics) judges: the
 * client's, except that a request another server forwarded without being
 * trusted to (X-Forwarded-For or Forwarded from a sender TRUST_PROXY does not
 * name) never counts as this machine: behind a proxy on the same machine
 * every visitor's connection is a loopback one.
 */
export function monitoringAddressOf(req: Request): string {
  const forwarded = req.headers["x-forwarded-for"] !== undefined || req.headers.forwarded !== undefined;
  return forwarded && !fromTrustedProxy(req) ? "forwarded by an untrusted proxy" : clientAddressOf(req);
}
