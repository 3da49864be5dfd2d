import { useI18n } from "~/i18n/use-t";
import { SafeHtml } from "./safe-html";

export interface ShownServicePage {
  name: string;
  title: string;
  html: string;
  email?: { kind: "feedback" | "support"; address: string | null };
}

/** One of the service's own pages: its Markdown, and where to write when the page gives an address. */
export function ServicePageView({ page }: { page: ShownServicePage }) {
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{page.title}</h1>
        <SafeHtml html={page.html} />
        {page.email ? (
          <div className="govuk-inset-text" data-testid="service-page-email">
            {page.email.address ? (
              <>
                <p className="govuk-body">
                  {page.email.kind === "feedback" ? t("servicePages.feedbackEmail") : t("servicePages.supportEmail")}
                </p>
                <p className="govuk-body govuk-!-font-weight-bold">
                  <a className="govuk-link" href={`mailto:${page.email.address}`}>
                    {page.email.address}
                  </a>
                </p>
              </>
            ) : (
              <p className="govuk-body">{t("servicePages.noEmail")}</p>
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
