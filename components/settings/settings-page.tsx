import { getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/domain/context';

type Props = {
  ctx: Ctx;
  title: string;
  description: string;
  // Pages every agent may use (profile, macros, canned responses); administrators' pages otherwise.
  everyone?: boolean;
  children: React.ReactNode;
};

// The frame of a settings page, in place of the list and chat panels. On an administrators' page,
// agents are told they lack permission (the actions check again).
export const SettingsPage = async ({ ctx, title, description, everyone = false, children }: Props) => {
  const t = await getTranslations('settings');
  return (
    <main className="flex-1 overflow-y-auto bg-slate-50">
      <header className="flex items-center gap-2 border-b border-slate-200 bg-white px-4 py-3">
        <a href="#views" className="rounded p-1 text-slate-600 md:hidden" aria-label={t('openMenu')}>☰</a>
        <div className="min-w-0">
          <a href="/settings" className="text-xs text-brand-700 underline">{t('back')}</a>
          <h1 className="text-base font-semibold">{title}</h1>
          <p className="text-sm text-slate-500">{description}</p>
        </div>
      </header>
      <div className="mx-auto flex max-w-3xl flex-col gap-4 p-4">
        {everyone || ctx.actor.role === 'administrator' ? children : <p role="alert" className="rounded-md bg-amber-50 p-4 text-amber-900">{t('administratorsOnly')}</p>}
      </div>
    </main>
  );
};
