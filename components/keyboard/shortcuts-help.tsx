'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { keyLabels, SHORTCUTS } from '@/lib/keyboard/shortcuts';
import { useModalDialog } from './use-modal-dialog';

// The "?" dialog: every shortcut of the registry (lib/keyboard/shortcuts.ts) with what it does.
export const ShortcutsHelp = ({ open, onClose, mac }: { open: boolean; onClose: () => void; mac: boolean }) => {
  const t = useTranslations('keyboard');
  const close = useRef<HTMLButtonElement>(null);
  const dialog = useModalDialog(open, onClose, () => close.current?.focus());
  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-help-title"
      data-testid="shortcuts-help"
      className="m-auto w-[min(32rem,calc(100vw-1rem))] max-w-none rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
        <h2 id="shortcuts-help-title" className="font-semibold">{t('helpTitle')}</h2>
        <button ref={close} type="button" onClick={onClose} className="min-h-11 min-w-11 rounded-md text-slate-600 hover:bg-slate-100" aria-label={t('close')}>
          ✕
        </button>
      </div>
      <div className="max-h-[70vh] overflow-y-auto px-4 py-2">
        <table className="w-full text-sm">
          <caption className="sr-only">{t('helpTitle')}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">{t('keys')}</th>
              <th scope="col">{t('action')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.id} className="border-b border-slate-100 last:border-0">
                <td className="py-2 pr-3 whitespace-nowrap">
                  {keyLabels(shortcut, mac).map((key, index) => (
                    <span key={key}>
                      {index > 0 && <span aria-hidden className="px-0.5 text-slate-400">+</span>}
                      <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{key}</kbd>
                    </span>
                  ))}
                </td>
                <td className="py-2">{t(`shortcuts.${shortcut.id}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="py-2 text-xs text-slate-500">{t('helpFootnote')}</p>
      </div>
    </dialog>
  );
};
