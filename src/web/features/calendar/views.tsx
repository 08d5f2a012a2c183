import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarEntry } from '../../../common/catalogue';
import { addDays, romeDate, romeToday } from '../../../common/rome-time';
import { monthWeeks, startOfMonth } from '../../components/calendarDays';
import { formatDayLong, formatMonth, formatTime, weekdayNames } from '../../components/format';
import { TableScroll } from '../../components/TableScroll';
import { EntryItem, isCancelled } from './EntryItem';

/** Sessions grouped by the Rome day they start on, in order. */
export function byDay(entries: CalendarEntry[]): Map<string, CalendarEntry[]> {
  const days = new Map<string, CalendarEntry[]>();
  for (const e of entries) {
    const day = romeDate(e.startsAt);
    const list = days.get(day);
    if (list) list.push(e);
    else days.set(day, [e]);
  }
  return days;
}

type Names = Map<string, string>;

function DayHeading({ day, id, level }: { day: string; id: string; level: 2 | 3 }) {
  const { t } = useTranslation();
  const today = day === romeToday();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <Heading id={id} className="h4 officina-day-heading">
      {formatDayLong(day)}
      {today ? <span className="badge bg-primary ms-2">{t('calendar.today')}</span> : null}
    </Heading>
  );
}

/** The list view: a heading per day, then its sessions (also the month's agenda on a phone, one level down). */
export function ListView({
  entries,
  domains,
  level = 2,
  idPrefix = 'day',
}: {
  entries: CalendarEntry[];
  domains: Names;
  level?: 2 | 3;
  idPrefix?: string;
}) {
  return (
    <div className="officina-calendar-list">
      {[...byDay(entries)].map(([day, items]) => (
        <section key={day} aria-labelledby={`${idPrefix}-${day}`} className="mb-4">
          <DayHeading day={day} id={`${idPrefix}-${day}`} level={level} />
          <ul className="list-unstyled mb-0">
            {items.map((e) => (
              <EntryItem
                key={e.sessionId}
                entry={e}
                domainName={domains.get(e.domainCode)}
                headingLevel={level === 2 ? 3 : 4}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The week view: the seven days from Monday, each with its heading, empty days said so. */
export function WeekView({
  monday,
  entries,
  domains,
}: {
  monday: string;
  entries: CalendarEntry[];
  domains: Names;
}) {
  const { t } = useTranslation();
  const days = byDay(entries);
  return (
    <div className="officina-calendar-week">
      {Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((day) => {
        const items = days.get(day) ?? [];
        return (
          <section key={day} aria-labelledby={`day-${day}`} className="mb-4">
            <DayHeading day={day} id={`day-${day}`} level={3} />
            {items.length === 0 ? (
              <p className="text-secondary">{t('calendar.noneThatDay')}</p>
            ) : (
              <ul className="list-unstyled mb-0">
                {items.map((e) => (
                  <EntryItem
                    key={e.sessionId}
                    entry={e}
                    domainName={domains.get(e.domainCode)}
                    headingLevel={4}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/**
 * The month view. From tablets up, a full grid with the sessions in their days; on a phone, where seven
 * such columns cannot be read, a compact grid (day numbers, a dot and the count of sessions) over the
 * agenda of the days with sessions, as phone calendars do.
 */
export function MonthView({
  anchor,
  entries,
  domains,
}: {
  anchor: string;
  entries: CalendarEntry[];
  domains: Names;
}) {
  return (
    <>
      <div className="d-none d-md-block">
        <MonthGrid anchor={anchor} entries={entries} />
      </div>
      <div className="d-md-none">
        <CompactMonth anchor={anchor} entries={entries} />
        <ListView entries={entries} domains={domains} level={3} idPrefix="agenda" />
      </div>
    </>
  );
}

/** The phone's month: all seven weekdays in the width of the screen, the details in the agenda below. */
function CompactMonth({ anchor, entries }: { anchor: string; entries: CalendarEntry[] }) {
  const { t } = useTranslation();
  const days = byDay(entries);
  const month = startOfMonth(anchor).slice(0, 7);
  const short = weekdayNames('short');
  const long = weekdayNames('long');
  const today = romeToday();
  const caption = t('calendar.monthCaption', { month: formatMonth(anchor), count: entries.length });
  return (
    <table className="table table-bordered officina-month-compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {short.map((name, i) => (
            <th key={name} scope="col">
              <abbr title={long[i]}>{name}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(anchor).map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const inMonth = day.slice(0, 7) === month;
              const n = inMonth ? (days.get(day)?.length ?? 0) : 0;
              const number = Number(day.slice(8));
              return (
                <td
                  key={day}
                  className={`${inMonth ? '' : 'officina-other-month'}${day === today ? ' officina-today' : ''}${n ? ' officina-has-sessions' : ''}`}
                >
                  {inMonth ? (
                    <>
                      <span className="officina-month-day">{number}</span>
                      {n ? (
                        <span className="officina-month-count">
                          <span aria-hidden="true">● {n}</span>
                          <span className="visually-hidden">
                            {t('calendar.sessionsThatDay', { count: n })}
                          </span>
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="officina-month-day text-secondary" aria-hidden="true">
                      {number}
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The full month grid: a real table (weekdays as column headers) whose cells hold a heading for each day
 * with sessions and a list of links, so that it reads as well with a screen reader as it looks.
 */
function MonthGrid({ anchor, entries }: { anchor: string; entries: CalendarEntry[] }) {
  const { t } = useTranslation();
  const days = byDay(entries);
  const month = startOfMonth(anchor).slice(0, 7);
  const short = weekdayNames('short');
  const long = weekdayNames('long');
  const today = romeToday();
  const caption = t('calendar.monthCaption', { month: formatMonth(anchor), count: entries.length });
  return (
    <TableScroll label={caption}>
      <table className="table table-bordered officina-month">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {short.map((name, i) => (
              <th key={name} scope="col">
                <abbr title={long[i]}>{name}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(anchor).map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = day.slice(0, 7) === month;
                const items = inMonth ? (days.get(day) ?? []) : [];
                const number = Number(day.slice(8));
                return (
                  <td
                    key={day}
                    className={`${inMonth ? '' : 'officina-other-month'}${day === today ? ' officina-today' : ''}`}
                  >
                    {items.length > 0 ? (
                      <>
                        <h3 className="officina-month-day">
                          <span aria-hidden="true">{number}</span>
                          <span className="visually-hidden">{formatDayLong(day)}</span>
                        </h3>
                        <ul className="list-unstyled mb-0">
                          {items.map((e) => (
                            <li
                              key={e.sessionId}
                              className={isCancelled(e) ? 'officina-entry-cancelled' : ''}
                            >
                              <Link to={`/formazione/edizioni/${e.editionId}`}>
                                <span className="officina-month-time">{formatTime(e.startsAt)}</span>{' '}
                                {e.pathTitle}
                                <span className="visually-hidden">
                                  {' '}
                                  — {e.sessionTitle}, {e.editionTitle}
                                </span>
                                {isCancelled(e) ? ` (${t('sessionStatus.cancelled')})` : ''}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      <span className={`officina-month-day${inMonth ? '' : ' text-secondary'}`}>
                        {inMonth ? number : <span aria-hidden="true">{number}</span>}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
