'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { formatDuration } from './attachment-view';

type Props = { onRecorded: (audio: Blob, duration: number) => void; disabled?: boolean };

// W3: records a voice note with the browser's microphone (MediaRecorder), showing the elapsed time;
// cancel throws it away, send hands the audio to the composer. Recording needs JavaScript, so the
// button appears only once the page is hydrated (it is rendered by afterHydration, lazy.tsx): without
// JavaScript there is no dead microphone, only the paperclip's plain file input, which works.
export const VoiceRecorder = ({ onRecorded, disabled }: Props) => {
  const t = useTranslations('composer');
  const [state, setState] = useState<'idle' | 'recording' | 'error'>('idle');
  const [elapsed, setElapsed] = useState(0);
  const recorder = useRef<MediaRecorder | null>(null);
  const chunks = useRef<Blob[]>([]);
  const started = useRef(0);
  const keep = useRef(false);

  useEffect(() => {
    if (state !== 'recording') return;
    const timer = setInterval(() => setElapsed((Date.now() - started.current) / 1000), 250);
    return () => clearInterval(timer);
  }, [state]);

  // Stop the microphone if the agent leaves while recording.
  useEffect(() => () => recorder.current?.stream.getTracks().forEach((track) => track.stop()), []);

  const start = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const type = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4'].find((candidate) => MediaRecorder.isTypeSupported(candidate));
      const media = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      chunks.current = [];
      media.ondataavailable = (event) => event.data.size > 0 && chunks.current.push(event.data);
      media.onstop = () => {
        stream.getTracks().forEach((track) => track.stop());
        const duration = (Date.now() - started.current) / 1000;
        if (keep.current && chunks.current.length) onRecorded(new Blob(chunks.current, { type: media.mimeType || 'audio/webm' }), Math.max(0.1, duration));
        setState('idle');
        setElapsed(0);
      };
      recorder.current = media;
      started.current = Date.now();
      media.start(250);
      setState('recording');
    } catch {
      setState('error');
    }
  };

  const stop = (send: boolean) => {
    keep.current = send;
    recorder.current?.stop();
  };

  if (state === 'recording') {
    return (
      <div className="flex items-center gap-2 rounded-md bg-red-50 px-2 py-1 text-sm text-red-800" role="status">
        <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-red-600" />
        <span>{t('recording', { time: formatDuration(elapsed) })}</span>
        <button type="button" onClick={() => stop(false)} className="rounded border border-red-300 px-2">{t('cancelRecording')}</button>
        <button type="button" onClick={() => stop(true)} className="rounded bg-red-600 px-2 text-white">{t('sendRecording')}</button>
      </div>
    );
  }
  return (
    <>
      <button type="button" onClick={() => void start()} disabled={disabled} className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100" aria-label={t('recordVoiceNote')} title={t('recordVoiceNote')}>
        <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.5"><rect x="7" y="2" width="6" height="11" rx="3" /><path d="M4 10a6 6 0 0 0 12 0M10 16v3" /></svg>
      </button>
      {state === 'error' && <span role="alert" className="text-xs text-red-700">{t('microphoneUnavailable')}</span>}
    </>
  );
};
