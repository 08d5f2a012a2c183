import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  signIn,
} from './support/browser.js';
import { ApiAs, type Made, makeEditionWithLearners } from './support/training.js';

const LEARNER = 'discente.sassari@officina.demo';
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fixture folder as a zip, as an authoring tool would export it. */
function zipFolder(name: string): Buffer {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${entry}/`);
      else files[`${prefix}${entry}`] = readFileSync(full);
    }
  };
  walk(path.join(fixtures, name), '');
  return Buffer.from(zipSync(files));
}

describe('formazione a distanza: SCORM 1.2 and 2004 packages played into the ledger', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const stamp = Date.now();
  const titles = { '1.2': `Sicurezza sul lavoro SCORM ${stamp}`, '2004': `Privacy SCORM 2004 ${stamp}` };
  const modules: Record<string, number> = {};
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

  it('a catalogue manager creates two SCORM modules, uploads their packages and publishes them', async () => {
    const admin = await page();
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    const api = new ApiAs(admin);
    made = await makeEditionWithLearners(api, {
      title: `Edizione SCORM ${stamp}`,
      sessions: [
        { title: 'Pacchetto 1.2', day: 0, start: '00:00', end: '01:00', mode: 'online' },
        { title: 'Pacchetto 2004', day: 0, start: '01:00', end: '02:00', mode: 'online' },
      ],
      learners: [LEARNER],
    });
    for (const [version, folder] of [
      ['1.2', 'scorm12'],
      ['2004', 'scorm2004'],
    ] as const) {
      await admin.goto(`/amministrazione/catalogo/${made.pathId}/fad`);
      await expectHeading(admin, 'Moduli online del percorso');
      await admin.getByLabel('Titolo del nuovo modulo').fill(titles[version]);
      await admin.getByLabel('Tipo di modulo').selectOption({ label: 'Pacchetto SCORM' });
      await admin.getByRole('button', { name: 'Aggiungi il modulo' }).click();
      await admin.getByRole('link', { name: titles[version] }).first().click();
      await expectHeading(admin, titles[version]);

      // A file that is not a zip is refused with the reason, and nothing is installed.
      await admin.getByLabel('Pacchetto SCORM (file zip)').setInputFiles({
        name: 'finto.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from('non sono uno zip'),
      });
      await admin.getByRole('button', { name: 'Carica il pacchetto' }).click();
      await admin.getByText(/il file non è un archivio zip/).waitFor();
      await admin.getByText('Il modulo non ha ancora un pacchetto SCORM.').waitFor();

      await admin.getByLabel('Pacchetto SCORM (file zip)').setInputFiles({
        name: `${folder}.zip`,
        mimeType: 'application/zip',
        buffer: zipFolder(folder),
      });
      await admin.getByRole('button', { name: 'Carica il pacchetto' }).click();
      await admin.getByText('Pacchetto caricato.').waitFor();
      await admin.getByTestId('scorm-package').getByText(`SCORM ${version}`, { exact: true }).waitFor();
      await admin.getByRole('button', { name: 'Pubblica il modulo' }).click();
      await admin.getByText('Pubblicato', { exact: true }).waitFor();
      if (version === '1.2') await expectAccessible(admin, 'SCORM module editor');
      modules[version] = Number(admin.url().split('/').pop());
      const session = made.sessions.find((s) => s.title === `Pacchetto ${version}`);
      await api.send('PUT', `/api/v1/fad/sessions/${session?.id}/module`, { moduleId: modules[version] });
    }
  });

  for (const [version, width] of [
    ['1.2', 390],
    ['2004', 1280],
  ] as const) {
    it(`at ${width} px the learner plays the SCORM ${version} package to completion`, async () => {
      const learner = await page(width);
      await signIn(learner, LEARNER, DEMO_PASSWORD);
      await learner.goto(`/formazione-a-distanza/moduli/${modules[version]}`);
      await expectHeading(learner, titles[version]);
      const sco = learner
        .frameLocator(`iframe[title="Contenuto del modulo «${titles[version]}»"]`)
        .frameLocator('#sco');
      await sco.getByText('Lezione avviata.').waitFor();
      await expectAccessible(learner, `SCORM ${version} player at ${width} px`);
      const saved = learner.waitForResponse(
        (r) => r.url().endsWith('/scorm/commit') && r.request().postDataJSON()?.cmi && r.status() === 200,
      );
      await sco.getByRole('button', { name: 'Ho finito la lezione' }).click();
      await sco.getByText('Lezione completata.').waitFor();
      await saved;
      await learner.getByTestId('scorm-status').getByText('Completato').waitFor();
    });
  }

  it('the completed packages fill their online sessions in the attendance register', async () => {
    const admin = await page();
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    const matrix = await new ApiAs(admin).get<{
      people: { minutes: { sessionId: number; minutes: number; source: string }[] }[];
    }>(`/api/v1/editions/${made.editionId}/attendance`);
    for (const s of made.sessions)
      expect(matrix.people[0]?.minutes.find((m) => m.sessionId === s.id)).toMatchObject({
        minutes: 60,
        source: 'online',
      });
  });
});
