import { Locale } from './localized-text';

const SUPPORTED = new Map<string, Locale>([
  ['en', Locale.EN],
  ['fr', Locale.FR],
  ['es', Locale.ES],
]);

/**
 * The best supported locale of an Accept-Language header (RFC 9110 quality values honoured),
 * English when the header is absent, malformed or names nothing we publish in.
 */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale {
  if (!header) return Locale.EN;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0 && SUPPORTED.has(entry.language))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.length > 0 ? SUPPORTED.get(ranked[0].language)! : Locale.EN;
}
