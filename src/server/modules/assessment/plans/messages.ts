import { AppError, errors } from '../../../kernel/errors.js';

export const PLAN = { it: 'Piano formativo', en: 'Training plan' };
export const ITEM = { it: 'Riga del piano', en: 'Plan line' };
export const CAMPAIGN = { it: 'Rilevazione', en: 'Survey' };
export const UNIT = { it: 'Ente', en: 'Unit' };
export const PATH = { it: 'Percorso formativo', en: 'Training path' };

export const stale = () =>
  errors.conflict('PLAN_STALE', {
    it: 'Il piano è stato modificato da qualcun altro nel frattempo: ricarica la pagina per vedere la versione aggiornata e ripeti la modifica.',
    en: 'Someone else changed the plan meanwhile: reload the page to see the current version and make your change again.',
  });

export const frozen = () =>
  errors.conflict('PLAN_APPROVED', {
    it: 'Il piano è approvato e non si modifica: riaprilo per cambiarlo.',
    en: 'The plan is approved and cannot change: reopen it to edit.',
  });

export const notApproved = () =>
  errors.conflict('PLAN_NOT_APPROVED', {
    it: 'Il piano è già in bozza.',
    en: 'The plan is already a draft.',
  });

export const planExists = () =>
  errors.conflict('PLAN_EXISTS', {
    it: 'Esiste già un piano formativo per questo ente e questa rilevazione.',
    en: 'A training plan already exists for this unit and survey.',
  });

export const campaignNotClosed = () =>
  errors.conflict('CAMPAIGN_NOT_CLOSED', {
    it: 'Il piano si prepara dalle risposte di una rilevazione chiusa.',
    en: 'A plan is drawn from the answers of a closed survey.',
  });

export const unitNotInCampaign = () =>
  errors.badRequest(
    'UNIT_NOT_IN_CAMPAIGN',
    { it: 'Questo ente non partecipa alla rilevazione.', en: 'This unit does not take part in the survey.' },
    ['unitId'],
  );

export const tooFewRespondents = (respondents: number, min: number) =>
  new AppError(422, 'TOO_FEW_RESPONDENTS', {
    it: `L'ente ha ${respondents} rispondenti, meno del minimo di ${min} previsto dalla rilevazione: nessun piano si ricava da un gruppo così piccolo, per non rivelare le risposte delle singole persone.`,
    en: `The unit has ${respondents} respondents, fewer than the survey's minimum of ${min}: no plan is drawn from a group that small, so as not to reveal individual answers.`,
  });

export const badOrder = () =>
  errors.badRequest(
    'BAD_ORDER',
    {
      it: "L'ordine deve elencare una volta ciascuna riga del piano.",
      en: 'The order must list each line of the plan once.',
    },
    ['itemIds'],
  );

export const pathAlreadyInPlan = () =>
  errors.conflict('PATH_IN_PLAN', {
    it: 'Questo percorso è già nel piano.',
    en: 'This path is already in the plan.',
  });

export const quarterOutsidePlan = (year: number) =>
  errors.badRequest(
    'QUARTER_OUTSIDE_PLAN',
    {
      it: `Il periodo deve essere un trimestre del ${year}, l'anno del piano.`,
      en: `The period must be a quarter of ${year}, the plan's year.`,
    },
    ['quarter'],
  );
