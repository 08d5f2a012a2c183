import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export type LighthouseResult = {
  path: string;
  /** The performance category, 0–100. */
  score: number;
  firstContentfulPaintMs: number | null;
  largestContentfulPaintMs: number | null;
  totalBlockingTimeMs: number | null;
  cumulativeLayoutShift: number | null;
  speedIndexMs: number | null;
};

/** The browser Lighthouse drives: the system's Chromium unless CHROME_PATH names another. */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Lighthouse 12's mobile performance audit (its default: a mid-range phone, simulated slow 4G and
 * 4× CPU slowdown) of each page, in the system's Chromium; nothing is downloaded.
 */
export async function measureLighthouse(base: string, paths: string[]): Promise<LighthouseResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const out: LighthouseResult[] = [];
    const audit = async (path: string) => {
      const result = await lighthouse(`${base}${path}`, {
        port: chrome.port,
        onlyCategories: ['performance'],
        logLevel: 'error',
        output: 'json',
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      if (result.lhr.runtimeError)
        throw new Error(`Lighthouse on ${path}: ${result.lhr.runtimeError.message}`);
      return result.lhr;
    };
    for (const path of paths) {
      // Lighthouse now and then fails to record a trace (NO_NAVSTART): one more try before giving up.
      const lhr = await audit(path).catch(() => audit(path));
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
      out.push({
        path,
        score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        firstContentfulPaintMs: metric('first-contentful-paint'),
        largestContentfulPaintMs: metric('largest-contentful-paint'),
        totalBlockingTimeMs: metric('total-blocking-time'),
        cumulativeLayoutShift: metric('cumulative-layout-shift'),
        speedIndexMs: metric('speed-index'),
      });
    }
    return out;
  } finally {
    chrome.kill();
  }
}
