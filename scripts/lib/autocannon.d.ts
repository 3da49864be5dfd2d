/** The part of autocannon's API (it ships no types) that the load benchmark uses. */
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  interface Client extends EventEmitter {
    setBody(body: string | Buffer | undefined): void;
    setHeaders(headers: Record<string, string> | undefined): void;
  }

  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    method?: "GET" | "POST";
    headers?: Record<string, string>;
    body?: string;
    setupClient?: (client: Client) => void;
  }

  interface Result {
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  }

  interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
    on(
      event: "response",
      listener: (client: Client, statusCode: number, resBytes: number, responseTime: number) => void,
    ): this;
  }

  function autocannon(options: Options): Instance;
  export default autocannon;
  export type { Client, Instance, Options, Result };
}
