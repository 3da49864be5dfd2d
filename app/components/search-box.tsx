import { Form, useFetcher, useNavigate } from "@remix-run/react";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useI18n } from "~/i18n/use-t";
import type { PostKind } from "~/posts/post-kinds";
import type { Suggestion } from "~/search/search-query";

/** Fewer characters than this suggest nothing: too many titles would match. */
const MIN_QUERY = 2;
const TYPING_PAUSE_MS = 150;

/**
 * A GET search form that works without JavaScript. With it, the field is
 * an ARIA combobox (decision 030): matching titles open below it as a
 * listbox, the arrow keys move through them, Enter opens the one chosen (or
 * searches when none is), Escape closes the list, and the number found is
 * announced politely.
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
  const navigate = useNavigate();
  const fetcher = useFetcher<{ suggestions?: Suggestion[] }>();
  const [query, setQuery] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // The query the list on show answers: a slower, older answer never replaces it.
  const [asked, setAsked] = useState("");
  // A combobox only once scripts run: without them the field is a plain search box that never expands.
  const [enhanced, setEnhanced] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const wrapper = useRef<HTMLDivElement>(null);
  const listId = `${id}-suggestions`;
  const statusId = `${id}-status`;

  useEffect(() => {
    setEnhanced(true);
    return () => clearTimeout(timer.current);
  }, []);
  useEffect(() => setQuery(defaultValue), [defaultValue]);
  // The list closes when focus or a click moves elsewhere.
  useEffect(() => {
    if (!open) return;
    const closeIfOutside = (event: Event) => {
      if (!wrapper.current?.contains(event.target as Node | null)) setOpen(false);
    };
    document.addEventListener("focusin", closeIfOutside);
    document.addEventListener("mousedown", closeIfOutside);
    return () => {
      document.removeEventListener("focusin", closeIfOutside);
      document.removeEventListener("mousedown", closeIfOutside);
    };
  }, [open]);

  const answered = fetcher.state === "idle" && asked.length >= MIN_QUERY && query.trim() === asked;
  const suggestions = answered ? (fetcher.data?.suggestions ?? []) : [];
  const expanded = open && suggestions.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  const onChange = (value: string) => {
    setQuery(value);
    setActive(-1);
    clearTimeout(timer.current);
    const trimmed = value.trim();
    if (trimmed.length < MIN_QUERY) {
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => {
      setAsked(trimmed);
      fetcher.load(`/search/suggest?${new URLSearchParams({ q: trimmed })}`);
      setOpen(true);
    }, TYPING_PAUSE_MS);
  };

  const choose = (suggestion: Suggestion) => {
    setOpen(false);
    setActive(-1);
    navigate(suggestion.url);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        if (suggestions.length === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((index) => (expanded ? (index + 1) % suggestions.length : 0));
        return;
      case "ArrowUp":
        if (!expanded) return;
        event.preventDefault();
        setActive((index) => (index <= 0 ? suggestions.length - 1 : index - 1));
        return;
      case "Enter": {
        const chosen = expanded ? suggestions[active] : undefined;
        // With no suggestion chosen, Enter sends the form: a full search.
        if (!chosen) return;
        event.preventDefault();
        choose(chosen);
        return;
      }
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (query) {
          // As in the ARIA pattern: a second Escape clears the field.
          event.preventDefault();
          setQuery("");
        }
        return;
      default:
        return;
    }
  };

  const visibleLabel = variant === "page";
  return (
    <div className={`app-search app-search--${variant}`} ref={wrapper}>
      <Form
        method="get"
        action="/search"
        role="search"
        // Named, so that on the search page, which has a search form of its own, the two landmarks differ.
        aria-label={variant === "header" ? t("searchBox.landmark") : undefined}
        className="app-search__form"
      >
        <label className={visibleLabel ? "govuk-label govuk-label--s" : "govuk-visually-hidden"} htmlFor={id}>
          {t("search.label")}
        </label>
        <div className="app-search__row">
          <input
            className="govuk-input app-search__input"
            id={id}
            name="q"
            type="search"
            autoComplete="off"
            // In the header the label is hidden to save room; the placeholder says what the box is for.
            placeholder={visibleLabel ? undefined : t("searchBox.placeholder")}
            {...(enhanced
              ? {
                  role: "combobox",
                  "aria-autocomplete": "list" as const,
                  "aria-expanded": expanded,
                  "aria-controls": listId,
                  "aria-activedescendant": expanded && active >= 0 ? optionId(active) : undefined,
                }
              : {})}
            value={query}
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="submit" className="govuk-button app-search__button" data-module="govuk-button">
            {t("search.submit")}
          </button>
        </div>
        {children}
      </Form>
      <div id={statusId} className="govuk-visually-hidden" aria-live="polite">
        {open && answered
          ? suggestions.length > 0
            ? t("searchBox.count", { count: suggestions.length })
            : t("searchBox.none")
          : ""}
      </div>
      {/* Always in the page, so that aria-controls names an element; empty and hidden when closed. */}
      <div
        className="app-search__suggestions"
        id={listId}
        role="listbox"
        aria-label={t("search.suggestions")}
        hidden={!expanded}
      >
        {expanded
          ? suggestions.map((suggestion, index) => (
              <div
                key={suggestion.url}
                id={optionId(index)}
                role="option"
                // Focus stays in the field (aria-activedescendant); -1 only makes the option focusable by script.
                tabIndex={-1}
                aria-selected={index === active}
                className={`app-search__option${index === active ? " app-search__option--active" : ""}`}
                // Chosen on mousedown so that the field does not lose focus (and close the list) first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(suggestion);
                }}
                onMouseEnter={() => setActive(index)}
              >
                <span className="app-search__option-title">{suggestion.title}</span>
                <span className="app-search__suggestion-meta">
                  {suggestion.type === "post" && suggestion.kind
                    ? t(`kinds.${suggestion.kind as PostKind}`)
                    : t(`types.${suggestion.type}`)}
                  {suggestion.partnerNames.length > 0 ? ` · ${suggestion.partnerNames.join(", ")}` : ""}
                </span>
              </div>
            ))
          : null}
      </div>
    </div>
  );
}
