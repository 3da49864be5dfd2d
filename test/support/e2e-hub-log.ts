/**
 * Reads a Hub's log file (see RunningHub.logPath) for server errors. The Hub
 * logs each unexpected error as one JSON line with "level":"error" on standard
 * error; its other JSON lines (one per request, warnings) and its plain-text
 * start-up banner are ignored here.
 */
import fs from "node:fs";

export interface ServerErrorEntry {
  time?: string;
  level: "error";
  message?: string;
  requestId?: string;
  method?: string;
  path?: string;
  error?: { name?: string; message?: string; stack?: string };
  [field: string]: unknown;
}

function parseErrorLine(line: string): ServerErrorEntry | null {
  if (!line.startsWith("{")) return null;
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed && typeof parsed === "object" && (parsed as { level?: unknown }).level === "error") {
      return parsed as ServerErrorEntry;
    }
  } catch {
    // Not JSON after all: plain text that happens to start with a brace.
  }
  return null;
}

/** Follows a log file from a mark onwards, a whole line at a time. */
export class HubLog {
  private offset = 0;

  constructor(readonly path: string) {}

  /** From now on: what the file holds so far is not looked at again. */
  mark(): void {
    this.offset = fs.existsSync(this.path) ? fs.statSync(this.path).size : 0;
  }

  /** The error lines written since the mark (or the last take), which they then count as seen. */
  takeErrors(): ServerErrorEntry[] {
    if (!fs.existsSync(this.path)) return [];
    const size = fs.statSync(this.path).size;
    if (size <= this.offset) return [];
    const buffer = Buffer.alloc(size - this.offset);
    const fd = fs.openSync(this.path, "r");
    try {
      fs.readSync(fd, buffer, 0, buffer.length, this.offset);
    } finally {
      fs.closeSync(fd);
    }
    // A line still being written is left for the next look.
    const end = buffer.lastIndexOf(0x0a);
    if (end < 0) return [];
    this.offset += end + 1;
    return buffer
      .subarray(0, end)
      .toString("utf8")
      .split("\n")
      .map(parseErrorLine)
      .filter((entry): entry is ServerErrorEntry => entry !== null);
  }
}

/** One line a person can read, for a failure message. */
export function describeServerError(entry: ServerErrorEntry): string {
  const where = [entry.method, entry.path].filter(Boolean).join(" ");
  const error = entry.error?.stack ?? entry.error?.message ?? "";
  return `${entry.message ?? "error"}${where ? ` at ${where}` : ""} (request ${entry.requestId ?? "?"})${error ? `\n    ${error.split("\n").slice(0, 4).join("\n    ")}` : ""}`;
}
