import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PathCompetencies } from '../../../common/framework';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { CheckboxField } from '../../components/Field';
import { Page } from '../../components/Page';
import { PagedResults } from '../../components/ResultsTable';
import { useFrameworkVersion, useFrameworkVersions, usePathLinks, useSetPathLinks } from './api';
import { CompetencyPicker } from './CompetencyPicker';
import { local } from './labels';
import { FRAMEWORK_PATH } from './paths';
import { type PickableCompetency, pickable } from './pickable';

type Mapping = { pathId: number; text: string } | null;

function PathCard({
  path,
  competencies,
  onSaved,
}: {
  path: PathCompetencies;
  competencies: readonly PickableCompetency[];
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSetPathLinks();
  const [mapping, setMapping] = useState<Mapping>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const current = path.links.map((l) => ({ competencyId: l.competencyId, text: l.text }));
  const headingId = `path-${path.pathId}`;
  const open = (text: string) => {
    save.reset();
    setChosen([]);
    setProblem(undefined);
    setMapping({ pathId: path.pathId, text });
  };
  const done = (message: string, focus: string) => {
    setMapping(null);
    onSaved(message);
    // A path with nothing left to map leaves the list: the focus goes to the message then.
    window.setTimeout(
      () => (document.getElementById(focus) ?? document.getElementById('mapping-message'))?.focus(),
      0,
    );
  };
  return (
    <section aria-labelledby={headingId} className="card-wrapper card-space mb-4">
      <div className="card card-bg">
        <div className="card-body">
          <h2 id={headingId} className="h5 card-title" tabIndex={-1}>
            {path.title}
          </h2>
          <h3 className="h6 mt-3">{t('framework.mapping.texts')}</h3>
          <ul className="ps-3">
            {path.competencies.map((text) => {
              const todo = path.unmapped.includes(text);
              const textId = `${headingId}-text-${path.competencies.indexOf(text)}`;
              return (
                <li key={text} className="mb-2">
                  <span id={textId}>{text}</span>{' '}
                  {todo ? (
                    <>
                      <span className="badge bg-warning text-dark">{t('framework.mapping.todo')}</span>{' '}
                      {mapping?.text === text ? null : (
                        <Button
                          id={`map-${textId}`}
                          color="primary"
                          outline
                          size="sm"
                          className="ms-1"
                          onClick={() => open(text)}
                        >
                          {t('framework.mapping.map')} <span className="visually-hidden">«{text}»</span>
                        </Button>
                      )}
                      {mapping?.text === text ? (
                        <form
                          className="border rounded p-3 my-2"
                          aria-label={t('framework.mapping.formLabel', { text })}
                          onSubmit={(e) => {
                            e.preventDefault();
                            if (!chosen.length) {
                              setProblem(t('framework.mapping.chooseOne'));
                              window.setTimeout(
                                () => document.getElementById(`${textId}-picker-filter`)?.focus(),
                                0,
                              );
                              return;
                            }
                            save.mutate(
                              {
                                pathId: path.pathId,
                                links: [
                                  ...current,
                                  ...chosen.map((competencyId) => ({ competencyId, text })),
                                ],
                              },
                              {
                                onSuccess: () =>
                                  done(t('framework.mapping.saved', { text, title: path.title }), headingId),
                              },
                            );
                          }}
                        >
                          <ErrorAlert error={save.error} />
                          <CompetencyPicker
                            id={`${textId}-picker`}
                            legend={t('framework.mapping.pickLegend', { text })}
                            competencies={competencies}
                            value={chosen}
                            onChange={(ids) => {
                              setChosen(ids);
                              setProblem(undefined);
                            }}
                            error={problem}
                          />
                          <div className="d-flex flex-wrap gap-2">
                            <Button type="submit" color="primary" disabled={save.isPending}>
                              {t('framework.mapping.link')}
                            </Button>
                            <Button
                              type="button"
                              color="secondary"
                              outline
                              onClick={() => {
                                setMapping(null);
                                window.setTimeout(() => document.getElementById(`map-${textId}`)?.focus(), 0);
                              }}
                            >
                              {t('common.cancel')}
                            </Button>
                          </div>
                        </form>
                      ) : null}
                    </>
                  ) : (
                    <span className="badge bg-success">{t('framework.mapping.mapped')}</span>
                  )}
                </li>
              );
            })}
          </ul>
          <h3 className="h6 mt-3">{t('framework.mapping.links')}</h3>
          {path.links.length ? (
            <ul className="ps-3">
              {path.links.map((l) => (
                <li key={l.competencyId} className="mb-2">
                  <span className="fw-semibold">{l.code}</span> {local(l.name)}
                  {l.text ? (
                    <span className="text-secondary"> — {t('framework.mapping.from', { text: l.text })}</span>
                  ) : null}{' '}
                  <Button
                    color="danger"
                    outline
                    size="sm"
                    className="ms-1"
                    disabled={save.isPending}
                    onClick={() =>
                      save.mutate(
                        {
                          pathId: path.pathId,
                          links: current.filter((c) => c.competencyId !== l.competencyId),
                        },
                        {
                          onSuccess: () =>
                            done(
                              t('framework.mapping.unlinked', { code: l.code, title: path.title }),
                              headingId,
                            ),
                        },
                      )
                    }
                  >
                    {t('framework.mapping.unlink')} <span className="visually-hidden">{l.code}</span>
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('framework.mapping.noLinks')}</p>
          )}
          {mapping ? null : <ErrorAlert error={save.error} />}
        </div>
      </div>
    </section>
  );
}

/**
 * "Da mappare": the catalogue's paths whose free-text competencies name no competency of the
 * published framework, with the way to link each text to one or more competencies. The free text
 * itself is never changed here.
 */
export default function UnmappedPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [onlyUnmapped, setOnlyUnmapped] = useState(true);
  const [message, setMessage] = useState<string | null>(null);
  const paths = usePathLinks({ page, q, unmapped: onlyUnmapped });
  const versions = useFrameworkVersions();
  const inForce = versions.data?.find((v) => v.status === 'published');
  const tree = useFrameworkVersion(inForce?.id ?? Number.NaN);
  const competencies = pickable(tree.data);
  return (
    <Page title={t('framework.mapping.title')} lead={t('framework.mapping.lead')}>
      <p>
        <Link to={FRAMEWORK_PATH}>{t('framework.back')}</Link>
      </p>
      {inForce ? null : versions.isPending ? null : (
        <p className="alert alert-warning">{t('framework.mapping.noVersion')}</p>
      )}
      <ErrorAlert error={versions.error ?? tree.error} />
      <form
        className="row align-items-end"
        aria-label={t('framework.mapping.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="form-group col-12 col-md-6">
          <label htmlFor="mapping-q" className="active">
            {t('framework.mapping.searchPaths')}
          </label>
          <input
            id="mapping-q"
            type="search"
            className="form-control"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
        </div>
        <div className="col-12 col-md-6 mb-4">
          <CheckboxField
            id="mapping-only"
            label={t('framework.mapping.onlyUnmapped')}
            checked={onlyUnmapped}
            onChange={(v) => {
              setOnlyUnmapped(v);
              setPage(1);
            }}
          />
        </div>
      </form>
      {message ? (
        <div id="mapping-message" tabIndex={-1}>
          <SuccessAlert>{message}</SuccessAlert>
        </div>
      ) : null}
      <PagedResults query={paths} pageSize={10} pagesLabel={t('framework.mapping.pages')} onPage={setPage}>
        {(data) => (
          <>
            <p aria-live="polite">{t('framework.mapping.count', { count: data.total })}</p>
            {data.items.map((p) => (
              <PathCard key={p.pathId} path={p} competencies={competencies} onSaved={setMessage} />
            ))}
          </>
        )}
      </PagedResults>
    </Page>
  );
}
