import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { listPartners, presentPartner } from "~/partners/partners.server";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("partners.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const locale = resolveLocale(request);
  return {
    partners: listPartners().map((partner) => {
      const { slug, name, type } = presentPartner(partner, locale);
      return { slug, name, type };
    }),
  };
}

export default function Partners() {
  const { partners } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1 className="govuk-heading-xl">{t("partners.title")}</h1>
      <ul className="govuk-list govuk-list--spaced">
        {partners.map((partner) => (
          <li key={partner.slug}>
            <Link className="govuk-link govuk-!-font-weight-bold" to={`/partners/${partner.slug}`}>
              {partner.name}
            </Link>
            <span className="govuk-body-s govuk-hint"> · {t(`partnerTypes.${partner.type}`)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
