import { type ApiUrl, apiRoutes, apiUrl } from '../../../common/api-routes';
import { DELIVERY_MODES } from '../../../common/catalogue';
import { addDays, isIsoDate, romeToday } from '../../../common/rome-time';
import { endOfMonth, startOfMonth, startOfWeek } from '../../components/calendarDays';

export const VIEWS = ['list', 'month', 'week'] as const;
export type CalendarView = (typeof VIEWS)[number];

/** The calendar's state, all of it in the address so that a filtered view can be shared or bookmarked. */
export type CalendarFilters = {
  view: CalendarView;
  /** The month or week shown (any day in it); today when absent. */
  date?: string;
  from?: string;
  to?: string;
  domain?: string;
  serviceModel?: string;
  mode?: string;
  unit?: string;
  region?: string;
  available?: boolean;
  q?: string;
  page: number;
};

/** The filters the JSON calendar and the iCal feed share. */
const SHARED = ['domain', 'serviceModel', 'mode', 'unit', 'region', 'q'] as const;
export const LIST_PAGE_SIZE = 20;
/** A month or week is shown whole: the API allows up to 500 sessions a page. */
export const PERIOD_PAGE_SIZE = 500;

export function readFilters(params: URLSearchParams): CalendarFilters {
  const view = params.get('view');
  const page = Number(params.get('page'));
  const f: CalendarFilters = {
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as CalendarView) : 'list',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
  for (const key of SHARED) {
    const v = params.get(key)?.trim();
    if (v) f[key] = v;
  }
  if (f.mode && !(DELIVERY_MODES as readonly string[]).includes(f.mode)) delete f.mode;
  if (f.unit && !/^\d+$/.test(f.unit)) delete f.unit;
  for (const key of ['date', 'from', 'to'] as const) {
    const v = params.get(key);
    if (isIsoDate(v)) f[key] = v;
  }
  if (params.get('available') === 'true') f.available = true;
  return f;
}

/** The address query of a calendar state; defaults are left out so that addresses stay short. */
export function writeFilters(f: CalendarFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.view !== 'list') out.view = f.view;
  if (f.view !== 'list' && f.date) out.date = f.date;
  for (const key of SHARED) if (f[key]) out[key] = f[key] as string;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.available) out.available = 'true';
  if (f.view === 'list' && f.page > 1) out.page = String(f.page);
  return out;
}

/** How many filters narrow the results (the view, its period and the page are not filters). */
export function activeFilterCount(f: CalendarFilters): number {
  const keys = [...SHARED, 'from', 'to'] as const;
  return keys.filter((k) => f[k]).length + (f.available ? 1 : 0);
}

/**
 * Where to look when the period shown has no session: the month or week of the next one, or (list) the
 * days from its own.
 */
export function nextPeriod(f: CalendarFilters, nextDay: string): CalendarFilters {
  if (f.view === 'list') return { ...f, from: nextDay, to: undefined, page: 1 };
  return { ...f, date: nextDay, page: 1 };
}

/** The first and last day a view covers (month and week views), or the chosen range (list). */
export function period(f: CalendarFilters, today = romeToday()): { from?: string; to?: string } {
  const anchor = f.date ?? today;
  if (f.view === 'month') return { from: startOfMonth(anchor), to: endOfMonth(anchor) };
  if (f.view === 'week') {
    const monday = startOfWeek(anchor);
    return { from: monday, to: addDays(monday, 6) };
  }
  return { from: f.from, to: f.to };
}

function sharedQuery(f: CalendarFilters) {
  return {
    domain: f.domain,
    serviceModel: f.serviceModel,
    mode: f.mode,
    unit: f.unit,
    region: f.region,
    available: f.available ? 'true' : undefined,
    q: f.q,
  };
}

/** The JSON calendar (apiRoutes.calendar.public) for this state. */
export function calendarApiPath(f: CalendarFilters, today = romeToday()): ApiUrl {
  const list = f.view === 'list';
  return apiUrl(
    apiRoutes.calendar.public,
    {},
    {
      ...period(f, today),
      ...sharedQuery(f),
      page: list ? f.page : 1,
      pageSize: list ? LIST_PAGE_SIZE : PERIOD_PAGE_SIZE,
    },
  );
}

/**
 * The iCal feed with the same filters. The period of the month and week views is left out: a calendar
 * subscription should keep bringing new sessions, not stop at the month on screen.
 */
export function icsPath(f: CalendarFilters): ApiUrl {
  return apiUrl(
    apiRoutes.calendar.ics,
    {},
    {
      ...sharedQuery(f),
      from: f.view === 'list' ? f.from : undefined,
      to: f.view === 'list' ? f.to : undefined,
    },
  );
}
