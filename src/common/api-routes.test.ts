import { describe, expect, expectTypeOf, it } from 'vitest';
import { type ApiRoute, type ApiUrl, apiRoutes, apiUrl, query, type RouteParamNames } from './api-routes.js';

describe('apiUrl', () => {
  it('returns a pattern without segments as it is', () => {
    expect(apiUrl(apiRoutes.auth.session)).toBe('/api/v1/auth/session');
    expect(apiUrl(apiRoutes.auth.session, {})).toBe('/api/v1/auth/session');
    expect(apiUrl(apiRoutes.calendar.ics)).toBe('/calendar.ics');
  });

  it('fills in every segment, numbers and strings alike', () => {
    expect(apiUrl(apiRoutes.catalogue.path, { id: 12 })).toBe('/api/v1/training-paths/12');
    expect(apiUrl(apiRoutes.users.role, { id: 'u-1', grantId: 7 })).toBe('/api/v1/users/u-1/roles/7');
    expect(apiUrl(apiRoutes.catalogue.sessionCancel, { id: 3, sessionId: 44 })).toBe(
      '/api/v1/editions/3/sessions/44/cancel',
    );
    expect(apiUrl(apiRoutes.certificates.editionZip, { id: 5 })).toBe('/api/v1/editions/5/certificates.zip');
  });

  it('encodes the values, so that one cannot reach another path', () => {
    expect(apiUrl(apiRoutes.calendar.publicPath, { slug: 'a/b c?d#e' })).toBe(
      '/api/v1/public/paths/a%2Fb%20c%3Fd%23e',
    );
    expect(apiUrl(apiRoutes.attendance.checkin, { token: '../../users' })).toBe(
      '/api/v1/checkin/..%2F..%2Fusers',
    );
    expect(apiUrl(apiRoutes.certificates.verify, { code: 'àb' })).toBe('/api/v1/public/certificates/%C3%A0b');
  });

  it('keeps an empty value empty', () => {
    expect(apiUrl(apiRoutes.certificates.verify, { code: '' })).toBe('/api/v1/public/certificates/');
  });

  it('adds the query, leaving out undefined, null and empty values', () => {
    expect(
      apiUrl(apiRoutes.users.list, {}, { q: 'rossi & co', page: 2, active: true, role: undefined }),
    ).toBe('/api/v1/users?q=rossi+%26+co&page=2&active=true');
    expect(apiUrl(apiRoutes.units.list, {}, { q: '', unit: null })).toBe('/api/v1/units');
    expect(apiUrl(apiRoutes.enrolment.seats, { id: 9 }, { x: 'y' })).toBe('/api/v1/editions/9/seats?x=y');
  });

  it('throws when a segment has no value at run time (a cast got past the types)', () => {
    const params = {} as { id: number };
    expect(() => apiUrl(apiRoutes.units.byId, params)).toThrow(/missing :id/);
  });

  it('checks params and patterns at compile time', () => {
    // @ts-expect-error a missing param
    expect(() => apiUrl(apiRoutes.users.byId)).toThrow();
    // @ts-expect-error a missing param
    expect(() => apiUrl(apiRoutes.users.byId, {})).toThrow();
    // @ts-expect-error one of two params missing
    expect(() => apiUrl(apiRoutes.users.role, { id: 1 })).toThrow();
    // @ts-expect-error a param with another name
    expect(() => apiUrl(apiRoutes.users.byId, { userId: 1 })).toThrow();
    // @ts-expect-error an extra param
    apiUrl(apiRoutes.users.byId, { id: 1, grantId: 2 });
    // @ts-expect-error a param for a pattern that has none
    apiUrl(apiRoutes.users.list, { id: 1 });
    // @ts-expect-error a param value that is neither a string nor a number
    apiUrl(apiRoutes.users.byId, { id: true });
    // @ts-expect-error an address that is not in the table
    apiUrl('/api/v1/nowhere', {});
    // @ts-expect-error a hand-written address is not an ApiUrl
    const url: ApiUrl = '/api/v1/users';
    expect(url).toBe('/api/v1/users');
  });

  it('infers the param names from the pattern', () => {
    expectTypeOf<RouteParamNames<'/api/v1/users'>>().toEqualTypeOf<never>();
    expectTypeOf<RouteParamNames<'/api/v1/users/:id'>>().toEqualTypeOf<'id'>();
    expectTypeOf<RouteParamNames<'/api/v1/users/:id/roles/:grantId'>>().toEqualTypeOf<'id' | 'grantId'>();
    expectTypeOf<RouteParamNames<'/a/:id/b.pdf'>>().toEqualTypeOf<'id'>();
    expectTypeOf(apiRoutes.users.byId).toEqualTypeOf<'/api/v1/users/:id'>();
    expectTypeOf(apiUrl(apiRoutes.users.byId, { id: 1 })).toEqualTypeOf<ApiUrl>();
  });
});

describe('the table', () => {
  const all: string[] = Object.values(apiRoutes).flatMap((group) => Object.values(group));

  it('holds each address once', () => {
    expect(new Set(all).size).toBe(all.length);
  });

  it('has only absolute paths with word-named segments', () => {
    for (const p of all) expect(p).toMatch(/^(\/([\w.-]+|:\w+))+$/);
    expectTypeOf<'/api/health'>().toExtend<ApiRoute>();
  });
});

describe('query', () => {
  it('is empty without values', () => {
    expect(query({})).toBe('');
    expect(query({ a: undefined, b: null, c: '' })).toBe('');
  });

  it('keeps false and 0', () => {
    expect(query({ a: false, b: 0 })).toBe('?a=false&b=0');
  });
});
