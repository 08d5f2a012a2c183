import { describe, expect, it } from 'vitest';
import type { Me } from '../../../common/auth';
import { NO_CAN } from '../../test/me';
import { enrolmentAccess, enrolmentNavEntries } from './access';
import { checkSettings, type SettingsDraft } from './EditionSettings';

const t = (k: string) => k;
const draft = (patch: Partial<SettingsDraft> = {}): SettingsDraft => ({
  approvalRequired: false,
  minAttendancePct: '75',
  finalTestRequired: false,
  cancelDay: '',
  cancelTime: '',
  ...patch,
});

describe('edition enrolment settings', () => {
  it('sends the defaults with no cancellation deadline', () => {
    expect(checkSettings(draft(), t)).toEqual({
      errors: {},
      input: {
        approvalRequired: false,
        minAttendancePct: 75,
        finalTestRequired: false,
        cancellationClosesAt: null,
      },
    });
  });

  it('refuses a completion share outside 1–100 or not whole', () => {
    for (const pct of ['0', '101', '', '7.5', 'abc'])
      expect(checkSettings(draft({ minAttendancePct: pct }), t)).toEqual({
        errors: { minAttendancePct: 'editionSettings.errors.pct' },
      });
    expect(checkSettings(draft({ minAttendancePct: '100' }), t).input?.minAttendancePct).toBe(100);
  });

  it('reads the deadline as Rome time, with the offset of that day', () => {
    const winter = checkSettings(draft({ cancelDay: '2026-03-20', cancelTime: '18:00' }), t);
    expect(winter.input?.cancellationClosesAt).toBe('2026-03-20T18:00:00+01:00');
    const summer = checkSettings(draft({ cancelDay: '2026-04-20', cancelTime: '18:00' }), t);
    expect(summer.input?.cancellationClosesAt).toBe('2026-04-20T18:00:00+02:00');
  });

  it('needs a time with the day, and ignores a time without a day', () => {
    expect(checkSettings(draft({ cancelDay: '2026-04-20', cancelTime: '' }), t).errors).toEqual({
      cancellationClosesAt: 'editionSettings.errors.deadline',
    });
    expect(checkSettings(draft({ cancelTime: '18:00' }), t).input?.cancellationClosesAt).toBeNull();
  });

  it('tells that the hour skipped when summer time starts does not exist, and takes the first 02:30 in autumn', () => {
    expect(checkSettings(draft({ cancelDay: '2026-03-29', cancelTime: '02:30' }), t)).toEqual({
      errors: { cancellationClosesAt: 'editionForm.errors.skippedHour' },
    });
    const autumn = checkSettings(draft({ cancelDay: '2026-10-25', cancelTime: '02:30' }), t);
    expect(autumn.input?.cancellationClosesAt).toBe('2026-10-25T02:30:00+02:00');
  });
});

/** A signed-in person as /me describes them: roles, and what the server's policy lets them do. */
function me(
  roles: { role: Me['roles'][number]['role']; unitId: number | null; unitName?: string }[],
  can: Partial<Me['can']> = {},
): Me {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'x@example.org',
    name: 'X',
    locale: 'it',
    unit: null,
    jobProfile: null,
    roles: roles.map((r, i) => ({ id: i, role: r.role, unitId: r.unitId, unitName: r.unitName ?? null })),
    can: { ...NO_CAN, ...can },
  };
}

describe('who sees what of other people’s enrolments', () => {
  it('gives a learner only their own enrolments', () => {
    const learner = me([{ role: 'learner', unitId: 4 }]);
    expect(enrolmentAccess(learner)).toMatchObject({ read: false, manage: false, administer: false });
    expect(enrolmentNavEntries(learner, t).map((e) => e.to)).toEqual(['/formazione/iscrizioni']);
    expect(enrolmentNavEntries(null, t)).toEqual([]);
  });

  it("lets a Province officer manage their units' enrolments", () => {
    const officer = me(
      [
        { role: 'province_officer', unitId: 16, unitName: 'Bergamo' },
        { role: 'province_officer', unitId: 4, unitName: 'Cuneo' },
      ],
      { listEnrolments: true, decideEnrolments: true },
    );
    expect(enrolmentAccess(officer)).toEqual({
      read: true,
      manage: true,
      national: false,
      administer: false,
      officerUnits: [
        { id: 16, name: 'Bergamo' },
        { id: 4, name: 'Cuneo' },
      ],
    });
    expect(enrolmentNavEntries(officer, t).map((e) => e.label)).toEqual([
      'myEnrolments.nav',
      'unitEnrolments.nav',
    ]);
  });

  it('lets the task force read every Province and change nothing', () => {
    const taskForce = me([{ role: 'task_force', unitId: null }], { listEnrolments: true });
    expect(enrolmentAccess(taskForce)).toMatchObject({ read: true, manage: false, national: true });
    expect(enrolmentNavEntries(taskForce, t).map((e) => e.label)).toContain('unitEnrolments.navNational');
  });

  it('lets national administrators and catalogue managers move enrolments and set quotas', () => {
    const admin = me([{ role: 'national_admin', unitId: null }], {
      listEnrolments: true,
      decideEnrolments: true,
      administerEnrolments: true,
    });
    expect(enrolmentAccess(admin)).toMatchObject({
      read: true,
      manage: true,
      national: true,
      administer: true,
    });
    const trainer = me([{ role: 'trainer', unitId: null }], {
      manageCatalogue: true,
      administerEnrolments: true,
    });
    expect(enrolmentAccess(trainer)).toMatchObject({ read: false, manage: false, administer: true });
  });
});
