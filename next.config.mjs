import { writeFileSync } from 'node:fs';
import path from 'node:path';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  // ICU messages compiled at build time: the browser gets a small formatter instead of
  // intl-messageformat's parser (about 10 kB of gzip on every page; bench/README.md "Whole-page speed").
  experimental: {
    messages: { path: ['./lib/i18n/messages/es', './lib/i18n/messages/en'], format: 'json', locales: 'infer', precompile: true },
  },
});

// BANDEJA_BUNDLE_STATS=1 next build: every client chunk's modules and their sizes before minification,
// in .next/bundle-modules.json (bench/README.md "Whole-page speed": what a page's JS is made of).
class ModuleSizes {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('ModuleSizes', (compilation) => {
      const chunks = [...compilation.chunks].map((chunk) => ({
        files: [...chunk.files],
        modules: compilation.chunkGraph
          .getChunkModules(chunk)
          .map((module) => ({ name: module.readableIdentifier(compilation.requestShortener), size: module.size() }))
          .sort((a, b) => b.size - a.size),
      }));
      writeFileSync(path.join(compiler.outputPath, 'bundle-modules.json'), JSON.stringify(chunks, null, 1));
    });
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages are loaded by Node at run time, never bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  // The middleware rewrites a view's URL to an internal path (its list state as a segment). Next.js
  // accepts a rewrite as internal only when its origin is the one it gave the request; normalised,
  // it writes 127.0.0.1 as localhost and turns the rewrite into a proxy request to itself.
  skipMiddlewareUrlNormalize: true,
  // CI typechecks (tsc --noEmit) and lints (eslint .) the whole tree once; the build need not repeat it.
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: true },
  webpack: (config, { isServer, dev }) => {
    const groups = config.optimization.splitChunks?.cacheGroups;
    if (!isServer && !dev && groups) {
      // Shared by a page's root layout, dashboard layout and page (with @formatjs's memoizer), but under webpack's 20 kB minimum
      // for a shared chunk, so each of their chunks carried its own copy (3.5 kB gzip each, issue 16).
      groups.intl = { chunks: 'all', name: 'intl', test: /[\\/]node_modules[\\/](use-intl|next-intl|@formatjs)[\\/]/, priority: 35, enforce: true };
      // What the shell's shortcuts and the open conversation's share: once, not in both the layout's
      // and the page's chunks. Initial chunks only: the lazy dialogs stay lazy (lazy-dialogs.tsx).
      // The tab's realtime connection: the dashboard layout and most pages use it; one chunk, or
      // webpack leaves a copy in the layout's chunk beside the pages' shared one (4 kB gzip).
      groups.realtime = {
        // Not the chat widget's page: it shares only the connect options, and keeps its own copy.
        chunks: (chunk) => !chunk.name?.startsWith('app/widget/'),
        name: 'realtime',
        // With what the provider imports, or each entry that reaches it (layout, list, conversation) keeps a copy.
        test: /[\\/]components[\\/]realtime[\\/](realtime-provider|use-coalesced-refresh|refresh-urgency|acting-socket|sign-out-mark)\.|[\\/]lib[\\/]realtime[\\/](browser-connect-options|reconnect-when-terminated|close-client|acting-socket)\.|[\\/]lib[\\/]domain[\\/](events[\\/](inbox-channel|list-events)|notifications[\\/]notification-events)\./,
        priority: 20,
        enforce: true,
      };
      // The bell and the menus: the dashboard layout's views panel and the list header's phone bell
      // both have them, under the 20 kB a shared chunk needs, so each entry kept a copy. Forms' error
      // and the server actions' client are a chunk of their own, which the sign-in page shares.
      groups.forms = {
        chunks: 'all',
        name: 'forms',
        test: /[\\/]components[\\/]ui[\\/]form-error\.|[\\/]next-flight-loader[\\/]action-client-wrapper\./,
        priority: 20,
        enforce: true,
      };
      groups.shell = {
        chunks: 'all',
        name: 'shell',
        test: /[\\/]components[\\/](notifications[\\/](bell-menu|browser-notifications|mark-all-read-button|lazy)|ui[\\/](menu|place-popover|action-form|link|lazy-component|lazy-code-loading|use-is-hydrating)|pwa[\\/]app-badge)\./,
        priority: 20,
        enforce: true,
      };
      // What the list pages, the conversation pages (which show the list beside) and search share:
      // one copy rather than one in the list's chunk and one in the conversation's.
      groups.workspace = {
        chunks: 'all',
        name: 'workspace',
        test: /[\\/]components[\\/](ui[\\/](avatar|get-form|auto-submit-select)|shell[\\/]list-section|conversation-list[\\/]search-input)\.|[\\/]lib[\\/]format[\\/]intl-formats\./,
        priority: 20,
        enforce: true,
      };
      groups.keyboard = {
        chunks: 'initial',
        name: 'keyboard',
        test: /[\\/]lib[\\/]keyboard[\\/]|[\\/]components[\\/]keyboard[\\/](use-shortcuts|list-navigation|lazy-dialogs|picker-items)\./,
        priority: 20,
        enforce: true,
      };
    }
    if (process.env.BANDEJA_BUNDLE_STATS && !isServer) config.plugins.push(new ModuleSizes());
    return config;
  },
  experimental: {
    serverActions: { bodySizeLimit: '60mb' },
  },
};

export default withNextIntl(nextConfig);
