/** What the kernel knows of a test's connection to a server on this machine (Linux only). */
import fs from "node:fs";
import type net from "node:net";

/**
 * True once the server on `serverPort` has read all this connection sent: the
 * kernel holds none of it unread on the server's side (/proc/net/tcp), so the
 * server has accepted it and parsed the request's headers. Node reads and
 * parses in one step, so a request read is a request started.
 */
export function serverHasRead(socket: net.Socket, serverPort: number): boolean {
  const address = (port: number) => `0100007F:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  const [local, remote] = [address(serverPort), address(socket.localPort ?? 0)];
  for (const line of fs.readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const [, from, to, , queues] = line.trim().split(/\s+/);
    if (from === local && to === remote) return queues?.split(":")[1] === "00000000";
  }
  return false;
}
