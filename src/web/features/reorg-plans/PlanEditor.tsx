import { Button } from 'design-react-kit';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { euroInput, parseEuro } from '../../../common/money';
import { totalsOf } from '../../../common/reorg-plans';
import {
  ACT_TYPES,
  type ActType,
  FUNCTION_KINDS,
  type FunctionKind,
  type PlanContent,
  vacant,
} from '../../../common/restructuring';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { actFromFields } from './act';
import { usePropose } from './api';
import { Totals } from './labels';

/** Cents of a typed cost; null when empty or not an amount (the line is then not valid). */
const amount = (typed: string) => {
  const v = parseEuro(typed);
  return typeof v === 'number' ? v : null;
};

type FnRow = { key: string; name: string; kind: FunctionKind; description: string };
type LineRow = {
  id: number;
  functionKey: string;
  jobProfileCode: string;
  planned: string;
  covered: string;
  cost: string;
};

const count = (s: string) => (/^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : null);
let nextLine = 1;

/**
 * The proposal of a new version: the whole content, starting from the current one. Functions and
 * staffing lines are edited in tables (rows added and removed); the totals follow as one types;
 * money is typed in euro ("1.234,56") and sent as exact cents.
 */
export function PlanEditor({
  unitId,
  basedOn,
  initial,
  profiles,
  onDone,
  onCancel,
}: {
  unitId: number;
  basedOn: number;
  initial: PlanContent | null;
  profiles: { code: string; name: string }[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const propose = usePropose(unitId);
  const [actType, setActType] = useState<ActType | ''>(initial?.act?.type ?? '');
  const [actNumber, setActNumber] = useState(initial?.act?.number ?? '');
  const [actDate, setActDate] = useState(initial?.act?.date ?? '');
  const [functions, setFunctions] = useState<FnRow[]>(initial?.functions.map((f) => ({ ...f })) ?? []);
  const [lines, setLines] = useState<LineRow[]>(
    initial?.staffing.map((l) => ({
      id: nextLine++,
      functionKey: l.functionKey,
      jobProfileCode: l.jobProfileCode,
      planned: String(l.planned),
      covered: String(l.covered),
      cost: euroInput(l.annualCostCents),
    })) ?? [],
  );
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [summary, setSummary] = useState('');
  // A partly filled act is shown as an error once the proposal is sent, never dropped silently.
  const [actTried, setActTried] = useState(false);
  const actCheck = actFromFields({ type: actType, number: actNumber, date: actDate });
  const actMissing = actTried && !actCheck.ok ? actCheck.missing : [];
  const actError = `${uid}-act-error`;
  const actInvalid = (f: 'type' | 'number' | 'date') =>
    actMissing.includes(f) ? { 'aria-invalid': true, 'aria-describedby': actError } : {};

  const setFn = (i: number, patch: Partial<FnRow>) =>
    setFunctions((fs) => fs.map((f, k) => (k === i ? { ...f, ...patch } : f)));
  const setLine = (id: number, patch: Partial<LineRow>) =>
    setLines((ls) => ls.map((l) => (l.id === id ? { ...l, ...patch } : l)));
  const addFunction = () => {
    const keys = new Set(functions.map((f) => f.key));
    let n = functions.length + 1;
    while (keys.has(`funzione-${n}`)) n++;
    setFunctions((fs) => [...fs, { key: `funzione-${n}`, name: '', kind: 'fondamentale', description: '' }]);
  };
  const removeFunction = (key: string) => {
    setFunctions((fs) => fs.filter((f) => f.key !== key));
    setLines((ls) => ls.filter((l) => l.functionKey !== key));
  };

  const parsed = lines.map((l) => ({
    functionKey: l.functionKey,
    jobProfileCode: l.jobProfileCode,
    planned: count(l.planned),
    covered: count(l.covered),
    annualCostCents: amount(l.cost),
  }));
  const valid = parsed.every((l) => l.planned !== null && l.covered !== null && l.annualCostCents !== null);
  const staffing = parsed.map((l) => ({
    ...l,
    planned: l.planned ?? 0,
    covered: l.covered ?? 0,
    annualCostCents: l.annualCostCents ?? 0,
  }));
  const totals = totalsOf({ functions, staffing });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setActTried(true);
    if (!valid || !actCheck.ok) return;
    const act = actCheck.act;
    propose.mutate({ basedOn, summary, content: { act, functions, staffing, notes } }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} className="mb-5" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`} className="h4">
        {t('reorgPlan.propose')}
      </h2>
      <fieldset className="mb-3">
        <legend className="h5">{t('reorgPlan.act.title')}</legend>
        <div className="row g-2">
          <div className="col-12 col-md-4">
            <label htmlFor={`${uid}-act-type`}>{t('reorgPlan.act.type')}</label>
            <select
              id={`${uid}-act-type`}
              className={`form-select${actMissing.includes('type') ? ' is-invalid' : ''}`}
              {...actInvalid('type')}
              value={actType}
              onChange={(e) => setActType(e.target.value as ActType | '')}
            >
              <option value="">{t('reorgPlan.act.none')}</option>
              {ACT_TYPES.map((a) => (
                <option key={a} value={a}>
                  {t(`reorgPlan.act.${a}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="col-6 col-md-4">
            <label htmlFor={`${uid}-act-number`}>{t('reorgPlan.act.number')}</label>
            <input
              id={`${uid}-act-number`}
              className={`form-control${actMissing.includes('number') ? ' is-invalid' : ''}`}
              {...actInvalid('number')}
              maxLength={40}
              value={actNumber}
              onChange={(e) => setActNumber(e.target.value)}
            />
          </div>
          <div className="col-6 col-md-4">
            <label htmlFor={`${uid}-act-date`}>{t('reorgPlan.act.date')}</label>
            <input
              id={`${uid}-act-date`}
              type="date"
              className={`form-control${actMissing.includes('date') ? ' is-invalid' : ''}`}
              {...actInvalid('date')}
              value={actDate}
              onChange={(e) => setActDate(e.target.value)}
            />
          </div>
        </div>
        {actMissing.length > 0 && (
          <div id={actError} className="invalid-feedback d-block" role="alert">
            {t('reorgPlan.act.incomplete', {
              missing: actMissing.map((f) => t(`reorgPlan.act.${f}`).toLowerCase()).join(', '),
            })}
          </div>
        )}
      </fieldset>

      <TableScroll label={t('reorgPlan.functions.caption')}>
        <table className="table align-middle">
          <caption>{t('reorgPlan.functions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reorgPlan.functions.name')}</th>
              <th scope="col">{t('reorgPlan.functions.kind')}</th>
              <th scope="col">{t('reorgPlan.functions.description')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('reorgPlan.functions.remove', { name: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {functions.map((f, i) => (
              <tr key={f.key}>
                <td>
                  <input
                    aria-label={`${t('reorgPlan.functions.nameLabel')} ${i + 1}`}
                    className="form-control"
                    required
                    maxLength={200}
                    value={f.name}
                    onChange={(e) => setFn(i, { name: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`${t('reorgPlan.functions.kind')} ${i + 1}`}
                    className="form-select"
                    value={f.kind}
                    onChange={(e) => setFn(i, { kind: e.target.value as FunctionKind })}
                  >
                    {FUNCTION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`reorgPlan.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`${t('reorgPlan.functions.description')} ${i + 1}`}
                    className="form-control"
                    maxLength={2000}
                    value={f.description}
                    onChange={(e) => setFn(i, { description: e.target.value })}
                  />
                </td>
                <td>
                  <Button
                    type="button"
                    color="danger"
                    outline
                    size="sm"
                    onClick={() => removeFunction(f.key)}
                  >
                    {t('reorgPlan.functions.remove', { name: f.name || i + 1 })}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Button type="button" color="primary" outline size="sm" className="mb-4" onClick={addFunction}>
        {t('reorgPlan.functions.add')}
      </Button>

      <TableScroll label={t('reorgPlan.staffing.caption')}>
        <table className="table align-middle">
          <caption>{t('reorgPlan.staffing.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reorgPlan.staffing.function')}</th>
              <th scope="col">{t('reorgPlan.staffing.profile')}</th>
              <th scope="col">{t('reorgPlan.staffing.planned')}</th>
              <th scope="col">{t('reorgPlan.staffing.covered')}</th>
              <th scope="col">{t('reorgPlan.staffing.vacant')}</th>
              <th scope="col">{t('reorgPlan.staffing.cost')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('reorgPlan.staffing.remove', { n: '' })}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const p = parsed[i];
              const badCost = p?.annualCostCents === null;
              const n = i + 1;
              return (
                <tr key={l.id}>
                  <td>
                    <select
                      aria-label={`${t('reorgPlan.staffing.function')} ${n}`}
                      className="form-select"
                      required
                      value={l.functionKey}
                      onChange={(e) => setLine(l.id, { functionKey: e.target.value })}
                    >
                      <option value="">{t('reorgPlan.staffing.choose')}</option>
                      {functions.map((f) => (
                        <option key={f.key} value={f.key}>
                          {f.name || f.key}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`${t('reorgPlan.staffing.profile')} ${n}`}
                      className="form-select"
                      required
                      value={l.jobProfileCode}
                      onChange={(e) => setLine(l.id, { jobProfileCode: e.target.value })}
                    >
                      <option value="">{t('reorgPlan.staffing.choose')}</option>
                      {profiles.map((jp) => (
                        <option key={jp.code} value={jp.code}>
                          {jp.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`${t('reorgPlan.staffing.planned')} ${n}`}
                      className="form-control text-end"
                      inputMode="numeric"
                      pattern="\d{1,6}"
                      required
                      value={l.planned}
                      onChange={(e) => setLine(l.id, { planned: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`${t('reorgPlan.staffing.covered')} ${n}`}
                      className="form-control text-end"
                      inputMode="numeric"
                      pattern="\d{1,6}"
                      required
                      value={l.covered}
                      onChange={(e) => setLine(l.id, { covered: e.target.value })}
                    />
                  </td>
                  <td className="text-end">
                    {p ? vacant({ planned: p.planned ?? 0, covered: p.covered ?? 0 }) : 0}
                  </td>
                  <td>
                    <input
                      aria-label={`${t('reorgPlan.staffing.cost')} ${n}`}
                      aria-invalid={badCost || undefined}
                      aria-describedby={badCost ? `${uid}-cost-${l.id}` : undefined}
                      className={`form-control text-end${badCost ? ' is-invalid' : ''}`}
                      inputMode="decimal"
                      required
                      value={l.cost}
                      onChange={(e) => setLine(l.id, { cost: e.target.value })}
                    />
                    {badCost ? (
                      <div id={`${uid}-cost-${l.id}`} className="invalid-feedback d-block">
                        {t('reorgPlan.staffing.badMoney')}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <Button
                      type="button"
                      color="danger"
                      outline
                      size="sm"
                      onClick={() => setLines((ls) => ls.filter((x) => x.id !== l.id))}
                    >
                      {t('reorgPlan.staffing.remove', { n })}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <Button
        type="button"
        color="primary"
        outline
        size="sm"
        className="mb-4"
        onClick={() =>
          setLines((ls) => [
            ...ls,
            {
              id: nextLine++,
              functionKey: functions[0]?.key ?? '',
              jobProfileCode: '',
              planned: '0',
              covered: '0',
              cost: '0,00',
            },
          ])
        }
      >
        {t('reorgPlan.staffing.add')}
      </Button>

      <h3 className="h5">{t('reorgPlan.totals.caption')}</h3>
      <div aria-live="polite">
        <Totals totals={totals} />
      </div>

      <div className="mb-3">
        <label htmlFor={`${uid}-notes`}>{t('reorgPlan.notes')}</label>
        <textarea
          id={`${uid}-notes`}
          className="form-control"
          rows={3}
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <div className="mb-3">
        <label htmlFor={`${uid}-summary`}>{t('reorgPlan.summary')}</label>
        <textarea
          id={`${uid}-summary`}
          className="form-control"
          rows={2}
          required
          maxLength={2000}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
      </div>
      <ErrorAlert error={propose.error} />
      <div className="d-flex gap-2 flex-wrap">
        <Button type="submit" color="primary" disabled={propose.isPending || !valid}>
          {t('reorgPlan.send')}
        </Button>
        <Button type="button" color="secondary" outline onClick={onCancel}>
          {t('reorgPlan.cancel')}
        </Button>
      </div>
    </form>
  );
}
