import { errors } from '../../../kernel/errors.js';

export const MODULE = { it: 'Modulo FAD', en: 'Online module' };
export const PAGE = { it: 'Pagina del modulo', en: 'Module page' };
export const PATH = { it: 'Percorso', en: 'Path' };
export const SESSION = { it: 'Sessione', en: 'Session' };

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
