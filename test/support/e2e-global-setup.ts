import type { TestProject } from "vitest/node";
import { startHub } from "./hub-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One built Hub with the demo content for the whole end-to-end run. */
export default async function setup(project: TestProject) {
  const hub = await startHub();
  project.provide("baseUrl", hub.url);
  return async () => {
    await hub.stop();
  };
}
