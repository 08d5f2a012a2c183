import { Button } from 'design-react-kit';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PlanEventView, ReorgPlanView } from '../../../common/reorg-plans';
import { PLAN_DOCUMENT_KINDS, type ReorgStatus } from '../../../common/restructuring';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatNumber } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { UnitSectionNav, unitSectionUrl } from '../../components/UnitSectionNav';
import {
  documentUrl,
  useDecide,
  useJobProfiles,
  useRemoveDocument,
  useReorgPlan,
  useSetStatus,
  useUpload,
  useWithdraw,
} from './api';
import { StatusBadge } from './labels';
import { PlanEditor } from './PlanEditor';
import { VersionContent } from './VersionContent';

export const compareUrl = (unitId: number, from: number, to: number) =>
  `${unitSectionUrl(unitId, 'plan')}/confronto?da=${from}&a=${to}`;

function eventText(e: PlanEventView, t: (k: string, o?: Record<string, unknown>) => string) {
  if (e.kind === 'status')
    return t('reorgPlan.events.status', {
      from: e.fromStatus ? t(`reorgPlan.status.${e.fromStatus}`) : '',
      to: e.toStatus ? t(`reorgPlan.status.${e.toStatus}`) : '',
    });
  return t(`reorgPlan.events.${e.kind}`, { version: e.version ?? '' });
}

/** The workflow: the moves the caller may make now, each with an optional note. */
function StatusActions({ plan, onDone }: { plan: ReorgPlanView; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const move = useSetStatus(plan.unit.id);
  const [note, setNote] = useState('');
  if (plan.allowed.statuses.length === 0) return null;
  const go = (to: ReorgStatus) =>
    move.mutate(
      { to, revision: plan.revision, note },
      {
        onSuccess: () => {
          setNote('');
          onDone(t('reorgPlan.statusChanged'));
        },
      },
    );
  return (
    <section className="mb-4" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`} className="visually-hidden">
        {t('reorgPlan.status.label')}
      </h2>
      <label htmlFor={`${uid}-note`}>{t('reorgPlan.statusNote')}</label>
      <input
        id={`${uid}-note`}
        className="form-control mb-2"
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="d-flex gap-2 flex-wrap">
        {plan.allowed.statuses.map((s) => (
          <Button key={s} color="primary" outline size="sm" disabled={move.isPending} onClick={() => go(s)}>
            {t('reorgPlan.moveTo', { status: t(`reorgPlan.status.${s}`) })}
          </Button>
        ))}
      </div>
      <ErrorAlert error={move.error} className="mt-2" />
    </section>
  );
}

/** The proposal waiting for the task force: its content, and validate / reject / withdraw. */
function Pending({
  plan,
  profiles,
  onDone,
}: {
  plan: ReorgPlanView;
  profiles: Map<string, string>;
  onDone: (m: string) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const decide = useDecide(plan.unit.id);
  const withdraw = useWithdraw(plan.unit.id);
  const [note, setNote] = useState('');
  const p = plan.pending;
  if (!p) return null;
  const send = (decision: 'validata' | 'respinta') =>
    decide.mutate(
      { number: p.number, decision, note },
      { onSuccess: () => onDone(t(decision === 'validata' ? 'reorgPlan.validated' : 'reorgPlan.rejected')) },
    );
  return (
    <section className="callout callout-highlight warning mb-5" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`} className="h4">
        {t('reorgPlan.pending')}: {t('reorgPlan.versionN', { n: p.number })}
      </h2>
      <p>{t('reorgPlan.pendingBy', { name: p.proposedBy.name, date: formatDateTime(p.proposedAt) })}</p>
      <p>
        <strong>{t('reorgPlan.summary')}:</strong> {p.summary}
      </p>
      {p.basedOn > 0 ? (
        <p>
          <Link to={compareUrl(plan.unit.id, p.basedOn, p.number)}>{t('reorgPlan.versions.compare')}</Link>
        </p>
      ) : null}
      <VersionContent version={p} profiles={profiles} />
      {plan.allowed.decide ? (
        <div className="mb-2">
          <label htmlFor={`${uid}-note`}>{t('reorgPlan.decisionNote')}</label>
          <textarea
            id={`${uid}-note`}
            className="form-control mb-2"
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <div className="d-flex gap-2 flex-wrap">
            <Button color="success" disabled={decide.isPending} onClick={() => send('validata')}>
              {t('reorgPlan.validate')}
            </Button>
            <Button
              color="danger"
              outline
              disabled={decide.isPending || !note.trim()}
              onClick={() => send('respinta')}
            >
              {t('reorgPlan.reject')}
            </Button>
          </div>
        </div>
      ) : null}
      {plan.allowed.withdraw ? (
        <Button
          color="secondary"
          outline
          size="sm"
          disabled={withdraw.isPending}
          onClick={() => withdraw.mutate(p.number, { onSuccess: () => onDone(t('reorgPlan.withdrawn')) })}
        >
          {t('reorgPlan.withdraw')}
        </Button>
      ) : null}
      <ErrorAlert error={decide.error ?? withdraw.error} className="mt-2" />
    </section>
  );
}

/** Upload (kind, title, file) and the list of documents with download and removal. */
function Documents({ plan, onDone }: { plan: ReorgPlanView; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const upload = useUpload(plan.unit.id);
  const remove = useRemoveDocument(plan.unit.id);
  const [kind, setKind] = useState<string>('piano');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!file) return;
    const form = e.currentTarget;
    upload.mutate(
      { file, kind, title },
      {
        onSuccess: () => {
          setTitle('');
          setFile(null);
          form.reset();
          onDone(t('reorgPlan.documents.uploaded_ok'));
        },
      },
    );
  };
  return (
    <section className="mb-5">
      <ResultsTable
        caption={t('reorgPlan.documents.caption')}
        columns={[
          t('reorgPlan.documents.title'),
          t('reorgPlan.documents.kind'),
          t('reorgPlan.documents.size'),
          t('reorgPlan.documents.uploaded'),
          <span key="a" className="visually-hidden">
            {t('reorgPlan.documents.file')}
          </span>,
        ]}
        items={plan.documents}
        empty={t('reorgPlan.documents.none')}
        row={(d) => (
          <tr key={d.id}>
            <td>
              {d.title}
              <br />
              <small className="text-muted">{d.fileName}</small>
            </td>
            <td>{t(`reorgPlan.documents.kinds.${d.kind}`)}</td>
            <td className="text-end">{formatNumber(Math.ceil(d.sizeBytes / 1024))} KB</td>
            <td>
              {d.uploadedBy}
              <br />
              <small>{formatDateTime(d.uploadedAt)}</small>
            </td>
            <td className="text-nowrap">
              <a
                className="btn btn-outline-primary btn-sm me-2"
                href={documentUrl(plan.unit.id, d.id)}
                download
              >
                {t('reorgPlan.documents.download', { title: d.title })}
              </a>
              {d.canRemove ? (
                <Button
                  color="danger"
                  outline
                  size="sm"
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(d.id, { onSuccess: () => onDone(t('reorgPlan.documents.removed')) })
                  }
                >
                  {t('reorgPlan.documents.remove', { title: d.title })}
                </Button>
              ) : null}
            </td>
          </tr>
        )}
      />
      <ErrorAlert error={remove.error} />
      {plan.allowed.upload ? (
        <form onSubmit={submit} aria-labelledby={`${uid}-h`}>
          <h3 id={`${uid}-h`} className="h5">
            {t('reorgPlan.documents.upload')}
          </h3>
          <p id={`${uid}-help`} className="form-text">
            {t('reorgPlan.documents.uploadHelp')}
          </p>
          <div className="row g-2 align-items-end">
            <div className="col-12 col-md-3">
              <label htmlFor={`${uid}-kind`}>{t('reorgPlan.documents.kind')}</label>
              <select
                id={`${uid}-kind`}
                className="form-select"
                value={kind}
                onChange={(e) => setKind(e.target.value)}
              >
                {PLAN_DOCUMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`reorgPlan.documents.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="col-12 col-md-4">
              <label htmlFor={`${uid}-title`}>{t('reorgPlan.documents.title')}</label>
              <input
                id={`${uid}-title`}
                className="form-control"
                required
                maxLength={200}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
            </div>
            <div className="col-12 col-md-3">
              <label htmlFor={`${uid}-file`}>{t('reorgPlan.documents.file')}</label>
              <input
                id={`${uid}-file`}
                type="file"
                className="form-control"
                required
                aria-describedby={`${uid}-help`}
                accept=".pdf,.p7m,.docx,.odt,.xlsx,.ods"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </div>
            <div className="col-12 col-md-2">
              <Button type="submit" color="primary" disabled={upload.isPending || !file}>
                {t('reorgPlan.documents.upload')}
              </Button>
            </div>
          </div>
          <ErrorAlert error={upload.error} className="mt-2" />
        </form>
      ) : null}
    </section>
  );
}

/** A unit's restructuring plan: status and workflow, current version, pending proposal, versions, history, documents. */
export default function PlanPage() {
  const { t } = useTranslation();
  const unitId = Number(useParams().id);
  const query = useReorgPlan(unitId);
  const jobProfiles = useJobProfiles();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const plan = query.data;
  if (!plan)
    return (
      <Page title={t('reorgPlan.title')}>
        {Number.isInteger(unitId) && unitId > 0 ? <UnitSectionNav unitId={unitId} /> : null}
        <ErrorAlert error={query.error} />
        {query.isPending ? <Loading /> : null}
      </Page>
    );
  const profiles = new Map((jobProfiles.data ?? []).map((p) => [p.code, p.name]));
  const versions = plan.versions;
  return (
    <Page title={t('reorgPlan.titleOf', { unit: plan.unit.name })} lead={t('reorgPlan.lead')}>
      <UnitSectionNav unitId={plan.unit.id} unitName={plan.unit.name} />
      <p className="d-flex gap-2 align-items-center">
        <strong>{t('reorgPlan.status.label')}:</strong> <StatusBadge status={plan.status} />
      </p>
      {done ? <SuccessAlert>{done}</SuccessAlert> : null}
      <StatusActions plan={plan} onDone={setDone} />
      <Pending plan={plan} profiles={profiles} onDone={setDone} />

      {editing ? (
        <PlanEditor
          unitId={plan.unit.id}
          basedOn={plan.currentVersion}
          initial={plan.current?.content ?? null}
          profiles={jobProfiles.data ?? []}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            setDone(t('reorgPlan.proposed'));
          }}
        />
      ) : plan.allowed.propose ? (
        <Button color="primary" className="mb-4" onClick={() => setEditing(true)}>
          {t('reorgPlan.propose')}
        </Button>
      ) : null}

      <section className="mb-5">
        <h2 className="h4">
          {t('reorgPlan.current')}
          {plan.current ? ` – ${t('reorgPlan.versionN', { n: plan.current.number })}` : ''}
        </h2>
        {plan.current ? (
          <VersionContent version={plan.current} profiles={profiles} />
        ) : (
          <p>{t('reorgPlan.currentNone')}</p>
        )}
      </section>

      <h2 className="h4">{t('reorgPlan.documents.caption')}</h2>
      <Documents plan={plan} onDone={setDone} />

      <h2 className="h4">{t('reorgPlan.versions.caption')}</h2>
      <ResultsTable
        caption={t('reorgPlan.versions.caption')}
        columns={[
          t('reorgPlan.versions.number'),
          t('reorgPlan.versions.state'),
          t('reorgPlan.summary'),
          t('reorgPlan.versions.proposedBy'),
          t('reorgPlan.versions.decision'),
          <span key="c" className="visually-hidden">
            {t('reorgPlan.versions.compare')}
          </span>,
        ]}
        items={versions}
        empty={t('reorgPlan.versions.none')}
        row={(v) => (
          <tr key={v.number}>
            <td>{v.number}</td>
            <td>{t(`reorgPlan.versionState.${v.state}`)}</td>
            <td>{v.summary}</td>
            <td>
              {v.proposedBy.name}
              <br />
              <small>{formatDateTime(v.proposedAt)}</small>
            </td>
            <td>
              {v.decidedBy ? `${v.decidedBy.name}, ${formatDateTime(v.decidedAt)}` : ''}
              {v.decisionNote ? (
                <>
                  <br />
                  <small>{v.decisionNote}</small>
                </>
              ) : null}
            </td>
            <td>
              <Link to={compareUrl(plan.unit.id, v.basedOn, v.number)}>
                {t('reorgPlan.versions.compare')}
                <span className="visually-hidden"> ({t('reorgPlan.versionN', { n: v.number })})</span>
              </Link>
            </td>
          </tr>
        )}
      />

      <h2 className="h4">{t('reorgPlan.events.caption')}</h2>
      <ResultsTable
        caption={t('reorgPlan.events.caption')}
        columns={[
          t('reorgPlan.events.at'),
          t('reorgPlan.events.who'),
          t('reorgPlan.events.what'),
          t('reorgPlan.events.note'),
        ]}
        items={plan.events}
        empty={t('reorgPlan.events.none')}
        row={(e) => (
          <tr key={e.id}>
            <td className="text-nowrap">{formatDateTime(e.at)}</td>
            <td>{e.actor ?? ''}</td>
            <td>{eventText(e, t)}</td>
            <td>{e.note}</td>
          </tr>
        )}
      />
    </Page>
  );
}
