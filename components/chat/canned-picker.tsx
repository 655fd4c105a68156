'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { CannedResponse } from '@/lib/domain/canned-responses/canned-response-schemas';

// W2 "/" shortcuts: "/" at the start of a word opens the account's canned responses matching what
// follows it; arrows move, Enter or Tab insert the content in place of "/code", Escape closes.

// The "/code" being typed right before the caret, if any.
export const cannedQueryAt = (text: string, caret: number): { start: number; query: string } | null => {
  const match = /(^|\s)\/([\p{L}\p{N}_-]{0,30})$/u.exec(text.slice(0, caret));
  return match ? { start: caret - match[2].length - 1, query: match[2] } : null;
};

type Options = { text: string; area: React.RefObject<HTMLTextAreaElement | null>; onInsert: (text: string, caret: number) => void };

export const useCannedPicker = ({ text, area, onInsert }: Options) => {
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [results, setResults] = useState<CannedResponse[]>([]);
  const [index, setIndex] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!query) return setResults([]);
    const request = ++latest.current;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/canned-responses?q=${encodeURIComponent(query.query)}`);
        const body = response.ok ? ((await response.json()) as { cannedResponses: CannedResponse[] }) : { cannedResponses: [] };
        // An older, slower answer never replaces a newer one.
        if (request === latest.current) {
          setResults(body.cannedResponses);
          setIndex(0);
        }
      } catch {
        if (request === latest.current) setResults([]);
      }
    }, 120);
    return () => clearTimeout(timer);
  }, [query]);

  const open = Boolean(query) && results.length > 0;
  const close = () => {
    setQuery(null);
    setResults([]);
  };
  const insert = (response: CannedResponse) => {
    if (!query) return;
    const caret = area.current?.selectionStart ?? text.length;
    const before = text.slice(0, query.start) + response.content;
    onInsert(before + text.slice(caret), before.length);
    close();
  };

  return {
    open,
    // Call with the textarea's new value and caret on every change.
    onChange: (value: string, caret: number) => setQuery(cannedQueryAt(value, caret)),
    // True when the key was the picker's (the composer then does nothing else with it).
    onKeyDown: (event: React.KeyboardEvent<HTMLTextAreaElement>): boolean => {
      if (!open) return false;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setIndex((index + (event.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length);
        return true;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        insert(results[index] ?? results[0]);
        return true;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
        return true;
      }
      return false;
    },
    list: open ? <CannedList results={results} index={index} onPick={insert} /> : null,
  };
};

const CannedList = ({ results, index, onPick }: { results: CannedResponse[]; index: number; onPick: (response: CannedResponse) => void }) => {
  const t = useTranslations('composer');
  return (
    <ul role="listbox" aria-label={t('cannedResponses')} className="absolute bottom-full left-0 z-20 mb-1 max-h-64 w-full max-w-md overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
      {results.map((response, at) => (
        <li key={response.id} role="option" aria-selected={at === index}>
          <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => onPick(response)} className={`w-full px-3 py-1 text-left ${at === index ? 'bg-brand-50' : ''}`}>
            <span className="font-mono text-xs text-brand-700">/{response.shortCode}</span>
            <span className="block truncate text-slate-700">{response.content}</span>
          </button>
        </li>
      ))}
    </ul>
  );
};
