import { Button } from 'design-react-kit';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkArea, FrameworkCompetency, FrameworkTree } from '../../../common/framework';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useReferenceNames } from '../training/labels';
import { AreaForm } from './AreaForm';
import { useRemoveArea, useRemoveCompetency, useReorder, useSaveArea, useSaveCompetency } from './api';
import { CompetencyDetails } from './CompetencyDetails';
import { CompetencyForm } from './CompetencyForm';
import { local } from './labels';

type Editing =
  | { kind: 'area'; id: number | null; domainCode?: string }
  | { kind: 'competency'; id: number | null; areaId: number }
  | null;
/** What is being removed, and where the focus goes once it is gone. */
type Removing = { kind: 'area' | 'competency'; id: number; code: string; focus: string } | null;

/** The whole order of a draft, as the order API takes it. */
const orderOf = (areas: FrameworkArea[]) =>
  areas.map((a) => ({ id: a.id, competencyIds: a.competencies.map((c) => c.id) }));

function swap<T>(list: T[], i: number, j: number): T[] {
  const out = [...list];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
}

/**
 * Editing a draft in place: each area and competency with its buttons (change, move up, move down,
 * remove), one form open at a time, new areas and competencies added where they go. Moves keep the
 * focus on the button pressed and are announced.
 */
export function DraftEditor({
  tree,
  onDirty,
}: {
  tree: FrameworkTree;
  /** Told whether an open form has unsaved changes (the page asks before publishing then). */
  onDirty: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const { reference } = useReferenceNames();
  const saveArea = useSaveArea(tree.id);
  const removeArea = useRemoveArea(tree.id);
  const saveCompetency = useSaveCompetency(tree.id);
  const removeCompetency = useRemoveCompetency(tree.id);
  const reorder = useReorder(tree.id);
  const [editing, setEditingState] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Removing>(null);
  const [announce, setAnnounce] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const areas = tree.domains.flatMap((d) => d.areas);
  const domains = reference?.domains ?? [];

  // After a change the tree is drawn again: put the focus back where the person was working.
  useEffect(() => {
    if (!focusId) return;
    const el = (document.getElementById(focusId) ??
      document.getElementById('add-area-any')) as HTMLButtonElement | null;
    const target =
      el?.disabled && focusId.startsWith('move-')
        ? document.getElementById(
            focusId.replace(/^move-(up|down)/, (_, dir) => (dir === 'up' ? 'move-down' : 'move-up')),
          )
        : el;
    target?.focus();
    setFocusId(null);
  }, [focusId]);

  const dirty = useRef(false);
  const formDirty = useCallback(
    (d: boolean) => {
      dirty.current = d;
      onDirty(d);
    },
    [onDirty],
  );

  /** Opens another form (or none); changes not saved in the open one are lost only if confirmed. */
  const setEditing = (next: Editing, force = false) => {
    if (!force && dirty.current && !window.confirm(t('framework.editor.discard'))) return;
    saveArea.reset();
    saveCompetency.reset();
    setEditingState(next);
  };

  const move = (order: ReturnType<typeof orderOf>, focus: string, message: string) =>
    reorder.mutate(order, {
      onSuccess: () => {
        setAnnounce(message);
        setFocusId(focus);
      },
    });

  const moveArea = (area: FrameworkArea, dir: -1 | 1) => {
    const siblings = areas.filter((a) => a.domainCode === area.domainCode);
    const other = siblings[siblings.indexOf(area) + dir];
    if (!other) return;
    const order = swap(orderOf(areas), areas.indexOf(area), areas.indexOf(other));
    const position = siblings.indexOf(area) + dir + 1;
    move(
      order,
      `move-${dir < 0 ? 'up' : 'down'}-area-${area.id}`,
      t('framework.editor.movedArea', { code: area.code, position, total: siblings.length }),
    );
  };

  const moveCompetency = (area: FrameworkArea, c: FrameworkCompetency, dir: -1 | 1) => {
    const i = area.competencies.indexOf(c);
    if (!area.competencies[i + dir]) return;
    const order = orderOf(areas).map((a) =>
      a.id === area.id ? { ...a, competencyIds: swap(a.competencyIds, i, i + dir) } : a,
    );
    move(
      order,
      `move-${dir < 0 ? 'up' : 'down'}-competency-${c.id}`,
      t('framework.editor.movedCompetency', {
        code: c.code,
        position: i + dir + 1,
        total: area.competencies.length,
      }),
    );
  };

  const addAreaButton = (domainCode?: string, name?: string) => (
    <Button
      id={`add-area-${domainCode ?? 'any'}`}
      color="primary"
      outline
      size="sm"
      onClick={() => setEditing({ kind: 'area', id: null, ...(domainCode ? { domainCode } : {}) })}
    >
      {name ? t('framework.editor.addAreaIn', { domain: name }) : t('framework.editor.addArea')}
    </Button>
  );

  const areaForm = (area: FrameworkArea | null, domainCode?: string) =>
    domains.length ? (
      <AreaForm
        area={area ? { domainCode: area.domainCode, code: area.code, name: area.name } : null}
        defaultDomain={domainCode}
        domains={domains}
        idPrefix={area ? `area-${area.id}` : 'new-area'}
        pending={saveArea.isPending}
        error={saveArea.error}
        onCancel={() => {
          setEditing(null, true);
          setFocusId(area ? `edit-area-${area.id}` : `add-area-${domainCode ?? 'any'}`);
        }}
        onDirty={formDirty}
        onSubmit={(body) =>
          saveArea.mutate(
            { areaId: area?.id ?? null, body },
            {
              onSuccess: (next) => {
                const saved = next.domains.flatMap((d) => d.areas).find((a) => a.code === body.code);
                setEditing(null, true);
                setAnnounce(t('framework.editor.savedArea', { code: body.code }));
                if (saved) setFocusId(`edit-area-${saved.id}`);
              },
            },
          )
        }
      />
    ) : null;

  const competencyForm = (area: FrameworkArea, c: FrameworkCompetency | null) => (
    <CompetencyForm
      competency={c}
      areaId={area.id}
      areas={areas}
      idPrefix={c ? `competency-${c.id}` : `new-competency-${area.id}`}
      pending={saveCompetency.isPending}
      error={saveCompetency.error}
      onCancel={() => {
        setEditing(null, true);
        setFocusId(c ? `edit-competency-${c.id}` : `add-competency-${area.id}`);
      }}
      onDirty={formDirty}
      onSubmit={(body, areaId) =>
        saveCompetency.mutate(
          { competencyId: c?.id ?? null, areaId, body },
          {
            onSuccess: (next) => {
              const saved = next.domains
                .flatMap((d) => d.areas.flatMap((a) => a.competencies))
                .find((x) => x.code === body.code);
              setEditing(null, true);
              setAnnounce(t('framework.editor.savedCompetency', { code: body.code }));
              if (saved) setFocusId(`edit-competency-${saved.id}`);
            },
          },
        )
      }
    />
  );

  const tools = (
    kind: 'area' | 'competency',
    item: { id: number; code: string },
    place: { first: boolean; last: boolean; after: string },
    onMove: (dir: -1 | 1) => void,
  ) => {
    const { id, code } = item;
    const what = t(`framework.editor.${kind}Named`, { code });
    return (
      <div className="d-flex flex-wrap gap-2 mb-2">
        <Button
          id={`edit-${kind}-${id}`}
          color="primary"
          outline
          size="sm"
          onClick={() => setEditing(kind === 'area' ? { kind, id } : { kind, id, areaId: 0 })}
        >
          {t('framework.editor.edit')} <span className="visually-hidden">{what}</span>
        </Button>
        <Button
          id={`move-up-${kind}-${id}`}
          color="primary"
          outline
          size="sm"
          disabled={place.first || reorder.isPending}
          onClick={() => onMove(-1)}
        >
          {t('framework.editor.moveUp')} <span className="visually-hidden">{what}</span>
        </Button>
        <Button
          id={`move-down-${kind}-${id}`}
          color="primary"
          outline
          size="sm"
          disabled={place.last || reorder.isPending}
          onClick={() => onMove(1)}
        >
          {t('framework.editor.moveDown')} <span className="visually-hidden">{what}</span>
        </Button>
        <Button
          color="danger"
          outline
          size="sm"
          onClick={() => {
            removeArea.reset();
            removeCompetency.reset();
            setRemoving({ kind, id, code, focus: place.after });
          }}
        >
          {t('framework.editor.remove')} <span className="visually-hidden">{what}</span>
        </Button>
      </div>
    );
  };

  const removal = removing?.kind === 'area' ? removeArea : removeCompetency;
  return (
    <>
      <div className="visually-hidden" role="status">
        {announce}
      </div>
      <ErrorAlert error={reorder.error} />
      {tree.domains.map((d) => {
        const domainAreas = d.areas;
        return (
          <section key={d.code} aria-labelledby={`domain-${d.code}`} className="mb-5">
            <h2 id={`domain-${d.code}`} className="h3 border-bottom pb-2">
              {local(d.name)}
            </h2>
            {domainAreas.map((a, ai) => (
              <section key={a.id} aria-labelledby={`area-${a.id}`} className="mt-4">
                <h3 id={`area-${a.id}`} className="h5">
                  <span className="text-muted me-2">{a.code}</span>
                  {local(a.name)}
                </h3>
                {editing?.kind === 'area' && editing.id === a.id
                  ? areaForm(a)
                  : tools(
                      'area',
                      a,
                      { first: ai === 0, last: ai === domainAreas.length - 1, after: `add-area-${d.code}` },
                      (dir) => moveArea(a, dir),
                    )}
                <ul className="list-unstyled ps-0 ps-md-3 mt-3">
                  {a.competencies.map((c, ci) => (
                    <li key={c.id} className="mb-4">
                      {editing?.kind === 'competency' && editing.id === c.id ? (
                        competencyForm(a, c)
                      ) : (
                        <>
                          <CompetencyDetails c={c} />
                          {tools(
                            'competency',
                            c,
                            {
                              first: ci === 0,
                              last: ci === a.competencies.length - 1,
                              after: `add-competency-${a.id}`,
                            },
                            (dir) => moveCompetency(a, c, dir),
                          )}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
                {a.competencies.length ? null : <p>{t('framework.emptyArea')}</p>}
                {editing?.kind === 'competency' && editing.id === null && editing.areaId === a.id ? (
                  competencyForm(a, null)
                ) : (
                  <Button
                    id={`add-competency-${a.id}`}
                    color="primary"
                    outline
                    size="sm"
                    onClick={() => setEditing({ kind: 'competency', id: null, areaId: a.id })}
                  >
                    {t('framework.editor.addCompetencyIn', { code: a.code })}
                  </Button>
                )}
              </section>
            ))}
            <div className="mt-4">
              {editing?.kind === 'area' && editing.id === null && editing.domainCode === d.code
                ? areaForm(null, d.code)
                : addAreaButton(d.code, local(d.name))}
            </div>
          </section>
        );
      })}
      {tree.domains.length ? null : <p>{t('framework.empty')}</p>}
      <div className="mb-5">
        {editing?.kind === 'area' && editing.id === null && !editing.domainCode
          ? areaForm(null)
          : addAreaButton()}
      </div>
      <Dialog
        open={removing !== null}
        title={removing ? t(`framework.editor.removeTitle.${removing.kind}`, { code: removing.code }) : ''}
        onClose={() => setRemoving(null)}
      >
        <p>{removing ? t(`framework.editor.removeText.${removing.kind}`) : null}</p>
        <ErrorAlert error={removal.error} />
        <div className="d-flex flex-wrap gap-2">
          <Button
            color="danger"
            disabled={removal.isPending}
            onClick={() => {
              if (!removing) return;
              removal.mutate(removing.id, {
                onSuccess: () => {
                  setAnnounce(t(`framework.editor.removed.${removing.kind}`, { code: removing.code }));
                  setRemoving(null);
                  setFocusId(removing.focus);
                },
              });
            }}
          >
            {t('framework.editor.remove')}
          </Button>
          <Button color="secondary" outline onClick={() => setRemoving(null)}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
