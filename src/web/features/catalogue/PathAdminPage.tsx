import { Button, Table } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Edition, TrainingPath } from '../../../common/catalogue';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableScroll } from '../../components/TableScroll';
import { pathModulesAdminPath } from '../fad/paths';
import { bankPath } from '../quizzes/text';
import { dateWords, EditionStatusBadge, PathStatusBadge } from '../training/labels';
import { type PathStatus, useCreateEdition, useEditions, usePath, usePathStatus, useSavePath } from './api';
import { EditionForm } from './EditionForm';
import { PathForm } from './PathForm';

function StatusActions({ path }: { path: TrainingPath }) {
  const { t } = useTranslation();
  const change = usePathStatus(path.id);
  const [done, setDone] = useState<PathStatus | null>(null);
  const go = (status: PathStatus) => change.mutate(status, { onSuccess: () => setDone(status) });
  return (
    <section aria-labelledby="path-status" className="mb-5">
      <h2 id="path-status" className="h4">
        {t('catalogue.publication')}
      </h2>
      <p className="d-flex align-items-center gap-2">
        {t('catalogue.currentStatus')} <PathStatusBadge status={path.status} />
      </p>
      <ErrorAlert error={change.error} />
      {done ? <SuccessAlert>{t(`catalogue.statusDone.${done}`)}</SuccessAlert> : null}
      <div className="d-flex flex-wrap gap-2">
        {path.status !== 'published' ? (
          <Button color="primary" size="sm" disabled={change.isPending} onClick={() => go('published')}>
            {t('catalogue.publish')}
          </Button>
        ) : null}
        {path.status !== 'archived' ? (
          <Button
            color="secondary"
            outline
            size="sm"
            disabled={change.isPending}
            onClick={() => go('archived')}
          >
            {t('catalogue.archive')}
          </Button>
        ) : null}
        {path.status === 'archived' ? (
          <Button color="secondary" outline size="sm" disabled={change.isPending} onClick={() => go('draft')}>
            {t('catalogue.toDraft')}
          </Button>
        ) : null}
      </div>
      {path.status === 'published' ? (
        <p className="mt-3 mb-0">
          <Link to={`/formazione/percorsi/${path.slug}`}>{t('catalogue.publicPage')}</Link>
        </p>
      ) : null}
    </section>
  );
}

function EditionsTable({ editions }: { editions: Edition[] }) {
  const { t } = useTranslation();
  const caption = t('catalogue.editionsCaption', { count: editions.length });
  return (
    <TableScroll label={caption}>
      <Table hover className="align-middle">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.edition')}</th>
            <th scope="col">{t('training.dates')}</th>
            <th scope="col">{t('training.place')}</th>
            <th scope="col">{t('catalogue.sessionsCount')}</th>
            <th scope="col">{t('training.seats')}</th>
            <th scope="col">{t('training.status')}</th>
          </tr>
        </thead>
        <tbody>
          {editions.length === 0 ? (
            <tr>
              <td colSpan={6}>{t('catalogue.noEditions')}</td>
            </tr>
          ) : (
            editions.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  <Link to={`/amministrazione/edizioni/${e.id}`}>{e.title}</Link>
                </th>
                <td>{t('training.fromTo', dateWords(formatDate(e.startsOn), formatDate(e.endsOn)))}</td>
                <td>{e.online && !e.venueName ? t('calendar.online') : (e.venueName ?? '—')}</td>
                <td>{e.sessions.length}</td>
                <td>{t('training.seatsOf', { left: e.seatsLeft, capacity: e.capacity })}</td>
                <td>
                  <EditionStatusBadge status={e.status} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
    </TableScroll>
  );
}

function Editions({ path }: { path: TrainingPath }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const editions = useEditions({ pathId: path.id });
  const create = useCreateEdition();
  const [open, setOpen] = useState(false);
  const sorted = [...(editions.data?.items ?? [])].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return (
    <section aria-labelledby="path-editions" className="mb-5">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-3">
        <h2 id="path-editions" className="h4 mb-0">
          {t('catalogue.editions')}
        </h2>
        <Button
          color="primary"
          size="sm"
          aria-expanded={open}
          aria-controls="new-edition"
          onClick={() => setOpen(!open)}
        >
          {t('catalogue.newEdition')}
        </Button>
      </div>
      <div id="new-edition">
        {open ? (
          <div className="officina-filters pt-1 mb-4">
            <h3 className="h5 mt-3">{t('catalogue.newEditionTitle')}</h3>
            <p className="small mb-0">{t('catalogue.newEditionLead')}</p>
            <EditionForm
              edition={null}
              idPrefix="new-edition"
              pending={create.isPending}
              error={create.error}
              submitLabel={t('catalogue.createEdition')}
              formLabel={t('catalogue.newEditionTitle')}
              onSubmit={(input) =>
                create.mutate(
                  { ...input, pathId: path.id },
                  {
                    onSuccess: (created) => {
                      void navigate(`/amministrazione/edizioni/${created.id}`, { state: { created: true } });
                    },
                  },
                )
              }
            />
          </div>
        ) : null}
      </div>
      <ErrorAlert error={editions.error} />
      {editions.isPending ? <Loading /> : <EditionsTable editions={sorted} />}
    </section>
  );
}

export default function PathAdminPage() {
  const { t } = useTranslation();
  const params = useParams();
  const location = useLocation();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const path = usePath(valid ? id : null);
  const save = useSavePath(valid ? id : null);
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const back = (
    <p>
      <Link to="/amministrazione/catalogo">{t('catalogue.back')}</Link>
    </p>
  );
  if (!valid || path.error)
    return (
      <Page title={t('catalogue.pathTitle')}>
        {back}
        <ErrorAlert error={path.error ?? new Error('invalid id')} />
      </Page>
    );
  if (path.isPending) return <Loading />;
  const p = path.data;
  return (
    <Page title={p.title} lead={t('catalogue.pathLead', { domain: p.domainName })}>
      {back}
      {created && !save.isSuccess ? (
        <SuccessAlert>{t('catalogue.created', { title: p.title })}</SuccessAlert>
      ) : null}
      <StatusActions path={p} />
      {/* The path's online learning: its modules and its question bank with the quizzes. */}
      <ul className="list-inline mb-5">
        <li className="list-inline-item me-3">
          <Link to={pathModulesAdminPath(p.id)}>{t('fad.admin.nav')}</Link>
        </li>
        <li className="list-inline-item">
          <Link to={bankPath(p.id)}>{t('quizzes.pathLink')}</Link>
        </li>
      </ul>
      <Editions path={p} />
      <section aria-labelledby="path-edit">
        <h2 id="path-edit" className="h4">
          {t('catalogue.editPath')}
        </h2>
        {save.isSuccess ? (
          <SuccessAlert>{t('catalogue.saved', { title: save.data.title })}</SuccessAlert>
        ) : null}
        <PathForm
          key={p.updatedAt}
          path={p}
          pending={save.isPending}
          error={save.error}
          onSubmit={(input) => save.mutate(input)}
        />
      </section>
    </Page>
  );
}
