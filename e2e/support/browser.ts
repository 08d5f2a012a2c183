import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'Officina-Demo-2026';

const pageErrors = new WeakMap<Page, string[]>();

export function baseURL(): string {
  return inject('baseURL');
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (own cookies and storage) on the app, as a new visitor would arrive (on a desktop by default). */
export async function newPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    viewport,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    // A blocked resource or script (Content-Security-Policy) is a bug even if the page looks fine.
    if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text()))
      errors.push(msg.text());
  });
  return { context, page };
}

/** Waits until the page's h1 has the given text (a string is a substring, as Playwright does). */
export async function expectHeading(page: Page, name: string | RegExp) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/**
 * axe-core scan for WCAG 2.0/2.1 A and AA: every page must have zero violations. Failures list the rule,
 * the impact and the offending elements, which is what one needs to fix them.
 */
/** The page fits the viewport's width: nothing runs past the window's right edge (phones especially). */
export async function expectNoSidewaysScroll(page: Page, what = page.url()) {
  const { scroll, client } = await page.evaluate(() => {
    const d = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return { scroll: d.scrollWidth, client: d.clientWidth };
  });
  expect(scroll, `sideways scroll on ${what}`).toBeLessThanOrEqual(client);
}

export async function expectAccessible(page: Page, label: string) {
  // Let lazy icons and fonts settle so the scan sees the final page.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // A colour transition still running (a link just clicked or hovered) would be scanned half-way, with
  // colours the page never rests on: wait for the page's CSS transitions and animations to end.
  await page
    .evaluate(() =>
      Promise.all(
        (
          globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } }
        ).document
          .getAnimations()
          .map((a) => a.finished.catch(() => undefined)),
      ),
    )
    .catch(() => undefined);
  const results = await new AxeBuilder({ page })
    // Two landmarks of one kind with one name (two "Tabella" regions) cannot be told apart by a screen
    // reader's landmark list: a best practice axe leaves out of the WCAG tags, enforced here too.
    .options({ rules: { 'landmark-unique': { enabled: true } } })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const report = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`)
        .join('\n')}`,
  );
  expect(report, `accessibility violations on ${label}`).toEqual([]);
  expect(pageErrors.get(page) ?? [], `script errors on ${label}`).toEqual([]);
}

export type Focused = { id: string; tag: string; text: string; href: string | null };

/** What has keyboard focus (the e2e code is type-checked without the DOM library, hence the local type). */
export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    type El = {
      id: string;
      tagName: string;
      textContent: string | null;
      getAttribute(n: string): string | null;
    };
    const el = (globalThis as unknown as { document: { activeElement: El | null } }).document.activeElement;
    if (!el) return null;
    return { id: el.id, tag: el.tagName, text: el.textContent?.trim() ?? '', href: el.getAttribute('href') };
  });
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/accedi');
  // The landing page has loaded (its heading shown, its requests answered) before the next step, as a person
  // would see it before reaching for the menu.
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
}

/**
 * Follows an entry of the main navigation as a person would: opens the phone menu when the header is
 * collapsed, then the entry's group when it has one (a drop-down), then the entry.
 */
export async function openFromMenu(page: Page, entry: string, group?: string) {
  const toggler = page.getByRole('button', { name: 'Mostra la navigazione' });
  if (await toggler.isVisible()) await toggler.click();
  const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
  if (group) {
    const button = nav.getByRole('button', { name: group, exact: true });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }
  await nav.getByRole('link', { name: entry, exact: true }).click();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Esci' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Opens the outbox as the current (admin) user and returns the text of the newest message to `to`. */
export async function latestMailTo(page: Page, to: string): Promise<string> {
  await page.goto(`/amministrazione/posta?to=${encodeURIComponent(to)}`);
  await expectHeading(page, 'Posta in uscita');
  const firstRow = page.locator('tbody tr').first();
  await firstRow.getByText(to).waitFor();
  await firstRow.getByRole('button', { name: /^Leggi/ }).click();
  const body = page.locator('pre.officina-mail-text').first();
  await body.waitFor();
  return (await body.textContent()) ?? '';
}

/** The path and query of the first /reimposta-password link in a message. */
export function resetLink(text: string): string {
  const m = text.match(/https?:\/\/[^\s]+(\/reimposta-password\?token=[^\s]+)/);
  if (!m?.[1]) throw new Error(`no /reimposta-password?token= link in:\n${text}`);
  return m[1];
}

/** A calendar day in Rome (YYYY-MM-DD), `days` after today: what a person in Italy would type in a form. */
export function romeDayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The document title and meta description, which public pages set for search engines and link previews. */
export function pageMeta(page: Page): Promise<{ title: string; description: string }> {
  return page.evaluate(() => {
    type Doc = { title: string; querySelector(s: string): { getAttribute(n: string): string | null } | null };
    const doc = (globalThis as unknown as { document: Doc }).document;
    return {
      title: doc.title,
      description: doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
    };
  });
}

/**
 * Ticks a Bootstrap Italia checkbox or radio button with the keyboard (focus, then Space), as a keyboard
 * user would. The kit draws the box on the label, which sits over the input, so a pointer click on the
 * input is intercepted and a forced one depends on the layout being still.
 */
export async function tick(box: Locator) {
  await box.focus();
  if (await box.isChecked()) return;
  await box.press('Space');
  if (!(await box.isChecked())) throw new Error('the box did not become checked');
}
