/** Where the framework's pages live. */
export const FRAMEWORK_PATH = '/amministrazione/quadro-competenze';
export const versionPath = (id: number) => `${FRAMEWORK_PATH}/${id}`;
