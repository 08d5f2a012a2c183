/** Where the job profiles' expected levels live. */
export const PROFILES_PATH = '/amministrazione/profili-competenze';
