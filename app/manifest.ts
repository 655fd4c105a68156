import type { MetadataRoute } from 'next';
import { THEME_COLOR } from '@/components/pwa/theme-color';
import es from '@/lib/i18n/messages/es/app.json';

// /manifest.webmanifest: what makes bandeja installable on a phone or a desktop. start_url is where
// every agent starts: bandeja has no per-agent default view (users.preferences holds none), so it is
// the one the sign-in page, `/` and set-password lead to, /all on its "Mías" tab (Chatwoot's). A
// signed-out launch goes through /login and comes back here (the middleware's callbackUrl).
const manifest = (): MetadataRoute.Manifest => ({
  id: '/',
  name: es.app.name,
  short_name: es.app.name,
  description: es.app.tagline,
  lang: 'es',
  start_url: '/all',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: THEME_COLOR,
  background_color: '#f8fafc',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  ],
});

export default manifest;
