import type { MetadataRoute } from 'next';
import { THEME_COLOR } from '@/components/pwa/theme-color';
import es from '@/lib/i18n/messages/es/app.json';

// /manifest.webmanifest: what makes bandeja installable on a phone or a desktop. start_url is the
// agent's default view (Chatwoot's: all conversations, "Mías" tab), which the sign-in page leads to.
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
