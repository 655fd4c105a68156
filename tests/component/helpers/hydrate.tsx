import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { expect, vi } from 'vitest';

// Renders `element` as the server would, hydrates that HTML in the document as the browser would,
// and fails on any hydration mismatch (a recoverable error or a console error). Returns the server
// HTML and `unmount`, which removes everything again.
export const renderThenHydrate = async (element: () => ReactNode): Promise<{ html: string; unmount: () => void }> => {
  const html = renderToString(element());
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const recoverable = vi.fn();
  const root = await act(async () => hydrateRoot(container, element(), { onRecoverableError: recoverable }));
  try {
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
  } finally {
    errors.mockRestore();
  }
  return {
    html,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
};
