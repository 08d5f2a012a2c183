import { ANONYMOUS_MIN_GROUP } from '../../../../common/campaigns.js';
import { formatRomeDate } from '../../../../common/rome-time.js';
import { AppError, errors } from '../../../kernel/errors.js';

export const CAMPAIGN = { it: 'Rilevazione', en: 'Survey' };
export const PARTICIPANT = { it: 'Partecipante', en: 'Participant' };

export const notDraft = () =>
  errors.conflict('CAMPAIGN_NOT_DRAFT', {
    it: 'La rilevazione è già stata aperta: non si modifica più.',
    en: 'The survey has already been opened: it can no longer be changed.',
  });
export const notOpen = () =>
  errors.conflict('CAMPAIGN_NOT_OPEN', {
    it: 'La rilevazione non è aperta.',
    en: 'The survey is not open.',
  });
export const alreadyClosed = () =>
  errors.conflict('CAMPAIGN_CLOSED', {
    it: 'La rilevazione è chiusa: non si possono più inviare o salvare risposte.',
    en: 'The survey is closed: answers can no longer be sent or saved.',
  });
export const notStarted = (day: string) =>
  errors.conflict('CAMPAIGN_NOT_STARTED', {
    it: `La rilevazione si apre il ${formatRomeDate(day)}: potrai rispondere da quel giorno.`,
    en: `The survey opens on ${formatRomeDate(day, 'en')}: you can answer from that day.`,
  });
export const periodOver = () =>
  errors.conflict('CAMPAIGN_PERIOD_OVER', {
    it: 'Il periodo della rilevazione è già finito: cambia la data di chiusura prima di aprirla.',
    en: 'The survey period is already over: change the closing date before opening it.',
  });
export const alreadySubmitted = () =>
  errors.conflict('ALREADY_SUBMITTED', {
    it: 'Hai già inviato le tue risposte a questa rilevazione: non si possono inviare di nuovo.',
    en: 'You have already sent your answers to this survey: they cannot be sent again.',
  });
export const nobodyInvited = () =>
  errors.conflict('NOBODY_INVITED', {
    it: 'Nessuna persona attiva corrisponde ai destinatari scelti: la rilevazione non è stata aperta.',
    en: 'No active person matches the chosen target: the survey was not opened.',
  });
export const nobodyToRemind = () =>
  errors.conflict('NOBODY_TO_REMIND', {
    it: 'Tutte le persone invitate hanno già risposto: nessun sollecito da inviare.',
    en: 'Everyone invited has already answered: there is no one to remind.',
  });
export const remindedRecently = (hours: number) =>
  errors.tooMany(
    'REMINDED_RECENTLY',
    {
      it: `Le persone che non hanno risposto hanno già ricevuto un sollecito nelle ultime ${hours} ore: riprova più tardi.`,
      en: `The people who have not answered were already reminded in the last ${hours} hours: try again later.`,
    },
    3600,
  );
export const noManagerAssessment = () =>
  errors.conflict('NO_MANAGER_ASSESSMENT', {
    it: 'Questa rilevazione non prevede la valutazione del responsabile.',
    en: 'This survey has no manager assessment.',
  });
export const frameworkNotUsable = () =>
  new AppError(
    400,
    'FRAMEWORK_NOT_USABLE',
    {
      it: 'Scegli una versione pubblicata (o ritirata) del quadro delle competenze: una bozza cambia ancora.',
      en: 'Choose a published (or retired) version of the competency framework: a draft still changes.',
    },
    ['frameworkId'],
  );
export const noPublishedFramework = () =>
  errors.conflict('NO_PUBLISHED_FRAMEWORK', {
    it: 'Non c’è una versione pubblicata del quadro delle competenze.',
    en: 'There is no published version of the competency framework.',
  });
export const unknownValues = (field: string, values: string[]) =>
  new AppError(
    400,
    'UNKNOWN_VALUES',
    {
      it: `Valori sconosciuti in ${field}: ${values.slice(0, 10).join(', ')}.`,
      en: `Unknown values in ${field}: ${values.slice(0, 10).join(', ')}.`,
    },
    [field],
  );
export const officerScope = () =>
  new AppError(
    403,
    'OFFICER_SCOPE',
    {
      it: 'Come referente puoi preparare rilevazioni solo per la tua Provincia (non nazionali) e per le sue persone.',
      en: 'As a Province officer you can prepare surveys only for your own Province (not national) and its people.',
    },
    ['unitIds'],
  );
export const anonymousGroupTooSmall = () =>
  new AppError(
    400,
    'ANONYMOUS_GROUP_TOO_SMALL',
    {
      it: `Una rilevazione anonima mostra i risultati solo per gruppi di almeno ${ANONYMOUS_MIN_GROUP} persone: la dimensione minima del gruppo deve essere ${ANONYMOUS_MIN_GROUP} o più.`,
      en: `An anonymous survey shows results only for groups of at least ${ANONYMOUS_MIN_GROUP} people: the minimum group size must be ${ANONYMOUS_MIN_GROUP} or more.`,
    },
    ['minGroupSize'],
  );
export const staleAnswers = () =>
  errors.conflict('ANSWERS_CHANGED', {
    it: 'Le tue risposte sono cambiate su un altro dispositivo: ricarica la pagina per vedere le più recenti, poi invia.',
    en: 'Your answers changed on another device: reload the page to see the latest ones, then send.',
  });
