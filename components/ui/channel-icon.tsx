import { useTranslations } from 'next-intl';

// 20×20 outline icons drawn inline: no icon font or emoji font is needed offline.
const PATHS = {
  website: 'M4 5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H9l-4 3v-3H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z',
  api: 'M7 3v4M13 3v4M5 7h10v3a5 5 0 0 1-10 0V7zM10 15v3',
  email: 'M3 5h14v10H3zM3 5l7 6 7-6',
} as const;

// The icon of an inbox's channel, with its name for screen readers.
export const ChannelIcon = ({ channel }: { channel: keyof typeof PATHS }) => {
  const t = useTranslations('channels');
  return (
    <svg role="img" aria-label={t(channel)} viewBox="0 0 20 20" className="h-4 w-4 shrink-0 text-slate-500" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <title>{t(channel)}</title>
      <path d={PATHS[channel]} />
    </svg>
  );
};
