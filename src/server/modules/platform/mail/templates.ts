export type Mail = { subject: string; text: string };

/** The signature that ends every e-mail. */
export const signature = {
  it: '— Officina, la piattaforma della formazione delle Province',
  en: '— Officina, the Provinces’ training platform',
};
