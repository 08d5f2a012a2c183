import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectHeading,
  launch,
  newPage,
  romeDayFromToday,
  signIn,
} from './support/browser.js';
import { ApiAs, type Made, makeEditionWithLearners, romeAt } from './support/training.js';

const WIDTHS = [1280, 390] as const;

async function atWidth(page: Page, width: number) {
  await page.setViewportSize({ width, height: width > 1000 ? 900 : 844 });
}

/**
 * Nothing in the page's content runs past the window's right edge at this width. (The content only:
 * the main navigation has its own layout and its own checks.)
 */
async function expectNoSidewaysScroll(page: Page, width: number) {
  const overflowing = await page.evaluate(() => {
    type El = {
      tagName: string;
      className: string;
      parentElement: El | null;
      getBoundingClientRect(): { right: number; width: number };
    };
    const w = globalThis as unknown as {
      document: { documentElement: { clientWidth: number }; querySelectorAll(s: string): Iterable<El> };
      getComputedStyle(e: El): { overflowX: string };
    };
    const edge = w.document.documentElement.clientWidth + 1;
    // A table in its own scrolling region is meant to scroll there, not to widen the page.
    const scrollsInside = (el: El) => {
      for (let p = el.parentElement; p && p.tagName !== 'MAIN'; p = p.parentElement)
        if (['auto', 'scroll', 'hidden'].includes(w.getComputedStyle(p).overflowX)) return true;
      return false;
    };
    return [...w.document.querySelectorAll('main *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > edge && !scrollsInside(el);
      })
      .map((el) => `${el.tagName}.${el.className}`);
  });
  expect(overflowing, `content wider than ${width} px`).toEqual([]);
}

/** The options of a horizontal radio group sit on one line: their labels share the same top. */
async function expectOneLine(labels: Locator[]) {
  const tops: number[] = [];
  for (const l of labels) {
    const box = await l.boundingBox();
    if (!box) throw new Error('label not visible');
    tops.push(Math.round(box.y));
  }
  for (const y of tops)
    expect(Math.abs(y - (tops[0] as number)), `label tops ${tops.join(', ')}`).toBeLessThanOrEqual(1);
}

async function background(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const view = el.ownerDocument.defaultView as unknown as {
      getComputedStyle(e: unknown): { backgroundColor: string };
    };
    return view.getComputedStyle(el).backgroundColor;
  });
}

/** The Rome wall-clock hour now, as a number (0–23). */
function romeHour(): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
}
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

describe('the first hour of training roles', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let learner: Page;
  let api: ApiAs;
  const stamp = Date.now();

  beforeAll(async () => {
    browser = await launch();
    const pages: Page[] = [];
    for (let i = 0; i < 2; i++) {
      const { context, page } = await newPage(browser);
      contexts.push(context);
      pages.push(page);
    }
    [admin, learner] = pages as [Page, Page];
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    api = new ApiAs(admin);
    await signIn(learner, 'discente.cuneo@officina.demo', DEMO_PASSWORD);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  /** A path left in draft, with a draft edition of one session in twenty days. */
  async function draftPathAndEdition(label: string) {
    const path = await api.send<{ id: number; title: string }>('POST', '/api/v1/training-paths', {
      title: `Percorso in bozza ${label} ${stamp}`,
      summary: 'Un percorso lasciato in bozza per le prove di pubblicazione.',
      domainCode: 'gestionale',
      serviceModelCode: null,
      level: 'base',
      totalHours: 4,
      deliveryModes: ['aula'],
      modules: [{ title: 'Modulo unico', hours: 4, mode: 'aula' }],
    });
    const edition = await api.send<{ id: number; title: string }>('POST', '/api/v1/editions', {
      pathId: path.id,
      title: `Edizione ${label} ${stamp}`,
      startsOn: romeDayFromToday(20),
      endsOn: romeDayFromToday(20),
      capacity: 10,
      enrolmentOpensAt: romeAt(-1, '00:00'),
      enrolmentClosesAt: romeAt(19, '00:00'),
      online: false,
      venueName: 'Sede di prova',
      venueAddress: 'Via Roma 1, Cuneo',
      venueUnitId: null,
      trainerIds: [],
      approvalRequired: false,
      minAttendancePct: 75,
      finalTestRequired: false,
      cancellationClosesAt: null,
    });
    await api.send('POST', `/api/v1/editions/${edition.id}/sessions`, {
      title: 'Unico incontro',
      startsAt: romeAt(20, '09:00'),
      endsAt: romeAt(20, '13:00'),
      mode: 'aula',
      room: 'Aula 1',
      onlineUrl: null,
      trainerId: null,
    });
    return { path, edition };
  }

  it('publishing an edition of a draft path says it stays out of the calendar, and offers to publish both', async () => {
    // 1280 px: path and edition together; 390 px: the edition alone, then the path from the warning.
    for (const width of WIDTHS) {
      await atWidth(admin, width);
      const { path, edition } = await draftPathAndEdition(`pubblicazione ${width}`);
      await admin.goto(`/amministrazione/edizioni/${edition.id}`);
      await expectHeading(admin, edition.title);
      const status = admin.getByRole('region', { name: "Stato dell'edizione" });
      await status
        .getByText(`non compare nel calendario pubblico finché il percorso «${path.title}»`)
        .waitFor();
      await status.getByRole('button', { name: "Pubblica l'edizione" }).click();
      const dialog = admin.getByRole('dialog', { name: "Pubblicare l'edizione?" });
      await dialog.getByText(`Il percorso «${path.title}» è ancora in bozza`).waitFor();
      await expectAccessible(admin, `publish confirmation at ${width} px`);
      await expectNoSidewaysScroll(admin, width);
      const badge = status.locator('.badge');
      if (width === 1280) {
        await dialog.getByRole('button', { name: 'Pubblica percorso ed edizione' }).click();
        await status
          .getByRole('status')
          .filter({ hasText: `Percorso «${path.title}» ed edizione pubblicati` })
          .waitFor();
        await status.getByRole('link', { name: "Apri la pagina pubblica dell'edizione" }).waitFor();
        const pub = await admin.request.get(`/api/v1/public/editions/${edition.id}`);
        expect(pub.status()).toBe(200);

        // The status badge changes colour with each status, without reloading the page.
        await badge.filter({ hasText: 'Pubblicata' }).waitFor();
        const colours = [await background(badge)];
        await status.getByRole('button', { name: 'Chiudi le iscrizioni' }).click();
        await badge.filter({ hasText: 'Iscrizioni chiuse' }).waitFor();
        await admin.waitForTimeout(300);
        colours.push(await background(badge));
        await status.getByRole('button', { name: 'Segna come conclusa' }).click();
        await badge.filter({ hasText: 'Conclusa' }).waitFor();
        await admin.waitForTimeout(300);
        colours.push(await background(badge));
        expect(new Set(colours).size, `badge colours ${colours.join(' → ')}`).toBe(3);
      } else {
        await dialog.getByRole('button', { name: "Pubblica solo l'edizione" }).click();
        await status
          .getByRole('status')
          .filter({ hasText: 'non compare ancora nel calendario pubblico' })
          .waitFor();
        await badge.filter({ hasText: 'Pubblicata' }).waitFor();
        expect((await admin.request.get(`/api/v1/public/editions/${edition.id}`)).status()).toBe(404);
        const note = status.getByRole('note');
        await note.getByText(`il percorso «${path.title}» è ancora in bozza`).waitFor();
        await expectAccessible(admin, `edition hidden by its draft path at ${width} px`);
        await note.getByRole('button', { name: 'Pubblica il percorso' }).click();
        await status
          .getByRole('status')
          .filter({ hasText: `Percorso «${path.title}» pubblicato` })
          .waitFor();
        expect((await admin.request.get(`/api/v1/public/editions/${edition.id}`)).status()).toBe(200);
      }
    }
  });

  it('a learner reads why they cannot enrol in an edition reserved to another Province', async () => {
    const units = await api.get<{ items: { id: number }[] }>('/api/v1/units?q=016');
    const bergamo = units.items[0]?.id;
    const path = await api.send<{ id: number; slug: string }>('POST', '/api/v1/training-paths', {
      title: `Percorso riservato a Bergamo ${stamp}`,
      summary: 'Un percorso riservato al personale di Bergamo.',
      domainCode: 'gestionale',
      serviceModelCode: null,
      level: 'base',
      totalHours: 4,
      deliveryModes: ['aula'],
      eligibility: 'units',
      unitIds: [bergamo],
      modules: [{ title: 'Modulo unico', hours: 4, mode: 'aula' }],
    });
    await api.send('POST', `/api/v1/training-paths/${path.id}/status`, { status: 'published' });
    const edition = await api.send<{ id: number; title: string }>('POST', '/api/v1/editions', {
      pathId: path.id,
      title: `Edizione riservata ${stamp}`,
      startsOn: romeDayFromToday(15),
      endsOn: romeDayFromToday(15),
      capacity: 10,
      enrolmentOpensAt: romeAt(-1, '00:00'),
      enrolmentClosesAt: romeAt(14, '00:00'),
      online: true,
      venueName: null,
      venueAddress: null,
      venueUnitId: null,
      trainerIds: [],
      approvalRequired: false,
      minAttendancePct: 75,
      finalTestRequired: false,
      cancellationClosesAt: null,
    });
    await api.send('POST', `/api/v1/editions/${edition.id}/sessions`, {
      title: 'Webinar unico',
      startsAt: romeAt(15, '10:00'),
      endsAt: romeAt(15, '12:00'),
      mode: 'webinar',
      room: null,
      onlineUrl: 'https://meet.example.org/officina',
      trainerId: null,
    });
    await api.send('POST', `/api/v1/editions/${edition.id}/status`, { status: 'published' });

    for (const width of WIDTHS) {
      await atWidth(learner, width);
      await learner.goto(`/formazione/edizioni/${edition.id}`);
      await expectHeading(learner, edition.title);
      await learner
        .getByText('Non puoi iscriverti: questo percorso è riservato al personale di altre Province')
        .waitFor();
      expect(await learner.getByRole('button', { name: 'Iscriviti' }).count()).toBe(0);
      await expectNoSidewaysScroll(learner, width);
      await expectAccessible(learner, `edition reserved to another Province at ${width} px`);
    }
  });

  it('a QR check-in shows as present in the register, counted as marked, options on one line', async () => {
    // A session running now (Rome), so that the learner can check in with the QR code.
    const hour = romeHour();
    const start = Math.max(0, hour - 1);
    const end = Math.min(23, start + 3);
    const made: Made = await makeEditionWithLearners(api, {
      title: `Edizione con check-in ${stamp}`,
      sessions: [
        { title: 'Lezione in corso', day: 0, start: hh(start), end: end === 23 ? '23:59' : hh(end) },
      ],
      learners: ['discente.cuneo@officina.demo'],
    });
    const session = made.sessions[0];
    if (!session) throw new Error('no session');
    const code = await api.send<{ url: string }>('POST', `/api/v1/sessions/${session.id}/checkin-code`);
    await learner.goto(new URL(code.url).pathname);
    await expectHeading(learner, 'Registra la presenza');
    await learner.getByRole('button', { name: 'Registra la mia presenza' }).click();
    await learner.getByRole('status').filter({ hasText: 'Presenza registrata' }).waitFor();

    for (const width of WIDTHS) {
      await atWidth(admin, width);
      await admin.goto(`/formazione/sessioni/${session.id}/registro`);
      await expectHeading(admin, 'Registro: Lezione in corso');
      const carlo = admin.getByRole('group', { name: /Carlo Discente/ });
      await carlo.getByText(/^Già registrato: .* \(codice QR\)\.$/).waitFor();
      expect(await carlo.getByLabel('Presente', { exact: true }).isChecked()).toBe(true);
      expect(await carlo.getByLabel('Assente', { exact: true }).isChecked()).toBe(false);
      await admin.getByText('Presenti: 1, assenti: 0, da indicare: 0.').waitFor();
      await expectOneLine([
        carlo.getByText('Presente', { exact: true }),
        carlo.getByText('Assente', { exact: true }),
      ]);
      await expectNoSidewaysScroll(admin, width);
      await expectAccessible(admin, `register after a QR check-in at ${width} px`);
    }
    // Saving without changes keeps the QR figure: nothing is sent.
    await admin.getByRole('button', { name: 'Salva il registro' }).click();
    await admin.getByText('Nessuna modifica da salvare: le presenze sono già registrate.').waitFor();
    await admin
      .getByRole('group', { name: /Carlo Discente/ })
      .getByText(/\(codice QR\)\.$/)
      .waitFor();
  });
});
