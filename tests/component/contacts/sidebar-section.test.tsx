import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SidebarSection } from '@/components/contact-sidebar/sidebar-section';

// "Más detalles": each section folds, and the ones the agent closed stay closed in this browser
// (localStorage) when the sidebar is rendered again (another conversation, a reload).
const sidebar = () => (
  <>
    <button type="button">Volver</button>
    <SidebarSection title="Acciones de la conversación" name="actions">
      <p>Asignar</p>
    </SidebarSection>
    <SidebarSection title="Atributos del contacto" name="attributes-contact">
      <p>Plan</p>
    </SidebarSection>
  </>
);
const section = (title: string) => screen.getByRole('region', { name: title }).querySelector('details')!;
const summary = (title: string) => screen.getByRole('region', { name: title }).querySelector('summary')!;

beforeEach(() => localStorage.clear());

describe('SidebarSection (issue 13: collapsible, remembered)', () => {
  it('starts open; a closed section stays closed when mounted again, the others open; reopening forgets it', async () => {
    const user = userEvent.setup();
    const first = render(sidebar());
    expect(section('Acciones de la conversación').open).toBe(true);
    await user.click(summary('Acciones de la conversación'));
    expect(section('Acciones de la conversación').open).toBe(false);
    // The toggle event (a task after the click) records it.
    await waitFor(() => expect(localStorage.getItem('bandeja:sidebar-section:actions')).toBe('closed'));
    first.unmount();

    render(sidebar());
    await waitFor(() => expect(section('Acciones de la conversación').open).toBe(false));
    expect(section('Atributos del contacto').open).toBe(true);
    expect(localStorage.getItem('bandeja:sidebar-section:attributes-contact')).toBeNull();

    await user.click(summary('Acciones de la conversación'));
    expect(section('Acciones de la conversación').open).toBe(true);
    await waitFor(() => expect(localStorage.getItem('bandeja:sidebar-section:actions')).toBeNull());
  });

  it('is operated by keyboard: its heading is a native <summary> reached by Tab', async () => {
    const user = userEvent.setup();
    render(sidebar());
    await user.tab();
    await user.tab();
    const heading = summary('Acciones de la conversación');
    expect(document.activeElement).toBe(heading);
    expect(heading.parentElement?.tagName).toBe('DETAILS');
    // Nothing overrides the summary's own keyboard behaviour (no role, no tabindex, no key handler).
    expect(heading.getAttribute('role')).toBeNull();
    expect(heading.getAttribute('tabindex')).toBeNull();
    await user.tab();
    expect(document.activeElement).toBe(summary('Atributos del contacto'));
    // Enter and Space on a focused <summary> fire its activation, a click (jsdom does not turn the
    // keys into it as browsers do, so the click is dispatched as the browser would).
    act(() => summary('Atributos del contacto').click());
    expect(section('Atributos del contacto').open).toBe(false);
    await waitFor(() => expect(localStorage.getItem('bandeja:sidebar-section:attributes-contact')).toBe('closed'));
  });

  it("the server's HTML (all open) hydrates without a mismatch; the remembered closing is applied after", async () => {
    localStorage.setItem('bandeja:sidebar-section:actions', 'closed');
    const html = renderToString(sidebar());
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    expect(container.querySelectorAll('details[open]')).toHaveLength(2);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const recoverable = vi.fn();
    const root = await act(async () => hydrateRoot(container, sidebar(), { onRecoverableError: recoverable }));
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(section('Acciones de la conversación').open).toBe(false);
    expect(section('Atributos del contacto').open).toBe(true);
    act(() => root.unmount());
    container.remove();
    errors.mockRestore();
  });
});
