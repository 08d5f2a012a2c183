/**
 * Every address the server answers with data (JSON, files, iCalendar), in Fastify's pattern syntax
 * (`:id`), grouped like the server modules that register them. The server registers its routes with
 * these constants and the web app builds its URLs from them with apiUrl(), so that renaming a route
 * breaks the build rather than a page. src/server/api-routes.int.test.ts checks that this table and
 * the routes the server registers are the same set.
 */
export const apiRoutes = {
  health: {
    check: '/api/health',
    /** Liveness only: answers without touching the database. */
    live: '/api/health/live',
  },
  /** Served by @fastify/swagger and @fastify/swagger-ui (src/server/http/docs.ts). */
  docs: {
    ui: '/api/docs',
    openapi: '/api/openapi.json',
  },
  auth: {
    csrf: '/api/v1/auth/csrf',
    login: '/api/v1/auth/login',
    logout: '/api/v1/auth/logout',
    passwordReset: '/api/v1/auth/password-reset',
    passwordResetConfirm: '/api/v1/auth/password-reset/confirm',
    session: '/api/v1/auth/session',
    me: '/api/v1/me',
    myPassword: '/api/v1/me/password',
  },
  users: {
    list: '/api/v1/users',
    byId: '/api/v1/users/:id',
    import: '/api/v1/users/import',
    invitation: '/api/v1/users/:id/invitation',
    roles: '/api/v1/users/:id/roles',
    role: '/api/v1/users/:id/roles/:grantId',
  },
  units: {
    list: '/api/v1/units',
    byId: '/api/v1/units/:id',
    reference: '/api/v1/reference',
  },
  audit: {
    log: '/api/v1/audit-log',
  },
  mail: {
    outbox: '/api/v1/outbox',
  },
  agreements: {
    list: '/api/v1/agreements',
    byId: '/api/v1/agreements/:id',
  },
  catalogue: {
    paths: '/api/v1/training-paths',
    path: '/api/v1/training-paths/:id',
    pathStatus: '/api/v1/training-paths/:id/status',
    editions: '/api/v1/editions',
    editionsImport: '/api/v1/editions/import',
    edition: '/api/v1/editions/:id',
    editionStatus: '/api/v1/editions/:id/status',
    sessions: '/api/v1/editions/:id/sessions',
    session: '/api/v1/editions/:id/sessions/:sessionId',
    sessionCancel: '/api/v1/editions/:id/sessions/:sessionId/cancel',
  },
  calendar: {
    public: '/api/v1/public/calendar',
    ics: '/calendar.ics',
    publicPaths: '/api/v1/public/paths',
    publicPath: '/api/v1/public/paths/:slug',
    publicEdition: '/api/v1/public/editions/:id',
    /** A personal secret feed; `file` is `<token>.ics`. */
    personalFeed: '/calendar/feed/:file',
    myFeed: '/api/v1/me/calendar-feed',
  },
  certificates: {
    verify: '/api/v1/public/certificates/:code',
    mine: '/api/v1/me/certificates',
    ofEdition: '/api/v1/editions/:id/certificates',
    editionZip: '/api/v1/editions/:id/certificates.zip',
    pdf: '/api/v1/certificates/:id/pdf',
    revoke: '/api/v1/certificates/:id/revoke',
    reissue: '/api/v1/certificates/:id/reissue',
  },
  learning: {
    transcript: '/api/v1/me/transcript',
    mySessions: '/api/v1/me/sessions',
    feedbackDue: '/api/v1/me/feedback-due',
    feedback: '/api/v1/enrolments/:id/feedback',
    editionFeedback: '/api/v1/editions/:id/feedback',
  },
  fad: {
    pathModules: '/api/v1/fad/paths/:pathId/modules',
    pathSessions: '/api/v1/fad/paths/:pathId/sessions',
    module: '/api/v1/fad/modules/:id',
    pages: '/api/v1/fad/modules/:id/pages',
    pageOrder: '/api/v1/fad/modules/:id/page-order',
    page: '/api/v1/fad/pages/:pageId',
    progress: '/api/v1/fad/modules/:id/progress',
    scorm: '/api/v1/fad/modules/:id/scorm',
    scormLaunch: '/api/v1/fad/modules/:id/scorm/launch',
    scormCommit: '/api/v1/fad/modules/:id/scorm/commit',
    sessionModule: '/api/v1/fad/sessions/:sessionId/module',
    mine: '/api/v1/me/fad',
  },
  enrolment: {
    list: '/api/v1/enrolments',
    mine: '/api/v1/me/enrolments',
    nominations: '/api/v1/enrolments/nominations',
    decision: '/api/v1/enrolments/:id/decision',
    cancel: '/api/v1/enrolments/:id/cancel',
    move: '/api/v1/enrolments/:id/move',
    seats: '/api/v1/editions/:id/seats',
    quotas: '/api/v1/editions/:id/quotas',
    notices: '/api/v1/me/enrolment-notices',
  },
  attendance: {
    register: '/api/v1/sessions/:id/register',
    checkinCode: '/api/v1/sessions/:id/checkin-code',
    checkin: '/api/v1/checkin/:token',
    signInSheet: '/api/v1/sessions/:id/sign-in-sheet.pdf',
    webinarReport: '/api/v1/sessions/:id/webinar-report',
    teaching: '/api/v1/me/teaching',
    matrix: '/api/v1/editions/:id/attendance',
    finalTest: '/api/v1/enrolments/:id/final-test',
    logbook: '/api/v1/enrolments/:id/logbook',
    logbookAwaiting: '/api/v1/logbook/awaiting',
    logbookEntry: '/api/v1/logbook/:id',
    logbookSign: '/api/v1/logbook/:id/sign',
  },
  webinars: {
    /** Enter a live webinar: answers where to go, inside the session's window. */
    join: '/api/v1/me/sessions/:sessionId/join',
    end: '/api/v1/sessions/:id/webinar/end',
    recordings: '/api/v1/sessions/:id/webinar/recordings',
    /** BigBlueButton's analytics callback (signed with the shared secret). */
    analytics: '/api/v1/public/webinars/analytics',
  },
  quizzes: {
    bank: '/api/v1/training-paths/:id/questions',
    question: '/api/v1/questions/:id',
    quizzes: '/api/v1/training-paths/:id/quizzes',
    quiz: '/api/v1/quizzes/:id',
    editionSettings: '/api/v1/editions/:id/quiz-settings',
    mine: '/api/v1/me/quizzes',
    start: '/api/v1/quizzes/:id/attempts',
    attempt: '/api/v1/attempts/:id',
    answers: '/api/v1/attempts/:id/answers',
    submit: '/api/v1/attempts/:id/submit',
  },
  framework: {
    versions: '/api/v1/competency-frameworks',
    import: '/api/v1/competency-frameworks/import',
    version: '/api/v1/competency-frameworks/:id',
    publish: '/api/v1/competency-frameworks/:id/publish',
    exportJson: '/api/v1/competency-frameworks/:id/export.json',
    exportCsv: '/api/v1/competency-frameworks/:id/export.csv',
    areas: '/api/v1/competency-frameworks/:id/areas',
    area: '/api/v1/competency-frameworks/:id/areas/:areaId',
    competencies: '/api/v1/competency-frameworks/:id/competencies',
    competency: '/api/v1/competency-frameworks/:id/competencies/:competencyId',
    order: '/api/v1/competency-frameworks/:id/order',
    pathLinks: '/api/v1/path-competencies',
    pathLink: '/api/v1/path-competencies/:pathId',
  },
  profiles: {
    list: '/api/v1/job-profiles',
    expectations: '/api/v1/job-profiles/:code/expectations',
    exportCsv: '/api/v1/job-profiles/:code/expectations.csv',
    import: '/api/v1/job-profiles/:code/expectations/import',
  },
  gaps: {
    campaigns: '/api/v1/gaps/campaigns',
    heatmap: '/api/v1/campaigns/:id/gaps/heatmap',
    heatmapCsv: '/api/v1/campaigns/:id/gaps/heatmap.csv',
    heatmapXlsx: '/api/v1/campaigns/:id/gaps/heatmap.xlsx',
    heatmapSvg: '/api/v1/campaigns/:id/gaps/heatmap.svg',
    priorities: '/api/v1/campaigns/:id/gaps/priorities',
    prioritiesCsv: '/api/v1/campaigns/:id/gaps/priorities.csv',
    prioritiesXlsx: '/api/v1/campaigns/:id/gaps/priorities.xlsx',
    prioritiesSvg: '/api/v1/campaigns/:id/gaps/priorities.svg',
    people: '/api/v1/campaigns/:id/gaps/people',
    mine: '/api/v1/my-gaps',
  },
  plans: {
    list: '/api/v1/training-plans',
    plan: '/api/v1/training-plans/:id',
    items: '/api/v1/training-plans/:id/items',
    item: '/api/v1/training-plans/:id/items/:itemId',
    order: '/api/v1/training-plans/:id/order',
    approve: '/api/v1/training-plans/:id/approve',
    reopen: '/api/v1/training-plans/:id/reopen',
    paths: '/api/v1/training-plans/:id/paths',
    exportPdf: '/api/v1/training-plans/:id/export.pdf',
    exportDocx: '/api/v1/training-plans/:id/export.docx',
    demand: '/api/v1/training-demand',
    demandCampaigns: '/api/v1/training-demand/campaigns',
    demandCsv: '/api/v1/training-demand/export.csv',
    suggestions: '/api/v1/my-suggestions',
  },
  campaigns: {
    list: '/api/v1/campaigns',
    campaign: '/api/v1/campaigns/:id',
    open: '/api/v1/campaigns/:id/open',
    close: '/api/v1/campaigns/:id/close',
    questions: '/api/v1/campaigns/:id/questions',
    progress: '/api/v1/campaigns/:id/progress',
    reminders: '/api/v1/campaigns/:id/reminders',
    assessments: '/api/v1/campaigns/:id/assessments',
    assessment: '/api/v1/campaigns/:id/assessments/:participantId',
    mine: '/api/v1/my-campaigns',
    myCampaign: '/api/v1/my-campaigns/:id',
    draft: '/api/v1/my-campaigns/:id/draft',
    submit: '/api/v1/my-campaigns/:id/submit',
  },
  taskforce: {
    members: '/api/v1/restructuring/taskforce/members',
    unit: '/api/v1/restructuring/taskforce/units/:id',
    unitMembers: '/api/v1/restructuring/taskforce/units/:id/members',
    unitMember: '/api/v1/restructuring/taskforce/units/:id/members/:userId',
    lead: '/api/v1/restructuring/taskforce/units/:id/lead',
    interventions: '/api/v1/restructuring/taskforce/units/:id/interventions',
    intervention: '/api/v1/restructuring/taskforce/interventions/:id',
    issues: '/api/v1/restructuring/taskforce/units/:id/issues',
    issue: '/api/v1/restructuring/taskforce/issues/:id',
    milestones: '/api/v1/restructuring/taskforce/units/:id/milestones',
    milestone: '/api/v1/restructuring/taskforce/milestones/:id',
    week: '/api/v1/restructuring/taskforce/my-week',
  },
  programming: {
    unit: '/api/v1/restructuring/units/:id/programming',
    document: '/api/v1/restructuring/units/:id/programming/:year/:kind',
    rules: '/api/v1/restructuring/deadline-rules',
    rule: '/api/v1/restructuring/deadline-rules/:id',
    moves: '/api/v1/restructuring/deadline-moves',
    move: '/api/v1/restructuring/deadline-moves/:id',
    deadlines: '/api/v1/restructuring/deadlines',
    deadlinesCsv: '/api/v1/restructuring/deadlines.csv',
  },
  reorgPlans: {
    plan: '/api/v1/restructuring/units/:id/plan',
    versions: '/api/v1/restructuring/units/:id/plan/versions',
    decision: '/api/v1/restructuring/units/:id/plan/versions/:number/decision',
    withdraw: '/api/v1/restructuring/units/:id/plan/versions/:number/withdrawal',
    status: '/api/v1/restructuring/units/:id/plan/status',
    compare: '/api/v1/restructuring/units/:id/plan/compare',
    documents: '/api/v1/restructuring/units/:id/plan/documents',
    document: '/api/v1/restructuring/units/:id/plan/documents/:documentId',
  },
  unitProfiles: {
    profile: '/api/v1/restructuring/units/:id/profile',
    details: '/api/v1/restructuring/units/:id/profile/details',
    population: '/api/v1/restructuring/units/:id/populations/:year',
    contacts: '/api/v1/restructuring/units/:id/contacts',
    contact: '/api/v1/restructuring/units/:id/contacts/:contactId',
    populationImport: '/api/v1/restructuring/populations/import',
  },
  capacity: {
    years: '/api/v1/restructuring/units/:id/capacity',
    year: '/api/v1/restructuring/units/:id/capacity/:year',
    thresholds: '/api/v1/restructuring/capacity-thresholds',
    threshold: '/api/v1/restructuring/capacity-thresholds/:id',
  },
  overview: {
    list: '/api/v1/restructuring/overview',
    csv: '/api/v1/restructuring/overview.csv',
    xlsx: '/api/v1/restructuring/overview.xlsx',
    trends: '/api/v1/restructuring/overview/trends',
    brief: '/api/v1/restructuring/units/:id/brief.pdf',
  },
} as const;

type Table = typeof apiRoutes;
/** Any address of the table. */
export type ApiRoute = { [G in keyof Table]: Table[G][keyof Table[G]] }[keyof Table];

/** The `:name` segments of a pattern, as a union of names (never when there are none). */
export type RouteParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | RouteParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The values a pattern needs, one per `:name` segment. */
export type RouteParams<P extends string> = { [K in RouteParamNames<P>]: string | number };

/** Query values; undefined, null and '' are left out. */
export type QueryParams = Record<string, string | number | boolean | undefined | null>;

declare const apiUrlBrand: unique symbol;
/** An address made by apiUrl() from the table: the web client's api() takes nothing else. */
export type ApiUrl = string & { readonly [apiUrlBrand]: true };

/** Builds a query string (`?a=1&b=x`) from the defined, non-empty values; '' when there are none. */
export function query(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/**
 * The address of a table pattern with its `:name` segments filled in (URI-encoded) and an optional
 * query. A pattern without segments takes no params object (or an empty one); one with segments takes
 * exactly those names.
 */
export function apiUrl<P extends ApiRoute>(
  pattern: P,
  ...args: [RouteParamNames<P>] extends [never]
    ? [params?: Record<string, never>, query?: QueryParams]
    : [params: RouteParams<P>, query?: QueryParams]
): ApiUrl {
  const [params, q] = args as [Record<string, string | number> | undefined, QueryParams | undefined];
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`apiUrl: missing :${name} for ${pattern}`);
    return encodeURIComponent(String(value));
  });
  return `${path}${q ? query(q) : ''}` as ApiUrl;
}
