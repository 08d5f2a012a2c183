import type { ReactNode } from 'react';
import type { Me } from '../../common/auth';
import type { Language } from '../i18n';

/**
 * The groups of the main navigation, in their order in the header; each is labelled by `navGroup.<id>` in the
 * shared translations. A feature puts each of its entries in one of them: a group holding several entries for
 * the person signed in is a drop-down menu, a group holding one is a plain link to it, an empty one is not shown.
 * A new kind of page (help desk, communities, reports…) joins an existing group, or adds its id here and its
 * label to `i18n/it.json` and `i18n/en.json`.
 */
export const NAV_GROUPS = [
  'home',
  'training',
  'mine',
  'province',
  'needs',
  'restructuring',
  'admin',
  'help',
] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/**
 * One entry of the main navigation, in its `group`; `end` makes it current on its own address only (not
 * below it).
 */
export type NavEntry = { to: string; label: string; group: NavGroup; end?: boolean };

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
  /**
   * Its entries of the main navigation for the person signed in (or not), each in its group; within a group,
   * entries follow the order of the features, then their order here.
   */
  nav?: (me: Me | null | undefined, t: (key: string) => string) => NavEntry[];
  /** Its own translation files, merged shallowly over the shared `i18n/it.json` and `i18n/en.json`. */
  translations?: Translations;
};
