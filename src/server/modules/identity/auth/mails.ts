import type { Lang } from '../../../kernel/errors.js';
import { type Mail, signature as sign } from '../../platform/mail/index.js';

export function passwordResetMail(lang: Lang, name: string, link: string, hours: number): Mail {
  if (lang === 'en')
    return {
      subject: 'Officina: reset your password',
      text: `Hello ${name},\n\nsomeone (hopefully you) asked to reset your Officina password.\nChoose a new password here within ${hours} hour(s); the link works once:\n\n${link}\n\nIf you did not ask for it, ignore this message: your password stays the same.\n\n${sign.en}\n`,
    };
  return {
    subject: 'Officina: reimposta la password',
    text: `Gentile ${name},\n\nè stato chiesto di reimpostare la tua password di Officina.\nScegli una nuova password entro ${hours} ora/e da questo link, valido una sola volta:\n\n${link}\n\nSe non sei stato tu, ignora questo messaggio: la password resta invariata.\n\n${sign.it}\n`,
  };
}

export function invitationMail(lang: Lang, name: string, inviter: string, link: string, days: number): Mail {
  if (lang === 'en')
    return {
      subject: 'Officina: your account is ready',
      text: `Hello ${name},\n\n${inviter} has invited you to Officina, the training platform of the Italian Provinces.\nActivate your account by choosing a password within ${days} days:\n\n${link}\n\n${sign.en}\n`,
    };
  return {
    subject: 'Officina: attiva il tuo account',
    text: `Gentile ${name},\n\n${inviter} ti ha invitato su Officina, la piattaforma della formazione delle Province.\nAttiva il tuo account scegliendo una password entro ${days} giorni:\n\n${link}\n\n${sign.it}\n`,
  };
}
