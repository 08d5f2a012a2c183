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
import { ApiAs, makeEditionWithLearners } from './support/training.js';

/** "HH:MM" in Rome, `minutes` from now. */
function romeClock(minutes: number): string {
  return new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(Date.now() + minutes * 60_000));
}

// The server runs without BigBlueButton: webinars open the session's own link, in the same window.
describe('webinars: the join button opens inside the session’s window', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const stamp = Date.now();
  const title = `Edizione webinar ${stamp}`;

  async function page(width = 1280): Promise<Page> {
    const { context, page } = await newPage(browser, { width, height: 900 });
    contexts.push(context);
    // The session's link leads outside the platform: answer it here.
    await context.route('https://meet.example.org/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="it"><head><title>Stanza del webinar</title></head><body><main><h1>Stanza del webinar</h1></main></body></html>',
      }),
    );
    return page;
  }

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  it('an administrator prepares a webinar starting in ten minutes and one tomorrow', async () => {
    const admin = await page();
    await signIn(admin, 'admin@officina.demo', DEMO_PASSWORD);
    await makeEditionWithLearners(new ApiAs(admin), {
      title,
      sessions: [
        { title: 'Webinar di oggi', day: 0, start: romeClock(10), end: romeClock(70), mode: 'webinar' },
        { title: 'Webinar di domani', day: 1, start: '10:00', end: '12:00', mode: 'webinar' },
      ],
      learners: ['discente.cuneo@officina.demo'],
      trainers: ['formatore@officina.demo'],
    });
  });

  for (const width of [1280, 390]) {
    it(`the learner sees when each webinar opens and enters the open one (${width} px)`, async () => {
      const learner = await page(width);
      await signIn(learner, 'discente.cuneo@officina.demo', DEMO_PASSWORD);
      await learner.goto('/la-mia-formazione/sessioni');
      await expectHeading(learner, 'Le mie sessioni');
      const later = learner.getByRole('button', { name: 'Entra nel webinar — Webinar di domani' });
      await later.waitFor();
      expect(await later.isDisabled()).toBe(true);
      await learner.getByText('alle 09:45').first().waitFor();
      const now = learner.getByRole('button', { name: 'Entra nel webinar — Webinar di oggi' });
      expect(await now.isEnabled()).toBe(true);
      await expectAccessible(learner, `my sessions with webinars (${width} px)`);
      await now.click();
      await learner.waitForURL((url) => url.hostname === 'meet.example.org');
      await expectHeading(learner, 'Stanza del webinar');
    });
  }

  it('the trainer enters as moderator from Le mie docenze', async () => {
    const trainer = await page();
    await signIn(trainer, 'formatore@officina.demo', DEMO_PASSWORD);
    await trainer.goto('/formazione/docenze');
    await expectHeading(trainer, 'Le mie docenze');
    const enter = trainer.getByRole('button', { name: 'Entra come moderatore — Webinar di oggi' });
    await enter.waitFor();
    // Without the platform's room there is nothing to end.
    expect(await trainer.getByRole('button', { name: /Termina il webinar/ }).count()).toBe(0);
    await expectAccessible(trainer, 'my teaching with a webinar');
    await enter.click();
    await trainer.waitForURL((url) => url.hostname === 'meet.example.org');
  });
});
