import { errors } from '../../../kernel/errors.js';

export const UNIT = { it: 'Ente', en: 'Unit' };
export const THRESHOLD = { it: 'Soglia', en: 'Threshold' };

export const stale = () =>
  errors.conflict('CAPACITY_STALE', {
    it: 'I dati della capacità assunzionale sono stati modificati da qualcun altro nel frattempo: ricarica la pagina per vedere la versione aggiornata e ripeti la modifica.',
    en: 'Someone else changed the hiring capacity figures meanwhile: reload the page to see the current version and make your change again.',
  });
