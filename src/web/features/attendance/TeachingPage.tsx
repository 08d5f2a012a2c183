import { Badge } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeachingSession } from '../../../common/attendance';
import { romeDate } from '../../../common/rome-time';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { FiltersPanel } from '../../components/FiltersPanel';
import { formatDayLong } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useUrlFilters } from '../../components/urlFilters';
import { CancelledBadge } from '../training/labels';
import { sessionTimes } from '../training/times';
import { WebinarJoin } from '../webinars';
import { matrixPath, registerPath } from './access';
import { useTeaching } from './api';
import { certificatesPath, feedbackPath } from './EditionLinks';

const KEYS = ['from', 'to'] as const;
type Range = Partial<Record<(typeof KEYS)[number], string>>;

type EditionGroup = {
  editionId: number;
  heading: string;
  cancelled: boolean;
  sessions: TeachingSession[];
};

/** Sessions come ordered by start; each edition is placed where its first session falls. */
function byEdition(items: TeachingSession[]): EditionGroup[] {
  const groups = new Map<number, EditionGroup>();
  for (const s of items) {
    let g = groups.get(s.editionId);
    if (!g) {
      g = {
        editionId: s.editionId,
        heading: `${s.pathTitle} — ${s.editionTitle}`,
        cancelled: s.editionStatus === 'cancelled',
        sessions: [],
      };
      groups.set(s.editionId, g);
    }
    g.sessions.push(s);
  }
  return [...groups.values()];
}

function SessionState({ s, now }: { s: TeachingSession; now: number }) {
  const { t } = useTranslation();
  if (s.status === 'cancelled' || s.editionStatus === 'cancelled') return <CancelledBadge />;
  if (new Date(s.startsAt).getTime() > now) return <>{t('sessionStatus.scheduled')}</>;
  const held = new Date(s.endsAt).getTime() <= now;
  // The register opens when the session starts: a class under way with nothing recorded is work to do.
  return (
    <>
      {held ? t('teaching.held') : t('teaching.ongoing')}
      {s.recorded === 0 && s.enrolled > 0 ? (
        <span className="d-block small">{t('teaching.toRecord')}</span>
      ) : null}
    </>
  );
}

function EditionSection({ group, now }: { group: EditionGroup; now: number }) {
  const { t } = useTranslation();
  const headingId = `teaching-edition-${group.editionId}`;
  const links = [
    { to: matrixPath(group.editionId), label: t('editionLinks.attendance') },
    { to: certificatesPath(group.editionId), label: t('editionLinks.certificates') },
    { to: feedbackPath(group.editionId), label: t('editionLinks.feedback') },
  ];
  return (
    <section aria-labelledby={headingId} className="mb-5">
      <h2 id={headingId} className="h4">
        {group.heading}
      </h2>
      {group.cancelled ? (
        <p>
          <Badge color="danger">{t('teaching.editionCancelled')}</Badge>
        </p>
      ) : null}
      <ul className="list-inline">
        {links.map((l) => (
          <li key={l.to} className="list-inline-item me-3">
            <Link to={l.to}>
              {l.label}
              <span className="visually-hidden"> — {group.heading}</span>
            </Link>
          </li>
        ))}
      </ul>
      <ResultsTable
        caption={t('teaching.caption', { count: group.sessions.length, edition: group.heading })}
        columns={[
          t('training.date'),
          t('register.timeRome'),
          t('training.session'),
          t('training.mode'),
          t('teaching.state'),
          t('teaching.enrolled'),
          t('teaching.recorded'),
          <span key="actions" className="visually-hidden">
            {t('common.actions')}
          </span>,
        ]}
        items={group.sessions}
        empty={t('teaching.none')}
        row={(s) => (
          <tr key={s.id} className={s.status === 'cancelled' ? 'officina-entry-cancelled' : undefined}>
            <td>{formatDayLong(romeDate(s.startsAt))}</td>
            <td className="text-nowrap">{sessionTimes(s)}</td>
            <th scope="row">
              {s.title}
              {s.room ? <span className="d-block small fw-normal">{s.room}</span> : null}
            </th>
            <td>{t(`modes.${s.mode}`)}</td>
            <td>
              <SessionState s={s} now={now} />
            </td>
            <td>{s.enrolled}</td>
            <td>{s.recorded}</td>
            <td>
              <Link to={registerPath(s.id)}>
                {t('teaching.register')}
                <span className="visually-hidden"> — {s.title}</span>
              </Link>
              {s.webinar ? (
                <div className="mt-2">
                  <WebinarJoin session={{ ...s, sessionId: s.id }} room={s.webinar} moderator />
                </div>
              ) : null}
            </td>
          </tr>
        )}
      />
    </section>
  );
}

function RangeFilters({
  value,
  error,
  onChange,
}: {
  value: Range;
  error: unknown;
  onChange: (r: Range) => void;
}) {
  const { t } = useTranslation();
  const problems = fieldErrors(error);
  return (
    <FiltersPanel label={t('teaching.filters')} value={value} onApply={onChange} onReset={() => onChange({})}>
      {(draft, set) => (
        <>
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              id="teaching-from"
              type="date"
              label={t('teaching.from')}
              hint={t('teaching.fromHint')}
              value={draft.from ?? ''}
              onChange={(e) => set({ from: e.target.value })}
              error={problems.from}
            />
          </div>
          <div className="col-12 col-md-6 col-lg-4">
            <TextField
              id="teaching-to"
              type="date"
              label={t('teaching.to')}
              hint={t('teaching.toHint')}
              value={draft.to ?? ''}
              onChange={(e) => set({ to: e.target.value })}
              error={problems.to}
            />
          </div>
        </>
      )}
    </FiltersPanel>
  );
}

/**
 * "Le mie docenze": the sessions a trainer teaches (for the whole edition or for one session), by
 * edition, with how many are enrolled and how many have minutes recorded, one step from each register.
 */
export default function TeachingPage() {
  const { t } = useTranslation();
  const { filters, apply } = useUrlFilters(KEYS);
  const teaching = useTeaching({ from: filters.from, to: filters.to });
  const items = teaching.data?.items ?? [];
  const groups = byEdition(items);
  const now = Date.now();
  return (
    <Page title={t('teaching.title')} lead={t('teaching.lead')}>
      <RangeFilters value={{ from: filters.from, to: filters.to }} error={teaching.error} onChange={apply} />
      <div className="mt-4">
        <ErrorAlert error={teaching.error} />
        {teaching.isPending ? <Loading /> : null}
        {teaching.data ? (
          <p aria-live="polite">
            {items.length === 0
              ? t('teaching.none')
              : t('teaching.summary', {
                  count: items.length,
                  editions: t('teaching.editions', { count: groups.length }),
                })}
          </p>
        ) : null}
        {groups.map((g) => (
          <EditionSection key={g.editionId} group={g} now={now} />
        ))}
      </div>
    </Page>
  );
}
