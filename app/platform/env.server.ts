import path from "node:path";
import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Defaults to every interface for `npm start`; to 127.0.0.1 for the dev server and while demo accounts exist. */
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
