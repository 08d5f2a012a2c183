import { describe, expect, it } from 'vitest';
import { describeFailure, failureText } from './failure.js';
import { driverErrorOf, isUniqueViolation, sqlstateOf } from './sql.js';

describe('failureText', () => {
  it("gives the wrapped driver error's code, reason, detail and hint after the failed step", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email"'), {
      code: '23505',
      detail: 'Key (lower(email))=(capo@example.it) already exists.',
      constraint: 'users_email',
    });
    const err = new Error(
      'Failed query: \ninsert into "users"\n\t("email") values ($1)\nparams: capo@example.it',
      {
        cause,
      },
    );
    expect(describeFailure(err)).toEqual({
      code: '23505',
      reason: cause.message,
      detail: cause.detail,
      constraint: 'users_email',
    });
    expect(failureText(err)).toBe(
      'Failed query: insert into "users" ("email") values ($1) — 23505 duplicate key value violates unique constraint "users_email" (detail: Key (lower(email))=(capo@example.it) already exists.)',
    );
  });

  it('names a system error by its code and leaves a plain error as it is', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(failureText(refused)).toBe('connect ECONNREFUSED 127.0.0.1:5432 — ECONNREFUSED');
    expect(failureText(new Error('ADMIN_PASSWORD is not acceptable'))).toBe(
      'ADMIN_PASSWORD is not acceptable',
    );
    expect(failureText('x'.repeat(300))).toBe(`${'x'.repeat(200)}…`);
  });
});

describe('sqlstateOf', () => {
  it('finds the driver’s code however deep Drizzle wrapped it, and nothing in a plain error', () => {
    const driver = Object.assign(new Error('value too long for type character varying(200)'), {
      code: '22001',
    });
    const wrapped = new Error('Failed query: update …', {
      cause: new Error('in a transaction', { cause: driver }),
    });
    expect(sqlstateOf(wrapped)).toBe('22001');
    expect(driverErrorOf(wrapped)).toBe(driver);
    expect(isUniqueViolation(new Error('Failed query', { cause: { code: '23505' } }))).toBe(true);
    expect(isUniqueViolation(wrapped)).toBe(false);
    expect(sqlstateOf(new Error('plain'))).toBeUndefined();
    expect(sqlstateOf(null)).toBeUndefined();
  });
});
