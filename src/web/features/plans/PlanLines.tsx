import { Button, Table } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DELIVERY_MODES, type DeliveryMode } from '../../../common/catalogue';
import type { PlanItem, PlanView } from '../../../common/plans';
import { fieldErrors } from '../../components/ErrorAlert';
import { TableScroll } from '../../components/TableScroll';
import { useReorder, useUpdateItem } from './api';
import { hours, local, quarterLabel } from './labels';
import { trainingPathPage } from './paths';

type Draft = {
  participants: string;
  hoursPerParticipant: string;
  deliveryMode: DeliveryMode;
  quarter: string;
  notes: string;
};

const draftOf = (i: PlanItem): Draft => ({
  participants: String(i.participants),
  hoursPerParticipant: String(i.hoursPerParticipant),
  deliveryMode: i.deliveryMode,
  quarter: i.quarter,
  notes: i.notes,
});

/** Focus a control once React has drawn the rows again (after a move, the row is elsewhere). */
const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** The plan's lines: each editable in place, movable up and down, removable (with confirmation). */
export function PlanLines({
  plan,
  onError,
  onRemove,
}: {
  plan: PlanView;
  onError: (e: unknown) => void;
  onRemove: (item: PlanItem) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const update = useUpdateItem(plan.id);
  const reorder = useReorder(plan.id);
  const editable = plan.canEdit && plan.status === 'draft';
  const errs = fieldErrors(update.error);
  const quarters = [1, 2, 3, 4].map((n) => `${plan.year}-T${n}`);

  const move = (index: number, by: -1 | 1) => {
    const ids = plan.items.map((i) => i.id);
    const id = ids[index] as number;
    ids.splice(index, 1);
    ids.splice(index + by, 0, id);
    reorder.mutate(
      { itemIds: ids, version: plan.version },
      {
        onSuccess: () => {
          const at = index + by;
          const edge = at === 0 ? 'down' : at === ids.length - 1 ? 'up' : by === -1 ? 'up' : 'down';
          focusLater(`line-${edge}-${id}`);
        },
        onError,
      },
    );
  };

  const save = (item: PlanItem) => {
    if (!draft) return;
    update.mutate(
      {
        itemId: item.id,
        version: plan.version,
        participants: Number(draft.participants),
        hoursPerParticipant: Number(draft.hoursPerParticipant.replace(',', '.')),
        deliveryMode: draft.deliveryMode,
        quarter: draft.quarter,
        notes: draft.notes,
      },
      {
        onSuccess: () => {
          setEditing(null);
          focusLater(`line-edit-${item.id}`);
        },
        onError,
      },
    );
  };

  const columns = [
    t('plans.n'),
    t('plans.path'),
    t('plans.competencies'),
    t('plans.participants'),
    t('plans.hoursEach'),
    t('plans.totalHours'),
    t('plans.mode'),
    t('plans.when'),
    t('plans.notes'),
    ...(editable ? [t('plans.actions')] : []),
  ];

  return (
    <TableScroll label={t('plans.linesCaption')}>
      <Table className="align-middle">
        <caption>{t('plans.linesCaption')}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plan.items.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{t('plans.noLines')}</td>
            </tr>
          ) : null}
          {plan.items.map((item, index) => {
            const title = local(item.title);
            const isEditing = editing === item.id && draft;
            return (
              <tr key={item.id}>
                <td>{index + 1}</td>
                <th scope="row" style={{ minWidth: '14rem' }}>
                  {item.pathSlug ? <Link to={trainingPathPage(item.pathSlug)}>{title}</Link> : title}
                  {item.pathId === null ? (
                    <span className="d-block small text-muted">{t('plans.withoutPath')}</span>
                  ) : null}
                  {item.origin === 'added' ? (
                    <span className="d-block small text-muted">{t('plans.added')}</span>
                  ) : null}
                </th>
                <td style={{ minWidth: '7rem' }}>{item.competencyCodes.join(', ')}</td>
                {isEditing ? (
                  <>
                    <td>
                      <label className="visually-hidden" htmlFor={`participants-${item.id}`}>
                        {t('plans.participants')}
                      </label>
                      <input
                        id={`participants-${item.id}`}
                        style={{ minWidth: '6rem' }}
                        className={`form-control${errs.participants ? ' is-invalid' : ''}`}
                        type="number"
                        min={0}
                        max={100000}
                        value={draft.participants}
                        onChange={(e) => setDraft({ ...draft, participants: e.target.value })}
                      />
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`hours-${item.id}`}>
                        {t('plans.hoursEach')}
                      </label>
                      <input
                        id={`hours-${item.id}`}
                        style={{ minWidth: '6rem' }}
                        className={`form-control${errs.hoursPerParticipant ? ' is-invalid' : ''}`}
                        type="number"
                        min={0}
                        step={0.5}
                        value={draft.hoursPerParticipant}
                        onChange={(e) => setDraft({ ...draft, hoursPerParticipant: e.target.value })}
                      />
                    </td>
                    <td>—</td>
                    <td>
                      <label className="visually-hidden" htmlFor={`mode-${item.id}`}>
                        {t('plans.mode')}
                      </label>
                      <select
                        id={`mode-${item.id}`}
                        style={{ minWidth: '11rem' }}
                        className="form-select"
                        value={draft.deliveryMode}
                        onChange={(e) => setDraft({ ...draft, deliveryMode: e.target.value as DeliveryMode })}
                      >
                        {DELIVERY_MODES.map((m) => (
                          <option key={m} value={m}>
                            {t(`modes.${m}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`quarter-${item.id}`}>
                        {t('plans.when')}
                      </label>
                      <select
                        id={`quarter-${item.id}`}
                        style={{ minWidth: '11rem' }}
                        className="form-select"
                        value={draft.quarter}
                        onChange={(e) => setDraft({ ...draft, quarter: e.target.value })}
                      >
                        {(quarters.includes(draft.quarter) ? quarters : [draft.quarter, ...quarters]).map(
                          (q) => (
                            <option key={q} value={q}>
                              {quarterLabel(q, t)}
                            </option>
                          ),
                        )}
                      </select>
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`notes-${item.id}`}>
                        {t('plans.notes')}
                      </label>
                      <input
                        id={`notes-${item.id}`}
                        style={{ minWidth: '12rem' }}
                        className="form-control"
                        maxLength={2000}
                        value={draft.notes}
                        onChange={(e) => setDraft({ ...draft, notes: e.target.value })}
                      />
                    </td>
                    <td>
                      <div className="d-flex flex-nowrap gap-1">
                        <Button
                          color="primary"
                          size="sm"
                          disabled={update.isPending}
                          onClick={() => save(item)}
                        >
                          {t('plans.save')}
                          <span className="visually-hidden"> — {title}</span>
                        </Button>
                        <Button
                          color="secondary"
                          outline
                          size="sm"
                          onClick={() => {
                            setEditing(null);
                            focusLater(`line-edit-${item.id}`);
                          }}
                        >
                          {t('plans.cancel')}
                        </Button>
                      </div>
                    </td>
                  </>
                ) : (
                  <>
                    <td>{item.participants}</td>
                    <td>
                      {item.pathId === null && item.hoursPerParticipant === 0
                        ? t('plans.toDefine')
                        : hours(item.hoursPerParticipant)}
                    </td>
                    <td>{hours(item.totalHours)}</td>
                    <td>{t(`modes.${item.deliveryMode}`)}</td>
                    <td className="text-nowrap">{quarterLabel(item.quarter, t)}</td>
                    <td>{item.notes}</td>
                    {editable ? (
                      <td>
                        <div className="d-flex flex-nowrap gap-1">
                          <Button
                            id={`line-edit-${item.id}`}
                            color="primary"
                            outline
                            size="sm"
                            onClick={() => {
                              update.reset();
                              setDraft(draftOf(item));
                              setEditing(item.id);
                              focusLater(`participants-${item.id}`);
                            }}
                          >
                            {t('plans.edit')}
                            <span className="visually-hidden"> — {title}</span>
                          </Button>
                          <Button
                            id={`line-up-${item.id}`}
                            color="secondary"
                            outline
                            size="sm"
                            disabled={index === 0 || reorder.isPending}
                            onClick={() => move(index, -1)}
                          >
                            <span aria-hidden="true">↑</span>
                            <span className="visually-hidden">{t('plans.moveUp', { title })}</span>
                          </Button>
                          <Button
                            id={`line-down-${item.id}`}
                            color="secondary"
                            outline
                            size="sm"
                            disabled={index === plan.items.length - 1 || reorder.isPending}
                            onClick={() => move(index, 1)}
                          >
                            <span aria-hidden="true">↓</span>
                            <span className="visually-hidden">{t('plans.moveDown', { title })}</span>
                          </Button>
                          <Button color="danger" outline size="sm" onClick={() => onRemove(item)}>
                            {t('plans.remove')}
                            <span className="visually-hidden"> — {title}</span>
                          </Button>
                        </div>
                      </td>
                    ) : null}
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">{t('plans.total')}</th>
            <td />
            <td>{plan.totals.participants}</td>
            <td />
            <td>{hours(plan.totals.hours)}</td>
            <td colSpan={columns.length - 6} />
          </tr>
        </tfoot>
      </Table>
    </TableScroll>
  );
}
