import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { FrameworkTree } from '../../../common/framework';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { exportUrl, useDeleteDraft, useFrameworkVersion, useFrameworkVersions, usePublish } from './api';
import { CompetencyDetails } from './CompetencyDetails';
import { DraftEditor } from './DraftEditor';
import { local, StatusBadge } from './labels';
import { FRAMEWORK_PATH } from './paths';

/** The tree: one heading per domain, area and competency, and lists, so it reads well aloud and on a phone. */
function Tree({ tree }: { tree: FrameworkTree }) {
  const { t } = useTranslation();
  if (!tree.domains.length) return <p>{t('framework.empty')}</p>;
  return (
    <>
      {tree.domains.map((d) => (
        <section key={d.code} aria-labelledby={`domain-${d.code}`} className="mb-5">
          <h2 id={`domain-${d.code}`} className="h3 border-bottom pb-2">
            {local(d.name)}
          </h2>
          {d.areas.map((a) => (
            <section key={a.id} aria-labelledby={`area-${a.id}`} className="mt-4">
              <h3 id={`area-${a.id}`} className="h5">
                <span className="text-muted me-2">{a.code}</span>
                {local(a.name)}
              </h3>
              {a.competencies.length ? (
                <ul className="list-unstyled ps-0 ps-md-3 mt-3">
                  {a.competencies.map((c) => (
                    <li key={c.id} className="mb-4">
                      <CompetencyDetails c={c} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('framework.emptyArea')}</p>
              )}
            </section>
          ))}
        </section>
      ))}
    </>
  );
}

type Confirm = 'publish' | 'delete' | null;

export default function FrameworkVersionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const version = useFrameworkVersion(id);
  const versions = useFrameworkVersions();
  const publish = usePublish();
  const remove = useDeleteDraft();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [done, setDone] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  /** Publishing or deleting closes the open form: its unsaved changes go only if confirmed. */
  const ask = (next: Confirm) => {
    if (dirty && !window.confirm(t('framework.editor.discardFirst'))) return;
    setConfirm(next);
  };
  const tree = version.data;
  if (!tree)
    return (
      <Page title={t('framework.title')}>
        {version.isPending ? <Loading /> : <ErrorAlert error={version.error} />}
        <Link to={FRAMEWORK_PATH}>{t('framework.back')}</Link>
      </Page>
    );
  const inForce = versions.data?.find((v) => v.status === 'published');
  const draft = tree.status === 'draft';
  return (
    <Page
      title={t('framework.versionTitle', { version: tree.version })}
      lead={local(tree.title)}
      actions={
        <>
          <a className="btn btn-outline-primary" href={exportUrl(tree.id, 'json')} download>
            {t('framework.exportJson')}
          </a>
          <a className="btn btn-outline-primary" href={exportUrl(tree.id, 'csv')} download>
            {t('framework.exportCsv')}
          </a>
          {draft ? (
            <>
              <Button color="primary" onClick={() => ask('publish')}>
                {t('framework.publish')}
              </Button>
              <Button color="danger" outline onClick={() => ask('delete')}>
                {t('framework.deleteDraft')}
              </Button>
            </>
          ) : null}
        </>
      }
    >
      <p>
        <Link to={FRAMEWORK_PATH}>{t('framework.back')}</Link>
      </p>
      {done ? <SuccessAlert>{done}</SuccessAlert> : null}
      <dl className="row mb-4">
        <dt className="col-12 col-sm-3">{t('framework.statusColumn')}</dt>
        <dd className="col-12 col-sm-9">
          <StatusBadge status={tree.status} />
        </dd>
        <dt className="col-12 col-sm-3">{t('framework.source')}</dt>
        <dd className="col-12 col-sm-9">{local(tree.source)}</dd>
        {tree.publishedAt ? (
          <>
            <dt className="col-12 col-sm-3">{t('framework.inForce')}</dt>
            <dd className="col-12 col-sm-9">
              {tree.retiredAt
                ? t('framework.fromTo', {
                    from: formatDate(tree.publishedAt),
                    to: formatDate(tree.retiredAt),
                  })
                : t('framework.since', { from: formatDate(tree.publishedAt) })}
            </dd>
          </>
        ) : null}
        <dt className="col-12 col-sm-3">{t('framework.size')}</dt>
        <dd className="col-12 col-sm-9">
          {t('framework.counts', { areas: tree.areas, competencies: tree.competencies })}
        </dd>
      </dl>
      {draft ? <p className="alert alert-info">{t('framework.draftHelp')}</p> : null}
      {draft ? <DraftEditor tree={tree} onDirty={setDirty} /> : <Tree tree={tree} />}
      <Dialog
        open={confirm === 'publish'}
        title={t('framework.publishTitle', { version: tree.version })}
        onClose={() => setConfirm(null)}
      >
        <p>
          {inForce
            ? t('framework.publishText', { previous: inForce.version })
            : t('framework.publishTextFirst')}
        </p>
        <ErrorAlert error={publish.error} />
        <div className="d-flex flex-wrap gap-2">
          <Button
            color="primary"
            disabled={publish.isPending}
            onClick={() =>
              publish.mutate(tree.id, {
                onSuccess: () => {
                  setConfirm(null);
                  setDone(t('framework.published', { version: tree.version }));
                },
              })
            }
          >
            {t('framework.publish')}
          </Button>
          <Button color="secondary" outline onClick={() => setConfirm(null)}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog>
      <Dialog
        open={confirm === 'delete'}
        title={t('framework.deleteTitle', { version: tree.version })}
        onClose={() => setConfirm(null)}
      >
        <p>{t('framework.deleteText')}</p>
        <ErrorAlert error={remove.error} />
        <div className="d-flex flex-wrap gap-2">
          <Button
            color="danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(tree.id, {
                onSuccess: () => {
                  void navigate(FRAMEWORK_PATH);
                },
              })
            }
          >
            {t('framework.deleteDraft')}
          </Button>
          <Button color="secondary" outline onClick={() => setConfirm(null)}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog>
    </Page>
  );
}
