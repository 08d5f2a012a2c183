import { errors } from '../../../kernel/errors.js';

export const FRAMEWORK = { it: 'Versione del quadro delle competenze', en: 'Competency framework version' };
export const AREA = { it: 'Area', en: 'Area' };
export const COMPETENCY = { it: 'Competenza', en: 'Competency' };
export const PATH = { it: 'Percorso formativo', en: 'Training path' };

/** A published or retired version never changes: campaigns refer to it. */
export const frameworkFrozen = () =>
  errors.conflict('FRAMEWORK_FROZEN', {
    it: 'Questa versione è pubblicata o ritirata e non si modifica: crea una nuova bozza.',
    en: 'This version is published or retired and cannot change: create a new draft.',
  });
