/** The addresses of the programming pages (the unit's page is in UnitSectionNav's unitSectionUrl). */
export const UNIT_PROGRAMMING_PATH = '/riassetto/unita/:id/programmazione';
export const DEADLINES_PATH = '/riassetto/scadenze';
export const RULES_PATH = '/riassetto/regole/scadenze';
