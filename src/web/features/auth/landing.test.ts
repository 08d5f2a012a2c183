import { describe, expect, it } from 'vitest';
import type { Me } from '../../../common/auth';
import type { Role } from '../../../common/roles';
import { NO_CAN } from '../../test/me';
import { ATTENTION_PATH, landingPath, safeNext } from './landing';

const none: Me['can'] = NO_CAN;

const who = (roles: Role[], can: Partial<Me['can']> = {}) => ({
  roles: roles.map((role, id) => ({
    id,
    role,
    unitId: role === 'province_officer' ? 16 : null,
    unitName: null,
  })),
  can: { ...none, ...can },
});

const officerCan = { listEnrolments: true, decideEnrolments: true };
const taskForceCan = { listEnrolments: true, useRestructuring: true, validateRestructuring: true };
const adminCan = Object.fromEntries(Object.keys(none).map((k) => [k, true]));

describe('landingPath', () => {
  it('lands each role where its work is', () => {
    expect(landingPath(who(['learner']))).toBe('/la-mia-formazione');
    expect(landingPath(who(['province_officer'], officerCan))).toBe('/provincia/iscrizioni?status=pending');
    expect(landingPath(who(['trainer'], { runSessions: true }))).toBe('/formazione/docenze');
    expect(landingPath(who(['task_force'], taskForceCan))).toBe('/riassetto/settimana');
    expect(landingPath(who(['national_admin'], adminCan))).toBe(ATTENTION_PATH);
  });

  it('lands people without a role of their own, or with no role, on La mia formazione', () => {
    expect(landingPath(who([]))).toBe('/la-mia-formazione');
    expect(landingPath(who(['helpdesk_agent']))).toBe('/la-mia-formazione');
    expect(landingPath(who(['community_moderator']))).toBe('/la-mia-formazione');
  });

  it('chooses the most operational of several roles: admin, officer, task force, trainer, learner', () => {
    expect(landingPath(who(['learner', 'trainer', 'province_officer'], officerCan))).toBe(
      '/provincia/iscrizioni?status=pending',
    );
    expect(landingPath(who(['trainer', 'task_force'], taskForceCan))).toBe('/riassetto/settimana');
    expect(landingPath(who(['task_force', 'province_officer'], { ...officerCan, ...taskForceCan }))).toBe(
      '/provincia/iscrizioni?status=pending',
    );
    expect(landingPath(who(['trainer', 'national_admin'], adminCan))).toBe(ATTENTION_PATH);
    expect(landingPath(who(['learner', 'trainer']))).toBe('/formazione/docenze');
  });

  it('does not send a role to a page its capabilities do not open', () => {
    expect(landingPath(who(['province_officer']))).toBe('/la-mia-formazione');
    expect(landingPath(who(['task_force', 'trainer']))).toBe('/formazione/docenze');
  });
});

describe('safeNext', () => {
  it('follows same-site paths only', () => {
    expect(safeNext('/formazione/edizioni/3')).toBe('/formazione/edizioni/3');
    expect(safeNext(null)).toBeNull();
    expect(safeNext('')).toBeNull();
    expect(safeNext('https://evil.example')).toBeNull();
    expect(safeNext('//evil.example')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext('/accedi?next=/x')).toBeNull();
  });
});
