import type { WebFeature } from '../../app/feature';
import en from './webinars.en.json';
import it from './webinars.it.json';

export { WebinarJoin, type WebinarJoinProps } from './WebinarJoin';

/** Live webinars: the join button (`WebinarJoin`) used by the pages that list a person's sessions. */
export const webinarsFeature: WebFeature = {
  name: 'webinars',
  translations: { it, en },
};
