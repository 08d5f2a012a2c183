import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Edition } from '../../../common/catalogue';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { EditionStatusBadge } from '../training/labels';
import { useEditionTransition } from './api';
import { ReasonDialog } from './ReasonDialog';

type Step = 'published' | 'closed' | 'completed';
/**
 * The moves the server allows (besides cancelling, possible until completion): a draft is published;
 * enrolment is closed and may be reopened; the edition is completed once held.
 */
const NEXT: Record<Edition['status'], Step[]> = {
  draft: ['published'],
  published: ['closed', 'completed'],
  closed: ['published', 'completed'],
  completed: [],
  cancelled: [],
};

export function EditionStatusPanel({ edition }: { edition: Edition }) {
  const { t } = useTranslation();
  const transition = useEditionTransition(edition.id);
  const [cancelling, setCancelling] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const next = NEXT[edition.status];
  const label = (step: Step) =>
    step === 'published' && edition.status === 'closed'
      ? t('editionAdmin.reopen')
      : t(`editionAdmin.to.${step}`);
  const canCancel = edition.status !== 'completed' && edition.status !== 'cancelled';
  return (
    <section aria-labelledby="edition-status" className="mb-5">
      <h2 id="edition-status" className="h4">
        {t('editionAdmin.status')}
      </h2>
      <p className="d-flex align-items-center gap-2">
        {t('catalogue.currentStatus')} <EditionStatusBadge status={edition.status} />
      </p>
      {edition.status === 'cancelled' && edition.cancelReason ? (
        <p>{t('training.reason', { reason: edition.cancelReason })}</p>
      ) : null}
      {!cancelling ? <ErrorAlert error={transition.error} /> : null}
      {done ? <SuccessAlert>{done}</SuccessAlert> : null}
      <div className="d-flex flex-wrap gap-2">
        {next.map((step, i) => (
          <Button
            key={step}
            color="primary"
            outline={i > 0}
            size="sm"
            disabled={transition.isPending}
            onClick={() =>
              transition.mutate(
                { status: step },
                { onSuccess: () => setDone(t(`editionAdmin.done.${step}`)) },
              )
            }
          >
            {label(step)}
          </Button>
        ))}
        {canCancel ? (
          <Button
            color="danger"
            outline
            size="sm"
            disabled={transition.isPending}
            onClick={() => {
              transition.reset();
              setCancelling(true);
            }}
          >
            {t('editionAdmin.cancel')}
          </Button>
        ) : null}
      </div>
      {next.length > 0 ? (
        <ul className="small mt-2 mb-0">
          {next.map((step) => (
            <li key={step}>
              {label(step)}: {t(`editionAdmin.hint.${step}`)}
            </li>
          ))}
        </ul>
      ) : null}
      {edition.status !== 'draft' ? (
        <p className="mt-3 mb-0">
          <Link to={`/formazione/edizioni/${edition.id}`}>{t('editionAdmin.publicPage')}</Link>
        </p>
      ) : null}
      <ReasonDialog
        open={cancelling}
        title={t('editionAdmin.cancelTitle')}
        text={t('editionAdmin.cancelText')}
        confirmLabel={t('editionAdmin.cancelConfirm')}
        pending={transition.isPending}
        error={cancelling ? transition.error : null}
        onClose={() => setCancelling(false)}
        onConfirm={(reason) =>
          transition.mutate(
            { status: 'cancelled', reason },
            {
              onSuccess: () => {
                setCancelling(false);
                setDone(t('editionAdmin.done.cancelled'));
              },
            },
          )
        }
      />
    </section>
  );
}
