import type { ReactNode } from "react";

/**
 * GOV.UK success banner, announced when it appears (after a form was saved):
 * its heading, and any more that needs saying below it.
 */
export function SuccessBanner({
  title,
  heading,
  children,
}: {
  title: string;
  heading: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-banner-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
