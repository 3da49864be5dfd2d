import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { handleError } from "~/entry.server";

let written: string[] = [];

beforeEach(() => {
  written = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});

afterEach(() => vi.mocked(process.stderr.write).mockRestore());

const args = (url = "http://hub.test/posts/a-post?x=1", signal?: AbortSignal) => ({
  request: new Request(url, { signal }),
  params: {},
  context: { requestId: "3f1c2e9a-request", clientAddress: "127.0.0.1", monitoringAddress: "127.0.0.1", cspNonce: "" },
});

describe("unexpected server errors", () => {
  it("are logged as one JSON line carrying the request id, the method and the path", () => {
    handleError(new TypeError("Cannot read properties of undefined"), args());
    expect(written).toHaveLength(1);
    expect(written[0]?.endsWith("\n")).toBe(true);
    expect(written[0]?.trim().includes("\n")).toBe(false);
    const line = JSON.parse(written[0] ?? "{}");
    expect(line).toMatchObject({
      level: "error",
      message: "Unexpected server error",
      requestId: "3f1c2e9a-request",
      method: "GET",
      path: "/posts/a-post",
      error: { name: "TypeError", message: "Cannot read properties of undefined" },
    });
    expect(typeof line.time).toBe("string");
  });

  it("leave out expected answers (not found, forbidden) and requests the browser gave up on", () => {
    handleError({ status: 404, statusText: "Not Found", internal: true, data: "" }, args());
    handleError({ status: 403, statusText: "Forbidden", internal: false, data: null }, args());
    const controller = new AbortController();
    controller.abort();
    handleError(new Error("aborted"), args(undefined, controller.signal));
    expect(written).toEqual([]);
  });
});
