export const THRESHOLDS_PATH = '/riassetto/regole/soglie';
export const CAPACITY_ROUTE = 'riassetto/unita/:id/capacita';
