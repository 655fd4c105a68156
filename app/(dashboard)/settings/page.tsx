import { getTranslations } from 'next-intl/server';
import { requireCtx } from '@/lib/auth/session';

// Every settings page an administrator may open; agents get the ones that are theirs.
const PAGES = [
  { href: '/settings/profile', key: 'profile', everyone: true },
  { href: '/settings/macros', key: 'macros', everyone: true },
  { href: '/settings/canned-responses', key: 'cannedResponses', everyone: true },
  { href: '/settings/agents', key: 'agents', everyone: false },
  { href: '/settings/teams', key: 'teams', everyone: false },
  { href: '/settings/inboxes', key: 'inboxes', everyone: false },
  { href: '/settings/labels', key: 'labels', everyone: false },
  { href: '/settings/attributes', key: 'attributes', everyone: false },
  { href: '/settings/outbox', key: 'outbox', everyone: false },
  { href: '/settings/webhooks', key: 'webhooks', everyone: false },
] as const;

const SettingsIndexPage = async () => {
  const ctx = await requireCtx();
  const t = await getTranslations('settings');
  const pages = PAGES.filter((page) => page.everyone || ctx.actor.role === 'administrator');
  return (
    <main className="flex-1 overflow-y-auto bg-slate-50">
      <header className="flex items-center gap-2 border-b border-slate-200 bg-white px-4 py-3">
        <a href="#views" className="rounded p-1 text-slate-600 md:hidden" aria-label={t('openMenu')}>☰</a>
        <h1 className="text-base font-semibold">{t('title')}</h1>
      </header>
      <nav aria-label={t('title')} className="mx-auto max-w-3xl p-4">
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {pages.map((page) => (
            <li key={page.href}>
              <a href={page.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-500 focus-visible:outline-2">
                <span className="font-semibold">{t(`index.${page.key}.title`)}</span>
                <span className="mt-1 block text-sm text-slate-500">{t(`index.${page.key}.description`)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
};

export default SettingsIndexPage;
