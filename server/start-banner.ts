/** The lines a person starting the Hub reads: where it is, where its data is, how to sign in, how to stop. */
export interface StartBannerFacts {
  url: string;
  dataDir: string;
  search: { mode: "managed" | "external" | "shared" | "off"; url: string | null };
  workers: number;
  demoAccounts: { email: string; role: string }[];
  demoPassword: string;
  /** HOST as set; unset means the Hub chose to listen on this machine only while demo accounts exist. */
  host: string | undefined;
}

export function startBanner(facts: StartBannerFacts): string {
  const { search } = facts;
  const searchLine = {
    managed: `Search: Meilisearch started at ${search.url} (data in ${facts.dataDir}/meili)`,
    external: `Search: using Meilisearch at ${search.url}`,
    shared: `Search: using the Meilisearch of the Hub already running on this data folder (${search.url})`,
    off: "Search: off (see above)",
  }[search.mode];
  const lines = ["", `SRS Knowledge Hub is running at ${facts.url}`, `Data folder: ${facts.dataDir}`, searchLine];
  if (facts.workers > 1) lines.push(`Serving from ${facts.workers} worker processes (WEB_CONCURRENCY).`);
  if (facts.demoAccounts.length > 0) {
    lines.push("", `Demo accounts (password: ${facts.demoPassword}):`);
    for (const account of facts.demoAccounts) lines.push(`  ${account.email.padEnd(42)} ${account.role}`);
    if (!facts.host) {
      lines.push(
        "",
        "Listening on 127.0.0.1 only, because demo accounts exist and their password is public.",
        "Set HOST (for example HOST=0.0.0.0) to let other machines reach this Hub.",
      );
    }
  }
  lines.push("", "Press Ctrl+C to stop.");
  return lines.join("\n");
}
