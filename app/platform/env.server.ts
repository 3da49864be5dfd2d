import path from "node:path";
import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** An unset variable and an empty one mean the same: not configured. */
const emptyAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Defaults to every interface for `npm start`, to 127.0.0.1 for the dev server. */
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default("data"),
  CONTENT_DIR: z.string().min(1).default("content"),
  LOAD_DEMO_CONTENT: booleanFromString.optional(),
  PUBLIC_ORIGIN: z
    .url()
    .refine((url) => /^https?:/.test(url), "must be an http or https address")
    .transform((url) => new URL(url).origin)
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 60),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .positive()
    .default(7 * 24),
  /** Where email goes: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://...:465`. */
  SMTP_URL: z.preprocess(
    emptyAsUnset,
    z
      .url()
      .refine((url) => /^smtps?:\/\//.test(url), "must be an smtp:// or smtps:// address")
      .optional(),
  ),
  /** The sender of the Hub's email, such as `SRS Knowledge Hub <hub@srs.example.gov.uk>`. */
  MAIL_FROM: z.preprocess(emptyAsUnset, z.string().min(3).max(200).optional()),
});

export type Env = Omit<z.infer<typeof EnvSchema>, "LOAD_DEMO_CONTENT"> & {
  /** Import CONTENT_DIR into an empty database: on by default, except in production. */
  LOAD_DEMO_CONTENT: boolean;
  dataDir: string;
  contentDir: string;
  databasePath: string;
};

let cached: Env | undefined;

/** The one place that reads process.env. Throws a readable message on a bad value. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  if (parsed.data.SMTP_URL && !parsed.data.MAIL_FROM) {
    throw new Error(
      "Invalid environment:\n  MAIL_FROM: must be set when SMTP_URL is, as the sender of the Hub's email",
    );
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  cached = {
    ...parsed.data,
    LOAD_DEMO_CONTENT: parsed.data.LOAD_DEMO_CONTENT ?? parsed.data.NODE_ENV !== "production",
    dataDir,
    contentDir: path.resolve(parsed.data.CONTENT_DIR),
    databasePath: path.join(dataDir, "hub.db"),
  };
  return cached;
}

export function isProduction(): boolean {
  return getEnv().NODE_ENV === "production";
}

export interface MailSettings {
  smtpUrl: string;
  from: string;
}

/** How to send email, or null when SMTP is not configured (links are then shown or printed instead). */
export function getMailSettings(): MailSettings | null {
  const { SMTP_URL, MAIL_FROM } = getEnv();
  return SMTP_URL && MAIL_FROM ? { smtpUrl: SMTP_URL, from: MAIL_FROM } : null;
}

/**
 * The address the Hub's links start with: PUBLIC_ORIGIN when set, else the
 * origin the request came to (pages), else http://localhost:PORT (scripts).
 */
export function linkOrigin(requestUrl?: string): string {
  const { PUBLIC_ORIGIN, PORT } = getEnv();
  if (PUBLIC_ORIGIN) return PUBLIC_ORIGIN;
  return requestUrl ? new URL(requestUrl).origin : `http://localhost:${PORT}`;
}

export interface SearchConnection {
  url: string;
  apiKey: string | undefined;
}

/**
 * Where Meilisearch is. Read afresh on each call, not cached with the rest:
 * when the Hub manages its own Meilisearch, the start script publishes the
 * address through MEILI_URL once the engine is listening.
 */
export function getSearchConnection(): SearchConnection | null {
  const url = process.env.MEILI_URL?.trim();
  if (!url) return null;
  return { url, apiKey: process.env.MEILI_MASTER_KEY || undefined };
}

/** An explicit Meilisearch binary to run, if the user named one. */
export function getMeilisearchBinarySetting(): string | undefined {
  return process.env.MEILI_BIN?.trim() || undefined;
}

/** Publishes the managed Meilisearch's address to the rest of this process. */
export function setSearchConnection(connection: SearchConnection): void {
  process.env.MEILI_URL = connection.url;
  if (connection.apiKey) process.env.MEILI_MASTER_KEY = connection.apiKey;
}
