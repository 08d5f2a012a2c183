import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineMoveInput, DeadlineRuleInput, DeadlineRulesView } from '../../../common/programming';
import { DEADLINE_KINDS } from '../../../common/restructuring';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../../components/ErrorAlert';
import { ChoiceField, TextField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableScroll } from '../../components/TableScroll';
import { useDeadlineRules, useRuleChange } from './api';

type Rule = DeadlineRulesView['rules'][number];
type Move = DeadlineRulesView['moves'][number];

const pad = (n: number) => String(n).padStart(2, '0');

/** The deadline rules and moves: everyone in the restructuring area reads them, national admins change them. */
export default function RulesPage() {
  const { t } = useTranslation();
  const q = useDeadlineRules();
  const change = useRuleChange();
  const [rule, setRule] = useState<Rule | 'new' | null>(null);
  const [move, setMove] = useState<Move | 'new' | null>(null);
  const [done, setDone] = useState(false);
  const v = q.data;
  const kind = (k: string) => t(`programming.kinds.${k}`);

  const [removing, setRemoving] = useState<{
    op: 'deleteRule' | 'deleteMove';
    id: number;
    label: string;
  } | null>(null);
  const remove = (op: 'deleteRule' | 'deleteMove', id: number, label: string) => {
    setDone(false);
    setRemoving({ op, id, label });
  };

  return (
    <Page title={t('programming.rules.title')} lead={t('programming.rules.lead')}>
      {q.isPending ? <Loading /> : null}
      <ErrorAlert error={q.error} />
      {done ? <SuccessAlert>{t('programming.rules.saved')}</SuccessAlert> : null}
      {!rule && !move ? <ErrorAlert error={change.error} /> : null}
      {v ? (
        <>
          {v.canEdit ? null : <p className="small">{t('programming.rules.readOnly')}</p>}
          <TableScroll label={t('programming.rules.rulesCaption')}>
            <table className="table table-sm align-middle">
              <caption>{t('programming.rules.rulesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('programming.rules.kind')}</th>
                  <th scope="col">{t('programming.rules.date')}</th>
                  <th scope="col">{t('programming.rules.yearOffset')}</th>
                  <th scope="col">{t('programming.rules.afterBudget')}</th>
                  <th scope="col">{t('programming.rules.validity')}</th>
                  <th scope="col">{t('programming.rules.source')}</th>
                  {v.canEdit ? <th scope="col">{t('programming.rules.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {v.rules.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{kind(r.kind)}</th>
                    <td>
                      {pad(r.day)}/{pad(r.month)}
                    </td>
                    <td>
                      {r.yearOffset === 0
                        ? t('programming.rules.yearOffsetSame')
                        : t('programming.rules.yearOffsetValue', {
                            offset: r.yearOffset > 0 ? `+${r.yearOffset}` : `−${-r.yearOffset}`,
                          })}
                    </td>
                    <td>
                      {r.afterBudgetDays === null
                        ? '—'
                        : t('programming.rules.afterBudgetDays', { count: r.afterBudgetDays })}
                    </td>
                    <td>
                      {r.validToYear === null
                        ? t('programming.rules.validFrom', { from: r.validFromYear })
                        : t('programming.rules.validRange', { from: r.validFromYear, to: r.validToYear })}
                    </td>
                    <td>{r.source}</td>
                    {v.canEdit ? (
                      <td className="text-nowrap">
                        <button
                          type="button"
                          className="btn btn-link btn-sm p-0 me-3"
                          onClick={() => {
                            setMove(null);
                            setRule(r);
                          }}
                        >
                          {t('programming.rules.edit')}
                          <span className="visually-hidden"> {kind(r.kind)}</span>
                        </button>
                        <button
                          type="button"
                          className="btn btn-link btn-sm p-0 text-danger"
                          onClick={() => remove('deleteRule', r.id, kind(r.kind))}
                        >
                          {t('programming.rules.delete')}
                          <span className="visually-hidden"> {kind(r.kind)}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {v.canEdit && !rule ? (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm mb-4"
              onClick={() => {
                setMove(null);
                setRule('new');
              }}
            >
              {t('programming.rules.newRule')}
            </button>
          ) : null}
          {rule ? (
            <RuleForm
              rule={rule === 'new' ? null : rule}
              onDone={(ok) => {
                setRule(null);
                setDone(ok);
              }}
            />
          ) : null}

          <h2 className="h4 mt-4">{t('programming.rules.movesCaption')}</h2>
          {v.moves.length ? (
            <TableScroll label={t('programming.rules.movesCaption')}>
              <table className="table table-sm align-middle">
                <caption className="visually-hidden">{t('programming.rules.movesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('programming.rules.kind')}</th>
                    <th scope="col">{t('programming.rules.year')}</th>
                    <th scope="col">{t('programming.rules.due')}</th>
                    <th scope="col">{t('programming.rules.source')}</th>
                    {v.canEdit ? <th scope="col">{t('programming.rules.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {v.moves.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">{kind(m.kind)}</th>
                      <td>
                        {m.year}–{m.year + 2}
                      </td>
                      <td>{formatDate(m.due)}</td>
                      <td>{m.source}</td>
                      {v.canEdit ? (
                        <td className="text-nowrap">
                          <button
                            type="button"
                            className="btn btn-link btn-sm p-0 me-3"
                            onClick={() => {
                              setRule(null);
                              setMove(m);
                            }}
                          >
                            {t('programming.rules.edit')}
                            <span className="visually-hidden">
                              {' '}
                              {kind(m.kind)} {m.year}
                            </span>
                          </button>
                          <button
                            type="button"
                            className="btn btn-link btn-sm p-0 text-danger"
                            onClick={() => remove('deleteMove', m.id, `${kind(m.kind)} ${m.year}`)}
                          >
                            {t('programming.rules.delete')}
                            <span className="visually-hidden">
                              {' '}
                              {kind(m.kind)} {m.year}
                            </span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p>{t('programming.rules.none')}</p>
          )}
          {v.canEdit && !move ? (
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => {
                setRule(null);
                setMove('new');
              }}
            >
              {t('programming.rules.newMove')}
            </button>
          ) : null}
          {move ? (
            <MoveForm
              move={move === 'new' ? null : move}
              onDone={(ok) => {
                setMove(null);
                setDone(ok);
              }}
            />
          ) : null}
        </>
      ) : null}
      <Dialog
        open={removing !== null}
        title={t('programming.rules.confirmDelete')}
        onClose={() => setRemoving(null)}
      >
        <p>{removing?.label}</p>
        <div className="d-flex gap-2">
          <button
            type="button"
            className="btn btn-danger btn-sm"
            disabled={change.isPending}
            onClick={() =>
              removing &&
              change.mutate(
                { op: removing.op, id: removing.id },
                { onSuccess: () => setDone(true), onSettled: () => setRemoving(null) },
              )
            }
          >
            {t('programming.rules.delete')}
          </button>
          <button
            type="button"
            className="btn btn-outline-secondary btn-sm"
            onClick={() => setRemoving(null)}
          >
            {t('programming.rules.cancel')}
          </button>
        </div>
      </Dialog>
    </Page>
  );
}

/** A whole number typed in a field, or null when empty; NaN when it is not one. */
const whole = (s: string) =>
  s.trim() === '' ? null : /^-?\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN;

function RuleForm({ rule, onDone }: { rule: Rule | null; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const change = useRuleChange();
  const [f, setF] = useState({
    kind: rule?.kind ?? 'piao',
    month: String(rule?.month ?? 1),
    day: String(rule?.day ?? 31),
    yearOffset: String(rule?.yearOffset ?? 0),
    afterBudgetDays: rule?.afterBudgetDays === null || !rule ? '' : String(rule.afterBudgetDays),
    validFromYear: String(rule?.validFromYear ?? new Date().getFullYear()),
    validToYear: rule?.validToYear === null || !rule ? '' : String(rule.validToYear),
    source: rule?.source ?? '',
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const errs = { ...fieldErrors(change.error), ...local };

  function submit(e: FormEvent) {
    e.preventDefault();
    const nums = {
      month: whole(f.month),
      day: whole(f.day),
      yearOffset: whole(f.yearOffset),
      afterBudgetDays: whole(f.afterBudgetDays),
      validFromYear: whole(f.validFromYear),
      validToYear: whole(f.validToYear),
    };
    const required = ['month', 'day', 'yearOffset', 'validFromYear'] as const;
    const bad: Record<string, string> = {};
    for (const [k, n] of Object.entries(nums))
      if (Number.isNaN(n) || (n === null && (required as readonly string[]).includes(k)))
        bad[k] = t('programming.rules.fields.number');
    setLocal(bad);
    if (Object.keys(bad).length) return;
    const body = {
      kind: f.kind,
      ...nums,
      source: f.source,
    } as DeadlineRuleInput;
    change.mutate(rule ? { op: 'updateRule', id: rule.id, body } : { op: 'createRule', body }, {
      onSuccess: () => onDone(true),
    });
  }

  const field = (name: keyof typeof f, extra: { hint?: string; inputMode?: 'numeric' } = {}) => (
    <TextField
      id={`rule-${name}`}
      label={t(`programming.rules.fields.${name}`)}
      value={f[name]}
      error={errs[name]}
      {...(extra.hint ? { hint: extra.hint } : {})}
      inputMode={extra.inputMode}
      onChange={(e) => setF({ ...f, [name]: e.target.value })}
    />
  );

  return (
    <form onSubmit={submit} noValidate className="card card-bg p-3 mb-4">
      <h3 className="h5">{t(rule ? 'programming.rules.editRule' : 'programming.rules.newRule')}</h3>
      <ErrorAlert error={change.error} />
      <ChoiceField
        id="rule-kind"
        label={t('programming.rules.fields.kind')}
        value={f.kind}
        choices={DEADLINE_KINDS.map((k) => ({ value: k, label: t(`programming.kinds.${k}`) }))}
        onChange={(e) => setF({ ...f, kind: e.target.value as typeof f.kind })}
      />
      <div className="row">
        <div className="col-6">{field('day', { inputMode: 'numeric' })}</div>
        <div className="col-6">{field('month', { inputMode: 'numeric' })}</div>
      </div>
      {field('yearOffset', { hint: t('programming.rules.fields.yearOffsetHint') })}
      {field('afterBudgetDays', { inputMode: 'numeric' })}
      <div className="row">
        <div className="col-6">{field('validFromYear', { inputMode: 'numeric' })}</div>
        <div className="col-6">{field('validToYear', { inputMode: 'numeric' })}</div>
      </div>
      {field('source', { hint: t('programming.rules.fields.sourceHint') })}
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={change.isPending}>
          {t('programming.rules.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
          {t('programming.rules.cancel')}
        </button>
      </div>
    </form>
  );
}

function MoveForm({ move, onDone }: { move: Move | null; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const change = useRuleChange();
  const [f, setF] = useState({
    kind: move?.kind ?? 'bilancio',
    year: String(move?.year ?? new Date().getFullYear() + 1),
    due: move?.due ?? '',
    source: move?.source ?? '',
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const errs = { ...fieldErrors(change.error), ...local };

  function submit(e: FormEvent) {
    e.preventDefault();
    const year = whole(f.year);
    if (year === null || Number.isNaN(year)) {
      setLocal({ year: t('programming.rules.fields.number') });
      return;
    }
    setLocal({});
    const body = { kind: f.kind, year, due: f.due, source: f.source } as DeadlineMoveInput;
    change.mutate(move ? { op: 'updateMove', id: move.id, body } : { op: 'createMove', body }, {
      onSuccess: () => onDone(true),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="card card-bg p-3 my-4">
      <h3 className="h5">{t(move ? 'programming.rules.editMove' : 'programming.rules.newMove')}</h3>
      <ErrorAlert error={change.error} />
      <ChoiceField
        id="move-kind"
        label={t('programming.rules.fields.kind')}
        value={f.kind}
        choices={DEADLINE_KINDS.map((k) => ({ value: k, label: t(`programming.kinds.${k}`) }))}
        onChange={(e) => setF({ ...f, kind: e.target.value as typeof f.kind })}
      />
      <TextField
        id="move-year"
        inputMode="numeric"
        label={t('programming.rules.fields.year')}
        value={f.year}
        error={errs.year}
        onChange={(e) => setF({ ...f, year: e.target.value })}
      />
      <TextField
        id="move-due"
        type="date"
        label={t('programming.rules.fields.due')}
        value={f.due}
        error={errs.due}
        onChange={(e) => setF({ ...f, due: e.target.value })}
      />
      <TextField
        id="move-source"
        label={t('programming.rules.fields.source')}
        hint={t('programming.rules.fields.sourceHint')}
        value={f.source}
        error={errs.source}
        onChange={(e) => setF({ ...f, source: e.target.value })}
      />
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={change.isPending}>
          {t('programming.rules.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => onDone(false)}>
          {t('programming.rules.cancel')}
        </button>
      </div>
    </form>
  );
}
