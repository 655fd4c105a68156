'use client';

import { useEffect, useRef } from 'react';
import { matchShortcut, type ShortcutId } from '@/lib/keyboard/shortcuts';

export type ShortcutHandlers = Partial<Record<ShortcutId, () => void>>;

// An action the command palette offers: a shortcut's own action, or one without a key.
export type Command = { id: string; label: string; run: () => void; shortcut?: ShortcutId };

// The workspace's shortcuts (the dashboard shell) and the open conversation's, which win for a key
// both handle and come first in the palette.
type Level = 'workspace' | 'conversation';
type Layer = { level: Level; handlers: { current: ShortcutHandlers }; commands: { current: Command[] } };

// The mounted layers, innermost last: the workspace's, then the conversation's, whichever's code
// loaded first (both load after hydration).
const layers: Layer[] = [];
const insert = (layer: Layer) => {
  const after = layer.level === 'workspace' ? layers.findIndex((item) => item.level === 'conversation') : -1;
  layers.splice(after === -1 ? layers.length : after, 0, layer);
};

let workspaceReady = false;

// <html data-keyboard="ready"> once the keys answer: the workspace's shortcuts with their dialogs'
// code (keyboard-shortcuts.tsx) and, while a conversation is open (triage-provider.tsx), its own.
// Tests wait for it rather than for a time. Never taken back: later conversations' code is here.
const updateReadiness = () => {
  if (!workspaceReady) return;
  if (document.querySelector('[data-open-conversation]') && !layers.some((layer) => layer.level === 'conversation')) return;
  document.documentElement.dataset.keyboard = 'ready';
};

export const markWorkspaceReady = () => {
  workspaceReady = true;
  updateReadiness();
};

// A text field types the letter: no plain-key shortcut fires there.
export const isTyping = (target: EventTarget | null): boolean => {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
};

// Runs the handler for `id` of the innermost layer that has one; false when none does.
export const runShortcut = (id: ShortcutId): boolean => {
  const layer = [...layers].reverse().find((item) => item.handlers.current[id]);
  layer?.handlers.current[id]?.();
  return Boolean(layer);
};

// What the palette offers now: every layer's commands, innermost first, each id once.
export const currentCommands = (): Command[] => {
  const seen = new Set<string>();
  return [...layers].reverse().flatMap((layer) => layer.commands.current.filter((command) => !seen.has(command.id) && seen.add(command.id)));
};

// Escape belongs to whatever is open first: a menu, a dialog, the phone's views drawer
// (components/shell/views-drawer.tsx), the composer's mention or canned list.
const escapeIsTaken = (target: EventTarget | null) =>
  Boolean(document.querySelector('details[open], dialog[open], aside[data-open]')) ||
  (target instanceof Element && Boolean(target.closest('form')?.querySelector('[role="listbox"]')));

// Listens in the capture phase of window, so a key reaches this before any component handles it;
// it then only acts on what is meant for it.
const onKeyDown = (event: KeyboardEvent) => {
  if (event.defaultPrevented || event.isComposing) return;
  const shortcut = matchShortcut(event, isTyping(event.target));
  if (!shortcut) return;
  if (shortcut.id === 'back' && escapeIsTaken(event.target)) return;
  // A native dialog (help, palette, pickers) keeps its own keys; Ctrl/Cmd+K still toggles the palette.
  if (shortcut.id !== 'palette' && document.querySelector('dialog[open]')) return;
  if (runShortcut(shortcut.id)) {
    event.preventDefault();
    event.stopPropagation();
  }
};

let listeners = 0;

// Registers this component's shortcut handlers and palette commands while it is mounted. One
// document listener serves every layer. Handlers are read at key time, so they may close over state.
export const useShortcuts = (level: Level, handlers: ShortcutHandlers, commands: Command[] = []) => {
  const handlersRef = useRef(handlers);
  const commandsRef = useRef(commands);
  useEffect(() => {
    handlersRef.current = handlers;
    commandsRef.current = commands;
  });
  useEffect(() => {
    const layer: Layer = { level, handlers: handlersRef, commands: commandsRef };
    insert(layer);
    if (listeners++ === 0) window.addEventListener('keydown', onKeyDown, true);
    updateReadiness();
    return () => {
      layers.splice(layers.indexOf(layer), 1);
      if (--listeners === 0) window.removeEventListener('keydown', onKeyDown, true);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a layer's level is fixed for its component
  }, []);
};
