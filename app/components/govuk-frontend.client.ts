/**
 * GOV.UK Frontend's JavaScript, started on every page and on whatever a
 * later render adds: Remix swaps page content without a page load, so one
 * `initAll` at start would miss the error summary that appears after a
 * rejected form or the navigation of a page reached by a link. Each element
 * is started once (GOV.UK marks it `data-<module>-init`), so React
 * re-rendering the same element does not start it twice (decision 029).
 */
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Header,
  isSupported,
  NotificationBanner,
  Radios,
  ServiceNavigation,
  SkipLink,
} from "govuk-frontend";

interface GovukComponent {
  moduleName: string;
  new (root: Element, config?: object): unknown;
}

/**
 * The components the Hub's markup uses, with the Hub's settings. Imported
 * one by one rather than through `initAll`: these weigh 14 KB (4 KB
 * compressed), all of GOV.UK Frontend's 49 KB (12 KB). A page that starts
 * using another component (tabs, accordion, character count...) adds it
 * here, and to govuk-frontend-module.d.ts.
 */
const COMPONENTS: [GovukComponent, object?][] = [
  // Every GOV.UK button ignores a second click within a second: a double
  // click sends a form once.
  [Button, { preventDoubleClick: true }],
  [Checkboxes],
  // The error summary component focuses itself (see error-summary.tsx), once
  // per set of errors; GOV.UK's own focusing would only happen once per element.
  [ErrorSummary, { disableAutoFocus: true }],
  [Header],
  [NotificationBanner],
  [Radios],
  [ServiceNavigation],
  [SkipLink],
];

const BY_NAME = new Map(COMPONENTS.map(([component, config]) => [component.moduleName, { component, config }]));

/** Starts every GOV.UK component in the page not started yet. */
export function startGovukComponents(): void {
  if (!isSupported()) return;
  for (const element of document.querySelectorAll("[data-module]")) {
    const name = element.getAttribute("data-module") ?? "";
    const entry = BY_NAME.get(name);
    if (!entry || element.hasAttribute(`data-${name}-init`)) continue;
    try {
      new entry.component(element, entry.config);
    } catch (error) {
      // A component whose markup is incomplete stays as the server sent it: still usable, only not enhanced.
      console.warn(`GOV.UK Frontend could not start ${name}`, error);
    }
  }
}

let observer: MutationObserver | undefined;

/**
 * Starts the components now and keeps starting those added later. Called
 * once, after hydration: starting them earlier would change the DOM React is
 * about to hydrate. The observer is told of each React commit as one batch,
 * before the page is drawn, so a new component is never seen unstarted.
 */
export function watchGovukComponents(): void {
  if (observer || !isSupported()) return;
  startGovukComponents();
  observer = new MutationObserver(startGovukComponents);
  observer.observe(document.body, { childList: true, subtree: true });
}
