import type { ReactNode } from "react";

/** GOV.UK notification banner (not a success): something the person needs to know before going on. */
export function ImportantBanner({ title, children }: { title: string; children: ReactNode }) {
  return (
    // A named <section> is the region landmark GOV.UK's markup gives with role="region".
    <section
      className="govuk-notification-banner"
      aria-labelledby="important-banner-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="important-banner-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </section>
  );
}
