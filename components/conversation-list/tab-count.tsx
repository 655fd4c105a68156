import { useFormatter, useTranslations } from 'next-intl';
import { isCappedCount, TAB_COUNT_CAP } from '@/lib/domain/conversations/list/count-tabs';

// The count beside an L5 tab: the number in the reader's locale, or "1000+" (read out as "más de
// 1000") for a count past TAB_COUNT_CAP.
export const TabCount = ({ count }: { count: number }) => {
  const t = useTranslations('list.tabs');
  const format = useFormatter();
  return (
    <span className="rounded-full bg-slate-100 px-1.5 text-xs tabular-nums">
      {isCappedCount(count) ? (
        <>
          <span aria-hidden="true">{t('over', { count: TAB_COUNT_CAP })}</span>
          <span className="sr-only">{t('overLabel', { count: TAB_COUNT_CAP })}</span>
        </>
      ) : (
        format.number(count)
      )}
    </span>
  );
};
