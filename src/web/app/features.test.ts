import { Children, Fragment, isValidElement, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '../../common/auth';
import i18n, { addTranslations } from '../i18n';
import sharedEn from '../i18n/en.json';
import sharedIt from '../i18n/it.json';
import { NO_CAN } from '../test/me';
import { NAV_GROUPS } from './feature';
import { features } from './features';
import { RequireAuth } from './RequireAuth';
import { navEntries, navItems } from './SiteHeader';

// The i18n module writes the page's lang attribute when loaded: give it one to write to (no DOM in these tests).
vi.hoisted(() => vi.stubGlobal('document', { documentElement: { lang: '' } }));

const none: Me['can'] = NO_CAN;

/** A signed-in person with their roles and the `can` flags the server's policy gives those roles. */
function me(roles: [Me['roles'][number]['role'], number | null][], can: Partial<Me['can']> = {}): Me {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'x@example.org',
    name: 'X',
    locale: 'it',
    unit: null,
    jobProfile: null,
    roles: roles.map(([role, unitId], i) => ({ id: i, role, unitId, unitName: null })),
    can: { ...none, ...can },
  };
}

const t = (key: string) => key;
/** The menu bar as text: a link is "address label", a group "group: address label | address label …". */
const menu = (who: Me | null) =>
  navItems(who, t).map((item) =>
    item.kind === 'link'
      ? `${item.entry.to} ${item.entry.label}${item.entry.end ? ' end' : ''}`
      : `${item.label}: ${item.entries.map((e) => `${e.to} ${e.label}`).join(' | ')}`,
  );

describe('main navigation', () => {
  it('shows visitors the public pages', () => {
    expect(menu(null)).toEqual([
      '/ nav.home end',
      'navGroup.training: /formazione nav.calendar | /formazione/percorsi paths.nav',
      '/manuale nav.manual',
    ]);
  });

  it("groups a learner's personal pages in their area", () => {
    expect(menu(me([['learner', 4]], { answerCampaigns: true }))).toEqual([
      '/ nav.home end',
      'navGroup.training: /formazione nav.calendar | /formazione/percorsi paths.nav',
      'navGroup.mine: /profilo nav.profile | /la-mia-formazione learning.nav | /formazione-a-distanza fad.nav | /formazione/iscrizioni myEnrolments.nav | /le-mie-rilevazioni campaigns.myNav | /le-mie-competenze gaps.mineNav',
      '/manuale nav.manual',
    ]);
  });

  it("groups a Province officer's enrolments and people as the Province's work", () => {
    const officer = me([['province_officer', 16]], {
      manageUsers: true,
      listEnrolments: true,
      decideEnrolments: true,
      signLogbooks: true,
      manageProfiles: true,
      viewGaps: true,
      managePlans: true,
      useRestructuring: true,
    });
    expect(menu(officer)).toEqual([
      '/ nav.home end',
      'navGroup.training: /formazione nav.calendar | /formazione/percorsi paths.nav | /formazione/firme signatures.nav',
      'navGroup.mine: /profilo nav.profile | /la-mia-formazione learning.nav | /formazione-a-distanza fad.nav | /formazione/iscrizioni myEnrolments.nav | /le-mie-competenze gaps.mineNav',
      'navGroup.province: /provincia/iscrizioni unitEnrolments.nav | /amministrazione/utenti nav.users',
      'navGroup.needs: /amministrazione/profili-competenze profiles.nav | /fabbisogni gaps.nav | /piani-formativi plans.nav',
      '/riassetto overview.nav',
      '/manuale nav.manual',
    ]);
  });

  it("puts a national trainer's teaching, signatures and catalogue under Formazione", () => {
    const trainer = me([['trainer', null]], {
      manageCatalogue: true,
      administerEnrolments: true,
      runSessions: true,
      signLogbooks: true,
    });
    expect(menu(trainer)).toEqual([
      '/ nav.home end',
      'navGroup.training: /formazione nav.calendar | /formazione/percorsi paths.nav | /formazione/docenze teaching.nav | /formazione/firme signatures.nav | /amministrazione/catalogo nav.catalogue',
      'navGroup.mine: /profilo nav.profile | /la-mia-formazione learning.nav | /formazione-a-distanza fad.nav | /formazione/iscrizioni myEnrolments.nav | /le-mie-competenze gaps.mineNav',
      '/manuale nav.manual',
    ]);
  });

  it('shows the task force the enrolments of every Province under Formazione', () => {
    const taskForce = me([['task_force', null]], {
      listEnrolments: true,
      viewGaps: true,
      viewDemand: true,
      useRestructuring: true,
      validateRestructuring: true,
    });
    expect(menu(taskForce)).toEqual([
      '/ nav.home end',
      'navGroup.training: /formazione nav.calendar | /formazione/percorsi paths.nav | /provincia/iscrizioni unitEnrolments.navNational',
      'navGroup.mine: /profilo nav.profile | /la-mia-formazione learning.nav | /formazione-a-distanza fad.nav | /formazione/iscrizioni myEnrolments.nav | /le-mie-competenze gaps.mineNav',
      'navGroup.needs: /fabbisogni gaps.nav | /domanda-formativa planDemand.nav',
      '/riassetto overview.nav',
      '/manuale nav.manual',
    ]);
  });

  it('shows a national administrator every administrative page, in seven items', () => {
    const all = Object.fromEntries(Object.keys(none).map((k) => [k, true]));
    expect(menu(me([['national_admin', null]], all))).toEqual([
      '/ nav.home end',
      'navGroup.training: /formazione nav.calendar | /formazione/percorsi paths.nav | /provincia/iscrizioni unitEnrolments.navNational | /formazione/firme signatures.nav | /amministrazione/catalogo nav.catalogue | /amministrazione/convenzioni nav.agreements',
      'navGroup.mine: /profilo nav.profile | /la-mia-formazione learning.nav | /formazione-a-distanza fad.nav | /formazione/iscrizioni myEnrolments.nav | /le-mie-competenze gaps.mineNav',
      'navGroup.needs: /amministrazione/quadro-competenze framework.nav | /amministrazione/profili-competenze profiles.nav | /rilevazioni campaigns.nav | /fabbisogni gaps.nav | /piani-formativi plans.nav | /domanda-formativa planDemand.nav',
      '/riassetto overview.nav',
      'navGroup.admin: /amministrazione attention.nav | /amministrazione/utenti nav.users | /amministrazione/unita nav.units | /amministrazione/registro-attivita nav.audit | /amministrazione/posta nav.outbox',
      '/manuale nav.manual',
    ]);
  });

  it('gives a person with several roles each page once, in the groups of each role', () => {
    const both = me(
      [
        ['province_officer', 16],
        ['trainer', 16],
      ],
      {
        listEnrolments: true,
        decideEnrolments: true,
        manageUsers: true,
        runSessions: true,
        signLogbooks: true,
      },
    );
    const items = menu(both);
    expect(items).toContain(
      'navGroup.training: /formazione nav.calendar | /formazione/percorsi paths.nav | /formazione/docenze teaching.nav | /formazione/firme signatures.nav',
    );
    expect(items).toContain(
      'navGroup.province: /provincia/iscrizioni unitEnrolments.nav | /amministrazione/utenti nav.users',
    );
    const addresses = navEntries(both, t).map((e) => e.to);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('labels every group in both languages', () => {
    for (const group of NAV_GROUPS) {
      expect(sharedIt.navGroup[group], group).toBeTruthy();
      expect(sharedEn.navGroup[group], group).toBeTruthy();
    }
  });
});

/** Every page route the features declare, by full path, with its guard: public, signed-in or a capability. */
function routeTable(node: ReactNode, base = '', out: Record<string, string> = {}): Record<string, string> {
  Children.forEach(node, (child) => {
    if (!isValidElement(child)) return;
    const props = child.props as {
      path?: string;
      index?: boolean;
      element?: ReactNode;
      children?: ReactNode;
    };
    if (child.type === Fragment) {
      routeTable(props.children, base, out);
      return;
    }
    const path = props.index ? base : `${base}/${props.path ?? ''}`;
    if (props.element !== undefined) {
      const key = path || '/';
      expect(Object.keys(out), `${key} is declared twice`).not.toContain(key);
      const element = props.element;
      out[key] =
        isValidElement(element) && element.type === RequireAuth
          ? ((element.props as { can?: string }).can ?? 'signed-in')
          : 'public';
    }
    routeTable(props.children, path, out);
  });
  return out;
}

describe('page routes', () => {
  it('are the same addresses with the same guards', () => {
    expect(routeTable(features.map((f) => f.routes))).toEqual({
      '/': 'public',
      '/*': 'public',
      '/accedi': 'public',
      '/amministrazione': 'signed-in',
      '/password-dimenticata': 'public',
      '/reimposta-password': 'public',
      '/riassetto/settimana': 'validateRestructuring',
      '/riassetto/task-force': 'validateRestructuring',
      '/riassetto/unita/:id/task-force': 'useRestructuring',
      '/riassetto/unita/:id/piano': 'useRestructuring',
      '/riassetto/unita/:id/piano/confronto': 'useRestructuring',
      '/manuale': 'public',
      '/profilo': 'signed-in',
      '/formazione': 'public',
      '/formazione/percorsi': 'public',
      '/formazione/percorsi/:slug': 'public',
      '/formazione/edizioni/:id': 'public',
      '/formazione/mia': 'public',
      '/formazione/iscrizioni': 'signed-in',
      '/formazione/iscrizioni/:id/diario': 'signed-in',
      '/formazione/sessioni/:id/registro': 'signed-in',
      '/formazione/edizioni/:id/presenze': 'signed-in',
      '/formazione/edizioni/:id/attestati': 'signed-in',
      '/formazione/edizioni/:id/gradimento': 'signed-in',
      '/formazione/firme': 'signed-in',
      '/formazione/docenze': 'signed-in',
      '/presenze/:token': 'signed-in',
      '/provincia/iscrizioni': 'signed-in',
      '/provincia/iscrizioni/nomina': 'signed-in',
      '/verifica': 'public',
      '/verifica/:code': 'public',
      '/la-mia-formazione': 'signed-in',
      '/formazione-a-distanza': 'signed-in',
      '/formazione-a-distanza/moduli/:id': 'signed-in',
      '/la-mia-formazione/sessioni': 'signed-in',
      '/la-mia-formazione/libretto': 'signed-in',
      '/la-mia-formazione/attestati': 'signed-in',
      '/la-mia-formazione/questionari/:enrolmentId': 'signed-in',
      '/la-mia-formazione/test': 'signed-in',
      '/la-mia-formazione/test/tentativi/:id': 'signed-in',
      // Catalogue managers and the trainers of the path's editions: the server decides per path.
      '/amministrazione/catalogo/:id/domande': 'signed-in',
      '/amministrazione/utenti': 'manageUsers',
      '/amministrazione/utenti/:id': 'manageUsers',
      '/amministrazione/unita': 'manageUnits',
      '/amministrazione/unita/:id': 'manageUnits',
      '/amministrazione/registro-attivita': 'viewAudit',
      '/amministrazione/posta': 'viewOutbox',
      '/amministrazione/catalogo': 'manageCatalogue',
      '/amministrazione/catalogo/nuovo': 'manageCatalogue',
      '/amministrazione/catalogo/importa': 'manageCatalogue',
      '/amministrazione/catalogo/:id': 'manageCatalogue',
      '/amministrazione/edizioni/:id': 'manageCatalogue',
      '/amministrazione/catalogo/:id/fad': 'manageCatalogue',
      '/amministrazione/fad/moduli/:id': 'manageCatalogue',
      '/amministrazione/convenzioni': 'manageAgreements',
      '/amministrazione/quadro-competenze': 'manageFramework',
      '/amministrazione/quadro-competenze/da-mappare': 'manageFramework',
      '/amministrazione/quadro-competenze/importa': 'manageFramework',
      '/amministrazione/quadro-competenze/:id': 'manageFramework',
      '/amministrazione/profili-competenze': 'manageProfiles',
      '/fabbisogni': 'viewGaps',
      '/rilevazioni/:id/fabbisogni': 'viewGaps',
      '/le-mie-competenze': 'signed-in',
      '/piani-formativi': 'managePlans',
      '/piani-formativi/:id': 'managePlans',
      '/domanda-formativa': 'viewDemand',
      '/rilevazioni': 'manageCampaigns',
      '/rilevazioni/nuova': 'manageCampaigns',
      '/rilevazioni/:id': 'manageCampaigns',
      '/rilevazioni/:id/modifica': 'manageCampaigns',
      '/rilevazioni/:id/valutazioni/:participantId': 'manageCampaigns',
      '/le-mie-rilevazioni': 'answerCampaigns',
      '/le-mie-rilevazioni/:id': 'answerCampaigns',
      '/riassetto/unita/:id/programmazione': 'useRestructuring',
      '/riassetto/scadenze': 'useRestructuring',
      '/riassetto/regole/scadenze': 'useRestructuring',
      '/riassetto/unita/:id': 'useRestructuring',
      '/riassetto/popolazione/importa': 'validateRestructuring',
      '/riassetto/unita/:id/capacita': 'useRestructuring',
      '/riassetto/regole/soglie': 'useRestructuring',
      '/riassetto': 'useRestructuring',
    });
  });

  it('names each feature once', () => {
    const names = features.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('translations', () => {
  const files = [
    { name: 'shared', translations: { it: sharedIt, en: sharedEn } },
    ...features.filter((f) => f.translations),
  ];

  it('give every top-level key to one file only, in both languages', () => {
    for (const lang of ['it', 'en'] as const) {
      const owner = new Map<string, string>();
      for (const file of files)
        for (const key of Object.keys(file.translations?.[lang] ?? {})) {
          expect(owner.get(key), `${lang} ${key} of ${file.name}`).toBeUndefined();
          owner.set(key, file.name);
        }
    }
    for (const file of files)
      expect(Object.keys(file.translations?.en ?? {}), file.name).toEqual(
        Object.keys(file.translations?.it ?? {}),
      );
  });

  it('are merged into the one translation namespace', () => {
    addTranslations(features);
    for (const lang of ['it', 'en'] as const) {
      const merged = Object.assign({}, ...files.map((f) => f.translations?.[lang]));
      expect(i18n.getResourceBundle(lang, 'translation')).toEqual(merged);
    }
    expect(Object.keys(i18n.getResourceBundle('en', 'translation'))).toEqual(
      expect.arrayContaining(['nav', 'calendar', 'myEnrolments', 'teaching', 'learning']),
    );
  });
});
