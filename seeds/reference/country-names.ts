import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import type { LocalizedText } from './localized';

// The dataset (i18n-iso-countries, pinned in package.json) is kept from CLDR and national
// sources; its names are not typed here by hand.
countries.registerLocale(en);
countries.registerLocale(fr);
countries.registerLocale(es);

/**
 * A country's name in English, French and Spanish, by ISO 3166-1 alpha-3 code. English is
 * `english`, the seeded (M49) name; French and Spanish come from the dataset and are left
 * out when it lacks the code, so the name falls back to English.
 */
export function countryNames(code: string, english: string): LocalizedText {
  const names: LocalizedText = { en: english };
  if (!/^[A-Z]{3}$/.test(code) || !countries.alpha3ToAlpha2(code)) return names;
  const french = countries.getName(code, 'fr');
  const spanish = countries.getName(code, 'es');
  if (french) names.fr = french;
  if (spanish) names.es = spanish;
  return names;
}
