import { registerEnumType } from 'type-graphql';

/** Text in the hub's three languages, stored as jsonb; English is always present. */
export interface LocalizedText {
  en: string;
  fr?: string;
  es?: string;
}

export enum Locale {
  EN = 'en',
  FR = 'fr',
  ES = 'es',
}

registerEnumType(Locale, {
  name: 'Locale',
  description: 'A language the hub publishes in.',
  valuesConfig: {
    EN: { description: 'English (`en`): every text has it; the fallback for a missing translation.' },
    FR: { description: 'French (`fr`).' },
    ES: { description: 'Spanish (`es`).' },
  },
});

/**
 * The text in `locale`, falling back to English when that translation is missing or blank.
 * Never returns an empty string for a non-null input, since English is required by the schema.
 */
export function localize(text: LocalizedText, locale: Locale): string;
export function localize(text: LocalizedText | null | undefined, locale: Locale): string | null;
export function localize(text: LocalizedText | null | undefined, locale: Locale): string | null {
  if (!text) return null;
  const translated = text[locale];
  return translated && translated.trim() !== '' ? translated : text.en;
}
