import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '../../../common/plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAddItem, usePathOptions } from './api';
import { hours } from './labels';

/** Search the published catalogue and add a path as a new line of the plan. */
export function AddPath({
  plan,
  onError,
  onAdded,
}: {
  plan: PlanView;
  onError: (e: unknown) => void;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const options = usePathOptions(plan.id, q, open);
  const add = useAddItem(plan.id);
  const inPlan = new Set(plan.items.map((i) => i.pathId));
  const shown = (options.data ?? []).filter((o) => !inPlan.has(o.id)).slice(0, 10);
  return (
    <section className="mt-4" aria-labelledby="add-path">
      <h3 id="add-path" className="h5">
        {t('plans.addPath')}
      </h3>
      {open ? (
        <>
          <div className="form-group">
            <label htmlFor="path-search" className="active">
              {t('plans.searchPath')}
            </label>
            <input
              id="path-search"
              type="search"
              className="form-control"
              maxLength={100}
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
          </div>
          <ErrorAlert error={options.error} />
          <ul className="list-unstyled" aria-live="polite">
            {shown.length === 0 && options.data ? <li>{t('plans.noPaths')}</li> : null}
            {shown.map((o) => (
              <li
                key={o.id}
                className="d-flex flex-wrap justify-content-between align-items-center gap-2 border-bottom py-2"
              >
                <span>
                  <span className="fw-semibold">{o.title}</span>
                  <span className="d-block small">
                    {t('plans.pathFacts', {
                      hours: hours(o.hours),
                      codes: o.competencyCodes.join(', ') || '—',
                    })}
                  </span>
                </span>
                <Button
                  color="primary"
                  outline
                  size="sm"
                  disabled={add.isPending}
                  onClick={() =>
                    add.mutate({ pathId: o.id, version: plan.version }, { onSuccess: onAdded, onError })
                  }
                >
                  {t('plans.add')}
                  <span className="visually-hidden"> — {o.title}</span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Button color="primary" outline onClick={() => setOpen(true)}>
          {t('plans.addPath')}
        </Button>
      )}
    </section>
  );
}
