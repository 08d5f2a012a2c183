import { useEffect, useRef } from 'react';
import { BEAT_SECONDS, type FadProgress, IDLE_SECONDS } from '../../../common/fad';
import { sendBeat } from './api';

const ACTIVITY = ['pointerdown', 'keydown', 'scroll', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Counts the time a learner is really on a module's page: the tab visible and some activity (a key, the
 * pointer, scrolling) in the last IDLE_SECONDS. Every BEAT_SECONDS, and when the page changes or the tab
 * is hidden or closed, it reports the visit's whole active time; the server keeps the highest figure per
 * visit, so a repeated or lost report neither adds nor loses anything.
 */
export function useActiveTime(
  moduleId: number | null,
  pageId: number | null,
  onProgress: (p: FadProgress) => void,
) {
  const visit = useRef<string>(crypto.randomUUID());
  const seconds = useRef(0);
  const lastActivity = useRef(Date.now());
  const page = useRef(pageId);
  const report = useRef(onProgress);
  report.current = onProgress;

  useEffect(() => {
    if (moduleId === null) return;
    const beat = (keepalive = false) => {
      if (page.current === null) return;
      sendBeat(moduleId, { visit: visit.current, seconds: seconds.current, pageId: page.current }, keepalive)
        .then((p) => report.current(p))
        .catch(() => {
          // A lost beat is carried by the next one: each holds the visit's whole time.
        });
    };
    const active = () => {
      lastActivity.current = Date.now();
    };
    const tick = window.setInterval(() => {
      const idle = (Date.now() - lastActivity.current) / 1000 > IDLE_SECONDS;
      if (document.visibilityState === 'visible' && !idle) seconds.current += 1;
    }, 1000);
    const every = window.setInterval(() => beat(), BEAT_SECONDS * 1000);
    const hidden = () => {
      if (document.visibilityState === 'hidden') beat(true);
      else active();
    };
    const leaving = () => beat(true);
    for (const e of ACTIVITY) window.addEventListener(e, active, { passive: true });
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', leaving);
    return () => {
      window.clearInterval(tick);
      window.clearInterval(every);
      for (const e of ACTIVITY) window.removeEventListener(e, active);
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', leaving);
      beat(true);
    };
  }, [moduleId]);

  // A new page on screen: report at once, so it counts as viewed and becomes the resume point.
  useEffect(() => {
    page.current = pageId;
    if (moduleId === null || pageId === null) return;
    sendBeat(moduleId, { visit: visit.current, seconds: seconds.current, pageId })
      .then((p) => report.current(p))
      .catch(() => {});
  }, [moduleId, pageId]);
}
