import { Form, Link, useLocation } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import { SearchBox } from "./search-box";

export interface HeaderUser {
  name: string;
  canWrite: boolean;
  isAdmin: boolean;
}

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const links = [
    { to: "/", label: t("nav.home"), end: true },
    { to: "/search", label: t("nav.find"), end: true },
    { to: "/roadmap", label: t("nav.roadmap"), end: false },
    { to: "/boards", label: t("nav.boards"), end: false },
    { to: "/partners", label: t("nav.partners"), end: false },
    ...(user?.canWrite ? [{ to: "/my", label: t("nav.workspace"), end: true }] : []),
    ...(user?.canWrite ? [{ to: "/posts/new", label: t("nav.newPost"), end: true }] : []),
    ...(user?.isAdmin ? [{ to: "/admin/users", label: t("nav.users"), end: false }] : []),
    ...(user?.isAdmin ? [{ to: "/admin/search", label: t("nav.searchAdmin"), end: true }] : []),
    ...(user?.isAdmin ? [{ to: "/admin/glossary", label: t("nav.glossaryAdmin"), end: false }] : []),
  ];
  return (
    <>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container app-header__row">
          <Link to="/" className="app-service-name">
            {t("service.name")}
          </Link>
          {/* On every page, the search page included: the same place to search from wherever one is. */}
          {user ? <SearchBox id="header-search" variant="header" /> : null}
          {user ? (
            <div className="app-header-account">
              <span>{t("nav.signedInAs", { name: user.name })}</span>
              <Link to="/account/sessions" className="govuk-link app-header-account__link">
                {t("nav.account")}
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="app-link-button">
                  {t("nav.signOut")}
                </button>
              </Form>
            </div>
          ) : null}
        </div>
      </header>
      {user ? (
        <section
          // A new element for each page, so that on a phone the menu starts closed on every page, as after a page load.
          key={pathname}
          aria-label={t("nav.primary")}
          className="govuk-service-navigation"
          data-module="govuk-service-navigation"
        >
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <nav aria-label={t("nav.menu")} className="govuk-service-navigation__wrapper">
                {/* Shown by GOV.UK Frontend's script on narrow screens, where the links collapse behind it. */}
                <button
                  type="button"
                  className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                  aria-controls="navigation"
                  hidden
                >
                  {t("nav.menu")}
                </button>
                <ul className="govuk-service-navigation__list" id="navigation">
                  {links.map((link) => {
                    const active = link.end ? pathname === link.to : pathname.startsWith(link.to);
                    return (
                      <li
                        key={link.to}
                        className={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}
                      >
                        <Link
                          className="govuk-service-navigation__link"
                          to={link.to}
                          aria-current={active ? "page" : undefined}
                        >
                          {active ? (
                            <strong className="govuk-service-navigation__active-fallback">{link.label}</strong>
                          ) : (
                            link.label
                          )}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}
