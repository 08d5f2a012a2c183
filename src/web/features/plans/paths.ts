/** Where the training plans' pages live. */
export const PLANS_PATH = '/piani-formativi';
export const planPath = (id: number) => `${PLANS_PATH}/${id}`;
export const DEMAND_PATH = '/domanda-formativa';
export const trainingPathPage = (slug: string) => `/formazione/percorsi/${encodeURIComponent(slug)}`;
export const editionPage = (id: number) => `/formazione/edizioni/${id}`;
