import type { PreviewCard as Card } from '@/lib/domain/conversations/list/load-preview-cards';

// A new first page over what is shown: the cards loaded below it stay, minus those now in it.
export const replaceFirstPage = (shown: Card[], shownFirstPage: number, firstPage: Card[]): Card[] => {
  const later = shown.slice(shownFirstPage);
  if (later.length === 0) return firstPage;
  const top = new Set(firstPage.map((card) => card.id));
  return [...firstPage, ...later.filter((card) => !top.has(card.id))];
};
