/** The glossary form's fields as typed, and as an entry's lists (client-safe). */
import { GLOSSARY_LIST_FIELDS } from "./glossary-rules";

export interface GlossaryFormValues {
  term: string;
  abbreviations: string;
  otherNames: string;
  welshTerms: string;
  alsoFinds: string;
  description: string;
}

export interface GlossaryFields {
  term: string;
  abbreviations: string[];
  otherNames: string[];
  welshTerms: string[];
  alsoFinds: string[];
  description: string;
}

/** Names are typed one per line (or separated by commas, which no name may contain). */
export function splitNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((name) => name.trim().replace(/\s+/g, " "))
        .filter(Boolean),
    ),
  ];
}

export function readGlossaryForm(form: FormData): GlossaryFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    term: text("term"),
    abbreviations: text("abbreviations"),
    otherNames: text("otherNames"),
    welshTerms: text("welshTerms"),
    alsoFinds: text("alsoFinds"),
    description: text("description"),
  };
}

export function glossaryFieldsOf(values: GlossaryFormValues): GlossaryFields {
  return {
    term: values.term.trim().replace(/\s+/g, " "),
    ...(Object.fromEntries(GLOSSARY_LIST_FIELDS.map((field) => [field, splitNames(values[field])])) as Pick<
      GlossaryFields,
      (typeof GLOSSARY_LIST_FIELDS)[number]
    >),
    description: values.description.trim(),
  };
}

export function glossaryFormValuesOf(fields: GlossaryFields): GlossaryFormValues {
  return {
    term: fields.term,
    abbreviations: fields.abbreviations.join("\n"),
    otherNames: fields.otherNames.join("\n"),
    welshTerms: fields.welshTerms.join("\n"),
    alsoFinds: fields.alsoFinds.join("\n"),
    description: fields.description,
  };
}
