import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Intervention, Issue, Milestone } from '../../../common/taskforce';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { UnitSectionNav } from '../../components/UnitSectionNav';
import {
  useDeleteIntervention,
  useIssues,
  useMembers,
  useSaveIntervention,
  useSaveIssue,
  useSaveMilestone,
  useUnitWork,
} from './api';
import { InterventionForm, IssueForm, MilestoneForm } from './forms';
import { OverdueBadge, SeverityBadge } from './labels';

/** What a dialog edits: nothing, a new record, or an existing one. */
type Editing<T> = { item: T | null } | null;

/**
 * A unit's task force page: who follows it, the interventions log, risks and open issues (the task
 * force only) and milestones. The unit's officers read the interventions and milestones.
 */
export default function UnitTaskforcePage() {
  const { t } = useTranslation();
  const unitId = Number(useParams().id);
  const work = useUnitWork(unitId);
  const canWrite = work.data?.canWrite ?? false;
  const issues = useIssues(unitId, canWrite);
  const people = useMembers(canWrite);
  const saveIntervention = useSaveIntervention(unitId);
  const deleteIntervention = useDeleteIntervention();
  const saveIssue = useSaveIssue(unitId);
  const saveMilestone = useSaveMilestone(unitId);
  const [intervention, setIntervention] = useState<Editing<Intervention>>(null);
  const [issue, setIssue] = useState<Editing<Issue>>(null);
  const [milestone, setMilestone] = useState<Editing<Milestone>>(null);
  const w = work.data;
  const unitName = w?.unit.name ?? '';

  const closeIntervention = () => {
    saveIntervention.reset();
    setIntervention(null);
  };
  const closeIssue = () => {
    saveIssue.reset();
    setIssue(null);
  };
  const closeMilestone = () => {
    saveMilestone.reset();
    setMilestone(null);
  };

  const toggleIssue = (i: Issue) =>
    saveIssue.mutate({
      id: i.id,
      body: {
        kind: i.kind,
        title: i.title,
        description: i.description,
        severity: i.severity,
        ownerId: i.owner?.id ?? null,
        dueOn: i.dueOn,
        state: i.state === 'aperta' ? 'chiusa' : 'aperta',
      },
    });
  const toggleMilestone = (m: Milestone) =>
    saveMilestone.mutate({
      id: m.id,
      body: { title: m.title, dueOn: m.dueOn, doneOn: m.doneOn ? null : (w?.today ?? null) },
    });

  return (
    <Page title={t('taskforce.unitPage.title', { unit: unitName })} lead={t('taskforce.unitPage.lead')}>
      {Number.isInteger(unitId) && unitId > 0 ? <UnitSectionNav unitId={unitId} unitName={unitName} /> : null}
      <ErrorAlert error={work.error} />
      {work.isPending ? <Loading /> : null}
      {w ? (
        <>
          <section aria-labelledby="tf-people">
            <h2 id="tf-people" className="h4">
              {t('taskforce.unitPage.members')}
            </h2>
            {w.members.length === 0 ? (
              <p>{t('taskforce.unitPage.noMembers')}</p>
            ) : (
              <ul>
                {w.members.map((m) => (
                  <li key={m.userId}>
                    {m.name}
                    {m.lead ? <span className="badge bg-primary ms-2">{t('taskforce.lead')}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="mt-5" aria-labelledby="tf-interventions">
            <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
              <h2 id="tf-interventions" className="h4 mb-0">
                {t('taskforce.interventions.heading')}
              </h2>
              {canWrite ? (
                <Button color="primary" size="sm" onClick={() => setIntervention({ item: null })}>
                  {t('taskforce.interventions.add')}
                </Button>
              ) : null}
            </div>
            <ErrorAlert error={deleteIntervention.error} className="mt-3" />
            <ResultsTable
              caption={t('taskforce.interventions.caption', { unit: unitName })}
              columns={[
                t('taskforce.interventions.heldOn'),
                t('taskforce.interventions.kind'),
                t('taskforce.interventions.participants'),
                t('taskforce.interventions.outcome'),
                t('taskforce.interventions.nextSteps'),
                t('taskforce.interventions.followUpOn'),
                ...(canWrite
                  ? [
                      <span key="a" className="visually-hidden">
                        {t('common.actions')}
                      </span>,
                    ]
                  : []),
              ]}
              items={w.interventions}
              empty={t('taskforce.interventions.none')}
              row={(i) => (
                <tr key={i.id}>
                  <th scope="row" className="text-nowrap">
                    {formatDate(i.heldOn)}
                  </th>
                  <td>{t(`taskforce.kind.${i.kind}`)}</td>
                  <td className="officina-pre">{i.participants || '—'}</td>
                  <td className="officina-pre">{i.outcome || '—'}</td>
                  <td className="officina-pre">{i.nextSteps || '—'}</td>
                  <td className="text-nowrap">
                    {i.followUpOn ? (
                      <>
                        {formatDate(i.followUpOn)}
                        {i.followUpDone ? (
                          <span className="badge bg-success ms-2">{t('taskforce.done')}</span>
                        ) : i.followUpOn < w.today ? (
                          <OverdueBadge />
                        ) : null}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  {canWrite ? (
                    <td className="text-nowrap">
                      <Button
                        size="xs"
                        color="primary"
                        outline
                        onClick={() => setIntervention({ item: i })}
                        aria-label={t('taskforce.interventions.editOf', { date: formatDate(i.heldOn) })}
                      >
                        {t('common.edit')}
                      </Button>{' '}
                      <Button
                        size="xs"
                        color="danger"
                        outline
                        disabled={deleteIntervention.isPending}
                        onClick={() => {
                          if (window.confirm(t('taskforce.interventions.confirmDelete')))
                            deleteIntervention.mutate(i.id);
                        }}
                        aria-label={t('taskforce.interventions.deleteOf', { date: formatDate(i.heldOn) })}
                      >
                        {t('taskforce.delete')}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              )}
            />
          </section>

          {canWrite ? (
            <section className="mt-5" aria-labelledby="tf-issues">
              <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
                <h2 id="tf-issues" className="h4 mb-0">
                  {t('taskforce.issues.heading')}
                </h2>
                <Button color="primary" size="sm" onClick={() => setIssue({ item: null })}>
                  {t('taskforce.issues.add')}
                </Button>
              </div>
              <p className="small text-muted mt-2">{t('taskforce.issues.internal')}</p>
              <ErrorAlert error={issues.error ?? (issue ? null : saveIssue.error)} />
              {issues.isPending ? <Loading /> : null}
              <ResultsTable
                caption={t('taskforce.issues.caption', { unit: unitName })}
                columns={[
                  t('taskforce.issues.title'),
                  t('taskforce.issues.kind'),
                  t('taskforce.issues.severity'),
                  t('taskforce.issues.state'),
                  t('taskforce.issues.owner'),
                  t('taskforce.issues.dueOn'),
                  <span key="a" className="visually-hidden">
                    {t('common.actions')}
                  </span>,
                ]}
                items={issues.data ?? []}
                empty={t('taskforce.issues.none')}
                row={(i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      {i.title}
                      {i.description ? (
                        <div className="small text-muted officina-pre">{i.description}</div>
                      ) : null}
                    </th>
                    <td>{t(`taskforce.issueKind.${i.kind}`)}</td>
                    <td>
                      <SeverityBadge severity={i.severity} />
                    </td>
                    <td>{t(`taskforce.state.${i.state}`)}</td>
                    <td>{i.owner?.name ?? '—'}</td>
                    <td className="text-nowrap">{i.dueOn ? formatDate(i.dueOn) : '—'}</td>
                    <td className="text-nowrap">
                      <Button
                        size="xs"
                        color="primary"
                        outline
                        onClick={() => setIssue({ item: i })}
                        aria-label={t('taskforce.issues.editOf', { title: i.title })}
                      >
                        {t('common.edit')}
                      </Button>{' '}
                      <Button
                        size="xs"
                        color="secondary"
                        outline
                        disabled={saveIssue.isPending}
                        onClick={() => toggleIssue(i)}
                        aria-label={t(
                          i.state === 'aperta' ? 'taskforce.issues.closeOf' : 'taskforce.issues.reopenOf',
                          {
                            title: i.title,
                          },
                        )}
                      >
                        {t(i.state === 'aperta' ? 'taskforce.issues.close' : 'taskforce.issues.reopen')}
                      </Button>
                    </td>
                  </tr>
                )}
              />
            </section>
          ) : null}

          <section className="mt-5" aria-labelledby="tf-milestones">
            <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
              <h2 id="tf-milestones" className="h4 mb-0">
                {t('taskforce.milestones.heading')}
              </h2>
              {canWrite ? (
                <Button color="primary" size="sm" onClick={() => setMilestone({ item: null })}>
                  {t('taskforce.milestones.add')}
                </Button>
              ) : null}
            </div>
            <ErrorAlert error={milestone ? null : saveMilestone.error} className="mt-3" />
            <ResultsTable
              caption={t('taskforce.milestones.caption', { unit: unitName })}
              columns={[
                t('taskforce.milestones.title'),
                t('taskforce.milestones.dueOn'),
                t('taskforce.milestones.status'),
                ...(canWrite
                  ? [
                      <span key="a" className="visually-hidden">
                        {t('common.actions')}
                      </span>,
                    ]
                  : []),
              ]}
              items={w.milestones}
              empty={t('taskforce.milestones.none')}
              row={(m) => (
                <tr key={m.id}>
                  <th scope="row">{m.title}</th>
                  <td className="text-nowrap">{formatDate(m.dueOn)}</td>
                  <td>
                    {m.doneOn ? (
                      t('taskforce.milestones.doneOn', { date: formatDate(m.doneOn) })
                    ) : m.overdue ? (
                      <OverdueBadge />
                    ) : (
                      t('taskforce.milestones.pending')
                    )}
                  </td>
                  {canWrite ? (
                    <td className="text-nowrap">
                      <Button
                        size="xs"
                        color="primary"
                        outline
                        onClick={() => setMilestone({ item: m })}
                        aria-label={t('taskforce.milestones.editOf', { title: m.title })}
                      >
                        {t('common.edit')}
                      </Button>{' '}
                      <Button
                        size="xs"
                        color="secondary"
                        outline
                        disabled={saveMilestone.isPending}
                        onClick={() => toggleMilestone(m)}
                        aria-label={t(
                          m.doneOn ? 'taskforce.milestones.undoOf' : 'taskforce.milestones.markDoneOf',
                          {
                            title: m.title,
                          },
                        )}
                      >
                        {t(m.doneOn ? 'taskforce.milestones.undo' : 'taskforce.milestones.markDone')}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              )}
            />
          </section>

          <Dialog
            open={intervention !== null}
            title={t(intervention?.item ? 'taskforce.interventions.edit' : 'taskforce.interventions.add')}
            onClose={closeIntervention}
          >
            <InterventionForm
              initial={intervention?.item ?? null}
              error={saveIntervention.error}
              pending={saveIntervention.isPending}
              onCancel={closeIntervention}
              onSubmit={(body) =>
                saveIntervention.mutate(
                  { id: intervention?.item?.id ?? null, body },
                  { onSuccess: closeIntervention },
                )
              }
            />
          </Dialog>
          <Dialog
            open={issue !== null}
            title={t(issue?.item ? 'taskforce.issues.edit' : 'taskforce.issues.add')}
            onClose={closeIssue}
          >
            <IssueForm
              initial={issue?.item ?? null}
              error={saveIssue.error}
              pending={saveIssue.isPending}
              people={people.data?.members ?? []}
              onCancel={closeIssue}
              onSubmit={(body) =>
                saveIssue.mutate({ id: issue?.item?.id ?? null, body }, { onSuccess: closeIssue })
              }
            />
          </Dialog>
          <Dialog
            open={milestone !== null}
            title={t(milestone?.item ? 'taskforce.milestones.edit' : 'taskforce.milestones.add')}
            onClose={closeMilestone}
          >
            <MilestoneForm
              initial={milestone?.item ?? null}
              error={saveMilestone.error}
              pending={saveMilestone.isPending}
              onCancel={closeMilestone}
              onSubmit={(body) =>
                saveMilestone.mutate({ id: milestone?.item?.id ?? null, body }, { onSuccess: closeMilestone })
              }
            />
          </Dialog>
        </>
      ) : null}
    </Page>
  );
}
