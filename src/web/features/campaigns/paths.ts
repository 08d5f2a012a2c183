/** Where the survey pages live: the managers' under /rilevazioni, the respondent's under /le-mie-rilevazioni. */
export const CAMPAIGNS_PATH = '/rilevazioni';
export const MY_CAMPAIGNS_PATH = '/le-mie-rilevazioni';
export const campaignPath = (id: number) => `${CAMPAIGNS_PATH}/${id}`;
export const editCampaignPath = (id: number) => `${CAMPAIGNS_PATH}/${id}/modifica`;
export const assessmentPath = (id: number, participantId: number) =>
  `${CAMPAIGNS_PATH}/${id}/valutazioni/${participantId}`;
export const questionnairePath = (id: number) => `${MY_CAMPAIGNS_PATH}/${id}`;
