import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "~/i18n/use-t";
import type { PostKind } from "~/posts/post-kinds";
import type { Suggestion } from "~/search/search-query";

/**
 * A GET search form that works without JavaScript; with it, matching titles
 * appear below the field as you type (plain links, announced politely).
 */
export function SearchBox({
  id,
  defaultValue = "",
  variant,
  children,
}: {
  id: string;
  defaultValue?: string;
  variant: "header" | "page";
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  const fetcher = useFetcher<{ suggestions?: Suggestion[] }>();
  const [query, setQuery] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => () => clearTimeout(timer.current), []);
  // The list closes when focus or a click moves elsewhere, or on Escape.
  useEffect(() => {
    if (!open) return;
    const closeIfOutside = (event: Event) => {
      if (!wrapper.current?.contains(event.target as Node | null)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("focusin", closeIfOutside);
    document.addEventListener("mousedown", closeIfOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      document.removeEventListener("focusin", closeIfOutside);
      document.removeEventListener("mousedown", closeIfOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [open]);
  useEffect(() => setQuery(defaultValue), [defaultValue]);

  const onChange = (value: string) => {
    setQuery(value);
    clearTimeout(timer.current);
    if (value.trim().length < 2) {
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => {
      fetcher.load(`/search/suggest?${new URLSearchParams({ q: value })}`);
      setOpen(true);
    }, 150);
  };

  const suggestions = open && query.trim().length >= 2 ? (fetcher.data?.suggestions ?? []) : [];
  const listId = `${id}-suggestions`;
  return (
    <div className={`app-search app-search--${variant}`} ref={wrapper}>
      <Form method="get" action="/search" role="search" className="app-search__form">
        <label className={variant === "page" ? "govuk-label govuk-label--s" : "govuk-visually-hidden"} htmlFor={id}>
          {t("search.label")}
        </label>
        <div className="app-search__row">
          <input
            className="govuk-input app-search__input"
            id={id}
            name="q"
            type="search"
            autoComplete="off"
            value={query}
            onChange={(event) => onChange(event.target.value)}
          />
          <button type="submit" className="govuk-button app-search__button" data-module="govuk-button">
            {t("search.submit")}
          </button>
        </div>
        {children}
      </Form>
      <div className="govuk-visually-hidden" aria-live="polite">
        {suggestions.length > 0 ? t("search.suggestionsCount", { count: suggestions.length }) : ""}
      </div>
      {suggestions.length > 0 ? (
        <ul className="app-search__suggestions" id={listId} aria-label={t("search.suggestions")}>
          {suggestions.map((suggestion) => (
            <li key={suggestion.url}>
              <Link className="govuk-link" to={suggestion.url} onClick={() => setOpen(false)}>
                {suggestion.title}
              </Link>
              <span className="app-search__suggestion-meta">
                {suggestion.type === "post" && suggestion.kind
                  ? t(`kinds.${suggestion.kind as PostKind}`)
                  : t(`types.${suggestion.type}`)}{" "}
                · {suggestion.partnerNames.join(", ")}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
