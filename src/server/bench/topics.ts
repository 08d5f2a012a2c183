/** Topics of the catalogue: [title, domain, service model or ''], three domains, three service models. */
export const TOPICS: readonly (readonly [string, string, string])[] = [
  ['Appalti pubblici e nuovo codice dei contratti', 'giuridico-amministrativo', 'SUA'],
  ['Programmazione e progettazione degli appalti', 'giuridico-amministrativo', 'SUA'],
  ['Esecuzione dei contratti di appalto', 'giuridico-amministrativo', 'SUA'],
  ['Procedimento amministrativo e accesso agli atti', 'giuridico-amministrativo', ''],
  ['Trasparenza e prevenzione della corruzione', 'giuridico-amministrativo', ''],
  ['Protezione dei dati personali nella PA', 'giuridico-amministrativo', ''],
  ['Fondi europei e rendicontazione dei progetti', 'giuridico-amministrativo', 'SAPE'],
  ['Aiuti di Stato e progettazione europea', 'giuridico-amministrativo', 'SAPE'],
  ['Bilancio armonizzato degli enti locali', 'gestionale', ''],
  ['Controllo di gestione e indicatori di performance', 'gestionale', ''],
  ['Gestione del personale e piano dei fabbisogni', 'gestionale', ''],
  ['PIAO: pianificazione integrata', 'gestionale', ''],
  ['Project management per i progetti PNRR', 'gestionale', 'SAPE'],
  ['Leadership e gestione dei gruppi di lavoro', 'gestionale', ''],
  ['Comunicazione pubblica e relazioni con i cittadini', 'gestionale', ''],
  ['Gestione associata dei servizi e convenzioni tra enti', 'gestionale', 'SIT'],
  ['Transizione digitale e piattaforme abilitanti', 'tecnologico', 'SIT'],
  ['Dati territoriali e sistemi informativi geografici', 'tecnologico', 'SIT'],
  ['Sicurezza informatica negli enti locali', 'tecnologico', ''],
  ['E-procurement e piattaforme di approvvigionamento digitale', 'tecnologico', 'SUA'],
  ['Interoperabilità e servizi digitali ai cittadini', 'tecnologico', 'SIT'],
  ['Analisi dei dati per le decisioni pubbliche', 'tecnologico', ''],
  ['Intelligenza artificiale nella pubblica amministrazione', 'tecnologico', ''],
  ['Edilizia scolastica e manutenzione del patrimonio', 'gestionale', ''],
  ['Viabilità provinciale e sicurezza stradale', 'gestionale', ''],
];

/** What distinguishes the paths on one topic. */
export const VARIANTS = [
  'corso base',
  'laboratorio pratico',
  'approfondimento',
  'aggiornamento normativo',
  'casi di studio',
  'percorso per dirigenti',
  'seminario tematico',
  'formazione dei formatori',
  'ciclo di webinar',
  'scuola estiva',
  'corso avanzato',
  'strumenti operativi',
];

/** A word that matches several path titles in a full-text search (`?q=`). */
export const SEARCH_WORD = 'appalti';
