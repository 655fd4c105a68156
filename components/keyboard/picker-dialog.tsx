'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';

import type { PickerItem } from './picker-items';
import { useModalDialog } from './use-modal-dialog';

type Props = {
  open: boolean;
  onClose: () => void;
  title: string;
  placeholder: string;
  query: string;
  onQuery: (query: string) => void;
  // Already filtered by the caller (it may add results fetched for the query).
  items: PickerItem[];
  onPick: (item: PickerItem) => void;
  empty: string;
  // Labels: several can be chosen and the dialog stays open; items show checked.
  multiple?: boolean;
  error?: string | null;
  testId?: string;
};

// A searchable list in a modal <dialog> (command palette, assign, labels): the input keeps the focus,
// ↑/↓ move, Enter picks, Escape closes and gives the focus back to where it was. showModal() makes
// the rest of the page inert, so the focus stays inside; full width on a phone.
export const PickerDialog = ({ open, onClose, title, placeholder, query, onQuery, items, onPick, empty, multiple = false, error, testId }: Props) => {
  const t = useTranslations('keyboard');
  const input = useRef<HTMLInputElement>(null);
  const dialog = useModalDialog(open, onClose, () => input.current?.focus());
  const [active, setActive] = useState(0);
  const listId = useId();

  useEffect(() => setActive(0), [query, items.length]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (items.length ? (index + step + items.length) % items.length : 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = items[active];
      if (item) onPick(item);
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-label={title}
      data-testid={testId}
      className="m-auto mt-[10vh] w-[min(36rem,calc(100vw-1rem))] max-w-none rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex items-center gap-2 border-b border-slate-200 p-2">
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={items[active] ? `${listId}-${active}` : undefined}
          aria-label={placeholder}
          placeholder={placeholder}
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          onKeyDown={onKeyDown}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button type="button" onClick={onClose} className="min-h-11 min-w-11 rounded-md text-slate-600 hover:bg-slate-100" aria-label={t('close')}>
          ✕
        </button>
      </div>
      {error && <p role="alert" className="mx-2 mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      <ul id={listId} role="listbox" aria-label={title} aria-multiselectable={multiple || undefined} className="max-h-[60vh] overflow-y-auto p-1 text-sm">
        {items.length === 0 && <li className="px-3 py-3 text-slate-500">{empty}</li>}
        {items.map((item, index) => (
          <li
            key={item.key}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={multiple ? Boolean(item.checked) : index === active}
            data-active={index === active || undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(item)}
            onMouseMove={() => setActive(index)}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md px-3 py-2 data-[active]:bg-brand-50 data-[active]:text-brand-800"
          >
            {multiple && <span aria-hidden className="w-4 text-center">{item.checked ? '✓' : ''}</span>}
            <span className="min-w-0 flex-1 truncate">{item.label}</span>
            {item.hint && <span className="shrink-0 text-xs text-slate-600">{item.hint}</span>}
          </li>
        ))}
      </ul>
    </dialog>
  );
};
