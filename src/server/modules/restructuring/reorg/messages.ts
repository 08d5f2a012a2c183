import type { ReorgStatus } from '../../../../common/restructuring.js';
import { AppError, errors } from '../../../kernel/errors.js';

export const UNIT = { it: 'Ente', en: 'Unit' };
export const VERSION = { it: 'Versione del piano', en: 'Plan version' };
export const DOCUMENT = { it: 'Documento del piano', en: 'Plan document' };

export const staleVersion = (current: number) =>
  errors.conflict('REORG_VERSION_STALE', {
    it: `La versione vigente del piano è cambiata nel frattempo (ora è la ${current}): ricarica la pagina e riparti dalla versione aggiornata.`,
    en: `The plan's current version changed meanwhile (it is now ${current}): reload the page and start again from the current version.`,
  });

export const pendingExists = () =>
  errors.conflict('REORG_PROPOSAL_PENDING', {
    it: 'C’è già una proposta in attesa della task force: può essercene una sola alla volta. Attendi la decisione o ritira la proposta.',
    en: 'A proposal is already awaiting the task force: there can be only one at a time. Wait for the decision or withdraw it.',
  });

export const alreadyDecided = () =>
  errors.conflict('REORG_ALREADY_DECIDED', {
    it: 'Questa proposta non è più in attesa: è già stata decisa o ritirata.',
    en: 'This proposal is no longer pending: it was already decided or withdrawn.',
  });

export const staleStatus = () =>
  errors.conflict('REORG_PLAN_STALE', {
    it: 'Il piano è stato modificato da qualcun altro nel frattempo: ricarica la pagina e ripeti l’operazione.',
    en: 'Someone else changed the plan meanwhile: reload the page and try again.',
  });

/** A plan's status as people read it, in messages. */
const STATUS_WORDS: Record<ReorgStatus, { it: string; en: string }> = {
  non_avviato: { it: 'Non avviato', en: 'Not started' },
  in_predisposizione: { it: 'In predisposizione', en: 'In preparation' },
  adottato: { it: 'Adottato', en: 'Adopted' },
  trasmesso: { it: 'Trasmesso', en: 'Transmitted' },
  verificato: { it: 'Verificato', en: 'Verified' },
  da_aggiornare: { it: 'Da aggiornare', en: 'To be updated' },
};

export const transitionRefused = (from: ReorgStatus, to: ReorgStatus) =>
  errors.conflict('REORG_TRANSITION_REFUSED', {
    it: `Il piano non può passare da «${STATUS_WORDS[from].it}» a «${STATUS_WORDS[to].it}».`,
    en: `The plan cannot move from “${STATUS_WORDS[from].en}” to “${STATUS_WORDS[to].en}”.`,
  });

export const actRequired = () =>
  new AppError(422, 'REORG_ACT_REQUIRED', {
    it: 'Per segnare il piano come adottato, la versione vigente deve indicare l’atto di adozione: tipo, numero e data.',
    en: 'To mark the plan adopted, the current version must state the adoption act: type, number and date.',
  });

export const newActRequired = () =>
  new AppError(422, 'REORG_NEW_ACT_REQUIRED', {
    it: 'Il piano è da aggiornare: per tornare adottato serve una nuova versione validata dopo la richiesta di aggiornamento, con il nuovo atto.',
    en: 'The plan needs an update: to be adopted again it needs a new version, validated after the request, with the new act.',
  });

export const adoptedNeedsAct = () =>
  new AppError(422, 'REORG_ADOPTED_ACT_REQUIRED', {
    it: 'Il piano è già adottato: la versione da validare deve indicare il suo atto di adozione (tipo, numero e data).',
    en: 'The plan is already adopted: an adopted plan’s version must carry its adoption act (type, number and date).',
  });

export const notProposer = () =>
  new AppError(403, 'FORBIDDEN', {
    it: 'Solo chi ha fatto la proposta può ritirarla.',
    en: 'Only who made the proposal can withdraw it.',
  });

export const fileTooLarge = () =>
  new AppError(413, 'PAYLOAD_TOO_LARGE', {
    it: 'Il file è troppo grande (massimo 10 MB).',
    en: 'The file is too large (at most 10 MB).',
  });

export const fileRequired = () =>
  errors.badRequest(
    'FILE_REQUIRED',
    {
      it: 'Allega un file PDF, P7M, DOCX, ODT, XLSX o ODS.',
      en: 'Attach a PDF, P7M, DOCX, ODT, XLSX or ODS file.',
    },
    ['file'],
  );

export const fileTypeRefused = (name: string) =>
  new AppError(415, 'FILE_TYPE_REFUSED', {
    it: `Il file «${name}» non è un PDF, P7M, DOCX, ODT, XLSX o ODS valido, oppure il contenuto non corrisponde all’estensione.`,
    en: `The file "${name}" is not a valid PDF, P7M, DOCX, ODT, XLSX or ODS, or its content does not match its extension.`,
  });

export const badFields = () =>
  errors.badRequest(
    'VALIDATION_ERROR',
    {
      it: 'Indica il tipo di documento (atto di adozione, piano, allegato, relazione, altro) e un titolo, prima del file.',
      en: 'Give the document kind (atto_adozione, piano, allegato, relazione, altro) and a title, before the file.',
    },
    ['kind', 'title'],
  );
