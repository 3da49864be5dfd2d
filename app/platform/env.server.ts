import fs from "node:fs";
import { isIP } from "node:net";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { LOOPBACK_NAMES } from "./request-guards";

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** An unset variable and an empty one mean the same: not set. */
const emptyAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalText = z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().min(1).optional());

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface EntraTenant {
  /** The directory (tenant) id, a GUID in lower case. */
  tenantId: string;
  /** The slug of the partner whose staff sign in from this tenant. */
  partnerSlug: string;
}

/** `ENTRA_TENANTS`: `tenant-guid=partner-slug` pairs separated by commas. */
export const EntraTenantsSchema = z.string().transform((value, ctx) => {
  const tenants: EntraTenant[] = [];
  for (const entry of value.split(",").map((part) => part.trim())) {
    if (!entry) continue;
    const [rawTenant = "", partnerSlug = "", ...rest] = entry.split("=").map((part) => part.trim());
    const tenantId = rawTenant.toLowerCase();
    if (rest.length > 0 || !partnerSlug) {
      ctx.addIssue({ code: "custom", message: `"${entry}" is not tenant-id=partner-slug` });
    } else if (!GUID.test(tenantId)) {
      ctx.addIssue({ code: "custom", message: `"${rawTenant}" is not a tenant id (a GUID such as 72f988bf-…)` });
    } else if (!SLUG.test(partnerSlug)) {
      ctx.addIssue({
        code: "custom",
        message: `"${partnerSlug}" is not a partner slug (lower-case words and hyphens)`,
      });
    } else if (tenants.some((tenant) => tenant.tenantId === tenantId)) {
      ctx.addIssue({ code: "custom", message: `tenant ${tenantId} is listed twice` });
    } else {
      tenants.push({ tenantId, partnerSlug });
    }
  }
  if (tenants.length === 0 && ctx.issues.length === 0) {
    ctx.addIssue({ code: "custom", message: "lists no tenant (tenant-id=partner-slug, separated by commas)" });
  }
  return tenants;
});

/** Names proxy-addr knows for groups of addresses. */
const ADDRESS_GROUPS = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An address, a network ("10.0.0.0/8") or a named group of addresses. */
function isProxyAddress(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  if (rest.length > 0) return false;
  if (bits === undefined) return ADDRESS_GROUPS.has(address) || isIP(address) !== 0;
  return isIP(address) !== 0 && /^\d{1,3}$/.test(bits);
}

/** `TRUST_PROXY`: "false" (or "0"), a number of hops, or proxies' addresses separated by commas. */
const TrustProxySchema = z
  .string()
  .trim()
  .refine(
    (value) => /^(false|\d{1,2})$/.test(value) || value.split(",").every((entry) => isProxyAddress(entry.trim())),
    "must be false, a number of hops, or addresses (10.0.0.2, 10.0.0.0/8, loopback), separated by commas",
  )
  .transform((value): number | string | false =>
    value === "false" || value === "0" ? false : /^\d+$/.test(value) ? Number(value) : value,
  );

/** Where Microsoft's sign-in lives; plain http only on this machine (the tests' provider). */
const AuthoritySchema = z
  .url()
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_NAMES.includes(url.hostname));
  }, "must be an https address (http only on a loopback address, for tests)")
  .refine((value) => !new URL(value).search && !new URL(value).hash, "must not carry a query or fragment")
  .transform((value) => {
    const url = new URL(value);
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  });

/** How much the Hub logs: every request ("info", the default), or only warnings and errors. */
export const LOG_LEVELS = ["info", "warn", "error"] as const;
export type LogLevelSetting = (typeof LOG_LEVELS)[number];
const LogLevelSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() || undefined : value),
  z.enum(LOG_LEVELS).default("info"),
);

const ENTRA_REQUIRED = ["ENTRA_CLIENT_ID", "ENTRA_CLIENT_SECRET", "ENTRA_TENANTS"] as const;

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Defaults to every interface for `npm start`; to 127.0.0.1 for the dev server and while demo accounts exist. */
    HOST: z.string().min(1).optional(),
    DATA_DIR: z.string().min(1).default("data"),
    /** "info" (a line per request), "warn" or "error". */
    LOG_LEVEL: LogLevelSchema,
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
    /** How often the search relay compares the index with the database and repairs it (minutes). */
    SEARCH_CHECK_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(10),
    /** How often the owners of actions that have become overdue are looked for and emailed (minutes). */
    ACTIONS_CHECK_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(15),
    /** How many days the search log keeps a search (its words, result count and whether one was opened). */
    SEARCH_LOG_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /**
     * How long a save waits for search to hold the change before its banner
     * says it will appear in search shortly (the write itself never waits).
     */
    SEARCH_CONFIRM_SECONDS: z.coerce.number().min(0).max(30).default(2),
    /**
     * Requests one Hub process works on at once (static files and the health
     * check aside); more are answered 503 with Retry-After at once, rather
     * than queued without bound. Well above what 16 busy connections need.
     */
    MAX_REQUESTS_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(100),
    /** The largest paper that may be uploaded, in megabytes (the upload route's own body limit; decision 050). */
    PAPER_MAX_MB: z.coerce.number().int().min(1).max(200).default(20),
    /** A request still unanswered after this long is ended with a 503 page and logged. */
    REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /**
     * A request whose headers and body have not all arrived after this long is
     * answered 408 and its connection closed (Node's requestTimeout): a client
     * trickling a body must not hold a place among the requests in flight.
     */
    REQUEST_RECEIVE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
    /**
     * Which proxies in front may say who the client is (X-Forwarded-For, -Proto,
     * -Host): off, a number of hops ("1"), or their addresses ("10.0.0.2,
     * loopback"). Off by default: the client's own headers are ignored.
     */
    TRUST_PROXY: z.preprocess(emptyAsUnset, TrustProxySchema.optional()),
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
    /** Where the feedback page sends people (the phase banner's link); the support address when unset. */
    FEEDBACK_EMAIL: z.preprocess(emptyAsUnset, z.email().max(200).optional()),
    /** The SRS service desk's address, shown on the contact page. */
    SUPPORT_EMAIL: z.preprocess(emptyAsUnset, z.email().max(200).optional()),
    /** Sign-in with Microsoft Entra ID: off unless the client id, secret and tenants are all set. */
    ENTRA_CLIENT_ID: optionalText,
    ENTRA_CLIENT_SECRET: optionalText,
    ENTRA_TENANTS: z.preprocess((value) => (value === "" ? undefined : value), EntraTenantsSchema.optional()),
    ENTRA_AUTHORITY: z.preprocess(
      (value) => (value === "" ? undefined : value),
      AuthoritySchema.default("https://login.microsoftonline.com"),
    ),
    /** How many processes serve HTTP: by default one per core in production, one otherwise. */
    WEB_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(64).optional()),
  })
  .superRefine((env, ctx) => {
    const missing = ENTRA_REQUIRED.filter((name) => env[name] === undefined);
    if (missing.length === 0 || missing.length === ENTRA_REQUIRED.length) return;
    for (const name of missing) {
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: `required for sign-in with Microsoft Entra ID (set all of ${ENTRA_REQUIRED.join(", ")}, or none)`,
      });
    }
  });

/** Sign-in with Microsoft Entra ID, when configured. */
export interface EntraSettings {
  clientId: string;
  clientSecret: string;
  tenants: EntraTenant[];
  /** Such as https://login.microsoftonline.com, without a trailing slash. */
  authority: string;
}

type EntraVariable = "ENTRA_CLIENT_ID" | "ENTRA_CLIENT_SECRET" | "ENTRA_TENANTS" | "ENTRA_AUTHORITY";

export type Env = Omit<z.infer<typeof EnvSchema>, "LOAD_DEMO_CONTENT" | EntraVariable> & {
  /** Null when sign-in with Microsoft Entra ID is off. */
  entra: EntraSettings | null;
  /** Import CONTENT_DIR into an empty database: on by default, except in production. */
  LOAD_DEMO_CONTENT: boolean;
  /** Worker processes serving HTTP (WEB_CONCURRENCY): one per core in production, else one. */
  workers: number;
  dataDir: string;
  contentDir: string;
  databasePath: string;
};

/**
 * One worker per core the Hub may use, at most 8 by default: a container's CPU
 * quota is not seen by os.availableParallelism() (a pod limited to one core on
 * a 64-core node would start 64 workers), so cgroup v2's cpu.max counts too.
 */
function defaultWorkers(): number {
  let cores = os.availableParallelism();
  try {
    const [quota, period] = fs.readFileSync("/sys/fs/cgroup/cpu.max", "utf8").trim().split(/\s+/);
    if (quota && period && quota !== "max")
      cores = Math.min(cores, Math.max(1, Math.ceil(Number(quota) / Number(period))));
  } catch {
    // No cgroup v2 CPU limit to read: the machine's cores.
  }
  return Math.min(cores, 8);
}

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
  const { ENTRA_CLIENT_ID, ENTRA_CLIENT_SECRET, ENTRA_TENANTS, ENTRA_AUTHORITY, ...rest } = parsed.data;
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  cached = {
    ...rest,
    entra:
      ENTRA_CLIENT_ID && ENTRA_CLIENT_SECRET && ENTRA_TENANTS
        ? {
            clientId: ENTRA_CLIENT_ID,
            clientSecret: ENTRA_CLIENT_SECRET,
            tenants: ENTRA_TENANTS,
            authority: ENTRA_AUTHORITY,
          }
        : null,
    LOAD_DEMO_CONTENT: parsed.data.LOAD_DEMO_CONTENT ?? parsed.data.NODE_ENV !== "production",
    workers: parsed.data.WEB_CONCURRENCY ?? (parsed.data.NODE_ENV === "production" ? defaultWorkers() : 1),
    dataDir,
    contentDir: path.resolve(parsed.data.CONTENT_DIR),
    databasePath: path.join(dataDir, "hub.db"),
  };
  return cached;
}

/**
 * LOG_LEVEL on its own, for the logger: logging must work (and never throw)
 * even while another variable is invalid, to report that very problem. An
 * invalid LOG_LEVEL itself is reported by getEnv() at start.
 */
export function getLogLevel(): LogLevelSetting {
  const parsed = LogLevelSchema.safeParse(process.env.LOG_LEVEL);
  return parsed.success ? parsed.data : "info";
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

/** The variable through which the primary tells its worker processes the address to listen on. */
export const WORKER_HOST_VARIABLE = "HUB_WORKER_HOST";

/** In a worker process: the address the primary chose (HOST, or its default). */
export function getWorkerHost(): string {
  return process.env[WORKER_HOST_VARIABLE] ?? "127.0.0.1";
}

/** An explicit Meilisearch binary to run, if the user named one. */
export function getMeilisearchBinarySetting(): string | undefined {
  return process.env.MEILI_BIN?.trim() || undefined;
}

/**
 * The most memory the Meilisearch the Hub starts may use to index, if the
 * user set it, in Meilisearch's own notation ("2GiB", "512MiB" or bytes);
 * otherwise the Hub's default (decision 066).
 */
export function getMeilisearchIndexingMemory(): string | undefined {
  return process.env.MEILI_MAX_INDEXING_MEMORY?.trim() || undefined;
}

/** Publishes the managed Meilisearch's address to the rest of this process. */
export function setSearchConnection(connection: SearchConnection): void {
  process.env.MEILI_URL = connection.url;
  if (connection.apiKey) process.env.MEILI_MASTER_KEY = connection.apiKey;
}
