/** The parts of govuk-frontend's JavaScript (which ships no types in 5.9) that the Hub starts. */
declare module "govuk-frontend" {
  interface ComponentClass {
    readonly moduleName: string;
    new (root: Element, config?: object): unknown;
  }
  export const Button: ComponentClass;
  export const Checkboxes: ComponentClass;
  export const ErrorSummary: ComponentClass;
  export const Header: ComponentClass;
  export const NotificationBanner: ComponentClass;
  export const Radios: ComponentClass;
  export const ServiceNavigation: ComponentClass;
  export const SkipLink: ComponentClass;
  /** True once the page's body carries the govuk-frontend-supported class. */
  export function isSupported(scope?: HTMLElement | null): boolean;
}
