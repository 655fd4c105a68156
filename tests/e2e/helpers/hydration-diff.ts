import type { Page } from 'playwright-core';

// A production build's hydration error (React #418/#423/#425) names no element. When one happens,
// this compares the words of the HTML the server sent for the page with the words of the page React
// rendered instead, and prints the words only one of them has: what the server and the browser
// rendered differently. Order is ignored (streamed parts of the HTML arrive out of order).

const HYDRATION_ERROR = /Minified React error #(418|423|425)|Hydration failed|didn't match/;

const words = (html: string) =>
  html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

const onlyIn = (these: string[], those: string[]) => {
  const left = new Map<string, number>();
  for (const word of those) left.set(word, (left.get(word) ?? 0) + 1);
  return these.filter((word) => {
    const count = left.get(word) ?? 0;
    if (count === 0) return true;
    left.set(word, count - 1);
    return false;
  });
};

// Keeps each page's last document (the server's HTML) and explains a hydration error when one shows.
export const watchHydration = (page: Page) => {
  let served: Promise<string> = Promise.resolve('');
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document' && response.frame() === page.mainFrame()) served = response.text().catch(() => '');
  });
  return (text: string) => {
    if (!HYDRATION_ERROR.test(text)) return;
    const url = page.url();
    void (async () => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const rendered = await page.evaluate(() => document.body.outerHTML).catch(() => '');
      const server = words(await served);
      const browser = words(rendered);
      console.log(
        `Hydration error at ${url}:\n  only in the server's HTML: ${onlyIn(server, browser).slice(0, 60).join(' ')}\n  only in the browser's render: ${onlyIn(browser, server).slice(0, 60).join(' ')}`,
      );
    })();
  };
};
