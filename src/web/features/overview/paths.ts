/** The restructuring area's home and the pages its link row points to. */
export const RESTRUCTURING_PATH = '/riassetto';
export const AREA_LINKS = [
  { key: 'taskForce', to: '/riassetto/task-force', can: 'validateRestructuring' },
  { key: 'week', to: '/riassetto/settimana', can: 'validateRestructuring' },
  { key: 'deadlines', to: '/riassetto/scadenze', can: 'validateRestructuring' },
  { key: 'thresholds', to: '/riassetto/regole/soglie', can: 'useRestructuring' },
  { key: 'deadlineRules', to: '/riassetto/regole/scadenze', can: 'useRestructuring' },
] as const;
