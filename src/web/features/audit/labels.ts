import type { AuditAction, AuditEntityType } from '../../../common/audit';
import type { Language } from '../../i18n';

type Label = Record<Language, string>;

/**
 * What every audit action reads as. Typed on the server's vocabulary (common/audit.ts), so an action the
 * server learns to write cannot be shown as a bare code; labels.test.ts checks the table too.
 */
export const ACTION_LABELS: Record<AuditAction, Label> = {
  'agreement.created': { it: 'Convenzione registrata', en: 'Agreement recorded' },
  'agreement.updated': { it: 'Convenzione modificata', en: 'Agreement updated' },
  'attendance.corrected': { it: 'Presenza corretta', en: 'Attendance corrected' },
  'attendance.recorded': { it: 'Presenza registrata', en: 'Attendance recorded' },
  'auth.invitation_accepted': { it: 'Invito accettato', en: 'Invitation accepted' },
  'auth.locked': {
    it: 'Accesso bloccato per troppi tentativi',
    en: 'Sign-in locked after too many attempts',
  },
  'auth.login': { it: 'Accesso effettuato', en: 'Signed in' },
  'auth.password_changed': { it: 'Password cambiata', en: 'Password changed' },
  'auth.password_reset': { it: 'Password reimpostata', en: 'Password reset' },
  'auth.password_reset_requested': {
    it: 'Reimpostazione della password richiesta',
    en: 'Password reset requested',
  },
  'calendar_feed.created': { it: 'Calendario personale attivato', en: 'Personal calendar feed created' },
  'calendar_feed.revoked': { it: 'Calendario personale revocato', en: 'Personal calendar feed revoked' },
  'campaign.closed': { it: 'Rilevazione chiusa', en: 'Assessment campaign closed' },
  'campaign.created': { it: 'Rilevazione creata', en: 'Assessment campaign created' },
  'campaign.deleted': { it: 'Rilevazione eliminata', en: 'Assessment campaign deleted' },
  'campaign.manager_assessed': {
    it: 'Valutazione del responsabile registrata',
    en: 'Manager assessment recorded',
  },
  'campaign.opened': { it: 'Rilevazione aperta', en: 'Assessment campaign opened' },
  'campaign.questions_set': { it: 'Domande della rilevazione impostate', en: 'Campaign questions set' },
  'campaign.reminded': { it: 'Promemoria della rilevazione inviato', en: 'Campaign reminder sent' },
  'campaign.seeded': { it: 'Rilevazione dimostrativa caricata', en: 'Demo campaign loaded' },
  'campaign.updated': { it: 'Rilevazione modificata', en: 'Assessment campaign updated' },
  'capacity_threshold.created': { it: 'Soglia assunzionale aggiunta', en: 'Hiring threshold added' },
  'capacity_threshold.deleted': { it: 'Soglia assunzionale eliminata', en: 'Hiring threshold deleted' },
  'capacity_threshold.updated': { it: 'Soglia assunzionale modificata', en: 'Hiring threshold updated' },
  'certificate.issued': { it: 'Attestato rilasciato', en: 'Certificate issued' },
  'certificate.revoked': { it: 'Attestato revocato', en: 'Certificate revoked' },
  'checkin.code_created': { it: 'Codice di presenza generato', en: 'Check-in code created' },
  'deadline_move.created': { it: 'Proroga di scadenza aggiunta', en: 'Deadline extension added' },
  'deadline_move.deleted': { it: 'Proroga di scadenza eliminata', en: 'Deadline extension deleted' },
  'deadline_move.updated': { it: 'Proroga di scadenza modificata', en: 'Deadline extension updated' },
  'deadline_rule.created': { it: 'Regola di scadenza aggiunta', en: 'Deadline rule added' },
  'deadline_rule.deleted': { it: 'Regola di scadenza eliminata', en: 'Deadline rule deleted' },
  'deadline_rule.updated': { it: 'Regola di scadenza modificata', en: 'Deadline rule updated' },
  'edition.created': { it: 'Edizione creata', en: 'Edition created' },
  'edition.quotas': { it: 'Posti riservati dell’edizione modificati', en: 'Edition seat quotas changed' },
  'edition.updated': { it: 'Edizione modificata', en: 'Edition updated' },
  'edition.draft': { it: 'Edizione riportata in bozza', en: 'Edition back to draft' },
  'edition.published': { it: 'Edizione pubblicata', en: 'Edition published' },
  'edition.closed': { it: 'Iscrizioni all’edizione chiuse', en: 'Edition enrolment closed' },
  'edition.completed': { it: 'Edizione conclusa', en: 'Edition completed' },
  'edition.cancelled': { it: 'Edizione annullata', en: 'Edition cancelled' },
  'enrolment.approved': { it: 'Iscrizione approvata', en: 'Enrolment approved' },
  'enrolment.cancelled': { it: 'Iscrizione annullata', en: 'Enrolment cancelled' },
  'enrolment.completed': { it: 'Percorso completato', en: 'Course completed' },
  'enrolment.completion_withdrawn': { it: 'Completamento ritirato', en: 'Completion withdrawn' },
  'enrolment.created': { it: 'Iscrizione effettuata', en: 'Enrolled' },
  'enrolment.final_test': { it: 'Esito della prova finale registrato', en: 'Final test result recorded' },
  'enrolment.moved': { it: 'Iscrizione spostata di edizione', en: 'Enrolment moved to another edition' },
  'enrolment.nominated': { it: 'Iscrizione su designazione', en: 'Nominated for an edition' },
  'enrolment.promoted': {
    it: 'Iscrizione confermata dalla lista d’attesa',
    en: 'Promoted from the waiting list',
  },
  'enrolment.rejected': { it: 'Iscrizione respinta', en: 'Enrolment rejected' },
  'feedback.submitted': { it: 'Questionario di gradimento inviato', en: 'Feedback submitted' },
  'framework.area_added': { it: 'Area di competenza aggiunta', en: 'Competency area added' },
  'framework.area_removed': { it: 'Area di competenza rimossa', en: 'Competency area removed' },
  'framework.area_updated': { it: 'Area di competenza modificata', en: 'Competency area updated' },
  'framework.competency_added': { it: 'Competenza aggiunta', en: 'Competency added' },
  'framework.competency_removed': { it: 'Competenza rimossa', en: 'Competency removed' },
  'framework.competency_updated': { it: 'Competenza modificata', en: 'Competency updated' },
  'framework.draft_created': {
    it: 'Bozza del quadro delle competenze creata',
    en: 'Competency framework draft created',
  },
  'framework.draft_deleted': {
    it: 'Bozza del quadro delle competenze eliminata',
    en: 'Competency framework draft deleted',
  },
  'framework.draft_updated': {
    it: 'Bozza del quadro delle competenze modificata',
    en: 'Competency framework draft updated',
  },
  'framework.imported': { it: 'Quadro delle competenze importato', en: 'Competency framework imported' },
  'framework.path_links_followed': { it: 'Collegamenti ai percorsi ripresi', en: 'Path links carried over' },
  'framework.path_links_set': { it: 'Collegamenti ai percorsi impostati', en: 'Path links set' },
  'framework.published': { it: 'Quadro delle competenze pubblicato', en: 'Competency framework published' },
  'framework.reordered': { it: 'Quadro delle competenze riordinato', en: 'Competency framework reordered' },
  'framework.seeded': {
    it: 'Quadro delle competenze iniziale caricato',
    en: 'Initial competency framework loaded',
  },
  'hiring_capacity.created': { it: 'Capacità assunzionale registrata', en: 'Hiring capacity recorded' },
  'hiring_capacity.updated': { it: 'Capacità assunzionale modificata', en: 'Hiring capacity updated' },
  'logbook.entry_added': { it: 'Voce del diario di affiancamento aggiunta', en: 'Coaching log entry added' },
  'logbook.entry_deleted': {
    it: 'Voce del diario di affiancamento eliminata',
    en: 'Coaching log entry deleted',
  },
  'logbook.entry_updated': {
    it: 'Voce del diario di affiancamento modificata',
    en: 'Coaching log entry updated',
  },
  'logbook.signed': { it: 'Diario di affiancamento firmato', en: 'Coaching log signed' },
  'path.created': { it: 'Percorso formativo creato', en: 'Training path created' },
  'path.updated': { it: 'Percorso formativo modificato', en: 'Training path updated' },
  'path.draft': { it: 'Percorso formativo riportato in bozza', en: 'Training path back to draft' },
  'path.published': { it: 'Percorso formativo pubblicato', en: 'Training path published' },
  'path.archived': { it: 'Percorso formativo archiviato', en: 'Training path archived' },
  'profiles.imported': { it: 'Livelli attesi dei profili importati', en: 'Job profile levels imported' },
  'profiles.levels_set': { it: 'Livelli attesi di un profilo impostati', en: 'Job profile levels set' },
  'profiles.seeded': { it: 'Livelli attesi iniziali caricati', en: 'Initial job profile levels loaded' },
  'programming_document.created': {
    it: 'Documento di programmazione registrato',
    en: 'Programming document recorded',
  },
  'programming_document.updated': {
    it: 'Documento di programmazione modificato',
    en: 'Programming document updated',
  },
  'reorg_plan.status': {
    it: 'Stato del Piano di riassetto cambiato',
    en: 'Restructuring plan status changed',
  },
  'reorg_plan.proposed': {
    it: 'Versione del Piano di riassetto proposta',
    en: 'Restructuring plan version proposed',
  },
  'reorg_plan.validated': { it: 'Piano di riassetto validato', en: 'Restructuring plan validated' },
  'reorg_plan.rejected': { it: 'Piano di riassetto respinto', en: 'Restructuring plan rejected' },
  'reorg_plan.withdrawn': {
    it: 'Proposta del Piano di riassetto ritirata',
    en: 'Restructuring plan proposal withdrawn',
  },
  'reorg_plan.document_added': {
    it: 'Documento del Piano di riassetto aggiunto',
    en: 'Restructuring plan document added',
  },
  'reorg_plan.document_removed': {
    it: 'Documento del Piano di riassetto rimosso',
    en: 'Restructuring plan document removed',
  },
  'role.granted': { it: 'Ruolo assegnato', en: 'Role granted' },
  'role.revoked': { it: 'Ruolo revocato', en: 'Role revoked' },
  'session.cancelled': { it: 'Sessione annullata', en: 'Session cancelled' },
  'session.created': { it: 'Sessione aggiunta', en: 'Session added' },
  'session.updated': { it: 'Sessione modificata', en: 'Session updated' },
  'system.admin_created': { it: 'Primo amministratore creato', en: 'First administrator created' },
  'system.demo_seeded': { it: 'Contenuti dimostrativi caricati', en: 'Demo content loaded' },
  'taskforce.assigned': { it: 'Componente della task force assegnato', en: 'Task force member assigned' },
  'taskforce.intervention_added': {
    it: 'Intervento della task force registrato',
    en: 'Task force intervention recorded',
  },
  'taskforce.intervention_deleted': {
    it: 'Intervento della task force eliminato',
    en: 'Task force intervention deleted',
  },
  'taskforce.intervention_updated': {
    it: 'Intervento della task force modificato',
    en: 'Task force intervention updated',
  },
  'taskforce.issue_added': { it: 'Criticità aperta', en: 'Issue opened' },
  'taskforce.issue_closed': { it: 'Criticità chiusa', en: 'Issue closed' },
  'taskforce.issue_reopened': { it: 'Criticità riaperta', en: 'Issue reopened' },
  'taskforce.issue_updated': { it: 'Criticità modificata', en: 'Issue updated' },
  'taskforce.lead_set': { it: 'Referente della task force designato', en: 'Task force lead set' },
  'taskforce.milestone_added': { it: 'Scadenza intermedia aggiunta', en: 'Milestone added' },
  'taskforce.milestone_done': { it: 'Scadenza intermedia raggiunta', en: 'Milestone done' },
  'taskforce.milestone_reopened': { it: 'Scadenza intermedia riaperta', en: 'Milestone reopened' },
  'taskforce.milestone_updated': { it: 'Scadenza intermedia modificata', en: 'Milestone updated' },
  'taskforce.unassigned': { it: 'Componente della task force rimosso', en: 'Task force member removed' },
  'training_plan.approved': { it: 'Piano formativo approvato', en: 'Training plan approved' },
  'training_plan.created': { it: 'Piano formativo creato', en: 'Training plan created' },
  'training_plan.item_added': {
    it: 'Percorso aggiunto al piano formativo',
    en: 'Path added to the training plan',
  },
  'training_plan.item_removed': {
    it: 'Percorso tolto dal piano formativo',
    en: 'Path removed from the training plan',
  },
  'training_plan.item_updated': {
    it: 'Voce del piano formativo modificata',
    en: 'Training plan item updated',
  },
  'training_plan.reopened': { it: 'Piano formativo riaperto', en: 'Training plan reopened' },
  'training_plan.reordered': { it: 'Piano formativo riordinato', en: 'Training plan reordered' },
  'training_plan.updated': { it: 'Piano formativo modificato', en: 'Training plan updated' },
  'unit.created': { it: 'Unità territoriale creata', en: 'Unit created' },
  'unit.updated': { it: 'Unità territoriale modificata', en: 'Unit updated' },
  'unit_contact.created': { it: 'Contatto dell’unità aggiunto', en: 'Unit contact added' },
  'unit_contact.deleted': { it: 'Contatto dell’unità eliminato', en: 'Unit contact deleted' },
  'unit_contact.updated': { it: 'Contatto dell’unità modificato', en: 'Unit contact updated' },
  'unit_population.deleted': { it: 'Dato sul personale eliminato', en: 'Staff figure deleted' },
  'unit_population.imported': { it: 'Dati sul personale importati', en: 'Staff figures imported' },
  'unit_population.saved': { it: 'Dato sul personale salvato', en: 'Staff figure saved' },
  'unit_profile.updated': { it: 'Scheda dell’unità modificata', en: 'Unit profile updated' },
  'user.invitation_resent': { it: 'Invito inviato di nuovo', en: 'Invitation sent again' },
  'user.enrolmentNotices': {
    it: 'Scelta delle e-mail sulle iscrizioni modificata',
    en: 'Enrolment e-mail choice changed',
  },
  'user.invited': { it: 'Persona invitata', en: 'Person invited' },
  'user.profile_updated': { it: 'Profilo personale modificato', en: 'Own profile updated' },
  'user.updated': { it: 'Persona modificata', en: 'Person updated' },
  'webinar.ended': { it: 'Webinar terminato', en: 'Webinar ended' },
  'webinar.joined': { it: 'Ingresso nel webinar', en: 'Joined the webinar' },
};

/** What every kind of object in the log reads as. */
export const ENTITY_LABELS: Record<AuditEntityType, Label> = {
  agreement: { it: 'Convenzione', en: 'Agreement' },
  attendance: { it: 'Presenza', en: 'Attendance' },
  campaign: { it: 'Rilevazione dei fabbisogni', en: 'Assessment campaign' },
  capacity_threshold: { it: 'Soglia assunzionale', en: 'Hiring threshold' },
  certificate: { it: 'Attestato', en: 'Certificate' },
  coaching_log: { it: 'Diario di affiancamento', en: 'Coaching log' },
  competency_framework: { it: 'Quadro delle competenze', en: 'Competency framework' },
  deadline_move: { it: 'Proroga di scadenza', en: 'Deadline extension' },
  deadline_rule: { it: 'Regola di scadenza', en: 'Deadline rule' },
  edition: { it: 'Edizione', en: 'Edition' },
  enrolment: { it: 'Iscrizione', en: 'Enrolment' },
  hiring_capacity: { it: 'Capacità assunzionale', en: 'Hiring capacity' },
  intervention: { it: 'Intervento della task force', en: 'Task force intervention' },
  job_profile: { it: 'Profilo professionale', en: 'Job profile' },
  milestone: { it: 'Scadenza intermedia', en: 'Milestone' },
  profile_expectations: { it: 'Livelli attesi dei profili', en: 'Job profile levels' },
  programming_document: { it: 'Documento di programmazione', en: 'Programming document' },
  reorg_plan: { it: 'Piano di riassetto', en: 'Restructuring plan' },
  session: { it: 'Sessione', en: 'Session' },
  system: { it: 'Sistema', en: 'System' },
  taskforce_assignment: { it: 'Assegnazione della task force', en: 'Task force assignment' },
  taskforce_issue: { it: 'Criticità', en: 'Issue' },
  training_path: { it: 'Percorso formativo', en: 'Training path' },
  training_plan: { it: 'Piano formativo', en: 'Training plan' },
  unit: { it: 'Unità territoriale', en: 'Territorial unit' },
  unit_contact: { it: 'Contatto dell’unità', en: 'Unit contact' },
  unit_population: { it: 'Personale dell’unità', en: 'Unit staff figures' },
  unit_profile: { it: 'Scheda dell’unità', en: 'Unit profile' },
  user: { it: 'Persona', en: 'Person' },
};

function isKey<K extends string>(table: Record<K, Label>, code: string): code is K {
  return Object.hasOwn(table, code);
}

/** The label of an action code; a code the table does not know (an old row) is shown as it is. */
export function actionLabel(code: string, lang: Language): string {
  return isKey(ACTION_LABELS, code) ? ACTION_LABELS[code][lang] : code;
}

export function entityLabel(code: string, lang: Language): string {
  return isKey(ENTITY_LABELS, code) ? ENTITY_LABELS[code][lang] : code;
}
