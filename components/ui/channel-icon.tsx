import { useTranslations } from 'next-intl';

const ICONS = { website: '💬', api: '🔌', email: '✉️' } as const;

// The icon of an inbox's channel, with its name for screen readers.
export const ChannelIcon = ({ channel }: { channel: keyof typeof ICONS }) => {
  const t = useTranslations('channels');
  return (
    <span role="img" aria-label={t(channel)} title={t(channel)} className="w-5 shrink-0 text-center">
      {ICONS[channel]}
    </span>
  );
};
