import { getDb } from "./db.server";
import { migrationsApplied } from "./migrate.server";
import { preparedOnce } from "./prepared.server";

const ping = preparedOnce((db) => db.$client.prepare("select 1"));

export function checkDatabase(): "ok" | "down" {
  try {
    ping(getDb()).get();
    return "ok";
  } catch {
    return "down";
  }
}

export interface Readiness {
  ready: boolean;
  database: "ok" | "down";
  migrations: "applied" | "pending" | "unknown";
}

/**
 * Ready to take traffic: the database answers and has every migration this
 * code needs. Search is not part of it: without search the Hub still serves
 * everything else (it is "degraded" in /healthz), and taking it out of a load
 * balancer would turn a search outage into a full one.
 */
export function checkReadiness(): Readiness {
  try {
    const applied = migrationsApplied();
    return { ready: applied, database: "ok", migrations: applied ? "applied" : "pending" };
  } catch {
    return { ready: false, database: "down", migrations: "unknown" };
  }
}
