import { AppError, errors } from '../../../kernel/errors.js';

/** The gap screens' refusals, in Italian and English. */
export const gapErrors = {
  campaignNotFound: () => errors.notFound({ it: 'Rilevazione', en: 'Campaign' }),
  unitNotFound: () => errors.notFound({ it: 'Ente', en: 'Unit' }),
  notStarted: () =>
    new AppError(409, 'CAMPAIGN_NOT_OPEN', {
      it: 'La rilevazione non è ancora aperta: non ci sono risultati da mostrare.',
      en: 'The campaign has not opened yet: there are no results to show.',
    }),
  stillOpen: () =>
    new AppError(409, 'FIGURES_AFTER_CLOSE', {
      it: 'La rilevazione è anonima e ancora aperta: i dati sono disponibili alla chiusura della rilevazione.',
      en: 'The campaign is anonymous and still open: figures are available when the survey closes.',
    }),
  unknownJobProfile: () =>
    errors.badRequest(
      'UNKNOWN_JOB_PROFILE',
      { it: 'Profilo professionale sconosciuto.', en: 'Unknown job profile.' },
      ['jobProfile'],
    ),
  badCombination: (it: string, en: string, field: string) =>
    errors.badRequest('BAD_GAP_QUERY', { it, en }, [field]),
  differencing: () =>
    new AppError(422, 'DIFFERENCING', {
      it: 'Questo filtro non si può mostrare: confrontato con i totali già pubblicati lascerebbe ricavare le risposte di un gruppo di meno persone della soglia minima.',
      en: 'This filter cannot be shown: compared with the totals already published it would let the answers of a group smaller than the minimum size be worked out.',
    }),
  tooSmall: (k: number) =>
    new AppError(422, 'GROUP_TOO_SMALL', {
      it: `Questo filtro riguarda meno di ${k} persone: i risultati non si mostrano, per proteggere l'anonimato.`,
      en: `This filter concerns fewer than ${k} people: results are not shown, to protect anonymity.`,
    }),
  anonymous: () =>
    new AppError(403, 'ANONYMOUS_CAMPAIGN', {
      it: 'La rilevazione è anonima: non esiste una vista per persona, solo risultati aggregati di gruppi abbastanza numerosi.',
      en: 'The campaign is anonymous: there is no per-person view, only aggregated results of large enough groups.',
    }),
  notAnswered: () =>
    errors.notFound({ it: 'Risposta a questa rilevazione', en: 'Your answer to this campaign' }),
};
