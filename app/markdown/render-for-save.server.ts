/**
 * A record's Markdown fields rendered once, when it is saved (decision 022):
 * the sanitised HTML its page shows and the plain text search indexes, for
 * the English fields and any Welsh ones (`cy:<field>`). Field names match the
 * form's, so a text that takes too long to render is reported on its own
 * field. Posts and roadmap items both save through here.
 */
import type { RenderedFields } from "../../db/schema";
import { inLocale } from "../i18n/bilingual";
import type { Locale } from "../i18n/translate";
import { ValidationError } from "../platform/errors";
import { MarkdownTooComplexError, renderWithinBudget } from "./render.server";

/** The prefix of a Welsh field's name among the rendered fields. */
export const WELSH_FIELD = "cy:";

/** Renders the fields within one budget; a field too complex to render in time is a ValidationError on it. */
export function renderForSave(fields: Record<string, string>): RenderedFields {
  try {
    const rendered = renderWithinBudget(fields);
    const html: Record<string, string> = {};
    const text: Record<string, string> = {};
    for (const [field, result] of Object.entries(rendered)) {
      html[field] = result.html;
      text[field] = result.text;
    }
    return { html, text };
  } catch (error) {
    if (error instanceof MarkdownTooComplexError) {
      throw new ValidationError({ [error.field.replace(WELSH_FIELD, "")]: ["errors.markdown.tooComplex"] });
    }
    throw error;
  }
}

/** The stored HTML of a field in the reader's language (the English when there is no Welsh). */
export function renderedHtml(rendered: RenderedFields, field: string, locale: Locale): string {
  return inLocale(rendered.html[field] ?? "", rendered.html[`${WELSH_FIELD}${field}`], locale).text;
}
