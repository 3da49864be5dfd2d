/**
 * Stopping the Hub and its Meilisearch together, as Ctrl-C in a terminal
 * (the whole process group) or a service manager's stop (the whole service)
 * does: Meilisearch's exit is part of the stop, never "unexpected", never
 * restarted, and no Meilisearch is left running.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { STOP_REQUEST_GRACE_MS } from "../../server/meilisearch-process";
import { processesWorkingIn, searchBacklog } from "../support/hub-data";
import { type RunningHub, startHub } from "../support/hub-server";
import { serverHasRead } from "../support/tcp-peer";
import { eventually } from "../support/wait";

let hub: RunningHub | undefined;

afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Runtime {
  hubPid: number;
  meiliPid: number;
}

async function startHubAndReadRuntime(): Promise<{ hub: RunningHub; runtime: Runtime; meiliDir: string }> {
  const started = await startHub();
  hub = started;
  // Healthy is not yet idle: the relay may still be sending the demo content, keeping the Hub and its
  // Meilisearch busy. Each test times signals against the Hub's grace, so it starts from a Hub at rest.
  await eventually(async () => (await searchBacklog(started.url)) === 0, 60_000, 200);
  const meiliDir = path.join(started.dataDir, "meili");
  const runtime = JSON.parse(fs.readFileSync(path.join(meiliDir, "runtime.json"), "utf8")) as Runtime;
  expect(processesWorkingIn(meiliDir)).toEqual([runtime.meiliPid]);
  return { hub: started, runtime, meiliDir };
}

/** After the grace the Hub gives a stop signal, nothing was restarted and nothing is left. */
async function expectStoppedCleanly(started: RunningHub, runtime: Runtime, meiliDir: string) {
  await eventually(() => !alive(runtime.hubPid), 20_000);
  const output = started.output();
  expect(output).toContain("Received SIGTERM; stopping.");
  expect(output).not.toMatch(/exited unexpectedly|restarting|running again/);
  expect(alive(runtime.meiliPid)).toBe(false);
  expect(processesWorkingIn(meiliDir)).toEqual([]);
  expect(fs.existsSync(path.join(meiliDir, "runtime.json"))).toBe(false);
}

describe("stopping the Hub and its Meilisearch together", () => {
  it("Meilisearch going first (it stops faster than the Hub hears its signal): nothing restarted, nothing left", async () => {
    const { hub: started, runtime, meiliDir } = await startHubAndReadRuntime();
    process.kill(runtime.meiliPid, "SIGTERM");
    // Gone only once the Hub has reaped it, that is, once the Hub has seen it exit and started its grace.
    await eventually(() => !alive(runtime.meiliPid), 30_000, 10);
    process.kill(runtime.hubPid, "SIGTERM");
    await expectStoppedCleanly(started, runtime, meiliDir);
  }, 180_000);

  it("while a request holds the Hub's stop open for seconds: Meilisearch's exit is still part of the stop", async () => {
    const { hub: started, runtime, meiliDir } = await startHubAndReadRuntime();
    // A sign-in whose body never finishes arriving keeps the server from closing.
    const { port } = new URL(started.url);
    const socket = net.connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${started.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=`,
    );
    socket.on("error", () => {});
    await eventually(() => serverHasRead(socket, Number(port)), 30_000, 10);
    process.kill(runtime.hubPid, "SIGTERM");
    await eventually(() => started.output().includes("Received SIGTERM; stopping."), 30_000, 10);
    process.kill(runtime.meiliPid, "SIGTERM");
    await eventually(() => !alive(runtime.meiliPid), 30_000, 10);
    // Longer than the grace a stop signal gets on its own, counted from the moment the Hub reaped
    // Meilisearch: only the Hub's own stop explains the exit. (A sleep, as it proves that nothing happens.)
    // Short enough to end well inside the ten seconds after which the Hub's stop gives up waiting.
    await new Promise((resolve) => setTimeout(resolve, STOP_REQUEST_GRACE_MS + 1_500));
    expect(started.output()).not.toMatch(/exited unexpectedly|restarting/);
    expect(alive(runtime.hubPid)).toBe(true);
    socket.destroy();
    await expectStoppedCleanly(started, runtime, meiliDir);
  }, 180_000);
});
