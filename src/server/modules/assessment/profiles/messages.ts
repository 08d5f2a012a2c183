import type { FileProblem } from '../../../kernel/csv.js';
import { AppError, errors } from '../../../kernel/errors.js';

export const JOB_PROFILE = { it: 'Profilo professionale', en: 'Job profile' };
export const UNIT = { it: 'Ente', en: 'Unit' };

export type Problem = FileProblem;

/** Codes that are not competencies of the published framework. */
export const unknownCompetencies = (codes: string[]) =>
  new AppError(
    400,
    'UNKNOWN_COMPETENCIES',
    {
      it: `Codici non presenti nel quadro delle competenze pubblicato: ${codes.join(', ')}.`,
      en: `Codes not in the published competency framework: ${codes.join(', ')}.`,
    },
    undefined,
    undefined,
    codes.map((c) => ({
      path: c,
      messages: { it: `${c}: competenza sconosciuta`, en: `${c}: unknown competency` },
    })),
  );

/** Levels changed by someone else since the sender read them: nothing was saved. */
export const staleLevels = (stale: { code: string; stored: number | null }[]) =>
  new AppError(
    409,
    'LEVELS_CHANGED',
    {
      it: `Nel frattempo qualcuno ha cambiato ${stale.length === 1 ? 'un livello' : `${stale.length} livelli`} (${stale.map((s) => s.code).join(', ')}): nulla è stato salvato. Ricarica la pagina e riprova.`,
      en: `Someone changed ${stale.length === 1 ? 'a level' : `${stale.length} levels`} meanwhile (${stale.map((s) => s.code).join(', ')}): nothing was saved. Reload the page and try again.`,
    },
    undefined,
    undefined,
    stale.map((s) => {
      const now =
        s.stored === null ? { it: 'nessuno', en: 'none' } : { it: String(s.stored), en: String(s.stored) };
      return {
        path: s.code,
        messages: {
          it: `${s.code}: ora il livello è ${now.it}`,
          en: `${s.code}: the level is now ${now.en}`,
        },
      };
    }),
  );

/** Throws the problems of a file as one 400 answer: nothing of the file is applied. */
export function refuseFile(problems: Problem[]): never {
  const n = problems.length;
  throw errors.invalid(
    'INVALID_PROFILE_FILE',
    {
      it: `Il file non è valido (${n} ${n === 1 ? 'problema' : 'problemi'}): nessun livello è stato cambiato. Correggilo e riprova.`,
      en: `The file is not valid (${n} ${n === 1 ? 'problem' : 'problems'}): no level was changed. Fix it and try again.`,
    },
    problems.slice(0, 100),
  );
}
