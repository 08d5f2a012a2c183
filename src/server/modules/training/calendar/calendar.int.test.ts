import { describe, expect, it } from 'vitest';
import type { CalendarEntry, Edition, Session, TrainingPath } from '../../../../common/catalogue.js';
import { addDays, romeDate, romeInstant } from '../../../../common/rome-time.js';
import { startTestApp } from '../../../test/app.js';
import { calendarModule } from './index.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const anon = t.client();

const unitId = async (code: string) =>
  (await admin.get(`/api/v1/units?q=${code}`)).json().items[0].id as number;
const cuneo = await unitId('004');
const bergamo = await unitId('016');
const sassari = await unitId('090');
const trainerUser = (await admin.get('/api/v1/users?q=formatore@officina.demo')).json().items[0] as {
  id: string;
  email: string;
};

const today = romeDate(new Date());
const at = (day: number, time: string) => romeInstant(addDays(today, day), time).toISOString();

const APPALTI = 'appalti-pubblici-nuovo-codice';
const FONDI = 'fondi-europei-progettazione';
const DATI = 'dati-territoriali-servizi-digitali';

async function createPath(over: Record<string, unknown>, publish: boolean) {
  const res = await admin.post('/api/v1/training-paths', {
    summary: 'Un percorso creato per le prove del calendario pubblico.',
    domainCode: 'gestionale',
    serviceModelCode: null,
    level: 'base',
    totalHours: 4,
    deliveryModes: ['aula'],
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  const path = res.json() as TrainingPath;
  if (publish) await admin.post(`/api/v1/training-paths/${path.id}/status`, { status: 'published' });
  return path;
}

/** An edition with one session on the given day (from today), published or left as a draft. */
async function createEdition(
  pathId: number,
  day: number,
  opts: { publish: boolean; capacity?: number; venueUnitId?: number | null; mode?: string },
) {
  const online = opts.venueUnitId === undefined || opts.venueUnitId === null;
  const res = await admin.post('/api/v1/editions', {
    pathId,
    title: `Edizione del giorno ${day}`,
    startsOn: addDays(today, day),
    endsOn: addDays(today, day),
    capacity: opts.capacity ?? 20,
    enrolmentOpensAt: at(-1, '09:00'),
    enrolmentClosesAt: at(day - 1, '18:00'),
    online,
    venueName: online ? null : 'Palazzo della Provincia',
    venueAddress: online ? null : 'Piazza d’Italia 31',
    venueUnitId: opts.venueUnitId ?? null,
    trainerIds: [trainerUser.id],
  });
  expect(res.statusCode, res.body).toBe(201);
  const edition = res.json() as Edition;
  const s = await admin.post(`/api/v1/editions/${edition.id}/sessions`, {
    title: 'Unico incontro',
    startsAt: at(day, '10:00'),
    endsAt: at(day, '12:00'),
    mode: opts.mode ?? 'aula',
    onlineUrl: 'https://webinar.example.it/officina/segreto',
    trainerId: trainerUser.id,
  });
  expect(s.statusCode, s.body).toBe(201);
  if (opts.publish)
    expect(
      (await admin.post(`/api/v1/editions/${edition.id}/status`, { status: 'published' })).statusCode,
    ).toBe(200);
  return { edition, session: s.json() as Session };
}

// A path reserved to Sassari, with a full edition (no seats) held there.
const sassariPath = await createPath(
  {
    title: 'Laboratorio sul fascicolo del personale',
    eligibility: 'units',
    unitIds: [sassari],
  },
  true,
);
const full = await createEdition(sassariPath.id, 40, { publish: true, capacity: 0, venueUnitId: sassari });
// A draft edition of a published path, and a published edition of a draft path: never public.
const fondiId = (await anon.get(`/api/v1/public/paths/${FONDI}`)).json().id as number;
const draft = await createEdition(fondiId, 45, { publish: false, mode: 'webinar' });
const draftPath = await createPath({ title: 'Percorso ancora in bozza' }, false);
const hidden = await createEdition(draftPath.id, 46, { publish: true, mode: 'webinar' });

type Page = {
  items: CalendarEntry[];
  total: number;
  page: number;
  pageSize: number;
  nextSessionAt: string | null;
};
async function calendar(query = ''): Promise<Page> {
  const res = await anon.get(`/api/v1/public/calendar${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const slugs = (p: Page) => new Set(p.items.map((i) => i.pathSlug));

describe('public calendar', () => {
  it('answers anonymous callers with the sessions of published editions of published paths, by time', async () => {
    const page = await calendar();
    // The demo catalogue: 3 + 2 + 1 + 2 sessions; plus the full edition in Sassari.
    expect(page.total).toBe(9);
    expect(page.items).toHaveLength(9);
    const ids = page.items.map((i) => i.sessionId);
    expect(ids).toContain(full.session.id);
    expect(ids).not.toContain(draft.session.id);
    expect(ids).not.toContain(hidden.session.id);
    const starts = page.items.map((i) => i.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(page.items.every((i) => i.editionStatus === 'published' && i.status === 'scheduled')).toBe(true);
    const appalti = page.items.find((i) => i.pathSlug === APPALTI);
    expect(appalti).toMatchObject({
      pathTitle: 'Appalti pubblici: il nuovo codice dei contratti',
      domainCode: 'giuridico-amministrativo',
      serviceModelCode: 'SUA',
      venueName: 'Sala consiliare della Provincia di Cuneo',
      regionName: 'Piemonte',
      seatsLeft: 30,
    });
  });

  it('filters by domain, service model and mode', async () => {
    const tech = await calendar('domain=tecnologico');
    expect([...slugs(tech)]).toEqual([DATI]);
    expect(tech.total).toBe(2);
    const sua = await calendar('serviceModel=SUA');
    expect([...slugs(sua)]).toEqual([APPALTI]);
    expect(sua.total).toBe(3);
    const aula = await calendar('mode=aula');
    expect(aula.items.every((i) => i.mode === 'aula')).toBe(true);
    expect(slugs(aula)).toEqual(new Set([APPALTI, DATI, sassariPath.slug]));
    const bad = await anon.get('/api/v1/public/calendar?mode=teletrasporto');
    expect(bad.statusCode).toBe(400);
  });

  it('filters by unit: open to all, listing the unit, or matching its Convenzioni', async () => {
    // Cuneo has the demo SUA Convenzione.
    expect(slugs(await calendar(`unit=${cuneo}`))).toEqual(new Set([APPALTI, FONDI, DATI]));
    expect(slugs(await calendar(`unit=${sassari}`))).toEqual(new Set([FONDI, DATI, sassariPath.slug]));
    expect(slugs(await calendar(`unit=${bergamo}`))).toEqual(new Set([FONDI, DATI]));
    const signed = await admin.post('/api/v1/agreements', {
      unitId: bergamo,
      serviceModelCode: 'SUA',
      signedOn: addDays(today, -10),
      actReference: 'Decreto del Presidente n. 3',
      validFrom: addDays(today, -10),
      validTo: null,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(slugs(await calendar(`unit=${bergamo}`))).toEqual(new Set([APPALTI, FONDI, DATI]));
  });

  it('filters by region (venue there, or online), and by seats left', async () => {
    const lombardia = await calendar('region=lombardia');
    expect(slugs(lombardia)).toEqual(new Set([DATI, FONDI]));
    expect(
      lombardia.items.every(
        (i) => i.regionName === 'Lombardia' || (i.venueName === null && i.regionName === null),
      ),
    ).toBe(true);
    expect(slugs(await calendar('region=Sardegna'))).toEqual(new Set([FONDI, sassariPath.slug]));
    expect((await calendar('region=Atlantide')).items.every((i) => i.pathSlug === FONDI)).toBe(true);

    const ids = (await calendar('available=true')).items.map((i) => i.sessionId);
    expect(ids).not.toContain(full.session.id);
    expect(ids).toHaveLength(8);
    expect((await calendar('available=false')).total).toBe(9);
  });

  it('searches titles and descriptions with Italian stemming', async () => {
    const appalto = await calendar('q=appalto');
    expect(appalto.total).toBe(3);
    expect([...slugs(appalto)]).toEqual([APPALTI]);
    expect([...slugs(await calendar('q=europeo'))]).toEqual([FONDI]);
    expect((await calendar('q=astronautica')).total).toBe(0);
  });

  it('limits the dates with from/to (Rome days, both included) and refuses to before from', async () => {
    // The demo's sessions move to working days: take the days of the 3rd and 5th of them.
    const all = (await calendar()).items;
    const dayOf = (i: CalendarEntry | undefined) => romeDate(new Date(i?.startsAt as string));
    const from = dayOf(all[2]);
    const to = dayOf(all[4]);
    const page = await calendar(`from=${from}&to=${to}`);
    expect(page.items.map((i) => i.sessionId)).toEqual(
      all.filter((i) => dayOf(i) >= from && dayOf(i) <= to).map((i) => i.sessionId),
    );
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.total).toBeLessThan(all.length);
    for (const i of page.items) {
      expect(romeDate(new Date(i.startsAt)) >= from).toBe(true);
      expect(romeDate(new Date(i.startsAt)) <= to).toBe(true);
    }
    const res = await anon.get(`/api/v1/public/calendar?from=${to}&to=${from}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'INVALID_RANGE',
      message: 'La data finale precede quella iniziale.',
      details: [{ path: 'to' }],
    });
    const long = await anon.get(`/api/v1/public/calendar?from=${today}&to=${addDays(today, 800)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('RANGE_TOO_LONG');
    expect((await anon.get('/api/v1/public/calendar?from=27-11-2026')).statusCode).toBe(400);
  });

  it('paginates with a stable total', async () => {
    const all = await calendar();
    const first = await calendar('pageSize=4&page=1');
    const second = await calendar('pageSize=4&page=2');
    const third = await calendar('pageSize=4&page=3');
    expect([first.total, second.total, third.total]).toEqual([all.total, all.total, all.total]);
    expect(first).toMatchObject({ page: 1, pageSize: 4 });
    expect([first, second, third].map((p) => p.items.length)).toEqual([4, 4, 1]);
    expect([...first.items, ...second.items, ...third.items].map((i) => i.sessionId)).toEqual(
      all.items.map((i) => i.sessionId),
    );
  });

  it('is cacheable: ETag with 304 on If-None-Match, and Last-Modified', async () => {
    const res = await anon.get('/api/v1/public/calendar?domain=gestionale');
    const etag = res.headers.etag as string;
    expect(etag).toBeTruthy();
    const lastModified = new Date(res.headers['last-modified'] as string);
    expect(Number.isNaN(lastModified.getTime())).toBe(false);
    expect(lastModified.getTime()).toBeLessThanOrEqual(Date.now());
    expect(res.headers['cache-control']).toContain('public');
    const again = await anon.request('GET', '/api/v1/public/calendar?domain=gestionale', undefined, {
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Another answer has another tag.
    const other = await anon.request('GET', '/api/v1/public/calendar?domain=tecnologico', undefined, {
      headers: { 'if-none-match': etag },
    });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
  });
});

describe('the next session after an empty period', () => {
  it('is given when nothing matches in the period, with the same filters, and only then', async () => {
    // Only the Sassari workshop matches "fascicolo": its session is on day 40.
    const empty = await calendar(`q=fascicolo&from=${today}&to=${addDays(today, 30)}`);
    expect(empty.total).toBe(0);
    expect(empty.nextSessionAt).toBe(full.session.startsAt);
    // The period after it: nothing more to come.
    expect(
      (await calendar(`q=fascicolo&from=${addDays(today, 41)}&to=${addDays(today, 60)}`)).nextSessionAt,
    ).toBe(null);
    // The filters count: the workshop is not online.
    expect(
      (await calendar(`q=fascicolo&mode=webinar&from=${today}&to=${addDays(today, 30)}`)).nextSessionAt,
    ).toBe(null);
    // A period with sessions needs no hint.
    const found = await calendar(`q=fascicolo&from=${addDays(today, 35)}&to=${addDays(today, 45)}`);
    expect(found.total).toBe(1);
    expect(found.nextSessionAt).toBe(null);
  });

  it('skips a cancelled session', async () => {
    const path = await createPath({ title: 'Seminario sulla toponomastica provinciale' }, true);
    // Beyond the calendar's default three months, so the other tests' counts stay as they are.
    const first = await createEdition(path.id, 100, { publish: true });
    const second = await createEdition(path.id, 105, { publish: true });
    const cancelled = await admin.post(
      `/api/v1/editions/${first.edition.id}/sessions/${first.session.id}/cancel`,
      {
        reason: 'Sala non disponibile',
      },
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const page = await calendar(`q=toponomastica&from=${today}&to=${addDays(today, 95)}`);
    expect(page.nextSessionAt).toBe(second.session.startsAt);
  });
});

describe('public list of paths', () => {
  type PathItem = { slug: string; deliveryModes: string[]; upcomingEditions: number; unitIds?: unknown };
  async function paths(query = ''): Promise<{ items: PathItem[]; total: number }> {
    const res = await anon.get(`/api/v1/public/paths${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('lists published paths only, each with its editions still to come', async () => {
    const all = await paths('pageSize=100');
    const bySlug = new Map(all.items.map((p) => [p.slug, p]));
    expect(bySlug.has(draftPath.slug)).toBe(false);
    // The draft edition of the European funds path does not count.
    expect(bySlug.get(FONDI)?.upcomingEditions).toBe(2);
    expect(bySlug.get(sassariPath.slug)?.upcomingEditions).toBe(1);
    expect(all.items.every((p) => p.unitIds === undefined)).toBe(true);
  });

  it('filters by delivery mode, searches, and refuses unbounded input', async () => {
    const webinar = await paths('mode=webinar&pageSize=100');
    expect(webinar.items.length).toBeGreaterThan(0);
    expect(webinar.items.every((p) => p.deliveryModes.includes('webinar'))).toBe(true);
    expect(webinar.items.map((p) => p.slug)).not.toContain(sassariPath.slug);
    expect((await paths('q=fascicolo')).items.map((p) => p.slug)).toEqual([sassariPath.slug]);
    for (const bad of ['mode=teletrasporto', `q=${'a'.repeat(201)}`, 'pageSize=1000', 'page=0'])
      expect((await anon.get(`/api/v1/public/paths?${bad}`)).statusCode, bad).toBe(400);
  });
});

describe('public pages', () => {
  it('a public edition has its sessions and eligibility, a draft edition or a draft path is not found', async () => {
    const res = await anon.get(`/api/v1/public/editions/${full.edition.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: full.edition.id,
      status: 'published',
      venueUnitName: 'Sassari',
      eligibility: { kind: 'units', units: [{ id: sassari, name: 'Sassari' }] },
    });
    expect(res.json().eligibility.text).toContain('Sassari');
    expect(res.json().trainers).toEqual([{ name: 'Franco Formatore' }]);
    expect(res.json().sessions.map((s: Session) => s.id)).toEqual([full.session.id]);
    for (const id of [draft.edition.id, hidden.edition.id, 999999]) {
      const r = await anon.get(`/api/v1/public/editions/${id}`);
      expect(r.statusCode, String(id)).toBe(404);
      expect(r.json().code).toBe('NOT_FOUND');
    }
    expect((await anon.get(`/api/v1/public/paths/${draftPath.slug}`)).statusCode).toBe(404);
    const path = (await anon.get(`/api/v1/public/paths/${FONDI}`)).json();
    expect(path.editions.map((e: { id: number }) => e.id)).not.toContain(draft.edition.id);
    expect(path.editions).toHaveLength(2);
  });

  it('no public route reveals online links or personal data', async () => {
    const editionIds = new Set((await calendar()).items.map((i) => i.editionId));
    const urls = [
      '/api/v1/public/calendar',
      `/api/v1/public/calendar?pageSize=500&from=${addDays(today, -30)}`,
      '/api/v1/public/paths?pageSize=100',
      ...[APPALTI, FONDI, DATI, sassariPath.slug].map((s) => `/api/v1/public/paths/${s}`),
      ...[...editionIds].map((id) => `/api/v1/public/editions/${id}`),
      '/calendar.ics',
    ];
    expect(editionIds.size).toBe(5);
    for (const url of urls) {
      const res = await anon.get(url);
      expect(res.statusCode, url).toBe(200);
      // iCalendar folds long lines: unfold before looking.
      const body = res.body.replace(/\r?\n[ \t]/g, '');
      for (const secret of [
        'webinar.example.it',
        'onlineUrl',
        'trainerId',
        trainerUser.id,
        trainerUser.email,
        '@officina.demo',
        'createdBy',
      ])
        expect(body, `${url} leaks ${secret}`).not.toContain(secret);
    }
    // The trainer's own view has the link.
    const managed = await admin.get(`/api/v1/editions/${full.edition.id}`);
    expect(managed.body).toContain('webinar.example.it');
  });
});

describe('public page metadata', () => {
  it('titles the public path and edition pages, as the module hands them to the web server', async () => {
    const meta = calendarModule.pageMeta?.(t.services);
    if (!meta) throw new Error('the calendar module gives no page metadata');
    const path = (await anon.get(`/api/v1/public/paths/${FONDI}`)).json();
    const editionId = (await calendar()).items.find((i) => i.pathSlug === FONDI)?.editionId;
    expect((await meta(`/formazione/percorsi/${FONDI}`))?.title).toContain(path.title);
    expect((await meta(`/formazione/edizioni/${editionId}`))?.title).toContain(path.title);
    expect((await meta('/formazione/percorsi'))?.title).toBe('Percorsi formativi');
  });
});
