import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { listGlossary } from "~/glossary/glossary.server";
import { canManageGlossary } from "~/glossary/glossary-policy.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";

export const meta: MetaFunction = (args) => routeTitle(args, (t) => t("glossary.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const terms = listGlossary().map(({ slug, term, abbreviations, otherNames, welshTerms, alsoFinds, description }) => ({
    slug,
    term,
    abbreviations,
    otherNames,
    welshTerms,
    alsoFinds,
    description,
  }));
  return { terms, canManage: canManageGlossary(user) };
}

type Term = ReturnType<typeof useLoaderData<typeof loader>>["terms"][number];

/** A term's first letter, accents set aside: "Ôl" is under O. */
function letterOf(term: string): string {
  const letter = term.normalize("NFKD").charAt(0).toUpperCase();
  return /[A-Z]/.test(letter) ? letter : "#";
}

function byLetter(terms: Term[]): [string, Term[]][] {
  const groups = new Map<string, Term[]>();
  for (const term of terms) groups.set(letterOf(term.term), [...(groups.get(letterOf(term.term)) ?? []), term]);
  return [...groups];
}

export default function Glossary() {
  const { terms, canManage } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const groups = byLetter(terms);
  const rows = (term: Term) =>
    [
      ["glossary.abbreviations", term.abbreviations, undefined],
      ["glossary.otherNames", term.otherNames, undefined],
      ["glossary.welshTerms", term.welshTerms, "cy"],
      ["glossary.alsoFinds", term.alsoFinds, undefined],
    ] as const;
  return (
    <>
      <h1 className="govuk-heading-l">{t("glossary.title")}</h1>
      <p className="govuk-body-l">{t("glossary.lead")}</p>
      {canManage ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/admin/glossary">
            {t("glossary.manage")}
          </Link>
        </p>
      ) : null}
      {terms.length === 0 ? <p className="govuk-body">{t("glossary.empty")}</p> : null}
      {groups.length > 0 ? (
        <nav className="app-glossary-letters" aria-label={t("glossary.letters")}>
          <ul className="govuk-list app-glossary-letters__list">
            {groups.map(([letter]) => (
              <li key={letter}>
                <a className="govuk-link" href={`#letter-${letter}`}>
                  {letter}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {groups.map(([letter, group]) => (
        <section key={letter} aria-labelledby={`letter-${letter}`}>
          <h2 className="govuk-heading-l app-glossary-letter" id={`letter-${letter}`}>
            {letter}
          </h2>
          {group.map((term) => (
            <div className="app-glossary-term" key={term.slug}>
              <h3 className="govuk-heading-m app-break-words" id={term.slug}>
                {term.term}
              </h3>
              {term.description ? <p className="govuk-body">{term.description}</p> : null}
              <dl className="govuk-summary-list govuk-summary-list--no-border app-glossary-term__names">
                {rows(term)
                  .filter(([, names]) => names.length > 0)
                  .map(([key, names, lang]) => (
                    <div className="govuk-summary-list__row" key={key}>
                      <dt className="govuk-summary-list__key">{t(key)}</dt>
                      <dd className="govuk-summary-list__value" lang={lang}>
                        {names.join(", ")}
                      </dd>
                    </div>
                  ))}
              </dl>
              <p className="govuk-body">
                <Link className="govuk-link" to={`/search?q=${encodeURIComponent(term.term)}`}>
                  {t("glossary.searchFor", { term: term.term })}
                </Link>
              </p>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";
