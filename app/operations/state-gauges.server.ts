/**
 * Gauges of the Hub's state, read from SQLite when Prometheus scrapes: the
 * search relay's backlog and how long its oldest change has waited, records
 * being retried or parked, whether a relay runs, and sign-in keys that must
 * wait. In a cluster only the process that gathers the metrics registers
 * them, so the database is read once per scrape; "max" is their aggregator
 * all the same, should two processes ever report them. Each gauge reads
 * afresh: a few small queries per scrape, and no scrape sees an older state.
 */
import { Gauge, type Registry } from "prom-client";
import { blockedKeyCounts } from "../auth/sign-in-throttle.server";
import { failureCounts } from "../events/consumer-failures.server";
import { consumerBacklog } from "../events/consumers.server";
import { leaseHolder } from "../platform/lease.server";
import { RELAY_LEASE, SEARCH_CONSUMER } from "../search/search-relay.server";

/** Adds the state gauges to `registry`, once (whichever copy of this module asks first). */
export function registerStateGauges(registry: Registry): void {
  if (registry.getSingleMetric("hub_event_backlog_events")) return;
  const gauge = (name: string, help: string, labelNames: string[], update: (gauge: Gauge) => void) =>
    new Gauge({
      name,
      help,
      labelNames,
      aggregator: "max",
      registers: [registry],
      collect() {
        update(this);
      },
    });
  gauge("hub_event_backlog_events", "Changes in the event log a consumer has not handled yet.", ["consumer"], (g) =>
    g.set({ consumer: "search" }, consumerBacklog(SEARCH_CONSUMER).pending),
  );
  gauge(
    "hub_event_backlog_oldest_seconds",
    "How long the oldest change a consumer has not handled has waited (0 when none waits).",
    ["consumer"],
    (g) => g.set({ consumer: "search" }, consumerBacklog(SEARCH_CONSUMER).oldestPendingSeconds ?? 0),
  );
  gauge("hub_consumer_records_retrying", "Records a consumer failed to handle and will try again.", ["consumer"], (g) =>
    g.set({ consumer: "search" }, failureCounts(SEARCH_CONSUMER).retrying),
  );
  gauge(
    "hub_consumer_records_parked",
    "Records a consumer gave up on, waiting for an administrator (/admin/search).",
    ["consumer"],
    (g) => g.set({ consumer: "search" }, failureCounts(SEARCH_CONSUMER).parked),
  );
  gauge("hub_search_relay_running", "1 while a Hub process holds the search relay's lease, else 0.", [], (g) =>
    g.set(leaseHolder(RELAY_LEASE) === null ? 0 : 1),
  );
  gauge(
    "hub_sign_in_blocked_keys",
    "Accounts and addresses that must wait before their next sign-in attempt.",
    ["scope"],
    (g) => {
      const { account, address } = blockedKeyCounts();
      g.set({ scope: "account" }, account);
      g.set({ scope: "address" }, address);
    },
  );
}
