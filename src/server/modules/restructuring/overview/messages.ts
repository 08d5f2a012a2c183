export const UNIT = { it: 'Ente', en: 'Unit' };
