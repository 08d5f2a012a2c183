import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { euroInput, formatEuro, parseEuro } from '../../../common/money';
import {
  type ProgrammingDocument,
  type ProgrammingView,
  WITH_PERSONNEL_MONEY,
  WITH_SIMPLIFIED,
} from '../../../common/programming';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../../components/ErrorAlert';
import { CheckboxField, ChoiceField, TextAreaField, TextField } from '../../components/Field';
import { formatDate, formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { UnitSectionNav } from '../../components/UnitSectionNav';
import { useProgramming, useSaveDocument } from './api';
import { statusMessage, statusTone } from './status';

/** The state of a document in plain words, as a badge. */
export function DocumentStatus({
  doc,
}: {
  doc: Pick<ProgrammingDocument, 'state' | 'adoptedOn' | 'deadline'>;
}) {
  const { t } = useTranslation();
  const s = statusMessage(doc);
  const text = t(`programming.status.${s.key}`, {
    ...(s.count !== undefined ? { count: s.count } : {}),
    ...(s.date !== undefined ? { date: formatDate(s.date) } : {}),
  });
  return <span className={`badge bg-${statusTone(doc)}`}>{text}</span>;
}

/** A unit's four programming documents for a year: deadlines from the rules, and what was recorded. */
export default function UnitProgrammingPage() {
  const { t } = useTranslation();
  const unitId = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const asked = Number(search.get('anno'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2999 ? asked : undefined;
  const q = useProgramming(unitId, year);
  const v = q.data;
  const title = v ? t('programming.unit.title', { unit: v.unit.name }) : t('unitSections.programming');
  return (
    <Page title={title} lead={t('programming.unit.lead')}>
      <UnitSectionNav unitId={unitId} {...(v ? { unitName: v.unit.name } : {})} />
      {q.isPending ? <Loading /> : null}
      <ErrorAlert error={q.error} />
      {v ? (
        <>
          <div className="row">
            <div className="col-12 col-md-6 col-lg-4">
              <ChoiceField
                id="programming-year"
                label={t('programming.unit.year')}
                value={String(v.year)}
                onChange={(e) => setSearch({ anno: e.target.value }, { replace: true })}
                choices={[-2, -1, 0, 1, 2].map((d) => {
                  const y = v.defaultYear + d;
                  return {
                    value: String(y),
                    label: t('programming.unit.yearOption', { from: y, to: y + 2 }),
                  };
                })}
              />
            </div>
          </div>
          <p className="small">
            {v.staffCount === null
              ? t('programming.unit.staffUnknown')
              : `${t('programming.unit.staff', { count: v.staffCount })} ${t(
                  v.simplifiedSuggested
                    ? 'programming.unit.suggestSimplified'
                    : 'programming.unit.suggestFull',
                  { count: v.staffCount },
                )}`}
          </p>
          <h2 className="h4 visually-hidden">
            {t('programming.unit.caption', { from: v.year, to: v.year + 2 })}
          </h2>
          <div className="row g-4">
            {v.documents.map((d) => (
              <div className="col-12 col-xl-6" key={d.kind}>
                <DocumentCard view={v} doc={d} />
              </div>
            ))}
          </div>
        </>
      ) : null}
    </Page>
  );
}

function DocumentCard({ view, doc }: { view: ProgrammingView; doc: ProgrammingDocument }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const headingId = `doc-${doc.kind}-title`;
  return (
    <section className="card card-bg h-100" aria-labelledby={headingId}>
      <div className="card-body">
        <h3 className="h5 card-title" id={headingId}>
          {t(`programming.kinds.${doc.kind}`)}{' '}
          <small className="text-muted">
            {t('programming.unit.period', { from: doc.year, to: doc.year + 2 })}
          </small>
        </h3>
        <p className="small text-muted mb-2">{t(`programming.kindsLong.${doc.kind}`)}</p>
        <p className="mb-2">
          <DocumentStatus doc={doc} />
        </p>
        {doc.deadline ? (
          <dl className="row small mb-2">
            <dt className="col-sm-4">{t('programming.unit.deadline')}</dt>
            <dd className="col-sm-8">
              {formatDate(doc.deadline.due)} ({t(`programming.basis.${doc.deadline.basis}`)})
            </dd>
            <dt className="col-sm-4">{t('programming.unit.source')}</dt>
            <dd className="col-sm-8">{doc.deadline.source}</dd>
          </dl>
        ) : (
          <p className="small">{t('programming.unit.noDeadline')}</p>
        )}
        {saved && !editing ? <SuccessAlert>{t('programming.unit.saved')}</SuccessAlert> : null}
        {editing ? (
          <DocumentForm
            view={view}
            doc={doc}
            onDone={(ok) => {
              setEditing(false);
              setSaved(ok);
            }}
          />
        ) : (
          <>
            <Recorded doc={doc} />
            {view.canEdit ? (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm mt-2"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('programming.unit.edit')}
                <span className="visually-hidden"> — {t(`programming.kinds.${doc.kind}`)}</span>
              </button>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}

function Recorded({ doc }: { doc: ProgrammingDocument }) {
  const { t, i18n } = useTranslation();
  if (doc.revision === 0) return <p className="small mb-0">{t('programming.unit.notRecorded')}</p>;
  return (
    <dl className="row small mb-0">
      {doc.adoptedOn ? (
        <>
          <dt className="col-sm-4">{t('programming.unit.adoptedOn')}</dt>
          <dd className="col-sm-8">{formatDate(doc.adoptedOn)}</dd>
        </>
      ) : null}
      {doc.actType || doc.actNumber ? (
        <>
          <dt className="col-sm-4">{t('programming.unit.act')}</dt>
          <dd className="col-sm-8">
            {t('programming.unit.actOf', {
              type: doc.actType || '—',
              number: doc.actNumber || '—',
              date: formatDate(doc.actDate),
            })}
          </dd>
        </>
      ) : null}
      {doc.url ? (
        <>
          <dt className="col-sm-4">{t('programming.unit.link')}</dt>
          <dd className="col-sm-8 text-break">
            <a href={doc.url} target="_blank" rel="noopener noreferrer">
              {doc.url}
            </a>
          </dd>
        </>
      ) : null}
      {doc.simplified ? (
        <>
          <dt className="col-sm-4">{t('programming.kinds.piao')}</dt>
          <dd className="col-sm-8">{t('programming.unit.simplifiedYes')}</dd>
        </>
      ) : null}
      {doc.personnelMoney.length ? (
        <>
          <dt className="col-sm-4">{t('programming.unit.money')}</dt>
          <dd className="col-sm-8">
            <ul className="list-unstyled mb-0">
              {doc.personnelMoney.map((l) => (
                <li key={l.year}>
                  {l.year}: {formatEuro(l.cents, i18n.language)}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {doc.notes ? (
        <>
          <dt className="col-sm-4">{t('programming.unit.notes')}</dt>
          <dd className="col-sm-8" style={{ whiteSpace: 'pre-wrap' }}>
            {doc.notes}
          </dd>
        </>
      ) : null}
      {doc.updatedAt ? (
        <dd className="col-12 text-muted mt-1">
          {t('programming.unit.updated', { when: formatDateTime(doc.updatedAt), who: doc.updatedBy ?? '—' })}
        </dd>
      ) : null}
    </dl>
  );
}

function DocumentForm({
  view,
  doc,
  onDone,
}: {
  view: ProgrammingView;
  doc: ProgrammingDocument;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveDocument(view.unit.id, doc.year, doc.kind);
  const years = [doc.year, doc.year + 1, doc.year + 2];
  const withMoney = WITH_PERSONNEL_MONEY.includes(doc.kind);
  const withSimplified = WITH_SIMPLIFIED.includes(doc.kind);
  const [f, setF] = useState({
    adoptedOn: doc.adoptedOn ?? '',
    actType: doc.actType,
    actNumber: doc.actNumber,
    actDate: doc.actDate ?? '',
    url: doc.url ?? '',
    simplified: doc.revision === 0 && withSimplified ? (view.simplifiedSuggested ?? false) : doc.simplified,
    notes: doc.notes,
    money: Object.fromEntries(
      years.map((y) => {
        const line = doc.personnelMoney.find((l) => l.year === y);
        return [y, line ? euroInput(line.cents) : ''];
      }),
    ) as Record<number, string>,
  });
  const [moneyErrors, setMoneyErrors] = useState<Record<number, string>>({});
  const errs = fieldErrors(save.error);
  const id = (name: string) => `doc-${doc.kind}-${name}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<number, string> = {};
    const personnelMoney: { year: number; cents: number }[] = [];
    if (withMoney)
      for (const y of years) {
        const typed = (f.money[y] ?? '').trim();
        if (!typed) continue;
        const cents = parseEuro(typed);
        if (typeof cents !== 'number') problems[y] = t('programming.unit.fields.moneyInvalid');
        else personnelMoney.push({ year: y, cents });
      }
    setMoneyErrors(problems);
    if (Object.keys(problems).length) {
      document.getElementById(id(`money-${Object.keys(problems)[0]}`))?.focus();
      return;
    }
    save.mutate(
      {
        revision: doc.revision,
        adoptedOn: f.adoptedOn || null,
        actType: f.actType,
        actNumber: f.actNumber,
        actDate: f.actDate || null,
        url: f.url.trim() || null,
        simplified: withSimplified && f.simplified,
        personnelMoney,
        notes: f.notes,
      },
      { onSuccess: () => onDone(true) },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="mt-3">
      <ErrorAlert error={save.error} />
      <TextField
        id={id('adoptedOn')}
        type="date"
        label={t('programming.unit.fields.adoptedOn')}
        hint={t('programming.unit.fields.adoptedOnHint')}
        value={f.adoptedOn}
        error={errs.adoptedOn}
        onChange={(e) => setF({ ...f, adoptedOn: e.target.value })}
      />
      <TextField
        id={id('actType')}
        label={t('programming.unit.fields.actType')}
        hint={t('programming.unit.fields.actTypeHint')}
        value={f.actType}
        maxLength={120}
        error={errs.actType}
        onChange={(e) => setF({ ...f, actType: e.target.value })}
      />
      <div className="row">
        <div className="col-sm-6">
          <TextField
            id={id('actNumber')}
            label={t('programming.unit.fields.actNumber')}
            value={f.actNumber}
            maxLength={60}
            error={errs.actNumber}
            onChange={(e) => setF({ ...f, actNumber: e.target.value })}
          />
        </div>
        <div className="col-sm-6">
          <TextField
            id={id('actDate')}
            type="date"
            label={t('programming.unit.fields.actDate')}
            value={f.actDate}
            error={errs.actDate}
            onChange={(e) => setF({ ...f, actDate: e.target.value })}
          />
        </div>
      </div>
      <TextField
        id={id('url')}
        type="url"
        label={t('programming.unit.fields.url')}
        hint={t('programming.unit.fields.urlHint')}
        value={f.url}
        error={errs.url}
        onChange={(e) => setF({ ...f, url: e.target.value })}
      />
      {withSimplified ? (
        <CheckboxField
          id={id('simplified')}
          className="mb-3"
          label={t('programming.unit.simplified')}
          checked={f.simplified}
          onChange={(simplified) => setF({ ...f, simplified })}
        />
      ) : null}
      {withMoney ? (
        <fieldset className="mb-3">
          <legend className="h6">{t('programming.unit.money')}</legend>
          <p className="small">{t('programming.unit.fields.moneyHint')}</p>
          {years.map((y) => (
            <TextField
              key={y}
              id={id(`money-${y}`)}
              inputMode="decimal"
              label={t('programming.unit.fields.moneyYear', { year: y })}
              value={f.money[y] ?? ''}
              error={moneyErrors[y] ?? errs.personnelMoney}
              onChange={(e) => setF({ ...f, money: { ...f.money, [y]: e.target.value } })}
            />
          ))}
        </fieldset>
      ) : null}
      <TextAreaField
        id={id('notes')}
        label={t('programming.unit.fields.notes')}
        value={f.notes}
        maxLength={4000}
        error={errs.notes}
        onChange={(e) => setF({ ...f, notes: e.target.value })}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={save.isPending}>
          {t('programming.unit.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
          {t('programming.unit.cancel')}
        </button>
      </div>
    </form>
  );
}
