import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { CampaignDetail, CampaignProgress } from '../../../common/campaigns';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useMe } from '../auth/session';
import { useFrameworkVersion } from '../framework/api';
import { campaignGapsPath } from '../gaps/paths';
import { PLANS_PATH } from '../plans/paths';
import { useReferenceNames } from '../training/labels';
import {
  useAssessments,
  useCampaign,
  useCloseCampaign,
  useDeleteCampaign,
  useOpenCampaign,
  useProgress,
  useRemind,
} from './api';
import { CampaignStatusBadge, local, percent } from './labels';
import { assessmentPath, CAMPAIGNS_PATH, editCampaignPath } from './paths';

type Confirm = 'open' | 'close' | 'delete' | null;

function Summary({ c }: { c: CampaignDetail }) {
  const { t } = useTranslation();
  const { jobProfile } = useReferenceNames();
  const framework = useFrameworkVersion(c.frameworkId);
  const domainName = (code: string) => {
    const found = framework.data?.domains.find((d) => d.code === code);
    return found ? local(found.name) : code;
  };
  const rows: [string, string][] = [
    [
      t('campaigns.columns.period'),
      t('campaigns.period', { from: formatDate(c.opensOn), to: formatDate(c.closesOn) }),
    ],
    [
      t('campaigns.columns.target'),
      c.national ? t('campaigns.national') : c.units.map((u) => u.name).join(', '),
    ],
    [
      t('campaigns.form.profiles'),
      c.jobProfileCodes.length
        ? c.jobProfileCodes.map((p) => jobProfile.get(p) ?? p).join(', ')
        : t('campaigns.detail.allProfiles'),
    ],
    [
      t('campaigns.form.people'),
      [
        c.people.map((p) => p.name).join(', '),
        c.otherPeople ? t('campaigns.detail.otherPeople', { count: c.otherPeople }) : '',
      ]
        .filter(Boolean)
        .join('; ') || '—',
    ],
    [t('campaigns.detail.framework'), c.frameworkVersion],
    [
      t('campaigns.detail.domains'),
      c.domainCodes.map(domainName).join(', ') || t('campaigns.detail.allDomains'),
    ],
    [
      t('campaigns.detail.privacy'),
      `${c.anonymous ? t('campaigns.kind.anonymous') : t('campaigns.kind.named')}${
        c.managerAssessment ? ` · ${t('campaigns.form.managerAssessment')}` : ''
      }`,
    ],
    [t('campaigns.detail.minGroupSize'), String(c.minGroupSize)],
    [t('campaigns.detail.questions'), c.questions.map((q) => local(q.prompt)).join(' · ') || '—'],
  ];
  return (
    <section aria-labelledby="campaign-summary" className="mb-5">
      <h2 id="campaign-summary" className="h4">
        {t('campaigns.detail.summary')}
      </h2>
      <dl className="row mb-0">
        {rows.map(([k, v]) => (
          <div key={k} className="col-12 col-md-6 mb-2">
            <dt>{k}</dt>
            <dd className="mb-0">{v}</dd>
          </div>
        ))}
      </dl>
      {local(c.description) ? <p className="mt-3">{local(c.description)}</p> : null}
    </section>
  );
}

function Progress({ c, progress }: { c: CampaignDetail; progress: CampaignProgress }) {
  const { t } = useTranslation();
  const remind = useRemind(c.id);
  const canRemind = c.actions.remind;
  const single = progress.totals === null;
  return (
    <section aria-labelledby="campaign-progress" className="mb-5">
      <h2 id="campaign-progress" className="h4">
        {t('campaigns.detail.progress')}
      </h2>
      <p className="small">{t('campaigns.detail.progressLive')}</p>
      {progress.anonymous ? <p>{t('campaigns.detail.anonymousNote')}</p> : null}
      <ErrorAlert error={remind.error} />
      {remind.data ? (
        <SuccessAlert>
          {t('campaigns.detail.reminded', { sent: remind.data.sent, skipped: remind.data.skipped })}
        </SuccessAlert>
      ) : null}
      <ResultsTable
        caption={t('campaigns.detail.progressTable')}
        columns={[
          t('campaigns.detail.unit'),
          t('campaigns.detail.invited'),
          t('campaigns.detail.inProgress'),
          t('campaigns.detail.submitted'),
          t('campaigns.detail.rate'),
          ...(canRemind
            ? [
                <span key="a" className="visually-hidden">
                  {t('campaigns.detail.remind')}
                </span>,
              ]
            : []),
        ]}
        items={progress.rows}
        empty={t('campaigns.detail.progressNone')}
        row={(r) => (
          <tr key={r.unitId ?? 0}>
            <th scope="row">{r.unitName}</th>
            <td>{r.invited}</td>
            <td>{r.inProgress}</td>
            <td>{r.submitted}</td>
            <td>{percent(r.rate)}</td>
            {canRemind ? (
              <td>
                {r.submitted < r.invited && r.unitId !== null ? (
                  <Button
                    size="xs"
                    color="primary"
                    outline
                    disabled={remind.isPending}
                    aria-label={t('campaigns.detail.remindUnit', { unit: r.unitName })}
                    onClick={() => remind.mutate(single ? undefined : (r.unitId ?? undefined))}
                  >
                    {t('campaigns.detail.remind')}
                  </Button>
                ) : null}
              </td>
            ) : null}
          </tr>
        )}
      />
      {progress.totals ? (
        <p className="fw-semibold">
          {t('campaigns.detail.total')}: {t('campaigns.answered', progress.totals)} (
          {percent(progress.totals.rate)})
        </p>
      ) : null}
      {canRemind && !single && progress.totals && progress.totals.submitted < progress.totals.invited ? (
        <Button color="primary" disabled={remind.isPending} onClick={() => remind.mutate(undefined)}>
          {t('campaigns.detail.remindAll')}
        </Button>
      ) : null}
      {progress.pending ? (
        <>
          <h3 className="h5 mt-4">{t('campaigns.detail.pending')}</h3>
          <ResultsTable
            caption={t('campaigns.detail.pending')}
            columns={[
              t('campaigns.detail.name'),
              t('campaigns.detail.email'),
              t('campaigns.columns.status'),
              t('campaigns.detail.reminders'),
            ]}
            items={progress.pending}
            empty={t('campaigns.detail.pendingNone')}
            row={(p) => (
              <tr key={p.userId}>
                <th scope="row">{p.name}</th>
                <td>{p.email}</td>
                <td>{t(`campaigns.participant.${p.status}`)}</td>
                <td>
                  {p.reminders}
                  {p.lastRemindedAt
                    ? ` (${t('campaigns.detail.lastReminded', { at: formatDateTime(p.lastRemindedAt) })})`
                    : ''}
                </td>
              </tr>
            )}
          />
        </>
      ) : null}
    </section>
  );
}

function Assessments({ c }: { c: CampaignDetail }) {
  const { t } = useTranslation();
  const list = useAssessments(c.id, c.actions.assess);
  return (
    <section aria-labelledby="campaign-assessments" className="mb-5">
      <h2 id="campaign-assessments" className="h4">
        {t('campaigns.detail.assessments')}
      </h2>
      <p>{t('campaigns.detail.assessmentsLead')}</p>
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && !list.data.length ? <p>{t('campaigns.detail.assessmentsNone')}</p> : null}
      <ul>
        {(list.data ?? []).map((p) => (
          <li key={p.participantId}>
            <Link
              to={assessmentPath(c.id, p.participantId)}
              aria-label={t('campaigns.detail.assess', { name: p.name })}
            >
              {p.name}
            </Link>{' '}
            — {t('campaigns.detail.assessed', { assessed: p.assessed, competencies: p.competencies })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One campaign: its settings, opening and closing, live progress with reminders, manager assessment. */
export default function CampaignPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const campaign = useCampaign(id);
  const c = campaign.data;
  const { data: me } = useMe();
  const progress = useProgress(id, !!c && c.status !== 'draft');
  const open = useOpenCampaign();
  const close = useCloseCampaign();
  const remove = useDeleteCampaign();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const act = () => {
    if (confirm === 'open') open.mutate(id, { onSettled: () => setConfirm(null) });
    if (confirm === 'close') close.mutate(id, { onSettled: () => setConfirm(null) });
    if (confirm === 'delete')
      remove.mutate(id, {
        onSuccess: () => void navigate(CAMPAIGNS_PATH),
        onSettled: () => setConfirm(null),
      });
  };
  return (
    <Page
      title={c ? local(c.title) : t('campaigns.title')}
      actions={
        c ? (
          <>
            {c.actions.edit ? (
              <Link className="btn btn-outline-primary" to={editCampaignPath(c.id)}>
                {t('campaigns.detail.edit')}
              </Link>
            ) : null}
            {c.actions.open ? (
              <Button color="primary" onClick={() => setConfirm('open')}>
                {t('campaigns.detail.open')}
              </Button>
            ) : null}
            {c.actions.close ? (
              <Button color="primary" outline onClick={() => setConfirm('close')}>
                {t('campaigns.detail.close')}
              </Button>
            ) : null}
            {c.actions.delete ? (
              <Button color="danger" outline onClick={() => setConfirm('delete')}>
                {t('campaigns.detail.delete')}
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      <p className="d-flex flex-wrap gap-3">
        <Link to={CAMPAIGNS_PATH}>{t('campaigns.detail.back')}</Link>
        {c && c.status !== 'draft' && me?.can.viewGaps ? (
          <Link to={campaignGapsPath(c.id)}>{t('campaigns.detail.gaps')}</Link>
        ) : null}
        {c && c.status === 'closed' && me?.can.managePlans ? (
          <Link to={PLANS_PATH}>{t('campaigns.detail.plans')}</Link>
        ) : null}
      </p>
      <ErrorAlert error={campaign.error ?? open.error ?? close.error ?? remove.error} />
      {open.data ? (
        <SuccessAlert>{t('campaigns.detail.opened', { count: open.data.invited })}</SuccessAlert>
      ) : null}
      {close.data ? <SuccessAlert>{t('campaigns.detail.closedOk')}</SuccessAlert> : null}
      {campaign.isPending ? <Loading /> : null}
      {c ? (
        <>
          <p className="d-flex gap-2 align-items-center">
            <CampaignStatusBadge status={c.status} />
            <span>{c.anonymous ? t('campaigns.kind.anonymous') : t('campaigns.kind.named')}</span>
          </p>
          {progress.data ? <Progress c={c} progress={progress.data} /> : null}
          <ErrorAlert error={progress.error} />
          {c.actions.assess ? <Assessments c={c} /> : null}
          <Summary c={c} />
        </>
      ) : null}
      <Dialog
        open={confirm !== null}
        title={confirm ? t(`campaigns.detail.${confirm}Title`) : ''}
        onClose={() => setConfirm(null)}
      >
        <p>{confirm ? t(`campaigns.detail.${confirm}Text`) : ''}</p>
        <div className="d-flex gap-2">
          <Button
            color={confirm === 'delete' ? 'danger' : 'primary'}
            disabled={open.isPending || close.isPending || remove.isPending}
            onClick={act}
          >
            {t('campaigns.detail.confirm')}
          </Button>
          <Button color="secondary" outline onClick={() => setConfirm(null)}>
            {t('campaigns.form.cancel')}
          </Button>
        </div>
      </Dialog>
    </Page>
  );
}
