import { errors } from '../../../kernel/errors.js';

export const UNIT = { it: 'Ente', en: 'Unit' };
export const RULE = { it: 'Regola di scadenza', en: 'Deadline rule' };
export const MOVE = { it: 'Proroga di scadenza', en: 'Deadline move' };

export const stale = () =>
  errors.conflict('PROGRAMMING_STALE', {
    it: 'Il documento è stato modificato da qualcun altro nel frattempo: ricarica la pagina per vedere i dati aggiornati e ripeti la modifica.',
    en: 'Someone else changed the document meanwhile: reload the page to see the current data and make your change again.',
  });

export const noPersonnelMoney = () =>
  errors.badRequest(
    'PERSONNEL_MONEY_NOT_EXPECTED',
    {
      it: 'La spesa di personale per anno si indica solo nel DUP (SeO, parte 2) e nel PTFP.',
      en: 'Personnel money per year is stated only in the DUP (SeO part 2) and in the PTFP.',
    },
    ['personnelMoney'],
  );

export const moneyOutsidePeriod = (from: number, to: number) =>
  errors.badRequest(
    'PERSONNEL_MONEY_YEAR',
    {
      it: `Gli anni della spesa di personale devono essere quelli del periodo ${from}–${to}.`,
      en: `The years of the personnel money must be those of the period ${from}–${to}.`,
    },
    ['personnelMoney'],
  );

export const notSimplifiable = () =>
  errors.badRequest(
    'SIMPLIFIED_NOT_EXPECTED',
    {
      it: 'La forma semplificata riguarda solo il PIAO (e la sua sezione PTFP).',
      en: 'The simplified form applies only to the PIAO (and its PTFP section).',
    },
    ['simplified'],
  );

export const actDateMissing = () =>
  errors.badRequest(
    'ACT_INCOMPLETE',
    {
      it: "Indica la data dell'atto insieme al suo numero.",
      en: 'Give the date of the act together with its number.',
    },
    ['actDate'],
  );

export const rulesOverlap = () =>
  errors.conflict('DEADLINE_RULES_OVERLAP', {
    it: 'Esiste già una regola per questo documento in uno degli anni indicati: modifica quella o restringi gli anni di validità.',
    en: 'A rule for this document already covers one of these years: change that one or narrow the years.',
  });

export const moveExists = () =>
  errors.conflict('DEADLINE_MOVE_EXISTS', {
    it: 'Per questo documento e questo anno una proroga è già registrata: modifica quella.',
    en: 'A move is already recorded for this document and year: change that one.',
  });
