import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NextIntlClientProvider } from 'next-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VoiceRecorder } from '@/components/chat/lazy';
import es from '@/lib/i18n/messages/es';
import { renderThenHydrate } from '../helpers/hydrate';

// The composer's microphone. Without JavaScript it could do nothing, so the server's HTML has none;
// it appears once hydrated (its code loads then). The browser's microphone (getUserMedia, MediaRecorder) is stood in for.
const recorder = (onRecorded = vi.fn()) => (
  <NextIntlClientProvider locale="es" messages={es}>
    <VoiceRecorder onRecorded={onRecorded} />
  </NextIntlClientProvider>
);

class FakeMediaRecorder {
  static isTypeSupported = (type: string) => type === 'audio/webm;codecs=opus';
  mimeType: string;
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  constructor(readonly stream: MediaStream, options?: { mimeType?: string }) {
    this.mimeType = options?.mimeType ?? '';
  }
  start = () => {};
  stop = () => {
    this.ondataavailable?.({ data: new Blob(['voz'], { type: this.mimeType }) });
    this.onstop?.();
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('VoiceRecorder (issue 13: no dead microphone without JavaScript)', () => {
  it('is not in the server HTML; it appears once hydrated, without a hydration mismatch', async () => {
    const { html, unmount } = await renderThenHydrate(() => recorder());
    expect(html).toBe('');
    expect(await screen.findByRole('button', { name: 'Grabar nota de voz' })).toBeTruthy();
    unmount();
  });

  it('once there, it records and hands the audio over', async () => {
    const stop = vi.fn();
    vi.stubGlobal('MediaRecorder', FakeMediaRecorder);
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { mediaDevices: { getUserMedia: async () => ({ getTracks: () => [{ stop }] }) } }));
    const onRecorded = vi.fn();
    const user = userEvent.setup();
    render(recorder(onRecorded));
    await user.click(await screen.findByRole('button', { name: 'Grabar nota de voz' }));
    expect(screen.getByRole('status').textContent).toContain('Grabando');
    await user.click(screen.getByRole('button', { name: 'Enviar nota de voz' }));
    await waitFor(() => expect(onRecorded).toHaveBeenCalledTimes(1));
    const [audio, duration] = onRecorded.mock.calls[0] as [Blob, number];
    expect(audio.type).toBe('audio/webm;codecs=opus');
    expect(duration).toBeGreaterThan(0);
    // The microphone is released.
    expect(stop).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Grabar nota de voz' })).toBeTruthy();
  });

  it('says so when the microphone cannot be used', async () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { mediaDevices: { getUserMedia: async () => Promise.reject(new Error('NotAllowedError')) } }));
    const user = userEvent.setup();
    render(recorder());
    await user.click(await screen.findByRole('button', { name: 'Grabar nota de voz' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No hay acceso al micrófono.');
  });
});
