/**
 * State one process keeps once. The server (server/, run as source) and the
 * Remix build each hold a copy of the app's modules, so a module-level
 * variable exists twice in a serving process; what both copies must share
 * (the metrics registry, the open request records) lives on globalThis under
 * a registered symbol instead.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`srs-knowledge-hub.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  holder[key] ??= create();
  return holder[key];
}
