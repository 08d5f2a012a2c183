export const UNIT = { it: 'Ente', en: 'Unit' };
export const CONTACT = { it: 'Contatto', en: 'Contact' };
export const POPULATION = { it: 'Popolazione dell’anno', en: 'Population of the year' };
