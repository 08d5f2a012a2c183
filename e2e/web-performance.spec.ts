import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHeading, launch, newPage } from './support/browser.js';

/** Bootstrap Italia's whole stylesheet is about 570 KB (≈ 75 KB gzipped); the app's own cut of it is far less. */
const CSS_BUDGET_BYTES = 45_000;

/** Sums the page's layout shifts not caused by the visitor, from the moment it starts loading. */
async function watchLayoutShifts(page: Page) {
  // Run in the page (the e2e sources are compiled without the DOM types, hence a string).
  await page.addInitScript(`
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  `);
}

describe('web app performance', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  async function visitor(viewport?: { width: number; height: number }) {
    const { context, page } = await newPage(browser, viewport);
    contexts.push(context);
    return page;
  }

  it('sends the home page its stylesheet compressed and within budget', async () => {
    const page = await visitor({ width: 390, height: 844 });
    const styles: { url: string; encoding: string | undefined; bytes: number }[] = [];
    page.on('response', async (res) => {
      if (res.request().resourceType() !== 'stylesheet') return;
      const sizes = await res.request().sizes();
      styles.push({
        url: res.url(),
        encoding: (await res.allHeaders())['content-encoding'],
        bytes: sizes.responseBodySize,
      });
    });
    await page.goto('/');
    await expectHeading(page, /Officina/);
    await page.waitForLoadState('networkidle');
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) expect(style.encoding, style.url).toMatch(/^(br|gzip)$/);
    const total = styles.reduce((sum, s) => sum + s.bytes, 0);
    expect(total).toBeLessThan(CSS_BUDGET_BYTES);
  });

  it('sends the scripts and the page itself compressed', async () => {
    const page = await visitor();
    const plain: string[] = [];
    page.on('response', async (res) => {
      const type = res.request().resourceType();
      if (type !== 'script' && type !== 'document') return;
      const encoding = (await res.allHeaders())['content-encoding'];
      // Tiny files are not worth compressing (the build leaves those under 512 bytes as they are).
      if (!encoding && (await res.request().sizes()).responseBodySize > 1024) plain.push(res.url());
    });
    await page.goto('/formazione');
    await expectHeading(page, 'Calendario della formazione');
    await page.waitForLoadState('networkidle');
    expect(plain).toEqual([]);
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 900 },
  ]) {
    it(`does not shift the calendar's layout while it loads (${viewport.width} px)`, async () => {
      const page = await visitor(viewport);
      await watchLayoutShifts(page);
      // Results that take a moment, as on a phone network: the page must hold their place meanwhile.
      await page.route('**/api/v1/public/calendar?*', async (route) => {
        await new Promise((r) => setTimeout(r, 600));
        await route.continue();
      });
      await page.goto('/formazione');
      await expectHeading(page, 'Calendario della formazione');
      await page.getByText(/^\d+ session[ei] trovat[ae]$/).waitFor();
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const shift = await page.evaluate<number>('window.layoutShift');
      expect(shift).toBeLessThan(0.1);
    });
  }
});
