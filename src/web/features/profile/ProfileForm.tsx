import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRoutes, apiUrl } from '../../../common/api-routes';
import type { Me } from '../../../common/auth';
import { api } from '../../api/client';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { setLanguage } from '../../i18n';
import { ME_KEY } from '../auth/session';

export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(me.name);
  const [locale, setLocale] = useState(me.locale === 'en' ? 'en' : 'it');
  const save = useMutation({
    mutationFn: (body: { name: string; locale: 'it' | 'en' }) =>
      api<Me>(apiUrl(apiRoutes.auth.me), { method: 'PATCH', body }),
    onSuccess: async (updated) => {
      client.setQueryData(ME_KEY, updated);
      if (updated.locale === 'it' || updated.locale === 'en') await setLanguage(updated.locale);
    },
  });
  const errors = fieldErrors(save.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ name: name.trim(), locale: locale === 'en' ? 'en' : 'it' });
  };

  return (
    <Panel title={t('profile.edit')}>
      <ErrorAlert error={save.error} />
      {save.isSuccess ? <SuccessAlert>{t('profile.saved')}</SuccessAlert> : null}
      <form onSubmit={submit} noValidate>
        <TextField
          id="profile-name"
          label={t('profile.name')}
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <SelectField
          id="profile-locale"
          label={t('profile.language')}
          value={locale}
          onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'it')}
          error={errors.locale}
        >
          <option value="it">Italiano</option>
          <option value="en">English</option>
        </SelectField>
        <Button type="submit" color="primary" className="mt-3" disabled={save.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Panel>
  );
}
