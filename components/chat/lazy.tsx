'use client';

import { afterHydration } from '@/components/ui/lazy-component';

// The voice note button shows only once the page has hydrated (recording needs JavaScript), so its
// code loads then, not with the page (issue 16: JS per page).
export const VoiceRecorder = afterHydration(() => import('./voice-recorder').then((module) => module.VoiceRecorder));
