import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, UnitProfile } from '../../../common/unit-profiles';
import { ErrorAlert, fieldErrors } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { TableScroll } from '../../components/TableScroll';
import { useDeleteContact, useSaveContact } from './api';

const EMPTY = { name: '', role: '', email: '', phone: '' };

/** People to contact at the unit, who may have no account: listed, added, changed and removed. */
export function ContactsPanel({ profile }: { profile: UnitProfile }) {
  const { t } = useTranslation();
  const save = useSaveContact(profile.unit.id);
  const remove = useDeleteContact(profile.unit.id);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [form, setForm] = useState(EMPTY);
  const errs = fieldErrors(save.error);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const open = (c: Contact | null) => {
    save.reset();
    setEditing(c ? c.id : 'new');
    setForm(c ? { name: c.name, role: c.role, email: c.email ?? '', phone: c.phone ?? '' } : EMPTY);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        contactId: editing === 'new' || editing === null ? null : editing,
        body: {
          name: form.name,
          role: form.role,
          email: form.email.trim() || null,
          phone: form.phone.trim() || null,
        },
      },
      { onSuccess: () => setEditing(null) },
    );
  };

  return (
    <Panel title={t('unitProfile.contacts.title')} icon="it-telephone">
      <ErrorAlert error={remove.error} />
      {profile.contacts.length ? (
        <TableScroll label={t('unitProfile.contacts.title')}>
          <table className="table align-middle">
            <caption className="visually-hidden">{t('unitProfile.contacts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('unitProfile.contacts.name')}</th>
                <th scope="col">{t('unitProfile.contacts.role')}</th>
                <th scope="col">{t('unitProfile.contacts.email')}</th>
                <th scope="col">{t('unitProfile.contacts.phone')}</th>
                {profile.canEdit ? <th scope="col">{t('unitProfile.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {profile.contacts.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.role || '—'}</td>
                  <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—'}</td>
                  <td>{c.phone ?? '—'}</td>
                  {profile.canEdit ? (
                    <td className="text-nowrap">
                      <Button
                        size="xs"
                        color="primary"
                        outline
                        className="me-2"
                        onClick={() => open(c)}
                        aria-label={t('unitProfile.contacts.editOf', { name: c.name })}
                      >
                        {t('unitProfile.edit')}
                      </Button>
                      <Button
                        size="xs"
                        color="danger"
                        outline
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(c.id)}
                        aria-label={t('unitProfile.contacts.removeOf', { name: c.name })}
                      >
                        {t('unitProfile.remove')}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t('unitProfile.contacts.none')}</p>
      )}
      {profile.canEdit && editing === null ? (
        <Button color="primary" outline size="sm" onClick={() => open(null)}>
          {t('unitProfile.contacts.add')}
        </Button>
      ) : null}
      {editing !== null ? (
        <form onSubmit={submit} noValidate className="mt-3">
          <ErrorAlert error={save.error} />
          <div className="row">
            <div className="col-12 col-md-6">
              <TextField
                id="c-name"
                label={t('unitProfile.contacts.name')}
                value={form.name}
                onChange={set('name')}
                error={errs.name}
                required
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="c-role"
                label={t('unitProfile.contacts.role')}
                value={form.role}
                onChange={set('role')}
                error={errs.role}
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="c-email"
                type="email"
                label={t('unitProfile.contacts.email')}
                value={form.email}
                onChange={set('email')}
                error={errs.email}
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="c-phone"
                type="tel"
                label={t('unitProfile.contacts.phone')}
                value={form.phone}
                onChange={set('phone')}
                error={errs.phone}
              />
            </div>
          </div>
          <div className="d-flex gap-2">
            <Button type="submit" color="primary" size="sm" disabled={save.isPending}>
              {t('unitProfile.save')}
            </Button>
            <Button type="button" color="secondary" outline size="sm" onClick={() => setEditing(null)}>
              {t('unitProfile.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </Panel>
  );
}
