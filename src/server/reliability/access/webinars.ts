import { fromNow, sessionBody } from '../fixtures.js';
import type { Side, World } from '../world.js';
import type { AccessTable } from './rules.js';

/**
 * Live webinars. A side's learner (confirmed in its edition) enters as participant; its trainer and
 * the national admin (catalogue manager) as moderators, and only they end the room. Nobody else gets
 * in: 403. The analytics callback is public but refuses anyone without BigBlueButton's signature.
 */

const live = new Map<number, Promise<number>>();

/** A webinar of the side's edition open right now (made once per side). */
function liveWebinar(side: Side, w: World): Promise<number> {
  let id = live.get(side.edition.id);
  if (!id) {
    id = (async () => {
      const res = await w.admin.post(
        `/api/v1/editions/${side.edition.id}/sessions`,
        sessionBody({ starts: fromNow(-10), ends: fromNow(110), mode: 'webinar' }),
      );
      if (res.statusCode !== 201) throw new Error(`fixture: live webinar ${res.statusCode} ${res.body}`);
      return (res.json() as { id: number }).id;
    })();
    live.set(side.edition.id, id);
  }
  return id;
}

export const webinarsAccess: AccessTable = {
  'POST /api/v1/me/sessions/:sessionId/join': {
    scoped: true,
    allow: { learner: ['ok', 403], trainer: ['ok', 403], admin: 'ok' },
    request: async ({ side, w }) => ({ params: { sessionId: await liveWebinar(side, w) } }),
  },
  // Ending needs a running room: the admin enters first, which creates it.
  'POST /api/v1/sessions/:id/webinar/end': {
    scoped: true,
    allow: { trainer: ['ok', 403], admin: 'ok' },
    request: async ({ side, w }) => {
      const id = await liveWebinar(side, w);
      await w.admin.post(`/api/v1/me/sessions/${id}/join`, {});
      return { params: { id } };
    },
  },
  'GET /api/v1/sessions/:id/webinar/recordings': {
    scoped: true,
    allow: { learner: ['ok', 403], trainer: ['ok', 403], admin: 'ok' },
    request: async ({ side, w }) => ({ params: { id: await liveWebinar(side, w) } }),
  },
  'POST /api/v1/public/webinars/analytics': {
    public: true,
    allow: { anonymous: 401 },
    denied: 401,
    request: () => ({ body: { meeting_id: 'officina-0000000000-session-1', data: { attendees: [] } } }),
  },
};
