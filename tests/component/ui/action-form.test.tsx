import { act, fireEvent, render, screen } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { ActionForm } from '@/components/ui/action-form';
import type { ActionState } from '@/lib/actions/action';
import es from '@/lib/i18n/messages/es';

describe('ActionForm', () => {
  it('disables its fields while the action runs, so a second click posts nothing twice; then shows the answer', async () => {
    let calls = 0;
    let answer: (state: ActionState) => void = () => undefined;
    const action = async (): Promise<ActionState> => {
      calls += 1;
      return new Promise<ActionState>((resolve) => (answer = resolve));
    };
    render(
      <NextIntlClientProvider locale="es" messages={es}>
        <ActionForm action={action} saved="Guardado">
          <button type="submit">Marcar</button>
        </ActionForm>
      </NextIntlClientProvider>,
    );
    const button = screen.getByRole('button', { name: 'Marcar' });
    await act(async () => fireEvent.click(button));
    expect(button.closest('fieldset')?.disabled).toBe(true);
    await act(async () => fireEvent.click(button));
    expect(calls).toBe(1);

    await act(async () => answer({ ok: true }));
    expect(button.closest('fieldset')?.disabled).toBe(false);
    expect(screen.getByRole('status').textContent).toBe('Guardado');
  });
});
