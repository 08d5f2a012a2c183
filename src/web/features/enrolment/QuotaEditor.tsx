import { Button, Table } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeatSummary } from '../../../common/enrolment';
import { ErrorAlert, pathErrors } from '../../components/ErrorAlert';
import { ChoiceField, focusFirstInvalid } from '../../components/Field';
import { TableScroll } from '../../components/TableScroll';
import { useUnitChoices } from '../units/api';
import { useSaveQuotas } from './api';
import { useNotice } from './Notice';

type Row = { unitId: number; unitName: string; seats: string };

const toRows = (s: SeatSummary): Row[] =>
  s.quotas.map((q) => ({ unitId: q.unitId, unitName: q.unitName, seats: String(q.seats) }));

/**
 * Seats reserved for the staff of some units: rows edited locally and saved together (the server
 * replaces the list). The seats used come from the live summary, which changes with every enrolment.
 */
export function QuotaEditor({ summary }: { summary: SeatSummary }) {
  const { t } = useTranslation();
  const save = useSaveQuotas(summary.editionId);
  const notice = useNotice();
  const { units } = useUnitChoices();
  const [rows, setRows] = useState<Row[]>(() => toRows(summary));
  const used = new Map(summary.quotas.map((q) => [q.unitId, q.used]));
  const [adding, setAdding] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = { ...pathErrors(save.error), ...local };
  const free = units.filter((u) => !rows.some((r) => String(r.unitId) === u.value));
  const reserved = rows.reduce((sum, r) => sum + (Number(r.seats) || 0), 0);

  const add = () => {
    const unit = units.find((u) => u.value === adding);
    if (!unit) return;
    setRows([...rows, { unitId: Number(unit.value), unitName: unit.label, seats: '1' }]);
    setAdding('');
    window.setTimeout(() => document.getElementById(`quota-seats-${unit.value}`)?.focus(), 0);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    rows.forEach((r, i) => {
      const n = Number(r.seats);
      if (!Number.isInteger(n) || n < 1) problems[`quotas.${i}.seats`] = t('quotas.errors.seats');
    });
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid();
      return;
    }
    notice.clear();
    save.mutate(
      rows.map((r) => ({ unitId: r.unitId, seats: Number(r.seats) })),
      {
        onSuccess: (saved) => {
          setRows(toRows(saved));
          notice.show(t('quotas.saved'));
        },
      },
    );
  };

  return (
    <section aria-labelledby="edition-quotas" className="mt-4">
      <h3 id="edition-quotas" className="h5">
        {t('quotas.title')}
      </h3>
      <p className="small">{t('quotas.help')}</p>
      {notice.node}
      <ErrorAlert error={save.error} />
      <form onSubmit={submit} noValidate aria-label={t('quotas.title')}>
        <TableScroll label={t('quotas.caption')}>
          <Table className="align-middle">
            <caption>{t('quotas.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('quotas.unit')}</th>
                <th scope="col">{t('quotas.seats')}</th>
                <th scope="col">{t('quotas.used')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={4}>{t('quotas.none')}</td>
                </tr>
              ) : (
                rows.map((r, i) => {
                  const error = errors[`quotas.${i}.seats`];
                  const id = `quota-seats-${r.unitId}`;
                  return (
                    <tr key={r.unitId}>
                      <th scope="row">
                        <label htmlFor={id} className="mb-0 fw-semibold">
                          {r.unitName}
                        </label>
                      </th>
                      <td>
                        <input
                          id={id}
                          type="number"
                          min={1}
                          step={1}
                          className={`form-control officina-quota-seats${error ? ' is-invalid' : ''}`}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          value={r.seats}
                          onChange={(e) =>
                            setRows(
                              rows.map((x) => (x.unitId === r.unitId ? { ...x, seats: e.target.value } : x)),
                            )
                          }
                        />
                        {error ? (
                          <div id={`${id}-error`} className="invalid-feedback d-block">
                            {error}
                          </div>
                        ) : null}
                      </td>
                      <td>{used.get(r.unitId) ?? 0}</td>
                      <td className="text-end">
                        <Button
                          color="danger"
                          outline
                          size="xs"
                          onClick={() => {
                            setRows(rows.filter((x) => x.unitId !== r.unitId));
                            window.setTimeout(() => document.getElementById('quota-add')?.focus(), 0);
                          }}
                        >
                          {t('quotas.remove')}
                          <span className="visually-hidden"> {r.unitName}</span>
                        </Button>
                      </td>
                    </tr>
                  );
                })
              )}
            </tbody>
          </Table>
        </TableScroll>
        <p className="small" aria-live="polite">
          {t('quotas.total', { reserved, capacity: summary.capacity })}
        </p>
        <div className="d-flex flex-wrap align-items-end gap-3">
          <ChoiceField
            id="quota-add"
            className="mb-0"
            label={t('quotas.addUnit')}
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            empty={t('quotas.chooseUnit')}
            choices={free}
          />
          <Button type="button" color="primary" outline size="sm" disabled={!adding} onClick={add}>
            {t('quotas.add')}
          </Button>
        </div>
        <Button type="submit" color="primary" className="mt-4" disabled={save.isPending}>
          {t('quotas.save')}
        </Button>
      </form>
    </section>
  );
}
