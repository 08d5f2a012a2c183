import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { Panel } from '../../components/Panel';
import { TableScroll } from '../../components/TableScroll';
import { UnitSectionNav } from '../../components/UnitSectionNav';
import { useMe } from '../auth/session';
import { useUnitProfile } from './api';
import { ContactsPanel } from './ContactsPanel';
import { DetailsPanel } from './DetailsPanel';
import { PopulationPanel } from './PopulationPanel';
import { POPULATION_IMPORT_PATH } from './paths';

/** A unit's profile: identity, population and band, contacts, officers, Convenzioni and links to its needs. */
export default function ProfilePage() {
  const { t, i18n } = useTranslation();
  const id = Number(useParams().id);
  const profile = useUnitProfile(id);
  const me = useMe().data;
  const p = profile.data;
  if (!p)
    return (
      <Page title={t('unitProfile.title')}>
        {profile.error ? <ErrorAlert error={profile.error} /> : <Loading />}
      </Page>
    );
  const u = p.unit;
  return (
    <Page
      title={u.name}
      lead={`${t(`unitTypes.${u.unitType}`)} — ${u.regionName}`}
      actions={
        me?.can.validateRestructuring ? (
          <Link className="btn btn-outline-primary btn-sm" to={POPULATION_IMPORT_PATH}>
            {t('unitProfile.import.link')}
          </Link>
        ) : null
      }
    >
      <UnitSectionNav unitId={u.id} unitName={u.name} />
      <div className="row g-4">
        <div className="col-12 col-lg-6">
          <Panel title={t('unitProfile.identity.title')} icon="it-pa">
            <dl className="row mb-0">
              <dt className="col-6">{t('unitProfile.identity.type')}</dt>
              <dd className="col-6">{t(`unitTypes.${u.unitType}`)}</dd>
              <dt className="col-6">{t('unitProfile.identity.region')}</dt>
              <dd className="col-6">{u.regionName}</dd>
              <dt className="col-6">{t('unitProfile.identity.statute')}</dt>
              <dd className="col-6">{t(`unitProfile.statute.${u.regionStatute}`)}</dd>
              <dt className="col-6">{t('unitProfile.identity.istat')}</dt>
              <dd className="col-6 font-monospace">
                {u.istatCode}
                {u.provinceCode !== u.istatCode ? ` (${u.provinceCode})` : ''}
              </dd>
              <dt className="col-6">{t('unitProfile.identity.phase')}</dt>
              <dd className="col-6">
                {u.programmePhase
                  ? t('unitProfile.identity.phaseN', { n: u.programmePhase })
                  : t('unitProfile.identity.noPhase')}
              </dd>
            </dl>
          </Panel>
        </div>
        <div className="col-12 col-lg-6">
          <PopulationPanel profile={p} />
        </div>
        <div className="col-12">
          <DetailsPanel profile={p} />
        </div>
        <div className="col-12">
          <ContactsPanel profile={p} />
        </div>
        <div className="col-12 col-lg-6">
          <Panel title={t('unitProfile.officers.title')} icon="it-user">
            {p.officers.length ? (
              <ul className="mb-0">
                {p.officers.map((o) => (
                  <li key={o.email}>
                    {o.name} — <a href={`mailto:${o.email}`}>{o.email}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mb-0">{t('unitProfile.officers.none')}</p>
            )}
          </Panel>
        </div>
        <div className="col-12 col-lg-6">
          <Panel title={t('unitProfile.links.title')} icon="it-link">
            <p>
              {t('unitProfile.links.delivered', {
                year: p.training.year,
                hours: p.training.hours.toLocaleString(i18n.language),
                people: p.training.people,
                completions: p.training.completions,
              })}
            </p>
            <ul className="mb-0">
              <li>
                <Link to="/fabbisogni">{t('unitProfile.links.gaps')}</Link>
              </li>
              <li>
                {p.trainingPlan ? (
                  <Link to={`/piani-formativi/${p.trainingPlan.id}`}>
                    {t('unitProfile.links.plan', {
                      year: p.trainingPlan.year,
                      status: t(`unitProfile.links.planStatus.${p.trainingPlan.status}`),
                      lines: p.trainingPlan.lineCount,
                    })}
                  </Link>
                ) : (
                  <>
                    <Link to="/piani-formativi">{t('unitProfile.links.plans')}</Link>:{' '}
                    {t('unitProfile.links.noPlan')}
                  </>
                )}
              </li>
              <li>
                <Link to="/formazione">{t('unitProfile.links.training')}</Link>
              </li>
              <li>
                {t('unitProfile.links.helpdesk')}: <em>{t('unitProfile.links.notYet')}</em>
              </li>
            </ul>
          </Panel>
        </div>
        <div className="col-12">
          <Panel title={t('unitProfile.agreements.title')} icon="it-file">
            {p.agreements.length ? (
              <TableScroll label={t('unitProfile.agreements.title')}>
                <table className="table align-middle mb-0">
                  <caption className="visually-hidden">{t('unitProfile.agreements.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('unitProfile.agreements.model')}</th>
                      <th scope="col">{t('unitProfile.agreements.signed')}</th>
                      <th scope="col">{t('unitProfile.agreements.validity')}</th>
                      <th scope="col">{t('unitProfile.agreements.state')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.agreements.map((a) => (
                      <tr key={a.id}>
                        <th scope="row">{a.serviceModelName}</th>
                        <td>{formatDate(a.signedOn)}</td>
                        <td>
                          {formatDate(a.validFrom)} –{' '}
                          {a.validTo ? formatDate(a.validTo) : t('unitProfile.agreements.open')}
                        </td>
                        <td>
                          {a.active
                            ? t('unitProfile.agreements.active')
                            : t('unitProfile.agreements.inactive')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : (
              <p className="mb-0">{t('unitProfile.agreements.none')}</p>
            )}
          </Panel>
        </div>
      </div>
    </Page>
  );
}
