import { type KeyboardEvent, useId, useState } from "react";
import { useI18n } from "~/i18n/use-t";
import { normaliseTag } from "~/posts/slug";
import { fieldId } from "./error-summary";
import { describedBy, FieldShell } from "./form-fields";

/** A topic that may be suggested: its tag and its name as people see it. */
export interface TagSuggestion {
  tag: string;
  name: string;
}

const MAX_SHOWN = 8;

/** The tag being typed: the text after the last comma. */
function currentPart(value: string): string {
  return value.slice(value.lastIndexOf(",") + 1).trim();
}

function matching(value: string, suggestions: readonly TagSuggestion[]): TagSuggestion[] {
  const typed = currentPart(value).toLowerCase();
  if (!typed) return [];
  const chosen = new Set(value.split(",").slice(0, -1).map(normaliseTag));
  const typedTag = normaliseTag(typed);
  return suggestions
    .filter(
      (topic) =>
        !chosen.has(topic.tag) &&
        (topic.name.toLowerCase().includes(typed) || (typedTag && topic.tag.includes(typedTag))),
    )
    .slice(0, MAX_SHOWN);
}

/**
 * Tags as one text box of comma-separated names, which works without
 * JavaScript; with it, the existing topics matching the tag being typed are
 * offered as a list (the ARIA combobox pattern: arrow keys to move, Enter to
 * choose, Escape to close, the number of suggestions announced). New tags
 * are simply typed.
 */
export function TagInput({
  name,
  label,
  hint,
  defaultValue,
  errors,
  suggestions,
}: {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  errors?: string[];
  suggestions: readonly TagSuggestion[];
}) {
  const { t } = useI18n();
  const id = fieldId(name);
  const listId = `${useId()}-suggestions`.replace(/:/g, "");
  const [value, setValue] = useState(defaultValue ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = open ? matching(value, suggestions) : [];
  const expanded = options.length > 0;
  const error = errors?.[0];

  const choose = (topic: TagSuggestion) => {
    const before = value.slice(0, value.lastIndexOf(",") + 1);
    setValue(`${before ? `${before} ` : ""}${topic.name}, `.replace(/^\s+/, ""));
    setActive(-1);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && expanded) {
      event.preventDefault();
      setActive((active + 1) % options.length);
    } else if (event.key === "ArrowUp" && expanded) {
      event.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter" && expanded && active >= 0) {
      // Choosing a suggestion, not sending the form.
      event.preventDefault();
      const topic = options[active];
      if (topic) choose(topic);
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <FieldShell name={name} label={label} hint={hint} errors={errors} className="app-tag-input">
      <input
        className={`govuk-input${error ? " govuk-input--error" : ""}`}
        id={id}
        name={name}
        type="text"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy(name, hint, errors)}
        aria-invalid={Boolean(error) || undefined}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t("writing.tagSuggestionsLabel")}
        className="app-tag-input__list"
        hidden={!expanded}
      >
        {options.map((topic, index) => (
          <div
            key={topic.tag}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // Focus stays in the text box (aria-activedescendant); the option is never tabbed to.
            tabIndex={-1}
            className={`app-tag-input__option${index === active ? " app-tag-input__option--active" : ""}`}
            // Chosen before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(topic);
            }}
          >
            {topic.name}
          </div>
        ))}
      </div>
      <div className="govuk-visually-hidden" aria-live="polite">
        {open && currentPart(value) ? t("writing.tagSuggestions", { count: options.length }) : ""}
      </div>
    </FieldShell>
  );
}
