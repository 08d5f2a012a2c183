import type { ReactNode } from 'react';
import type { Me } from '../../common/auth';
import type { Language } from '../i18n';

/** One entry of the main navigation; `end` makes it current on its own address only (not below it). */
export type NavEntry = { to: string; label: string; end?: boolean };

/** A feature's own texts per language: top-level keys of the one `translation` namespace, distinct from every other's. */
export type Translations = Record<Language, Record<string, unknown>>;

/**
 * What a feature of the web app brings, declared by its `features/<feature>/index.ts(x)` and put in order by
 * `app/features.ts`. Its pages are loaded lazily (`lazy(() => import('./XPage'))`) unless the first screen needs them.
 */
export type WebFeature = {
  name: string;
  /** `<Route>` elements under the site layout, with paths from the root (no leading slash) and their guards. */
  routes?: ReactNode;
  /** Its entries of the main navigation for the person signed in (or not), in their order within the menu. */
  nav?: (me: Me | null | undefined, t: (key: string) => string) => NavEntry[];
  /** Its own translation files, merged shallowly over the shared `i18n/it.json` and `i18n/en.json`. */
  translations?: Translations;
};
