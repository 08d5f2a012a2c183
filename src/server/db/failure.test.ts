import { describe, expect, it } from 'vitest';
import { describeFailure, failureText } from './failure.js';

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
