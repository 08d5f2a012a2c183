import { type Bilingual, errors } from '../../../kernel/errors.js';

export const MODULE = { it: 'Modulo FAD', en: 'Online module' };
export const PAGE = { it: 'Pagina del modulo', en: 'Module page' };
export const PATH = { it: 'Percorso', en: 'Path' };
export const SESSION = { it: 'Sessione', en: 'Session' };
export const PACKAGE = { it: 'Pacchetto SCORM', en: 'SCORM package' };

export const stale = () =>
  errors.conflict('FAD_MODULE_STALE', {
    it: 'Il modulo è stato modificato da qualcun altro nel frattempo: ricarica la pagina e ripeti la modifica.',
    en: 'Someone else changed the module meanwhile: reload the page and make your change again.',
  });

export const publishWithoutPages = () =>
  errors.conflict('FAD_MODULE_EMPTY', {
    it: 'Un modulo si pubblica quando ha almeno una pagina: aggiungi le pagine, poi pubblicalo.',
    en: 'A module is published once it has at least one page: add its pages, then publish it.',
  });

export const lastPublishedPage = () =>
  errors.conflict('FAD_MODULE_EMPTY', {
    it: 'È l’ultima pagina di un modulo pubblicato: riporta il modulo in bozza prima di eliminarla.',
    en: 'It is the last page of a published module: set the module back to draft before deleting it.',
  });

export const hasLearners = () =>
  errors.conflict('FAD_MODULE_FOLLOWED', {
    it: 'Qualcuno ha già seguito questo modulo: non si elimina, perché il suo percorso resta nel registro. Puoi riportarlo in bozza.',
    en: 'Someone has already followed this module: it is not deleted, since their progress stays on record. You can set it back to draft.',
  });

export const badPrerequisite = () =>
  errors.badRequest(
    'FAD_BAD_PREREQUISITE',
    {
      it: 'I prerequisiti devono essere altri moduli dello stesso percorso.',
      en: 'Prerequisites must be other modules of the same path.',
    },
    ['prerequisiteIds'],
  );

export const prerequisiteCycle = () =>
  errors.badRequest(
    'FAD_PREREQUISITE_CYCLE',
    {
      it: 'Questi prerequisiti formerebbero un cerchio (un modulo che richiede, direttamente o no, sé stesso).',
      en: 'These prerequisites would make a circle (a module requiring itself, directly or not).',
    },
    ['prerequisiteIds'],
  );

export const badOrder = () =>
  errors.badRequest(
    'FAD_BAD_ORDER',
    {
      it: 'L’ordine deve elencare ogni pagina del modulo una sola volta.',
      en: 'The order must list every page of the module exactly once.',
    },
    ['pageIds'],
  );

export const notOnline = () =>
  errors.conflict('FAD_NOT_ONLINE', {
    it: 'Si collega a un modulo FAD solo una sessione in modalità online.',
    en: 'Only an online session can be linked to an online module.',
  });

export const otherPath = () =>
  errors.badRequest(
    'FAD_OTHER_PATH',
    {
      it: 'Il modulo deve appartenere al percorso dell’edizione.',
      en: 'The module must belong to the edition’s path.',
    },
    ['moduleId'],
  );

export const locked = () =>
  errors.conflict('FAD_MODULE_LOCKED', {
    it: 'Questo modulo si apre quando hai completato i moduli che lo precedono.',
    en: 'This module opens once you have completed the modules before it.',
  });

export const otherVisit = () =>
  errors.conflict('FAD_VISIT_MISMATCH', {
    it: 'Questa visita appartiene a un altro modulo: ricarica la pagina.',
    en: 'This visit belongs to another module: reload the page.',
  });

export const otherPathQuiz = () =>
  errors.badRequest(
    'FAD_OTHER_PATH_QUIZ',
    {
      it: 'Il test da superare deve essere uno del percorso del modulo.',
      en: 'The quiz to pass must be one of the module’s path.',
    },
    ['quizId'],
  );

export const publishWithoutPackage = () =>
  errors.conflict('FAD_MODULE_EMPTY', {
    it: 'Un modulo SCORM si pubblica quando ha il suo pacchetto: caricalo, poi pubblica il modulo.',
    en: 'A SCORM module is published once it has its package: upload it, then publish the module.',
  });

export const notScorm = () =>
  errors.conflict('FAD_NOT_SCORM', {
    it: 'Questo modulo è fatto di pagine, non di un pacchetto SCORM.',
    en: 'This module is made of pages, not of a SCORM package.',
  });

export const notPages = () =>
  errors.conflict('FAD_NOT_PAGES', {
    it: 'Questo modulo è un pacchetto SCORM: non ha pagine da aggiungere.',
    en: 'This module is a SCORM package: it takes no pages.',
  });

/** A package refused, with every problem found (the module keeps its previous package). */
export const badPackage = (problems: Bilingual[]) =>
  errors.invalid(
    'SCORM_PACKAGE_INVALID',
    {
      it: `Pacchetto SCORM non valido, nulla è stato salvato: ${problems.map((p) => p.it).join('; ')}.`,
      en: `Invalid SCORM package, nothing was saved: ${problems.map((p) => p.en).join('; ')}.`,
    },
    problems.map((messages) => ({ path: 'file', messages })),
  );

export const noContentOrigin = () =>
  errors.conflict('SCORM_NO_CONTENT_ORIGIN', {
    it: 'I pacchetti SCORM non si possono aprire: manca l’indirizzo dei contenuti (SCORM_CONTENT_URL). Avvisa l’amministratore.',
    en: 'SCORM packages cannot be opened: the content address (SCORM_CONTENT_URL) is not set. Tell the administrator.',
  });

export const cmiTooLarge = () =>
  errors.badRequest(
    'SCORM_CMI_TOO_LARGE',
    {
      it: 'I dati del pacchetto da salvare sono troppo grandi o troppo annidati.',
      en: 'The package’s data to save is too large or too deeply nested.',
    },
    ['cmi'],
  );
