/**
 * Collects what goes wrong inside the browser during a test: uncaught page
 * errors, console errors and unexpected dialogs. Each is a bug, with one
 * exception: when a page is loaded with an error status, Chromium reports
 * "Failed to load resource: the server responded with a status of 404" as a
 * console error. That is only the browser repeating the status, so it is
 * tolerated when all of these hold:
 *
 * - the status is 400, 401, 403 or 404 (or one the test allowed with
 *   allowNavigationStatus, such as the 503 of search without Meilisearch);
 * - the failed request was a navigation: a page load (resource type
 *   "document") or Remix's request for a page's data on a client-side
 *   navigation (a fetch of a ".data" address).
 *
 * A stylesheet, script, image or other request failing is never tolerated,
 * nor is a 5xx the test did not allow.
 */
import type { BrowserContext, ConsoleMessage } from "playwright-core";

const EXPECTED_NAVIGATION_STATUSES = [400, 401, 403, 404];
const FAILED_LOAD = /^Failed to load resource: the server responded with a status of (\d{3})\b/;

interface FailedResponse {
  url: string;
  status: number;
  resourceType: string;
}

interface FailedLoadMessage {
  text: string;
  url: string;
  status: number;
}

function isNavigation(response: FailedResponse): boolean {
  if (response.resourceType === "document") return true;
  return response.resourceType === "fetch" && new URL(response.url).pathname.endsWith(".data");
}

export class BrowserProblems {
  private problems: string[] = [];
  private failedLoads: FailedLoadMessage[] = [];
  private failedResponses: FailedResponse[] = [];
  private allowedStatuses = new Set(EXPECTED_NAVIGATION_STATUSES);

  /** Starts listening to every page of the context. */
  watch(context: BrowserContext): void {
    context.on("weberror", (webError) => {
      const error = webError.error();
      this.problems.push(`page error on ${webError.page()?.url() ?? "a page"}: ${error.stack ?? error.message}`);
    });
    context.on("console", (message) => this.onConsole(message));
    context.on("dialog", (dialog) => {
      this.problems.push(`unexpected ${dialog.type()} dialog on ${dialog.page()?.url()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    context.on("response", (response) => {
      if (response.status() < 400) return;
      this.failedResponses.push({
        url: response.url(),
        status: response.status(),
        resourceType: response.request().resourceType(),
      });
    });
  }

  private onConsole(message: ConsoleMessage): void {
    if (message.type() !== "error") return;
    const text = message.text();
    const where = message.location().url;
    const failedLoad = FAILED_LOAD.exec(text);
    if (failedLoad) {
      // Judged at the end of the test: the response may be reported after the message.
      this.failedLoads.push({ text, url: where, status: Number(failedLoad[1]) });
      return;
    }
    this.problems.push(`console error${where ? ` on ${where}` : ""}: ${text}`);
  }

  /** For the rest of this test, a navigation answered with one of these statuses is expected too. */
  allowNavigationStatus(...statuses: number[]): void {
    for (const status of statuses) this.allowedStatuses.add(status);
  }

  private isExpected(load: FailedLoadMessage): boolean {
    if (!this.allowedStatuses.has(load.status)) return false;
    return this.failedResponses.some(
      (response) => response.url === load.url && response.status === load.status && isNavigation(response),
    );
  }

  /** The problems since the last call, leaving a clean slate (and the default statuses) for the next test. */
  take(): string[] {
    const unexpected = this.failedLoads
      .filter((load) => !this.isExpected(load))
      .map((load) => `console error on ${load.url}: ${load.text}`);
    const found = [...this.problems, ...unexpected];
    this.problems = [];
    this.failedLoads = [];
    this.failedResponses = [];
    this.allowedStatuses = new Set(EXPECTED_NAVIGATION_STATUSES);
    return found;
  }
}
