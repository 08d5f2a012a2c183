import { errors } from '../../../kernel/errors.js';

export const UNIT = { it: 'Ente', en: 'Unit' };
export const INTERVENTION = { it: 'Intervento', en: 'Intervention' };
export const ISSUE = { it: 'Rischio o criticità', en: 'Risk or issue' };
export const MILESTONE = { it: 'Milestone', en: 'Milestone' };
export const ASSIGNMENT = { it: 'Assegnazione', en: 'Assignment' };

export const notAMember = (field = 'userId') =>
  errors.badRequest(
    'NOT_TASK_FORCE_MEMBER',
    {
      it: 'La persona indicata non fa parte della task force.',
      en: 'The person is not a member of the task force.',
    },
    [field],
  );

export const leadTaken = () =>
  errors.conflict('LEAD_CHANGED', {
    it: "Il referente dell'ente è stato cambiato da qualcun altro nel frattempo: ricarica la pagina e riprova.",
    en: "Someone else changed the unit's lead meanwhile: reload the page and try again.",
  });
