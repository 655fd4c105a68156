import type { Locale } from '../locales';

// Messages are split by namespace (one JSON file per top-level key, the same files in es/ and en/)
// so that features add their own file instead of editing one shared file.
const loaders = {
  es: () => import('./es'),
  en: () => import('./en'),
} satisfies Record<Locale, () => Promise<{ default: Record<string, unknown> }>>;

export const loadMessages = async (locale: Locale) => (await loaders[locale]()).default;
