import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useCreatePlan, usePlans } from './api';
import { hours, local, PlanStatusBadge } from './labels';
import { planPath } from './paths';

/** The plans in scope (an officer's unit, or all), and the closed surveys a plan may be drawn from. */
export default function PlansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const plans = usePlans();
  const create = useCreatePlan();
  const candidates = (plans.data?.candidates ?? []).filter((c) => c.planId === null);
  return (
    <Page title={t('plans.title')} lead={t('plans.lead')}>
      <ErrorAlert error={plans.error} />
      {plans.isPending ? <Loading /> : null}
      {plans.data ? (
        <>
          <ResultsTable
            caption={t('plans.listCaption')}
            columns={[
              t('plans.unit'),
              t('plans.campaign'),
              t('plans.year'),
              t('plans.statusColumn'),
              t('plans.lines'),
              t('plans.totalHours'),
              t('plans.updated'),
            ]}
            items={plans.data.items}
            empty={t('plans.none')}
            row={(p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={planPath(p.id)}>{t('plans.planOf', { unit: p.unit.name, year: p.year })}</Link>
                </th>
                <td>{local(p.campaign.title)}</td>
                <td>{p.year}</td>
                <td>
                  <PlanStatusBadge status={p.status} />
                </td>
                <td>{p.lines}</td>
                <td>{hours(p.totalHours)}</td>
                <td>{formatDateTime(p.updatedAt)}</td>
              </tr>
            )}
          />
          {candidates.length > 0 ? (
            <section className="mt-5" aria-labelledby="plans-new">
              <h2 id="plans-new" className="h4">
                {t('plans.newTitle')}
              </h2>
              <p>{t('plans.newHelp')}</p>
              <ErrorAlert error={create.error} />
              <ResultsTable
                caption={t('plans.candidatesCaption')}
                columns={[
                  t('plans.unit'),
                  t('plans.campaign'),
                  t('plans.closedOn'),
                  t('plans.respondents'),
                  <span key="a" className="visually-hidden">
                    {t('plans.actions')}
                  </span>,
                ]}
                items={candidates}
                empty={t('plans.none')}
                row={(c) => (
                  <tr key={`${c.campaign.id}-${c.unit.id}`}>
                    <th scope="row">{c.unit.name}</th>
                    <td>{local(c.campaign.title)}</td>
                    <td>{formatDate(c.campaign.closesOn)}</td>
                    <td>{c.respondents}</td>
                    <td>
                      {c.enough ? (
                        <Button
                          color="primary"
                          size="sm"
                          disabled={create.isPending}
                          onClick={() =>
                            create.mutate(
                              { campaignId: c.campaign.id, unitId: c.unit.id },
                              { onSuccess: (plan) => void navigate(planPath(plan.id)) },
                            )
                          }
                        >
                          {t('plans.generate')}
                          <span className="visually-hidden"> — {c.unit.name}</span>
                        </Button>
                      ) : (
                        <span className="small">{t('plans.tooFew', { min: c.campaign.minGroupSize })}</span>
                      )}
                    </td>
                  </tr>
                )}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
