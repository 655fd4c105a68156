import { chromium, type Page } from 'playwright-core';
import { summarise } from '../measure/stats';

// Browser-side timings in Debian's Chromium (playwright-core): a conversation page's largest
// contentful paint with an empty cache (cold) and with the cache of a previous visit (warm), the
// JavaScript it downloads, how static files are cached, and switching conversation in the app
// (click on the next conversation in the list → its messages painted).

type BrowserOptions = { baseUrl: string; email: string; password: string; conversationIds: number[]; switches?: number };

// (tsx names functions with an __name helper that the page does not have.)
const LCP_SCRIPT = `
  globalThis.__name = (fn) => fn;
  window.__lcp = 0;
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__lcp = entry.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
`;

// LCP of a navigation to `url`, once the page has loaded and gone quiet.
const lcpOf = async (page: Page, url: string) => {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle').catch(() => {});
  return page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
};

export const measureBrowser = async ({ baseUrl, email, password, conversationIds, switches = 20 }: BrowserOptions) => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    await context.addInitScript(LCP_SCRIPT);
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 }), page.locator('button[type="submit"]').click()]);

    // Cold: nothing cached (the sign-in page's chunks are dropped too).
    const cdp = await context.newCDPSession(page);
    const cold: number[] = [];
    const warm: number[] = [];
    const scripts = new Map<string, { bytes: number; cacheControl: string; encoding: string }>();
    const others = new Map<string, { type: string; cacheControl: string }>();
    let requestsOfColdLoad = 0;
    // Client navigations' RSC requests the page makes on its own while loading (next/link prefetches).
    const rscRequests = { prefetch: 0, other: 0 };
    for (let visit = 0; visit < 5; visit += 1) {
      await cdp.send('Network.clearBrowserCache');
      const collect = visit === 0;
      const onResponse = async (response: import('playwright-core').Response) => {
        requestsOfColdLoad += 1;
        const type = response.request().resourceType();
        const requestHeaders = await response.request().allHeaders();
        if (requestHeaders.rsc === '1') rscRequests[requestHeaders['next-router-prefetch'] ? 'prefetch' : 'other'] += 1;
        const headers = await response.allHeaders();
        const url = new URL(response.url()).pathname;
        if (type === 'script') scripts.set(url, { bytes: (await response.request().sizes()).responseBodySize, cacheControl: headers['cache-control'] ?? '', encoding: headers['content-encoding'] ?? '' });
        else if (type !== 'document' && type !== 'fetch' && type !== 'websocket') others.set(url, { type, cacheControl: headers['cache-control'] ?? '' });
      };
      if (collect) page.on('response', onResponse);
      cold.push(await lcpOf(page, `/all/${conversationIds[visit % conversationIds.length]}`));
      if (collect) page.off('response', onResponse);
      // Warm: the same agent opens another conversation page (a reload, a new tab, a link).
      warm.push(await lcpOf(page, `/all/${conversationIds[(visit + 1) % conversationIds.length]}`));
    }

    // Switching inside the app: click the next conversation of the list; time to its messages painted.
    const switchTimes: number[] = [];
    await page.goto(`/all/${conversationIds[0]}`, { waitUntil: 'load' });
    for (let index = 1; index <= switches; index += 1) {
      const target = conversationIds[index % conversationIds.length]!;
      if (target === conversationIds[(index - 1) % conversationIds.length]) continue;
      const ms = await page.evaluate(async (id) => {
        const messages = () => document.querySelector('main ol[aria-live], ol[aria-live="polite"]')?.textContent ?? '';
        const before = messages();
        const link = document.querySelector<HTMLAnchorElement>(`a[href^="/all/${id}"]`);
        if (!link) return -1;
        const started = performance.now();
        link.click();
        await new Promise<void>((resolve) => {
          const check = () => (location.pathname === `/all/${id}` && messages() !== before ? resolve() : requestAnimationFrame(check));
          requestAnimationFrame(check);
        });
        // The frame that shows them.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - started;
      }, target);
      if (ms >= 0) switchTimes.push(ms);
      await page.waitForTimeout(200);
    }

    const jsBytes = [...scripts.values()].reduce((sum, script) => sum + script.bytes, 0);
    return {
      coldLcpMs: summarise(cold),
      warmLcpMs: summarise(warm),
      switchMs: summarise(switchTimes),
      coldLoad: {
        requests: requestsOfColdLoad,
        rscRequests,
        scripts: scripts.size,
        scriptBytesOnTheWire: jsBytes,
        scriptEncodings: [...new Set([...scripts.values()].map((script) => script.encoding || 'identity'))],
        scriptCacheControl: [...new Set([...scripts.values()].map((script) => script.cacheControl))],
        otherResources: Object.fromEntries(others),
      },
    };
  } finally {
    await browser.close();
  }
};
