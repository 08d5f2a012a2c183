import { Badge } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FadModuleView, ScormCommit, ScormCommitResult, ScormLaunch } from '../../../common/fad';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { scormLaunch, sendScormCommit } from './api';

/**
 * A SCORM module: the player page of the content origin in a frame. The player hosts the SCORM API
 * (scorm-again) and posts the CMI data at each commit; this page checks where each message comes from
 * (the content origin, the frame's own window), saves it in order, and sends the last one with a
 * `keepalive` request when the page closes. The content origin has no session: only this page talks
 * to the API.
 */
export function ScormPlayer({ module }: { module: FadModuleView }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const [launch, setLaunch] = useState<ScormLaunch | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ScormCommitResult | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    scormLaunch(module.id, ctl.signal).then(setLaunch, (e: unknown) => {
      if (!ctl.signal.aborted) setError(e);
    });
    return () => ctl.abort();
  }, [module.id]);

  useEffect(() => {
    if (!launch) return;
    let last: ScormCommit | null = null;
    let saved = launch.seq;
    let queue = Promise.resolve();
    const onMessage = (e: MessageEvent) => {
      const win = frame.current?.contentWindow;
      if (e.origin !== launch.contentOrigin || !win || e.source !== win) return;
      const data = e.data as { type?: unknown; seq?: unknown; cmi?: unknown } | null;
      if (data?.type === 'scorm:ready') {
        win.postMessage({ type: 'scorm:init', cmi: launch.cmi, seq: launch.seq }, launch.contentOrigin);
        return;
      }
      if (data?.type !== 'scorm:commit' || !Number.isInteger(data.seq)) return;
      if (!data.cmi || typeof data.cmi !== 'object') return;
      const commit: ScormCommit = {
        seq: data.seq as number,
        visit: launch.visit,
        cmi: data.cmi as Record<string, unknown>,
      };
      last = commit;
      // In order, one at a time: the server keeps the highest sequence number anyway.
      queue = queue.then(() =>
        sendScormCommit(module.id, commit).then(
          (r) => {
            saved = Math.max(saved, commit.seq);
            setResult(r);
          },
          (err: unknown) => setError(err),
        ),
      );
    };
    const flush = () => {
      if (last && last.seq > saved) void sendScormCommit(module.id, last, true).catch(() => undefined);
    };
    window.addEventListener('message', onMessage);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('message', onMessage);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [launch, module.id]);

  if (error) return <ErrorAlert error={error} />;
  if (!launch) return <Loading />;
  const complete = result?.complete ?? module.progress?.completedAt != null;
  const minutes = Math.floor((result?.totalSeconds ?? (module.progress?.activeMinutes ?? 0) * 60) / 60);
  return (
    <>
      <p className="d-flex flex-wrap gap-2 align-items-center" aria-live="polite" data-testid="scorm-status">
        {complete ? <Badge color="success">{t('fad.state.completed')}</Badge> : null}
        <span>{t('fad.minutes', { count: minutes })}</span>
        {result ? <span className="visually-hidden">{t('fad.scorm.saved')}</span> : null}
      </p>
      <iframe
        ref={frame}
        src={launch.playerUrl}
        title={t('fad.scorm.frame', { title: module.titleIt })}
        className="w-100 border"
        style={{ height: '75vh', minHeight: '28rem' }}
        allow="fullscreen"
      />
    </>
  );
}
