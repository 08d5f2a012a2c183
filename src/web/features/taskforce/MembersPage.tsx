import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { CheckboxField, SelectField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { unitSectionUrl } from '../../components/UnitSectionNav';
import { useAssign, useMembers, useSetLead, useUnassign } from './api';
import { WEEK_PATH } from './paths';

/** The task force's members with the units each follows, and who follows each unit (with its lead). */
export default function MembersPage() {
  const { t } = useTranslation();
  const members = useMembers();
  const assign = useAssign();
  const unassign = useUnassign();
  const setLead = useSetLead();
  const [unitId, setUnitId] = useState('');
  const [userId, setUserId] = useState('');
  const [lead, setLeadFlag] = useState(false);
  const [done, setDone] = useState('');
  const followed = (members.data?.units ?? []).filter((u) => u.members.length > 0);
  const error = assign.error ?? unassign.error ?? setLead.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!unitId || !userId) return;
    setDone('');
    assign.mutate(
      { unitId: Number(unitId), userId, lead },
      { onSuccess: () => setDone(t('taskforce.members.assigned')) },
    );
  };

  return (
    <Page
      title={t('taskforce.members.title')}
      lead={t('taskforce.members.lead')}
      actions={
        <Link className="btn btn-outline-primary" to={WEEK_PATH}>
          {t('taskforce.week.title')}
        </Link>
      }
    >
      <ErrorAlert error={members.error} />
      {members.isPending ? <Loading /> : null}
      {members.data ? (
        <>
          <ResultsTable
            caption={t('taskforce.members.caption')}
            columns={[
              t('taskforce.members.name'),
              t('taskforce.members.units'),
              t('taskforce.members.count'),
            ]}
            items={members.data.members}
            empty={t('taskforce.members.none')}
            row={(m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.name}
                  <div className="small text-muted">{m.email}</div>
                </th>
                <td>
                  {m.units.length === 0 ? (
                    t('taskforce.members.noUnits')
                  ) : (
                    <ul className="list-unstyled mb-0">
                      {m.units.map((u) => (
                        <li key={u.id}>
                          <Link to={unitSectionUrl(u.id, 'taskForce')}>{u.name}</Link>
                          {u.lead ? (
                            <span className="badge bg-primary ms-2">{t('taskforce.lead')}</span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{m.count}</td>
              </tr>
            )}
          />

          <section className="mt-5" aria-labelledby="tf-assign">
            <h2 id="tf-assign" className="h4">
              {t('taskforce.members.assignTitle')}
            </h2>
            <p>{t('taskforce.members.assignHelp')}</p>
            <ErrorAlert error={error} />
            {done ? <SuccessAlert>{done}</SuccessAlert> : null}
            <form onSubmit={submit} className="row g-3 align-items-end">
              <div className="col-12 col-md-4">
                <SelectField
                  id="tf-unit"
                  label={t('taskforce.unit')}
                  value={unitId}
                  required
                  onChange={(e) => setUnitId(e.target.value)}
                >
                  <option value="">{t('taskforce.choose')}</option>
                  {members.data.units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div className="col-12 col-md-4">
                <SelectField
                  id="tf-member"
                  label={t('taskforce.member')}
                  value={userId}
                  required
                  onChange={(e) => setUserId(e.target.value)}
                >
                  <option value="">{t('taskforce.choose')}</option>
                  {members.data.members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div className="col-12 col-md-2">
                <CheckboxField
                  id="tf-lead"
                  label={t('taskforce.members.asLead')}
                  checked={lead}
                  onChange={setLeadFlag}
                />
              </div>
              <div className="col-12 col-md-2">
                <Button color="primary" type="submit" disabled={assign.isPending}>
                  {t('taskforce.members.assign')}
                </Button>
              </div>
            </form>
          </section>

          <section className="mt-5" aria-labelledby="tf-units">
            <h2 id="tf-units" className="h4">
              {t('taskforce.members.byUnit')}
            </h2>
            <ResultsTable
              caption={t('taskforce.members.byUnitCaption')}
              columns={[t('taskforce.unit'), t('taskforce.members.assignedPeople')]}
              items={followed}
              empty={t('taskforce.members.noAssignments')}
              row={(u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link to={unitSectionUrl(u.id, 'taskForce')}>{u.name}</Link>
                  </th>
                  <td>
                    <ul className="list-unstyled mb-0">
                      {u.members.map((m) => (
                        <li key={m.userId} className="d-flex flex-wrap align-items-center gap-2 py-1">
                          <span>{m.name}</span>
                          {m.lead ? (
                            <span className="badge bg-primary">{t('taskforce.lead')}</span>
                          ) : (
                            <Button
                              size="xs"
                              color="primary"
                              outline
                              disabled={setLead.isPending}
                              onClick={() => setLead.mutate({ unitId: u.id, userId: m.userId })}
                              aria-label={t('taskforce.members.makeLeadOf', { name: m.name, unit: u.name })}
                            >
                              {t('taskforce.members.makeLead')}
                            </Button>
                          )}
                          <Button
                            size="xs"
                            color="danger"
                            outline
                            disabled={unassign.isPending}
                            onClick={() => unassign.mutate({ unitId: u.id, userId: m.userId })}
                            aria-label={t('taskforce.members.removeFrom', { name: m.name, unit: u.name })}
                          >
                            {t('taskforce.members.remove')}
                          </Button>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              )}
            />
          </section>
        </>
      ) : null}
    </Page>
  );
}
