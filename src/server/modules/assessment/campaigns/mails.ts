import { formatRomeDate } from '../../../../common/rome-time.js';
import type { Lang } from '../../../kernel/errors.js';
import { type Mail, signature } from '../../platform/mail/index.js';

/** The e-mails of a survey campaign, in the recipient's language. */

export type SurveyMailFacts = {
  name: string;
  title: { it: string; en: string };
  /** The last day to answer (YYYY-MM-DD). */
  closesOn: string;
  anonymous: boolean;
  /** The questionnaire's address. */
  link: string;
};

const privacy = (lang: Lang, anonymous: boolean) =>
  lang === 'en'
    ? anonymous
      ? 'The survey is anonymous: your answers are stored apart from your name and shown only as totals of groups of at least a few people.'
      : 'The survey is named: your Province officer will see your answers, to plan your training with you.'
    : anonymous
      ? 'La rilevazione è anonima: le tue risposte sono conservate separate dal tuo nome e mostrate solo come totali di gruppi di almeno alcune persone.'
      : 'La rilevazione è nominativa: il referente della tua Provincia vedrà le tue risposte, per programmare con te la tua formazione.';

export function invitationMail(lang: Lang, f: SurveyMailFacts): Mail {
  const day = formatRomeDate(f.closesOn, lang);
  if (lang === 'en')
    return {
      subject: `Survey: ${f.title.en}`,
      text: [
        `Hello ${f.name},`,
        '',
        `you are invited to answer the survey "${f.title.en}": for each competency, tell us the level you work at today. It takes about 15 minutes and you can save and continue later.`,
        privacy(lang, f.anonymous),
        '',
        `Answer by ${day}: ${f.link}`,
        '',
        signature.en,
      ].join('\n'),
    };
  return {
    subject: `Rilevazione: ${f.title.it}`,
    text: [
      `Gentile ${f.name},`,
      '',
      `sei invitato/a a rispondere alla rilevazione "${f.title.it}": per ogni competenza indica il livello a cui lavori oggi. Servono circa 15 minuti e puoi salvare e continuare in seguito.`,
      privacy(lang, f.anonymous),
      '',
      `Rispondi entro il ${day}: ${f.link}`,
      '',
      signature.it,
    ].join('\n'),
  };
}

export function reminderMail(lang: Lang, f: SurveyMailFacts): Mail {
  const day = formatRomeDate(f.closesOn, lang);
  if (lang === 'en')
    return {
      subject: `Reminder: survey ${f.title.en}`,
      text: [
        `Hello ${f.name},`,
        '',
        `we have not yet received your answers to the survey "${f.title.en}". It closes on ${day}: your answers help plan the training of your Province.`,
        privacy(lang, f.anonymous),
        '',
        `Answer here: ${f.link}`,
        '',
        signature.en,
      ].join('\n'),
    };
  return {
    subject: `Promemoria: rilevazione ${f.title.it}`,
    text: [
      `Gentile ${f.name},`,
      '',
      `non abbiamo ancora ricevuto le tue risposte alla rilevazione "${f.title.it}". Si chiude il ${day}: le tue risposte servono a programmare la formazione della tua Provincia.`,
      privacy(lang, f.anonymous),
      '',
      `Rispondi qui: ${f.link}`,
      '',
      signature.it,
    ].join('\n'),
  };
}
