import { Table } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { romeToday } from '../../../common/rome-time';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableScroll } from '../../components/TableScroll';
import { NotFoundPage } from '../errors/NotFoundPage';
import { type PublicPath, usePublicPath } from './api';
import { Eligibility } from './Eligibility';
import { dateWords, EditionStatusBadge, hours, useReferenceNames } from './labels';

function Facts({ path }: { path: PublicPath }) {
  const { t } = useTranslation();
  const { jobProfile } = useReferenceNames();
  return (
    <dl className="row">
      <dt className="col-sm-4 col-lg-3">{t('training.domain')}</dt>
      <dd className="col-sm-8 col-lg-9">{path.domainName}</dd>
      <dt className="col-sm-4 col-lg-3">{t('training.serviceModel')}</dt>
      <dd className="col-sm-8 col-lg-9">{path.serviceModelName ?? t('training.noServiceModel')}</dd>
      <dt className="col-sm-4 col-lg-3">{t('training.level')}</dt>
      <dd className="col-sm-8 col-lg-9">{t(`levels.${path.level}`)}</dd>
      <dt className="col-sm-4 col-lg-3">{t('training.totalHours')}</dt>
      <dd className="col-sm-8 col-lg-9">{hours(path.totalHours, t)}</dd>
      <dt className="col-sm-4 col-lg-3">{t('training.modes')}</dt>
      <dd className="col-sm-8 col-lg-9">{path.deliveryModes.map((m) => t(`modes.${m}`)).join(', ')}</dd>
      <dt className="col-sm-4 col-lg-3">{t('training.targets')}</dt>
      <dd className="col-sm-8 col-lg-9">
        {path.targetJobProfiles.length === 0
          ? t('training.allProfiles')
          : path.targetJobProfiles.map((code) => jobProfile.get(code) ?? code).join(', ')}
      </dd>
    </dl>
  );
}

function Modules({ path }: { path: PublicPath }) {
  const { t } = useTranslation();
  if (path.modules.length === 0) return null;
  const modules = [...path.modules].sort((a, b) => a.position - b.position);
  return (
    <section aria-labelledby="path-modules" className="mt-5">
      <h2 id="path-modules" className="h3">
        {t('training.programme')}
      </h2>
      {/* A table from tablets up; on a phone, one block per module (no sideways scroll). */}
      <div className="d-none d-md-block">
        <TableScroll label={t('training.modulesCaption')}>
          <Table className="align-middle">
            <caption>{t('training.modulesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('training.module')}</th>
                <th scope="col">{t('training.moduleHours')}</th>
                <th scope="col">{t('training.mode')}</th>
              </tr>
            </thead>
            <tbody>
              {modules.map((m, i) => (
                <tr key={m.id}>
                  <th scope="row" className="fw-normal">
                    <span className="fw-semibold">
                      {i + 1}. {m.title}
                    </span>
                    {m.description ? (
                      <span className="d-block small officina-pre">{m.description}</span>
                    ) : null}
                  </th>
                  <td>{hours(m.hours, t)}</td>
                  <td>{t(`modes.${m.mode}`)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </TableScroll>
      </div>
      <ol className="d-md-none list-unstyled officina-stacked" aria-label={t('training.modulesCaption')}>
        {modules.map((m, i) => (
          <li key={m.id}>
            <h3 className="h5 mb-1">
              {i + 1}. {m.title}
            </h3>
            {m.description ? <p className="small officina-pre mb-1">{m.description}</p> : null}
            <dl className="mb-0">
              <dt>{t('training.moduleHours')}</dt>
              <dd>{hours(m.hours, t)}</dd>
              <dt>{t('training.mode')}</dt>
              <dd>{t(`modes.${m.mode}`)}</dd>
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Editions({ path }: { path: PublicPath }) {
  const { t } = useTranslation();
  const today = romeToday();
  const upcoming = path.editions
    .filter((e) => e.endsOn >= today && e.status !== 'draft')
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    <section aria-labelledby="path-editions" className="mt-5">
      <h2 id="path-editions" className="h3">
        {t('training.upcoming')}
      </h2>
      {upcoming.length === 0 ? (
        <p>{t('training.noUpcoming')}</p>
      ) : (
        <>
          <div className="d-none d-md-block">
            <TableScroll label={t('training.editionsCaption')}>
              <Table className="align-middle">
                <caption>{t('training.editionsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('training.edition')}</th>
                    <th scope="col">{t('training.dates')}</th>
                    <th scope="col">{t('training.place')}</th>
                    <th scope="col">{t('training.seatsLeft')}</th>
                    <th scope="col">{t('training.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {upcoming.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">
                        <Link to={`/formazione/edizioni/${e.id}`}>{e.title}</Link>
                      </th>
                      <td>{t('training.fromTo', dateWords(formatDate(e.startsOn), formatDate(e.endsOn)))}</td>
                      <td>{e.online ? t('calendar.online') : (e.venueName ?? '—')}</td>
                      <td>{e.status === 'cancelled' ? '—' : e.seatsLeft}</td>
                      <td>
                        <EditionStatusBadge status={e.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </TableScroll>
          </div>
          <ul className="d-md-none list-unstyled officina-stacked" aria-label={t('training.editionsCaption')}>
            {upcoming.map((e) => (
              <li key={e.id}>
                <h3 className="h5 mb-1">
                  <Link to={`/formazione/edizioni/${e.id}`}>{e.title}</Link>
                </h3>
                <dl className="mb-0">
                  <dt>{t('training.dates')}</dt>
                  <dd>{t('training.fromTo', dateWords(formatDate(e.startsOn), formatDate(e.endsOn)))}</dd>
                  <dt>{t('training.place')}</dt>
                  <dd>{e.online ? t('calendar.online') : (e.venueName ?? '—')}</dd>
                  <dt>{t('training.seatsLeft')}</dt>
                  <dd>{e.status === 'cancelled' ? '—' : e.seatsLeft}</dd>
                  <dt>{t('training.status')}</dt>
                  <dd>
                    <EditionStatusBadge status={e.status} />
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export default function PathPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const path = usePublicPath(slug);
  if (path.isPending) return <Loading />;
  if (path.error) {
    if (path.error instanceof ApiError && path.error.status === 404) return <NotFoundPage />;
    return (
      <Page title={t('training.pathTitle')}>
        <ErrorAlert error={path.error} />
        <Link to="/formazione">{t('training.backToCalendar')}</Link>
      </Page>
    );
  }
  const p = path.data;
  return (
    <Page title={p.title} lead={p.summary} description={p.summary}>
      <p>
        <Link to="/formazione">{t('training.backToCalendar')}</Link>
      </p>
      <Facts path={p} />
      <section aria-labelledby="path-eligibility" className="mt-4">
        <h2 id="path-eligibility" className="h3">
          {t('training.eligibility')}
        </h2>
        <Eligibility eligibility={p.eligibility} />
      </section>
      {p.objectives ? (
        <section aria-labelledby="path-objectives" className="mt-5">
          <h2 id="path-objectives" className="h3">
            {t('training.objectives')}
          </h2>
          <p className="officina-pre">{p.objectives}</p>
        </section>
      ) : null}
      {p.competencies.length > 0 ? (
        <section aria-labelledby="path-competencies" className="mt-5">
          <h2 id="path-competencies" className="h3">
            {t('training.competencies')}
          </h2>
          <ul>
            {p.competencies.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Modules path={p} />
      {p.materials.length > 0 ? (
        <section aria-labelledby="path-materials" className="mt-5">
          <h2 id="path-materials" className="h3">
            {t('training.materials')}
          </h2>
          <ul>
            {p.materials.map((m) => (
              <li key={m.url}>
                <a href={m.url} rel="noopener noreferrer">
                  {m.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Editions path={p} />
    </Page>
  );
}
