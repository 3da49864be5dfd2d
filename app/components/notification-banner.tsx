import type { ReactNode } from "react";

/**
 * GOV.UK notification banner: its title, a heading line, and any more that
 * needs saying below it. A success banner (after a change) is announced when
 * it appears; an important one is a named region the person reads on arrival.
 */
function NotificationBanner({
  success,
  titleId,
  title,
  heading,
  children,
}: {
  success: boolean;
  titleId: string;
  title: string;
  heading: ReactNode;
  children?: ReactNode;
}) {
  // A success banner is an alert (GOV.UK's role="alert"); the other a named <section>, a region landmark.
  const Banner = success ? "div" : "section";
  return (
    <Banner
      className={`govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}`}
      role={success ? "alert" : undefined}
      aria-labelledby={titleId}
      // GOV.UK's script would move focus to a success banner; the page's own focus handling stays in charge.
      data-module={success ? undefined : "govuk-notification-banner"}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </Banner>
  );
}

/** The success banner shown after a form was saved. */
export function SuccessBanner(props: { title: string; heading: ReactNode; children?: ReactNode }) {
  return <NotificationBanner success titleId="success-banner-title" {...props} />;
}

/** Something the person needs to know before going on (a session that ended, a post that is a draft). */
export function ImportantBanner({
  id = "important-banner-title",
  ...props
}: {
  id?: string;
  title: string;
  heading: ReactNode;
  children?: ReactNode;
}) {
  return <NotificationBanner success={false} titleId={id} {...props} />;
}
