/** Where the framework's pages live. */
export const FRAMEWORK_PATH = '/amministrazione/quadro-competenze';
export const versionPath = (id: number) => `${FRAMEWORK_PATH}/${id}`;
/** The catalogue's free-text competencies that name no competency of the version in force. */
export const UNMAPPED_PATH = `${FRAMEWORK_PATH}/da-mappare`;
