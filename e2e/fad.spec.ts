import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  expectNoSidewaysScroll,
  launch,
  newPage,
  openFromMenu,
  signIn,
} from './support/browser.js';
import { ApiAs, type Made, makeEditionWithLearners } from './support/training.js';

const LEARNER = 'discente.sassari@officina.demo';

describe('formazione a distanza: a module built from pages, followed by a learner into the ledger', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const stamp = Date.now();
  const moduleTitle = `Il codice dei contratti in pratica ${stamp}`;
  let made: Made;

  async function page(width = 1280): Promise<Page> {
    const { context, page } = await newPage(browser, { width, height: 900 });
    contexts.push(context);
    return page;
  }

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('a catalogue manager builds and publishes a module, and links the online session to it', async () => {
    const admin = await page();
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    made = await makeEditionWithLearners(new ApiAs(admin), {
      title: `Edizione FAD ${stamp}`,
      sessions: [
        { title: 'Modulo online', day: 0, start: '00:00', end: '01:00', mode: 'online' },
        { title: 'Incontro in aula', day: 2, start: '09:00', end: '10:00' },
      ],
      learners: [LEARNER],
    });
    await admin.goto(`/amministrazione/catalogo/${made.pathId}`);
    await admin.getByRole('link', { name: 'Moduli FAD', exact: true }).click();
    await expectHeading(admin, 'Moduli online del percorso');
    await admin.getByLabel('Titolo del nuovo modulo').fill(moduleTitle);
    await admin.getByRole('button', { name: 'Aggiungi il modulo' }).click();
    await admin.getByRole('link', { name: moduleTitle }).first().click();
    await expectHeading(admin, moduleTitle);

    for (const [title, body] of [
      ['Che cosa cambia', '<h2>Le novità</h2><p>Il codice semplifica le <strong>procedure</strong>.</p>'],
      ['Un caso pratico', '<p>Una Provincia bandisce una gara.</p><script>alert(1)</script>'],
    ] as const) {
      await admin.getByRole('button', { name: 'Aggiungi una pagina' }).click();
      await admin.getByLabel('Titolo della pagina (italiano)').fill(title);
      await admin.getByLabel('Testo (italiano)').fill(body);
      await admin.getByRole('button', { name: 'Aggiungi la pagina' }).click();
      await admin.getByText(`. ${title}`).waitFor();
    }
    await admin.getByLabel('Minuti minimi di studio attivo').fill('0');
    await admin.getByRole('button', { name: 'Salva le impostazioni' }).click();
    await admin.getByText('Impostazioni salvate.').waitFor();
    await admin.getByRole('button', { name: 'Pubblica il modulo' }).click();
    await admin.getByText('Pubblicato', { exact: true }).waitFor();
    await expectAccessible(admin, 'module editor');

    await admin.getByRole('link', { name: 'Torna ai moduli del percorso' }).click();
    await expectHeading(admin, 'Moduli online del percorso');
    const link = admin.getByLabel('Modulo erogato da «Modulo online»');
    const saved = admin.waitForResponse((r) => r.url().includes('/module') && r.request().method() === 'PUT');
    await link.selectOption({ label: moduleTitle });
    expect((await saved).status()).toBe(200);
    await expectAccessible(admin, 'path modules');
  });

  it('at 390 px the learner follows the module page by page and completes it', async () => {
    const learner = await page(390);
    await signIn(learner, LEARNER, DEMO_PASSWORD);
    await openFromMenu(learner, 'Formazione a distanza', 'La mia area');
    await expectHeading(learner, 'Formazione a distanza');
    const card = learner.getByRole('listitem').filter({ hasText: moduleTitle });
    await card.getByText('Da iniziare').waitFor();
    await expectNoSidewaysScroll(learner);
    await expectAccessible(learner, 'online learning at 390 px');

    await card.getByRole('link', { name: moduleTitle }).click();
    await expectHeading(learner, moduleTitle);
    await learner.getByRole('heading', { name: 'Che cosa cambia' }).waitFor();
    expect(await learner.locator('.officina-rich-text strong').textContent()).toBe('procedure');
    await expectNoSidewaysScroll(learner);
    await expectAccessible(learner, 'module page at 390 px');
    await learner.getByRole('button', { name: 'Pagina successiva' }).click();
    const title = learner.getByRole('heading', { name: 'Un caso pratico' });
    await title.waitFor();
    // The new page's title takes the focus; the script was removed when the page was saved.
    await expect.poll(() => title.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await learner.locator('.officina-rich-text script').count()).toBe(0);
    await learner.getByText('Completato').waitFor();
    await learner.getByRole('link', { name: "Torna all'elenco dei moduli" }).click();
    await learner.getByRole('listitem').filter({ hasText: moduleTitle }).getByText('Completato').waitFor();
  });

  it('the completed module fills the online session in the attendance register', async () => {
    const admin = await page();
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    const matrix = await new ApiAs(admin).get<{
      people: { name: string; minutes: { sessionId: number; minutes: number; source: string }[] }[];
    }>(`/api/v1/editions/${made.editionId}/attendance`);
    const online = made.sessions.find((s) => s.title === 'Modulo online');
    const row = matrix.people[0]?.minutes.find((m) => m.sessionId === online?.id);
    expect(row).toMatchObject({ minutes: 60, source: 'online' });
  });

  it('the module editor and the path’s modules fit a phone (390 px)', async () => {
    const admin = await page(390);
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    await admin.goto(`/amministrazione/catalogo/${made.pathId}/fad`);
    await expectHeading(admin, 'Moduli online del percorso');
    await expectNoSidewaysScroll(admin);
    await expectAccessible(admin, 'path modules at 390 px');
    await admin.getByRole('link', { name: moduleTitle }).first().click();
    await expectHeading(admin, moduleTitle);
    await admin.getByRole('button', { name: 'Aggiungi una pagina' }).click();
    await admin.getByLabel('Titolo della pagina (italiano)').waitFor();
    await expectNoSidewaysScroll(admin);
    await expectAccessible(admin, 'module editor at 390 px');
  });

  it('at 1280 px the learner resumes on the last page seen', async () => {
    const learner = await page(1280);
    await signIn(learner, LEARNER, DEMO_PASSWORD);
    await learner.goto('/formazione-a-distanza');
    await learner.getByRole('link', { name: moduleTitle }).click();
    await learner.getByRole('heading', { name: 'Un caso pratico' }).waitFor();
    await expect
      .poll(() =>
        learner
          .getByRole('navigation', { name: 'Pagine del modulo' })
          .getByRole('button', { name: /Un caso pratico/ })
          .getAttribute('aria-current'),
      )
      .toBe('step');
    await expectAccessible(learner, 'module page at 1280 px');
  });
});
