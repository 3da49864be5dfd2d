/** The shape of a catalogue entry: a sentence, or a sentence per plural category. */

/** One sentence per CLDR plural category; `other` is required, the rest as the language needs them. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type Message = string | PluralMessage;

export type Catalogue = Record<string, Message>;
