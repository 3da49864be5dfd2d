/** What the kernel knows of a test's connection to a server on this machine (Linux only). */
import fs from "node:fs";
import type net from "node:net";

/**
 * True once the server on `serverPort` has read all this connection sent:
 * nothing is left in the client's send queue (all of it arrived) and nothing
 * in the server's receive queue (all of it was read), as /proc/net/tcp shows
 * them. So the server has accepted the connection and parsed the request's
 * headers: Node reads and parses in one step, so a request read is a request
 * started.
 */
export function serverHasRead(socket: net.Socket, serverPort: number): boolean {
  const address = (port: number) => `0100007F:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  const [server, client] = [address(serverPort), address(socket.localPort ?? 0)];
  let received: boolean | undefined;
  let read: boolean | undefined;
  for (const line of fs.readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const [, from, to, , queues = ""] = line.trim().split(/\s+/);
    const [sendQueue, receiveQueue] = queues.split(":");
    if (from === client && to === server) received = sendQueue === "00000000";
    if (from === server && to === client) read = receiveQueue === "00000000";
  }
  return received === true && read === true;
}
