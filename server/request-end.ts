/**
 * When a request is over for the server: its response closed (sent whole, or
 * cut off), or its connection closed. With HTTP pipelining a client may send
 * several requests before reading any answer; if it then drops the
 * connection, only the answer being written sees "close", and those queued
 * behind it never do. Their connection's "close" ends them instead.
 *
 * The request's own "close" is no such signal: it comes as soon as a body has
 * been read, while the answer is still being worked on.
 */
import type { Socket } from "node:net";
import type { Request, Response } from "express";

/** What to run when each connection closes: one listener per connection, however many requests it carries. */
const waitingOnSocket = new WeakMap<Socket, Set<() => void>>();

function whenSocketCloses(socket: Socket, run: () => void): () => void {
  let waiting = waitingOnSocket.get(socket);
  if (!waiting) {
    const created = new Set<() => void>();
    waiting = created;
    waitingOnSocket.set(socket, created);
    socket.once("close", () => {
      waitingOnSocket.delete(socket);
      for (const each of created) each();
    });
  }
  const set = waiting;
  set.add(run);
  return () => set.delete(run);
}

/** Runs `ended` exactly once, on whichever comes first: the response's "close" or its connection's. */
export function onRequestEnded(req: Request, res: Response, ended: () => void): void {
  let done = false;
  let forgetSocket = () => {};
  const end = () => {
    if (done) return;
    done = true;
    res.off("close", end);
    forgetSocket();
    ended();
  };
  res.once("close", end);
  const socket = req.socket;
  if (socket.destroyed) {
    // Gone before the request got here: no "close" is coming from it.
    process.nextTick(end);
    return;
  }
  forgetSocket = whenSocketCloses(socket, end);
}
