import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblems } from './password.js';

describe('passwordProblems', () => {
  it('refuses passwords shorter than the minimum, and accepts exactly the minimum', () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(passwordProblems('x7Kq!m2Pz#4')).toEqual(['too_short']);
    expect(passwordProblems('x7Kq!m2Pz#4w')).toEqual([]);
    expect(passwordProblems('')).toContain('too_short');
  });

  it('refuses passwords longer than the maximum, and accepts exactly the maximum', () => {
    const unit = 'Lungo-viaggio-42 ';
    const long = unit.repeat(Math.ceil((PASSWORD_MAX + 1) / unit.length));
    expect(passwordProblems(long.slice(0, PASSWORD_MAX))).toEqual([]);
    expect(passwordProblems(long.slice(0, PASSWORD_MAX + 1))).toEqual(['too_long']);
  });

  it.each([
    'password12345',
    'Password12345!',
    'PASSWORD-2026',
    'qwerty123456',
    'benvenuto2026',
    'officina-2026!',
    'letmein!!2026',
  ])('refuses the common password %s (whatever the digits and symbols around it)', (pw) => {
    expect(passwordProblems(pw)).toEqual(['too_simple']);
  });

  it.each(['aaaaaaaaaaaaaa', 'abababababababab', '111122223333', 'abcabcabcabc'])(
    'refuses %s, made of too few distinct characters',
    (pw) => {
      expect(passwordProblems(pw)).toEqual(['too_simple']);
    },
  );

  it('refuses a password containing the local part of the e-mail, whatever the case', () => {
    expect(passwordProblems('mario.rossi-sempre-2026', 'mario.rossi@provincia.cuneo.it')).toEqual([
      'contains_email',
    ]);
    expect(passwordProblems('Il-mio-MARIO.ROSSI-42', 'Mario.Rossi@provincia.cuneo.it')).toEqual([
      'contains_email',
    ]);
    // The same password is fine for someone else.
    expect(passwordProblems('mario.rossi-sempre-2026', 'anna.bianchi@provincia.cuneo.it')).toEqual([]);
  });

  it('does not flag a very short e-mail local part found by chance in a password', () => {
    expect(passwordProblems('cavallo-batteria-graffetta', 'ca@example.org')).toEqual([]);
  });

  it('refuses digit-only passwords and keyboard or alphabet runs', () => {
    for (const pw of ['123456123456', '987654321098', 'abcdefghijklm', 'qwertyuiopasd', 'MLKJIHGFEDCBA'])
      expect(passwordProblems(pw), pw).toContain('too_simple');
    expect(passwordProblems('tramonto-sul-lago-7')).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(passwordProblems('aaaa', 'aaaa@example.org')).toEqual([
      'too_short',
      'too_simple',
      'contains_email',
    ]);
  });

  it.each([
    'cavallo batteria graffetta corretta',
    'Officina-Demo-2026',
    'Una-Nuova-Password-42',
    'la provincia di Cuneo forma 300 persone',
    'Città metropolitana 2026!',
  ])('accepts the good passphrase %s', (pw) => {
    expect(passwordProblems(pw, 'chiara.referente@officina.demo')).toEqual([]);
  });
});
