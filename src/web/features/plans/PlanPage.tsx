import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PlanItem } from '../../../common/plans';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { AddPath } from './AddPath';
import { exportUrl, useDecision, usePlan, useRemoveItem, useUpdatePlan } from './api';
import { local, PlanStatusBadge } from './labels';
import { PlanLines } from './PlanLines';
import { PLANS_PATH } from './paths';

/** A change refused because the plan moved on (409): say so, and offer the fresh version. */
function ChangeError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 409)
    return (
      <div className="alert alert-warning" role="alert">
        <p className="mb-2">{error.message}</p>
        <Button color="primary" size="sm" onClick={onReload}>
          {t('plans.reload')}
        </Button>
      </div>
    );
  return <ErrorAlert error={error} />;
}

/** One unit's plan: its priorities and lines, edited in place, approved, reopened and exported. */
export default function PlanPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const plan = usePlan(id);
  const remove = useRemoveItem(id);
  const decide = useDecision(id);
  const updatePlan = useUpdatePlan(id);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'approve' | 'reopen' | null>(null);
  const [removing, setRemoving] = useState<PlanItem | null>(null);
  const [notes, setNotes] = useState<string | null>(null);

  const p = plan.data;
  if (!p)
    return (
      <Page title={t('plans.title')}>
        <ErrorAlert error={plan.error} />
        {plan.isPending ? <Loading /> : null}
        <Link to={PLANS_PATH}>{t('plans.back')}</Link>
      </Page>
    );
  const editable = p.canEdit && p.status === 'draft';
  const onError = (e: unknown) => {
    setDone(null);
    setError(e);
  };
  const reload = () => {
    setError(null);
    void plan.refetch();
  };
  const ok = (message: string) => {
    setError(null);
    setDone(message);
  };

  return (
    <Page
      title={t('plans.planOf', { unit: p.unit.name, year: p.year })}
      lead={local(p.campaign.title)}
      actions={
        <>
          <a className="btn btn-outline-primary" href={exportUrl(p.id, 'pdf')} download>
            {t('plans.downloadPdf')}
          </a>
          <a className="btn btn-outline-primary" href={exportUrl(p.id, 'docx')} download>
            {t('plans.downloadDocx')}
          </a>
          {p.canEdit ? (
            <Button color="primary" onClick={() => setConfirm(p.status === 'draft' ? 'approve' : 'reopen')}>
              {p.status === 'draft' ? t('plans.approve') : t('plans.reopen')}
            </Button>
          ) : null}
        </>
      }
    >
      <p>
        <Link to={PLANS_PATH}>{t('plans.back')}</Link>
      </p>
      <ChangeError error={error} onReload={reload} />
      {done ? <SuccessAlert>{done}</SuccessAlert> : null}
      <dl className="row">
        <dt className="col-sm-4 col-lg-3">{t('plans.statusColumn')}</dt>
        <dd className="col-sm-8 col-lg-9">
          <PlanStatusBadge status={p.status} />{' '}
          {p.approvedAt
            ? t('plans.approvedOn', { date: formatDate(p.approvedAt), who: p.approvedBy ?? '—' })
            : null}
        </dd>
        <dt className="col-sm-4 col-lg-3">{t('plans.respondents')}</dt>
        <dd className="col-sm-8 col-lg-9">
          {t('plans.respondentsText', { n: p.respondents, min: p.minGroupSize })}
        </dd>
        <dt className="col-sm-4 col-lg-3">{t('plans.lastChange')}</dt>
        <dd className="col-sm-8 col-lg-9">
          {formatDateTime(p.updatedAt)}
          {p.updatedBy ? ` — ${p.updatedBy}` : ''} ({t('plans.version', { v: p.version })})
        </dd>
      </dl>
      {p.campaign.anonymous ? <p className="small">{t('plans.anonymousNote')}</p> : null}
      {p.withheld ? (
        <p className="small">{t('plans.withheld', { n: p.withheld, min: p.minGroupSize })}</p>
      ) : null}

      <h2 className="h4 mt-4">{t('plans.linesTitle')}</h2>
      <p className="small">{t('plans.howProposed')}</p>
      <PlanLines plan={p} onError={onError} onRemove={setRemoving} />

      {editable ? <AddPath plan={p} onError={onError} onAdded={() => ok(t('plans.addedOk'))} /> : null}

      <h2 className="h4 mt-5">{t('plans.prioritiesTitle')}</h2>
      <ResultsTable
        caption={t('plans.prioritiesCaption')}
        columns={[t('plans.code'), t('plans.competency'), t('plans.priority')]}
        items={p.priorities}
        empty={t('plans.noPriorities')}
        row={(x) => (
          <tr key={x.code}>
            <td>{x.code}</td>
            <th scope="row">{local(x.name)}</th>
            <td>{x.priority === null ? t('plans.notPublishable') : x.priority.toLocaleString()}</td>
          </tr>
        )}
      />

      <h2 className="h4 mt-5">{t('plans.notesTitle')}</h2>
      {editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            updatePlan.mutate(
              { notes: notes ?? p.notes, version: p.version },
              { onSuccess: () => ok(t('plans.savedOk')), onError },
            );
          }}
        >
          <div className="form-group">
            <label htmlFor="plan-notes" className="active">
              {t('plans.notes')}
            </label>
            <textarea
              id="plan-notes"
              className="form-control"
              rows={3}
              maxLength={4000}
              value={notes ?? p.notes}
              onChange={(e) => setNotes(e.target.value)}
            />
          </div>
          <Button type="submit" color="primary" outline disabled={updatePlan.isPending}>
            {t('plans.saveNotes')}
          </Button>
        </form>
      ) : (
        <p>{p.notes || '—'}</p>
      )}

      <Dialog
        open={confirm !== null}
        title={confirm === 'approve' ? t('plans.approveTitle') : t('plans.reopenTitle')}
        onClose={() => setConfirm(null)}
      >
        <p>{confirm === 'approve' ? t('plans.approveText') : t('plans.reopenText')}</p>
        <div className="d-flex gap-2">
          <Button
            color="primary"
            disabled={decide.isPending}
            onClick={() => {
              const action = confirm ?? 'approve';
              decide.mutate(
                { action, version: p.version },
                {
                  onSuccess: () => ok(action === 'approve' ? t('plans.approvedOk') : t('plans.reopenedOk')),
                  onError,
                  onSettled: () => setConfirm(null),
                },
              );
            }}
          >
            {confirm === 'approve' ? t('plans.approve') : t('plans.reopen')}
          </Button>
          <Button color="secondary" outline onClick={() => setConfirm(null)}>
            {t('plans.cancel')}
          </Button>
        </div>
      </Dialog>

      <Dialog open={removing !== null} title={t('plans.removeTitle')} onClose={() => setRemoving(null)}>
        <p>{t('plans.removeText', { title: removing ? local(removing.title) : '' })}</p>
        <div className="d-flex gap-2">
          <Button
            color="danger"
            disabled={remove.isPending}
            onClick={() =>
              removing &&
              remove.mutate(
                { itemId: removing.id, version: p.version },
                { onSuccess: () => ok(t('plans.removedOk')), onError, onSettled: () => setRemoving(null) },
              )
            }
          >
            {t('plans.remove')}
          </Button>
          <Button color="secondary" outline onClick={() => setRemoving(null)}>
            {t('plans.cancel')}
          </Button>
        </div>
      </Dialog>
    </Page>
  );
}
