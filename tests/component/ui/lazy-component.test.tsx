import { act, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { afterHydration } from '@/components/ui/lazy-component';

describe('afterHydration', () => {
  it('renders nothing on the server and before its code is here, then the loaded component with its props', async () => {
    let finish: (component: (props: { name: string }) => React.ReactNode) => void = () => undefined;
    const Greeting = afterHydration(() => new Promise<(props: { name: string }) => React.ReactNode>((resolve) => (finish = resolve)));
    expect(renderToString(<Greeting name="Valeria" />)).toBe('');

    const { container } = render(<Greeting name="Valeria" />);
    expect(container.innerHTML).toBe('');
    await act(async () => finish(({ name }) => <p>Hola, {name}</p>));
    expect(screen.getByText('Hola, Valeria')).toBeTruthy();
  });

  it('a chunk that fails to load leaves the page as it was', async () => {
    let fail: (error: Error) => void = () => undefined;
    const Broken = afterHydration<object>(() => new Promise((_, reject) => (fail = reject)));
    const { container } = render(<Broken />);
    await act(async () => fail(new Error('ChunkLoadError')));
    expect(container.innerHTML).toBe('');
  });
});
