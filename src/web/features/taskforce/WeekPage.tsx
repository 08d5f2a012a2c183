import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { unitSectionUrl } from '../../components/UnitSectionNav';
import { useWeek } from './api';
import { OverdueBadge } from './labels';

/** "My units this week": the units I follow and what falls due from Monday to Sunday, overdue included. */
export default function WeekPage() {
  const { t } = useTranslation();
  const week = useWeek();
  const w = week.data;
  const unitLink = (u: { id: number; name: string }) => (
    <Link to={unitSectionUrl(u.id, 'taskForce')}>{u.name}</Link>
  );
  return (
    <Page
      title={t('taskforce.week.title')}
      lead={
        w ? t('taskforce.week.lead', { from: formatDate(w.weekStart), to: formatDate(w.weekEnd) }) : undefined
      }
    >
      <ErrorAlert error={week.error} />
      {week.isPending ? <Loading /> : null}
      {w && w.units.length === 0 ? <p className="alert alert-info">{t('taskforce.week.noUnits')}</p> : null}
      {w && w.units.length > 0 ? (
        <>
          <section aria-labelledby="week-units">
            <h2 id="week-units" className="h4">
              {t('taskforce.week.units', { count: w.units.length })}
            </h2>
            <ul>
              {w.units.map((u) => (
                <li key={u.id}>
                  {unitLink(u)}
                  {u.lead ? <span className="badge bg-primary ms-2">{t('taskforce.lead')}</span> : null}
                </li>
              ))}
            </ul>
          </section>

          <section className="mt-4" aria-labelledby="week-follow">
            <h2 id="week-follow" className="h4">
              {t('taskforce.week.followUps')}
            </h2>
            <ResultsTable
              caption={t('taskforce.week.followUpsCaption')}
              columns={[
                t('taskforce.unit'),
                t('taskforce.interventions.followUpOn'),
                t('taskforce.interventions.kind'),
                t('taskforce.interventions.nextSteps'),
              ]}
              items={w.followUps}
              empty={t('taskforce.week.nothing')}
              row={(f) => (
                <tr key={f.interventionId}>
                  <th scope="row">{unitLink(f.unit)}</th>
                  <td>
                    {formatDate(f.followUpOn)}
                    {f.overdue ? <OverdueBadge /> : null}
                  </td>
                  <td>
                    {t(`taskforce.kind.${f.kind}`)}, {formatDate(f.heldOn)}
                  </td>
                  <td>{f.nextSteps || '—'}</td>
                </tr>
              )}
            />
          </section>

          <section className="mt-4" aria-labelledby="week-milestones">
            <h2 id="week-milestones" className="h4">
              {t('taskforce.week.milestones')}
            </h2>
            <ResultsTable
              caption={t('taskforce.week.milestonesCaption')}
              columns={[
                t('taskforce.unit'),
                t('taskforce.milestones.dueOn'),
                t('taskforce.milestones.title'),
              ]}
              items={w.milestones}
              empty={t('taskforce.week.nothing')}
              row={(m) => (
                <tr key={m.id}>
                  <th scope="row">{unitLink(m.unit)}</th>
                  <td>
                    {formatDate(m.dueOn)}
                    {m.overdue ? <OverdueBadge /> : null}
                  </td>
                  <td>{m.title}</td>
                </tr>
              )}
            />
          </section>

          <section className="mt-4" aria-labelledby="week-risks">
            <h2 id="week-risks" className="h4">
              {t('taskforce.week.risks')}
            </h2>
            <ResultsTable
              caption={t('taskforce.week.risksCaption')}
              columns={[
                t('taskforce.unit'),
                t('taskforce.issues.title'),
                t('taskforce.issues.kind'),
                t('taskforce.issues.dueOn'),
              ]}
              items={w.risks}
              empty={t('taskforce.week.nothing')}
              row={(r) => (
                <tr key={r.id}>
                  <th scope="row">{unitLink(r.unit)}</th>
                  <td>{r.title}</td>
                  <td>{t(`taskforce.issueKind.${r.kind}`)}</td>
                  <td>{r.dueOn ? formatDate(r.dueOn) : '—'}</td>
                </tr>
              )}
            />
          </section>
        </>
      ) : null}
    </Page>
  );
}
