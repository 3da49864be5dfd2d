/**
 * The browser's files: cached for a year as immutable (their names change with
 * their content), served compressed from copies made at build time, in the
 * encoding the browser asks for.
 */
import http from "node:http";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { e2eFixture } from "../support/e2e-fixtures";

const e2e = e2eFixture();

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET whose body is left as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

async function stylesheetPath(): Promise<string> {
  const page = await (await fetch(`${e2e.baseUrl}/login`)).text();
  const match = /<link rel="stylesheet" href="(\/assets\/[^"]+\.css)"/.exec(page);
  if (!match?.[1]) throw new Error("The sign-in page links no stylesheet");
  return match[1];
}

describe("the browser's files", () => {
  it("are sent compressed in the encoding asked for, the same file in each", async () => {
    const url = `${e2e.baseUrl}${await stylesheetPath()}`;
    const plain = await rawGet(url);
    const brotli = await rawGet(url, { "Accept-Encoding": "gzip, deflate, br" });
    const gzip = await rawGet(url, { "Accept-Encoding": "gzip" });

    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    for (const response of [plain, brotli, gzip]) {
      expect(response.status).toBe(200);
      expect(response.headers["content-type"]?.toLowerCase()).toBe("text/css; charset=utf-8");
      expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(response.headers.vary).toContain("Accept-Encoding");
    }
    expect(brotli.body.length).toBeLessThan(plain.body.length / 4);
    expect(zlib.brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(zlib.gunzipSync(gzip.body).equals(plain.body)).toBe(true);
  });

  it("a missing one is a plain 404, never a page", async () => {
    const missing = await rawGet(`${e2e.baseUrl}/assets/nothing-here.js`, { "Accept-Encoding": "br" });
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toContain("text/plain");
    expect(missing.body.toString()).toBe("Not found");
  });
});
