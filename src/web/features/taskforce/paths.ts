/** The task force's pages in the restructuring area. */
export const MEMBERS_PATH = '/riassetto/task-force';
export const WEEK_PATH = '/riassetto/settimana';
export const UNIT_PATH = '/riassetto/unita/:id/task-force';
