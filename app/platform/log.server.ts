/**
 * Structured logs through pino: one JSON object per line, so a log shipper
 * (or grep) can find every line of one request by its id. Lines keep the
 * shape they had before pino: `time` as an ISO string, `level` as a word
 * ("info", "warn", "error") and the text under `message`. Errors go to
 * standard error, the rest to standard output.
 */
import pino, { type Logger } from "pino";
import { getLogLevel, type LogLevelSetting } from "./env.server";

export type LogLevel = "info" | "warn" | "error";

/**
 * Field names that hold secrets wherever they appear (top level or one level
 * down): a belt besides never passing them, since a careless field is easy to add.
 */
export const SECRET_FIELDS = [
  "password",
  "currentPassword",
  "newPassword",
  "confirmPassword",
  "token",
  "cookie",
  "authorization",
  "secret",
  "clientSecret",
  "apiKey",
] as const;

export const REDACTED = "[redacted]";

const REDACT_PATHS = SECRET_FIELDS.flatMap((name) => [name, `*.${name}`, `headers.${name}`, `*.headers.${name}`]);

function createLogger(level: LogLevelSetting): Logger<never, boolean> {
  // Both written synchronously, as before: a line written before an answer is in
  // the log before the answer reaches the client, and lines of one process never
  // interleave. A JSON line is a few hundred bytes, one write() call each.
  const streams = pino.multistream(
    [
      { level: "info", stream: process.stdout },
      { level: "error", stream: process.stderr },
    ],
    { dedupe: true },
  );
  return pino(
    {
      level,
      messageKey: "message",
      // No host name: the process id is enough to tell the processes of one Hub apart.
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
    },
    streams,
  );
}

let logger: Logger<never, boolean> | undefined;

/** The process's logger, made on first use (LOG_LEVEL is read then). */
export function hubLogger(): Logger<never, boolean> {
  logger ??= createLogger(getLogLevel());
  return logger;
}

export function log(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
  hubLogger()[level](fields, message);
}

/** Addresses whose last segment is a single-use link's token (invitations, password resets). */
const TOKEN_IN_PATH = /^(\/account\/(?:accept|reset))\/[^/]+/i;

/**
 * A path as it may be logged: a link's token replaced by ":token". Error
 * lines carry the path (the request log line carries the route pattern only).
 */
export function loggablePath(pathname: string): string {
  return pathname.replace(TOKEN_IN_PATH, "$1/:token");
}

/** The parts of an error worth logging, whatever was thrown. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}
