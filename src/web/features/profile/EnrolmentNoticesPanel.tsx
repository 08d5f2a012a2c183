import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import {
  ENROLMENT_NOTICE_MODES,
  type EnrolmentNoticeMode,
  type EnrolmentNotices,
} from '../../../common/enrolment';
import { api } from '../../api/client';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { Panel } from '../../components/Panel';

const NOTICES_KEY = ['enrolment-notices'] as const;

/**
 * A Province officer's choice between one e-mail per staff request or cancellation and one daily
 * summary. Saved with the button, so moving between the options with the arrow keys saves nothing.
 */
export function EnrolmentNoticesPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = useQuery({
    queryKey: NOTICES_KEY,
    queryFn: ({ signal }) => api<EnrolmentNotices>(apiUrl(apiRoutes.enrolment.notices), { signal }),
  });
  const [mode, setMode] = useState<EnrolmentNoticeMode>('each');
  useEffect(() => {
    if (current.data) setMode(current.data.mode);
  }, [current.data]);
  const save = useMutation({
    mutationFn: (body: EnrolmentNotices) =>
      api<EnrolmentNotices>(apiUrl(apiRoutes.enrolment.notices), { method: 'PUT', body }),
    onSuccess: (saved) => client.setQueryData(NOTICES_KEY, saved),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ mode });
  };

  return (
    <Panel title={t('enrolmentNotices.title')} icon="it-mail">
      <p>{t('enrolmentNotices.lead')}</p>
      <ErrorAlert error={current.error ?? save.error} />
      {save.isSuccess && !save.isPending ? <SuccessAlert>{t('enrolmentNotices.saved')}</SuccessAlert> : null}
      {current.isPending ? null : (
        <form onSubmit={submit} noValidate>
          <fieldset>
            <legend className="fs-6 fw-semibold mb-2">{t('enrolmentNotices.legend')}</legend>
            {ENROLMENT_NOTICE_MODES.map((m) => (
              <div key={m} className="form-check">
                <input
                  type="radio"
                  id={`enrolment-notices-${m}`}
                  name="enrolment-notices"
                  value={m}
                  checked={mode === m}
                  aria-describedby={`enrolment-notices-${m}-hint`}
                  onChange={() => {
                    setMode(m);
                    save.reset();
                  }}
                />
                <label htmlFor={`enrolment-notices-${m}`}>{t(`enrolmentNotices.${m}`)}</label>
                <small id={`enrolment-notices-${m}-hint`} className="form-text d-block">
                  {t(`enrolmentNotices.${m}Hint`)}
                </small>
              </div>
            ))}
          </fieldset>
          <Button type="submit" color="primary" className="mt-3" disabled={save.isPending}>
            {t('common.save')}
          </Button>
        </form>
      )}
    </Panel>
  );
}
