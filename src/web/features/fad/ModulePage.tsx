import { Badge, Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FadModuleView, FadPage, FadProgress } from '../../../common/fad';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { NotFoundPage } from '../errors/NotFoundPage';
import { useActiveTime } from './activeTime';
import { useFadModule } from './api';
import { FAD_PATH, moduleAdminPath } from './paths';
import { ScormPlayer } from './ScormPlayer';

const localized = (lang: string, it: string, en: string) => (lang === 'en' && en ? en : it);

/** One page of a module: its text (sanitised by the server), its video and its materials. */
function PageContent({ page, lang }: { page: FadPage; lang: string }) {
  const { t } = useTranslation();
  const title = localized(lang, page.titleIt, page.titleEn);
  const body = localized(lang, page.bodyIt, page.bodyEn);
  return (
    <article aria-labelledby="fad-page-title">
      <h2 id="fad-page-title" className="h3" tabIndex={-1}>
        {title}
      </h2>
      {/* The server keeps only safe markup (see fad/rich-text.ts on the server). */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server when saved */}
      <div className="officina-rich-text" dangerouslySetInnerHTML={{ __html: body }} />
      {page.embedUrl ? (
        <div className="ratio ratio-16x9 my-3">
          <iframe
            src={page.embedUrl}
            title={t('fad.video', { title })}
            allow="fullscreen; picture-in-picture"
            referrerPolicy="strict-origin-when-cross-origin"
            loading="lazy"
          />
        </div>
      ) : null}
      {page.materials.length > 0 ? (
        <section aria-labelledby="fad-materials" className="mt-3">
          <h3 id="fad-materials" className="h5">
            {t('fad.materials')}
          </h3>
          <ul>
            {page.materials.map((m) => (
              <li key={m.url}>
                <a href={m.url} rel="noopener noreferrer">
                  {m.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

function Progress({ module, progress }: { module: FadModuleView; progress: FadProgress }) {
  const { t } = useTranslation();
  return (
    <p className="d-flex flex-wrap gap-2 align-items-center" aria-live="polite">
      {progress.completedAt ? <Badge color="success">{t('fad.state.completed')}</Badge> : null}
      <span>
        {t('fad.pagesSeen', { seen: progress.viewedPageIds.length, count: module.pages.length })} ·{' '}
        {t('fad.minutes', { count: progress.activeMinutes })}
        {module.minMinutes > 0 ? ` ${t('fad.ofMinimum', { count: module.minMinutes })}` : ''}
      </span>
    </p>
  );
}

function Player({ module }: { module: FadModuleView }) {
  const { t, i18n } = useTranslation();
  const pages = module.pages;
  const resume = pages.findIndex((p) => p.id === module.progress?.lastPageId);
  const [index, setIndex] = useState(Math.max(0, resume));
  const [progress, setProgress] = useState<FadProgress | null>(module.progress);
  const moved = useRef(false);
  const learner = module.progress !== null;
  const page = pages[index];
  useActiveTime(learner ? module.id : null, learner ? (page?.id ?? null) : null, setProgress);

  // Moving to another page takes the focus to its title, as a new page would (not on the first one).
  const go = (i: number) => {
    setIndex(i);
    moved.current = true;
  };
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    document.getElementById('fad-page-title')?.focus();
  });

  if (!page) return <p>{t('fad.noPages')}</p>;
  const viewed = new Set(progress?.viewedPageIds ?? []);
  return (
    <div className="row">
      <nav className="col-12 col-lg-4 mb-4" aria-label={t('fad.pagesNav')}>
        <ol className="list-group">
          {pages.map((p, i) => (
            <li
              key={p.id}
              className="list-group-item d-flex justify-content-between align-items-center gap-2"
            >
              <button
                type="button"
                className="btn btn-link p-0 text-start"
                aria-current={i === index ? 'step' : undefined}
                onClick={() => go(i)}
              >
                {i + 1}. {localized(i18n.language, p.titleIt, p.titleEn)}
              </button>
              {viewed.has(p.id) ? <span className="small text-success">{t('fad.seen')}</span> : null}
            </li>
          ))}
        </ol>
      </nav>
      <div className="col-12 col-lg-8">
        {progress ? <Progress module={module} progress={progress} /> : null}
        <PageContent page={page} lang={i18n.language} />
        <div className="d-flex flex-wrap justify-content-between gap-2 mt-4">
          <Button color="primary" outline disabled={index === 0} onClick={() => go(index - 1)}>
            {t('fad.previous')}
          </Button>
          {index < pages.length - 1 ? (
            <Button color="primary" onClick={() => go(index + 1)}>
              {t('fad.next')}
            </Button>
          ) : (
            <Link to={FAD_PATH} className="btn btn-primary">
              {t('fad.finish')}
            </Link>
          )}
        </div>
      </div>
    </div>
  );
}

/** A module followed inside the platform: its pages, the learner's progress, resumed where they left. */
export default function ModulePage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const numeric = Number(id);
  const valid = Number.isInteger(numeric) && numeric > 0;
  const module = useFadModule(valid ? numeric : null);
  if (!valid) return <NotFoundPage />;
  if (module.isPending) return <Loading />;
  if (module.error) {
    if (module.error instanceof ApiError && module.error.status === 404) return <NotFoundPage />;
    return (
      <Page title={t('fad.title')}>
        <ErrorAlert error={module.error} />
      </Page>
    );
  }
  const m = module.data;
  return (
    <Page
      title={localized(i18n.language, m.titleIt, m.titleEn)}
      lead={localized(i18n.language, m.summaryIt, m.summaryEn) || m.pathTitle}
    >
      <ul className="list-inline">
        <li className="list-inline-item me-3">
          <Link to={FAD_PATH}>{t('fad.back')}</Link>
        </li>
        {m.canEdit ? (
          <li className="list-inline-item">
            <Link to={moduleAdminPath(m.id)}>{t('fad.edit')}</Link>
          </li>
        ) : null}
      </ul>
      {m.lockedBy.length > 0 ? (
        <div className="alert alert-info" role="status">
          {t('fad.lockedBy', { modules: m.lockedBy.join(', ') })}
        </div>
      ) : m.kind === 'scorm' ? (
        m.progress ? (
          <ScormPlayer module={m} />
        ) : (
          <p>{m.scorm ? t('fad.scorm.enrolledOnly') : t('fad.scorm.noPackage')}</p>
        )
      ) : (
        <Player module={m} />
      )}
    </Page>
  );
}
