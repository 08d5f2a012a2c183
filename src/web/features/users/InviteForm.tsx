import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserSummary } from '../../../common/users';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/Field';
import { useReference } from '../units/api';
import { useInvite } from './api';
import type { UnitOption } from './unitOptions';

export function InviteForm({ units, restricted }: { units: UnitOption[]; restricted: boolean }) {
  const { t } = useTranslation();
  const reference = useReference();
  const invite = useInvite();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState(restricted && units.length === 1 ? String(units[0]?.id) : '');
  const [jobProfile, setJobProfile] = useState('');
  const [invited, setInvited] = useState<UserSummary | null>(null);
  const errors = fieldErrors(invite.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setInvited(null);
    invite.mutate(
      {
        email: email.trim(),
        name: name.trim(),
        unitId: unitId ? Number(unitId) : null,
        jobProfileCode: jobProfile || null,
      },
      {
        onSuccess: (user) => {
          setInvited(user);
          setEmail('');
          setName('');
          setJobProfile('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="invite-title" className="mb-5">
      <h2 id="invite-title" className="h3">
        {t('invite.title')}
      </h2>
      <p>{t('invite.lead')}</p>
      {invited ? (
        <SuccessAlert>
          {t('invite.sent', { email: invited.email })}{' '}
          <Link to={`/amministrazione/utenti/${invited.id}`}>
            {t('invite.openUser', { name: invited.name })}
          </Link>
        </SuccessAlert>
      ) : null}
      <ErrorAlert error={invite.error} />
      <form onSubmit={submit} noValidate>
        <div className="row">
          <div className="col-12 col-md-6">
            <TextField
              id="invite-email"
              type="email"
              label={t('users.email')}
              autoComplete="off"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={errors.email}
            />
          </div>
          <div className="col-12 col-md-6">
            <TextField
              id="invite-name"
              label={t('users.name')}
              autoComplete="off"
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={errors.name}
            />
          </div>
          <div className="col-12 col-md-6">
            <SelectField
              id="invite-unit"
              label={t('users.unit')}
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              error={errors.unitId}
            >
              {restricted ? null : <option value="">{t('users.noUnit')}</option>}
              {units.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {u.name}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="col-12 col-md-6">
            <SelectField
              id="invite-job"
              label={t('users.jobProfile')}
              value={jobProfile}
              onChange={(e) => setJobProfile(e.target.value)}
              error={errors.jobProfileCode}
            >
              <option value="">{t('users.noJobProfile')}</option>
              {(reference.data?.jobProfiles ?? []).map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
        <Button type="submit" color="primary" className="mt-3" disabled={invite.isPending}>
          {t('invite.submit')}
        </Button>
      </form>
    </section>
  );
}
