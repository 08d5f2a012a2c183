import { Icon } from 'design-react-kit';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { query } from '../../../common/api-routes';
import { addDays, romeDate, romeToday } from '../../../common/rome-time';
import { addMonths, startOfWeek } from '../../components/calendarDays';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDayLong, formatMonth } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Pagination } from '../../components/Pagination';
import { useCalendar } from '../training/api';
import { dateWords, useReferenceNames } from '../training/labels';
import { CalendarFiltersForm } from './CalendarFiltersForm';
import {
  activeFilterCount,
  type CalendarFilters,
  type CalendarView,
  calendarApiPath,
  icsPath,
  LIST_PAGE_SIZE,
  nextPeriod,
  PERIOD_PAGE_SIZE,
  period,
  readFilters,
  VIEWS,
  writeFilters,
} from './filters';
import { ListView, MonthView, WeekView } from './views';

function href(f: CalendarFilters): string {
  return `/formazione${query(writeFilters(f))}`;
}

/** List, month and week: links (not buttons), so that each view has its own address. */
function ViewSwitch({ filters }: { filters: CalendarFilters }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('calendar.views')} className="mb-4">
      <ul className="nav nav-pills officina-views">
        {VIEWS.map((view: CalendarView) => (
          <li className="nav-item" key={view}>
            <Link
              className={`nav-link${filters.view === view ? ' active' : ''}`}
              aria-current={filters.view === view ? 'page' : undefined}
              to={href({ ...filters, view, page: 1 })}
            >
              {t(`calendar.view.${view}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Previous / this / next month or week. */
function PeriodNav({ filters, label }: { filters: CalendarFilters; label: string }) {
  const { t } = useTranslation();
  const anchor = filters.date ?? romeToday();
  const month = filters.view === 'month';
  const shift = (n: number) => (month ? addMonths(anchor, n) : addDays(anchor, 7 * n));
  return (
    <nav aria-label={t('calendar.periodNav')} className="d-flex flex-wrap align-items-center gap-2 mb-3">
      <Link className="btn btn-outline-primary btn-sm" to={href({ ...filters, date: shift(-1) })}>
        <Icon icon="it-chevron-left" size="sm" color="primary" aria-hidden />
        {month ? t('calendar.previousMonth') : t('calendar.previousWeek')}
      </Link>
      <Link className="btn btn-outline-primary btn-sm" to={href({ ...filters, date: undefined })}>
        {month ? t('calendar.thisMonth') : t('calendar.thisWeek')}
      </Link>
      <Link className="btn btn-outline-primary btn-sm" to={href({ ...filters, date: shift(1) })}>
        {month ? t('calendar.nextMonth') : t('calendar.nextWeek')}
        <Icon icon="it-chevron-right" size="sm" color="primary" aria-hidden />
      </Link>
      <h2 className="h3 mb-0 ms-md-3" aria-live="polite">
        {label}
      </h2>
    </nav>
  );
}

/** The alert of an empty period, with the way to the next matching session when there is one. */
function EmptyPeriod({
  filters,
  range,
  today,
  nextSessionAt,
}: {
  filters: CalendarFilters;
  range: { from?: string; to?: string };
  today: string;
  nextSessionAt: string | null;
}) {
  const { t } = useTranslation();
  const nextDay = nextSessionAt ? romeDate(nextSessionAt) : null;
  let text: string;
  if (filters.view === 'month') text = t('calendar.emptyMonth');
  else if (filters.view === 'week') text = t('calendar.emptyWeek');
  else if (range.from || range.to)
    text = t(
      'calendar.emptyRange',
      dateWords(formatDate(range.from ?? today), range.to ? formatDate(range.to) : '…'),
    );
  else text = t('calendar.empty');
  return (
    <div className="alert alert-info" role="status">
      <p className="mb-2">
        {text} {nextDay ? null : t('calendar.emptyHint')}
      </p>
      {nextDay ? (
        <Link className="btn btn-primary btn-sm" to={href(nextPeriod(filters, nextDay))}>
          {t(`calendar.goToNext.${filters.view}`, { date: formatDayLong(nextDay) })}
        </Link>
      ) : (
        <p className="mb-0">{t('calendar.noneLater')}</p>
      )}
    </div>
  );
}

export default function CalendarPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const today = romeToday();
  const calendar = useCalendar(calendarApiPath(filters, today));
  const { domain } = useReferenceNames();
  const range = period(filters, today);
  const anchor = filters.date ?? today;
  const periodLabel =
    filters.view === 'month'
      ? formatMonth(anchor)
      : t(
          'calendar.weekOf',
          dateWords(formatDate(startOfWeek(anchor)), formatDate(addDays(startOfWeek(anchor), 6))),
        );
  const data = calendar.data;
  const active = activeFilterCount(filters);
  // On a phone the filters wait behind a button, so that the results come first.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const apply = (f: CalendarFilters) => {
    setParams(writeFilters(f));
    if (toggle.current?.offsetParent) {
      setFiltersOpen(false);
      toggle.current.focus();
    }
  };

  return (
    <Page title={t('calendar.title')} lead={t('calendar.lead')} description={t('calendar.description')}>
      <ViewSwitch filters={filters} />
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
        {/* Visible to all, and read out politely whenever the filters change the results. */}
        <p className="mb-0 fw-semibold officina-result-count" aria-live="polite">
          {data ? t('calendar.found', { count: data.total }) : ''}
        </p>
        <button
          ref={toggle}
          type="button"
          className="btn btn-outline-primary btn-sm d-lg-none"
          aria-expanded={filtersOpen}
          aria-controls="calendar-filters"
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          <Icon icon="it-funnel" size="sm" color="primary" aria-hidden className="me-1" />
          {active ? t('calendar.filtersActive', { count: active }) : t('calendar.filtersButton')}
        </button>
      </div>
      <div id="calendar-filters" className={filtersOpen ? undefined : 'd-none d-lg-block'}>
        <CalendarFiltersForm value={filters} onChange={apply} />
      </div>
      {filters.view !== 'list' ? <PeriodNav filters={filters} label={periodLabel} /> : null}
      <ErrorAlert error={calendar.error} />
      {/* A screen's height is held for the results, so that they do not push the feed's callout down. */}
      {calendar.isPending ? (
        <div className="officina-pending">
          <Loading />
        </div>
      ) : null}
      {data ? (
        <div aria-busy={calendar.isFetching}>
          {data.items.length === 0 ? (
            <EmptyPeriod filters={filters} range={range} today={today} nextSessionAt={data.nextSessionAt} />
          ) : null}
          {filters.view !== 'list' && data.total > PERIOD_PAGE_SIZE ? (
            <div className="alert alert-warning">{t('calendar.truncated', { max: PERIOD_PAGE_SIZE })}</div>
          ) : null}
          {filters.view === 'list' ? (
            <>
              <ListView entries={data.items} domains={domain} />
              <Pagination
                page={data.page}
                pageSize={data.pageSize || LIST_PAGE_SIZE}
                total={data.total}
                label={t('calendar.pages')}
                onPage={(page) => setParams(writeFilters({ ...filters, page }))}
              />
            </>
          ) : null}
          {filters.view === 'month' ? (
            <MonthView anchor={anchor} entries={data.items} domains={domain} />
          ) : null}
          {filters.view === 'week' ? (
            <WeekView monday={startOfWeek(anchor)} entries={data.items} domains={domain} />
          ) : null}
        </div>
      ) : null}
      <div className="callout note my-4">
        <div className="callout-title">
          <Icon icon="it-calendar" aria-hidden />
          <span>{t('calendar.icsTitle')}</span>
        </div>
        <p className="mb-2">{t('calendar.icsText')}</p>
        <a href={icsPath(filters)} className="btn btn-outline-primary btn-sm" type="text/calendar">
          {t('calendar.icsLink')}
        </a>
      </div>
    </Page>
  );
}
