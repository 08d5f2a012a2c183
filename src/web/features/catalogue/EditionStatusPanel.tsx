import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Edition } from '../../../common/catalogue';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { EditionStatusBadge } from '../training/labels';
import { useEditionTransition, usePath, usePathStatus } from './api';
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
  const path = usePath(edition.pathId);
  const publishPath = usePathStatus(edition.pathId);
  const [cancelling, setCancelling] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const next = NEXT[edition.status];
  // The public calendar shows an edition only once its path is published too: say so, and offer both.
  const pathHidden = path.data !== undefined && path.data.status !== 'published';
  const pathTitle = path.data?.title ?? edition.pathTitle;
  // An archived path hides its editions as a draft one does; the texts say which it is.
  const pathState = { path: pathTitle, context: path.data?.status === 'archived' ? 'archived' : undefined };
  const publish = (withPath: boolean) => {
    transition.reset();
    publishPath.reset();
    const publishEdition = () =>
      transition.mutate(
        { status: 'published' },
        {
          onSuccess: () => {
            setConfirming(false);
            setDone(
              withPath
                ? t('editionAdmin.done.publishedBoth', { path: pathTitle })
                : t('editionAdmin.done.publishedHidden', { path: pathTitle }),
            );
          },
        },
      );
    // The path first, as asked; an edition without sessions is refused before the path is touched.
    if (withPath && edition.sessions.length > 0)
      publishPath.mutate('published', { onSuccess: publishEdition });
    else publishEdition();
  };
  const pending = transition.isPending || publishPath.isPending;
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
      {!cancelling && !confirming ? <ErrorAlert error={transition.error ?? publishPath.error} /> : null}
      {done ? <SuccessAlert>{done}</SuccessAlert> : null}
      <div className="d-flex flex-wrap gap-2">
        {next.map((step, i) => (
          <Button
            key={step}
            color="primary"
            outline={i > 0}
            size="sm"
            disabled={pending}
            onClick={() => {
              if (step === 'published' && edition.status === 'draft' && pathHidden) {
                transition.reset();
                publishPath.reset();
                setConfirming(true);
                return;
              }
              transition.mutate(
                { status: step },
                { onSuccess: () => setDone(t(`editionAdmin.done.${step}`)) },
              );
            }}
          >
            {label(step)}
          </Button>
        ))}
        {canCancel ? (
          <Button
            color="danger"
            outline
            size="sm"
            disabled={pending}
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
              {label(step)}:{' '}
              {step === 'published' && pathHidden
                ? t('editionAdmin.hint.publishedPathDraft', { path: pathTitle })
                : t(`editionAdmin.hint.${step}`)}
            </li>
          ))}
        </ul>
      ) : null}
      {(edition.status === 'published' || edition.status === 'closed') && pathHidden ? (
        <div className="alert alert-warning mt-3 mb-0" role="note">
          <p className="mb-2">{t('editionAdmin.hiddenByPath', pathState)}</p>
          <Button
            color="primary"
            size="sm"
            disabled={pending}
            onClick={() =>
              publishPath.mutate('published', {
                onSuccess: () => setDone(t('editionAdmin.done.pathPublished', { path: pathTitle })),
              })
            }
          >
            {t('editionAdmin.publishPath')}
          </Button>
        </div>
      ) : null}
      {edition.status !== 'draft' && !pathHidden ? (
        <p className="mt-3 mb-0">
          <Link to={`/formazione/edizioni/${edition.id}`}>{t('editionAdmin.publicPage')}</Link>
        </p>
      ) : null}
      <Dialog open={confirming} title={t('editionAdmin.publishTitle')} onClose={() => setConfirming(false)}>
        <p>{t('editionAdmin.publishPathDraft', pathState)}</p>
        <ErrorAlert error={transition.error ?? publishPath.error} />
        <div className="d-flex flex-wrap gap-2">
          <Button color="primary" disabled={pending} onClick={() => publish(true)}>
            {t('editionAdmin.publishBoth')}
          </Button>
          <Button color="primary" outline disabled={pending} onClick={() => publish(false)}>
            {t('editionAdmin.publishEditionOnly')}
          </Button>
          <Button color="secondary" outline disabled={pending} onClick={() => setConfirming(false)}>
            {t('editionAdmin.publishKeep')}
          </Button>
        </div>
      </Dialog>
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
