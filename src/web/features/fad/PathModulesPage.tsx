import { Badge, Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FadModuleKind, FadModuleSummary, FadOnlineSession } from '../../../common/fad';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../../components/ErrorAlert';
import { ChoiceField, TextField } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { usePath } from '../catalogue/api';
import { NotFoundPage } from '../errors/NotFoundPage';
import { useCreateModule, useLinkSession, usePathModules, usePathSessions } from './api';
import { moduleAdminPath, modulePath } from './paths';

function NewModule({ pathId }: { pathId: number }) {
  const { t } = useTranslation();
  const create = useCreateModule(pathId);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<FadModuleKind>('pages');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ titleIt: title, kind }, { onSuccess: () => setTitle('') });
  };
  return (
    <form onSubmit={submit} className="mt-3" noValidate>
      <div className="row align-items-end">
        <div className="col-12 col-md-5">
          <TextField
            id="fad-new-title"
            label={t('fad.admin.newTitle')}
            value={title}
            required
            maxLength={200}
            error={fieldErrors(create.error).titleIt}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="col-12 col-md-4">
          <ChoiceField
            id="fad-new-kind"
            label={t('fad.admin.kind')}
            value={kind}
            choices={[
              { value: 'pages', label: t('fad.kind.pages') },
              { value: 'scorm', label: t('fad.kind.scorm') },
            ]}
            onChange={(e) => setKind(e.target.value as FadModuleKind)}
          />
        </div>
        <div className="col-12 col-md-3 mb-4">
          <Button type="submit" color="primary" disabled={create.isPending}>
            {t('fad.admin.add')}
          </Button>
        </div>
      </div>
      <ErrorAlert error={create.error} />
      {create.isSuccess ? (
        <SuccessAlert>
          {t('fad.admin.created')} <Link to={moduleAdminPath(create.data.id)}>{create.data.titleIt}</Link>
        </SuccessAlert>
      ) : null}
    </form>
  );
}

function SessionLinks({ pathId, modules }: { pathId: number; modules: FadModuleSummary[] }) {
  const { t } = useTranslation();
  const sessions = usePathSessions(pathId);
  const link = useLinkSession();
  const choices = modules.map((m) => ({ value: String(m.id), label: m.titleIt }));
  const row = (s: FadOnlineSession) => (
    <tr key={s.sessionId}>
      <th scope="row">
        {s.editionTitle}
        <span className="d-block small">{s.title}</span>
      </th>
      <td>{formatDateTime(s.startsAt)}</td>
      <td>
        {s.canLink ? (
          <ChoiceField
            id={`fad-link-${s.sessionId}`}
            label={t('fad.admin.linkLabel', { session: s.title })}
            className="mb-0"
            value={s.moduleId === null ? '' : String(s.moduleId)}
            choices={choices}
            empty={t('fad.admin.noModule')}
            disabled={link.isPending}
            onChange={(e) =>
              link.mutate({
                sessionId: s.sessionId,
                moduleId: e.target.value ? Number(e.target.value) : null,
              })
            }
          />
        ) : (
          (modules.find((m) => m.id === s.moduleId)?.titleIt ?? t('fad.admin.noModule'))
        )}
      </td>
    </tr>
  );
  return (
    <section aria-labelledby="fad-sessions" className="mt-5">
      <h2 id="fad-sessions" className="h4">
        {t('fad.admin.sessions')}
      </h2>
      <p>{t('fad.admin.sessionsHelp')}</p>
      <ErrorAlert error={sessions.error ?? link.error} />
      {sessions.isPending ? <Loading /> : null}
      {sessions.data ? (
        <ResultsTable
          caption={t('fad.admin.sessionsCaption', { count: sessions.data.items.length })}
          columns={[t('fad.admin.edition'), t('fad.admin.when'), t('fad.admin.module')]}
          items={sessions.data.items}
          empty={t('fad.admin.noSessions')}
          row={row}
        />
      ) : null}
    </section>
  );
}

/** A path's online modules for catalogue managers: the list, a new module, and which session delivers which. */
export default function PathModulesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const pathId = Number(id);
  const valid = Number.isInteger(pathId) && pathId > 0;
  const path = usePath(valid ? pathId : null);
  const modules = usePathModules(valid ? pathId : null);
  if (!valid) return <NotFoundPage />;
  if (path.isPending || modules.isPending) return <Loading />;
  if (path.error || modules.error)
    return (
      <Page title={t('fad.admin.title')}>
        <ErrorAlert error={path.error ?? modules.error} />
      </Page>
    );
  const items = modules.data.items;
  return (
    <Page title={t('fad.admin.title')} lead={path.data.title}>
      <p>
        <Link to={`/amministrazione/catalogo/${pathId}`}>{t('fad.admin.backToPath')}</Link>
      </p>
      <section aria-labelledby="fad-list">
        <h2 id="fad-list" className="h4">
          {t('fad.modules')}
        </h2>
        <ResultsTable
          caption={t('fad.admin.caption', { count: items.length })}
          columns={[
            t('fad.admin.module'),
            t('fad.admin.pages'),
            t('fad.admin.status'),
            t('fad.admin.preview'),
          ]}
          items={items}
          empty={t('fad.admin.none')}
          row={(m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={moduleAdminPath(m.id)}>
                  {m.position}. {m.titleIt}
                </Link>
              </th>
              <td>{m.kind === 'scorm' ? t('fad.kind.scorm') : m.pageCount}</td>
              <td>
                <Badge color={m.status === 'published' ? 'success' : 'secondary'}>
                  {t(`fad.status.${m.status}`)}
                </Badge>
              </td>
              <td>
                <Link to={modulePath(m.id)}>
                  {t('fad.admin.open')}
                  <span className="visually-hidden"> {m.titleIt}</span>
                </Link>
              </td>
            </tr>
          )}
        />
        <NewModule pathId={pathId} />
      </section>
      <SessionLinks pathId={pathId} modules={items} />
    </Page>
  );
}
