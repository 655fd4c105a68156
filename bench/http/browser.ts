import { chromium, type Page } from 'playwright-core';
import { summarise } from '../measure/stats';

// Browser-side timings in Debian's Chromium (playwright-core): a conversation page's largest
// contentful paint with an empty cache (cold) and with the cache of a previous visit (warm), the
// JavaScript it downloads, how static files are cached, and switching conversation in the app
// (click on the next conversation in the list → its messages painted).

type BrowserOptions = { baseUrl: string; email: string; password: string; conversationIds: number[]; switches?: number; visits?: number };

// (tsx names functions with an __name helper that the page does not have.)
const LCP_SCRIPT = `
  globalThis.__name = (fn) => fn;
  window.__lcp = 0;
  window.__lcpElement = '';
  window.__fcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__lcp = entry.startTime;
      const element = entry.element;
      window.__lcpElement = element ? element.tagName.toLowerCase() + (element.getAttribute('data-testid') ? '[data-testid=' + element.getAttribute('data-testid') + ']' : '') + ' ' + (element.textContent || '').slice(0, 40) : '';
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.__fcp = entry.startTime; })
    .observe({ type: 'paint', buffered: true });
`;

// LCP of a navigation to `url`, once the page has loaded and gone quiet, and when its HTML's first
// and last bytes came (what of the LCP is the server's and the network's).
const lcpOf = async (page: Page, url: string) => {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle').catch(() => {});
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const marks = window as unknown as { __lcp: number; __fcp: number; __lcpElement: string };
    return { lcp: marks.__lcp, fcp: marks.__fcp, lcpElement: marks.__lcpElement, htmlFirstByte: navigation.responseStart, htmlEnd: navigation.responseEnd };
  });
};

export const measureBrowser = async ({ baseUrl, email, password, conversationIds, switches = 20, visits = 20 }: BrowserOptions) => {
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
    const warmHtml = { firstByte: [] as number[], end: [] as number[], fcp: [] as number[] };
    const lcpElements = new Map<string, number>();
    const scripts = new Map<string, { bytes: number; cacheControl: string; encoding: string }>();
    const others = new Map<string, { type: string; cacheControl: string }>();
    let requestsOfColdLoad = 0;
    // Client navigations' RSC requests the page makes on its own while loading (next/link prefetches).
    const rscRequests = { prefetch: 0, other: 0 };
    for (let visit = 0; visit < visits; visit += 1) {
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
      cold.push((await lcpOf(page, `/all/${conversationIds[visit % conversationIds.length]}`)).lcp);
      if (collect) page.off('response', onResponse);
      // Warm: the same agent opens another conversation page (a reload, a new tab, a link).
      const warmVisit = await lcpOf(page, `/all/${conversationIds[(visit + 1) % conversationIds.length]}`);
      warm.push(warmVisit.lcp);
      warmHtml.firstByte.push(warmVisit.htmlFirstByte);
      warmHtml.end.push(warmVisit.htmlEnd);
      warmHtml.fcp.push(warmVisit.fcp);
      lcpElements.set(warmVisit.lcpElement, (lcpElements.get(warmVisit.lcpElement) ?? 0) + 1);
    }

    // Switching inside the app: click the next conversation of the list; time to its messages painted.
    const switchTimes: number[] = [];
    // Of each switch: when the RSC answer's first and last bytes came (the server's part).
    const rscFirstByte: number[] = [];
    const rscEnd: number[] = [];
    // And the page's main thread during it (Chromium's counters): JavaScript, style, layout, all tasks.
    const mainThread = { script: [] as number[], style: [] as number[], layout: [] as number[], tasks: [] as number[] };
    await cdp.send('Performance.enable');
    const counters = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((metric) => [metric.name, metric.value * 1000]));
    await page.goto(`/all/${conversationIds[0]}`, { waitUntil: 'load' });
    for (let index = 1; index <= switches; index += 1) {
      const target = conversationIds[index % conversationIds.length]!;
      if (target === conversationIds[(index - 1) % conversationIds.length]) continue;
      const countersBefore = await counters();
      const timing = await page.evaluate(async (id) => {
        const messages = () => document.querySelector('main ol[aria-live], ol[aria-live="polite"]')?.textContent ?? '';
        const before = messages();
        const link = document.querySelector<HTMLAnchorElement>(`a[href^="/all/${id}"]`);
        if (!link) return null;
        performance.clearResourceTimings();
        const started = performance.now();
        link.click();
        await new Promise<void>((resolve) => {
          const check = () => (location.pathname === `/all/${id}` && messages() !== before ? resolve() : requestAnimationFrame(check));
          requestAnimationFrame(check);
        });
        // The frame that shows them.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const ms = performance.now() - started;
        const rsc = performance.getEntriesByType('resource').find((entry) => entry.name.includes('_rsc=')) as PerformanceResourceTiming | undefined;
        return { ms, rsc: rsc ? { firstByte: rsc.responseStart - started, end: rsc.responseEnd - started } : null };
      }, target);
      const countersAfter = await counters();
      if (timing) {
        switchTimes.push(timing.ms);
        mainThread.script.push(countersAfter.ScriptDuration - countersBefore.ScriptDuration);
        mainThread.style.push(countersAfter.RecalcStyleDuration - countersBefore.RecalcStyleDuration);
        mainThread.layout.push(countersAfter.LayoutDuration - countersBefore.LayoutDuration);
        mainThread.tasks.push(countersAfter.TaskDuration - countersBefore.TaskDuration);
      }
      if (timing?.rsc) {
        rscFirstByte.push(timing.rsc.firstByte);
        rscEnd.push(timing.rsc.end);
      }
      await page.waitForTimeout(200);
    }

    const jsBytes = [...scripts.values()].reduce((sum, script) => sum + script.bytes, 0);
    return {
      coldLcpMs: summarise(cold),
      warmLcpMs: summarise(warm),
      warmHtmlFirstByteMs: summarise(warmHtml.firstByte),
      warmHtmlEndMs: summarise(warmHtml.end),
      warmFcpMs: summarise(warmHtml.fcp),
      // What the largest paint of a warm visit was (element, its first characters): how often.
      warmLcpElements: Object.fromEntries(lcpElements),
      switchMs: summarise(switchTimes),
      switchRscFirstByteMs: summarise(rscFirstByte),
      switchRscEndMs: summarise(rscEnd),
      switchMainThreadMs: Object.fromEntries(Object.entries(mainThread).map(([name, times]) => [name, summarise(times)])),
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
