/** Where the ISTAT population import lives (the task force's and the admins'). */
export const POPULATION_IMPORT_PATH = '/riassetto/popolazione/importa';
export const UNIT_PROFILE_ROUTE = 'riassetto/unita/:id';
