/** Where the gap pages live. */
export const GAPS_PATH = '/fabbisogni';
export const campaignGapsPath = (id: number) => `/rilevazioni/${id}/fabbisogni`;
export const MY_COMPETENCIES_PATH = '/le-mie-competenze';
