import { z } from 'zod';
import { newPassword } from './password.js';
import { ROLES } from './roles.js';

/** The languages of the app, its e-mails and a person's preference. */
export const LOCALES = ['it', 'en'] as const;
/** What a single-use link in an e-mail is for. */
export const TOKEN_PURPOSES = ['password_reset', 'invitation'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

export const loginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(256),
});

export const roleGrant = z.object({
  id: z.number().int(),
  role: z.enum(ROLES),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
});
export type RoleGrant = z.infer<typeof roleGrant>;

export const me = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string(), unitType: z.string() }).nullable(),
  jobProfile: z.object({ code: z.string(), name: z.string() }).nullable(),
  roles: z.array(roleGrant),
  /** What the navigation may show; computed by the server's policy. */
  can: z.object({
    manageUsers: z.boolean(),
    manageUnits: z.boolean(),
    viewAudit: z.boolean(),
    viewOutbox: z.boolean(),
    manageCatalogue: z.boolean(),
    manageAgreements: z.boolean(),
    /** Lists enrolments by Province: national admins, the task force, Province officers. */
    listEnrolments: z.boolean(),
    /** Nominates, approves, rejects and cancels for others: national admins, Province officers. */
    decideEnrolments: z.boolean(),
    /** Quotas and moves between editions: national admins; national trainers on the editions they train. */
    administerEnrolments: z.boolean(),
    /** Keeps registers and final tests: national admins, and trainers on the editions they train. */
    runSessions: z.boolean(),
    /** Signs affiancamento logbooks: trainers (as coach), Province officers, national admins. */
    signLogbooks: z.boolean(),
    /** Edits, imports and publishes the competency framework and maps paths to it: national admins. */
    manageFramework: z.boolean(),
    /** Sets expected levels per job profile: national admins; Province officers for their unit's overrides. */
    manageProfiles: z.boolean(),
    /** Opens the training needs heatmaps and priorities: national admins, the task force, Province officers. */
    viewGaps: z.boolean(),
    /** Training plans of a unit: national admins, Province officers (their own unit), the task force (reading). */
    managePlans: z.boolean(),
    /** The national training demand across plans: national admins and the task force. */
    viewDemand: z.boolean(),
    /** Prepares, opens, follows and closes needs surveys: national admins; Province officers for their unit. */
    manageCampaigns: z.boolean(),
    /** Has a "my surveys" page: everyone with a role (whoever is invited answers there). */
    answerCampaigns: z.boolean(),
    /** Opens the restructuring pages (plan, hiring capacity, programming): the task force, national admins, Province officers (their unit). */
    useRestructuring: z.boolean(),
    /** Validates proposed plan versions and records the task force's work: the task force and national admins. */
    validateRestructuring: z.boolean(),
    /** Edits the restructuring rules (capacity thresholds, deadlines): national admins. */
    editRestructuringRules: z.boolean(),
  }),
});
export type Me = z.infer<typeof me>;

export const csrfBody = z.object({ token: z.string() });

export const passwordResetRequestBody = z.object({ email: z.string().trim().min(1).max(254) });
export const passwordResetConfirmBody = z.object({
  token: z.string().min(10).max(200),
  password: newPassword,
});
export const passwordChangeBody = z.object({ currentPassword: z.string().min(1).max(256), newPassword });
export const profileUpdateBody = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  locale: z.enum(LOCALES).optional(),
});

export const sessionBody = z.object({ me: me.nullable() });
