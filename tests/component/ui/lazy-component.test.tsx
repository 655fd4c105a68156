import { act, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { afterHydration } from '@/components/ui/lazy-component';

type Greeting = (props: { name: string }) => React.ReactNode;

describe('afterHydration', () => {
  it('renders nothing on the server and before its code is here, then the loaded component with its props', async () => {
    let finish: (component: Greeting) => void = () => undefined;
    const Greeting = afterHydration(() => new Promise<Greeting>((resolve) => (finish = resolve)));
    expect(renderToString(<Greeting name="Valeria" />)).toBe('');

    const { container } = render(<Greeting name="Valeria" />);
    expect(container.innerHTML).toBe('');
    await act(async () => finish(({ name }) => <p>Hola, {name}</p>));
    expect(screen.getByText('Hola, Valeria')).toBeTruthy();
  });

  it('mounted after hydration with its code already here, it renders at once', async () => {
    const Hello = ({ name }: { name: string }) => <p>Hola, {name}</p>;
    const Greeting = afterHydration(async () => Hello);
    await Greeting.preload();
    render(<Greeting name="Sofía" />);
    expect(screen.getByText('Hola, Sofía')).toBeTruthy();
  });

  it('a chunk that fails to load leaves the page as it was', async () => {
    let fail: (error: Error) => void = () => undefined;
    const Broken = afterHydration<object>(() => new Promise((_, reject) => (fail = reject)));
    const { container } = render(<Broken />);
    await act(async () => fail(new Error('ChunkLoadError')));
    expect(container.innerHTML).toBe('');
  });
});
