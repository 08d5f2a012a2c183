import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';

type Feed = { url: string | null };
const FEED_KEY = ['calendar-feed'] as const;

/**
 * The personal calendar feed: a secret address that calendar apps poll. Regenerating replaces the address
 * (the old one stops working, e.g. after it was shared by mistake); deactivating removes it.
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feed = useQuery({
    queryKey: FEED_KEY,
    queryFn: ({ signal }) => api<Feed>(apiUrl(apiRoutes.calendar.myFeed), { signal }),
  });
  const [done, setDone] = useState<'created' | 'regenerated' | 'deleted' | 'copied' | null>(null);
  const [confirm, setConfirm] = useState<'regenerate' | 'delete' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const create = useMutation({
    mutationFn: () => api<{ url: string }>(apiUrl(apiRoutes.calendar.myFeed), { method: 'POST' }),
    onSuccess: (body) => client.setQueryData(FEED_KEY, { url: body.url }),
  });
  const remove = useMutation({
    mutationFn: () => api<{ ok: true }>(apiUrl(apiRoutes.calendar.myFeed), { method: 'DELETE' }),
    onSuccess: () => client.setQueryData(FEED_KEY, { url: null }),
  });
  const url = feed.data?.url ?? null;
  const busy = create.isPending || remove.isPending;

  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(url ?? '');
      setDone('copied');
    } catch {
      // Without clipboard permission the text stays selected: Ctrl+C copies it.
      setDone(null);
    }
  };

  return (
    <Panel title={t('feed.title')} icon="it-calendar">
      <p>{t('feed.lead')}</p>
      <ErrorAlert error={feed.error ?? create.error ?? remove.error} />
      {done === 'created' ? <SuccessAlert>{t('feed.created')}</SuccessAlert> : null}
      {done === 'regenerated' ? <SuccessAlert>{t('feed.regenerated')}</SuccessAlert> : null}
      {done === 'deleted' ? <SuccessAlert>{t('feed.deleted')}</SuccessAlert> : null}
      {done === 'copied' ? <SuccessAlert>{t('feed.copied')}</SuccessAlert> : null}
      {feed.isPending ? null : url ? (
        <>
          <div className="form-group">
            <label htmlFor="feed-url" className="active">
              {t('feed.url')}
            </label>
            <input
              ref={input}
              id="feed-url"
              className="form-control font-monospace"
              readOnly
              value={url}
              aria-describedby="feed-url-hint"
              onFocus={(e) => e.target.select()}
            />
            <small id="feed-url-hint" className="form-text">
              {t('feed.secret')}
            </small>
          </div>
          <div className="d-flex flex-wrap gap-2 mt-3">
            <Button type="button" color="primary" size="sm" onClick={() => void copy()}>
              {t('feed.copy')}
            </Button>
            <Button
              type="button"
              color="primary"
              outline
              size="sm"
              disabled={busy}
              onClick={() => setConfirm('regenerate')}
            >
              {t('feed.regenerate')}
            </Button>
            <Button
              type="button"
              color="danger"
              outline
              size="sm"
              disabled={busy}
              onClick={() => setConfirm('delete')}
            >
              {t('feed.delete')}
            </Button>
          </div>
        </>
      ) : (
        <Button
          type="button"
          color="primary"
          disabled={busy}
          onClick={() => create.mutate(undefined, { onSuccess: () => setDone('created') })}
        >
          {t('feed.create')}
        </Button>
      )}
      <Dialog
        open={confirm !== null}
        title={confirm === 'delete' ? t('feed.deleteTitle') : t('feed.regenerateTitle')}
        onClose={() => setConfirm(null)}
      >
        <p>{confirm === 'delete' ? t('feed.deleteText') : t('feed.regenerateText')}</p>
        <div className="d-flex gap-2">
          <Button
            type="button"
            color={confirm === 'delete' ? 'danger' : 'primary'}
            disabled={busy}
            onClick={() => {
              const action = confirm;
              setConfirm(null);
              if (action === 'delete') remove.mutate(undefined, { onSuccess: () => setDone('deleted') });
              else create.mutate(undefined, { onSuccess: () => setDone('regenerated') });
            }}
          >
            {confirm === 'delete' ? t('feed.delete') : t('feed.regenerate')}
          </Button>
          <Button type="button" color="secondary" outline onClick={() => setConfirm(null)}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog>
    </Panel>
  );
}
