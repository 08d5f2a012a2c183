import { Badge, Button } from 'design-react-kit';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { FadModuleView, FadPage, FadPageInput } from '../../../common/fad';
import { ErrorAlert, fieldErrors, SuccessAlert } from '../../components/ErrorAlert';
import { CheckboxField, ChoiceField, TextAreaField, TextField, ToggleField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { NotFoundPage } from '../errors/NotFoundPage';
import { useQuestionBank } from '../quizzes/api';
import {
  useAddPage,
  useDeleteModule,
  useDeletePage,
  useFadModule,
  usePathModules,
  useReorderPages,
  useUpdateModule,
  useUpdatePage,
  useUploadScorm,
} from './api';
import { BilingualFields } from './BilingualFields';
import { modulePath, pathModulesAdminPath } from './paths';

function Settings({ module }: { module: FadModuleView }) {
  const { t } = useTranslation();
  const update = useUpdateModule(module.id);
  const siblings = usePathModules(module.pathId);
  const bank = useQuestionBank(module.pathId);
  const [form, setForm] = useState({
    titleIt: module.titleIt,
    titleEn: module.titleEn,
    summaryIt: module.summaryIt,
    summaryEn: module.summaryEn,
    requireAllPages: module.requireAllPages,
    minMinutes: String(module.minMinutes),
    quizId: module.quizId === null ? '' : String(module.quizId),
    prerequisiteIds: module.prerequisiteIds,
  });
  const errors = fieldErrors(update.error);
  const save = (status: FadModuleView['status']) =>
    update.mutate({
      ...form,
      minMinutes: Number(form.minMinutes) || 0,
      quizId: form.quizId ? Number(form.quizId) : null,
      status,
      revision: module.revision,
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save(module.status);
  };
  const others = (siblings.data?.items ?? []).filter((m) => m.id !== module.id);
  return (
    <section aria-labelledby="fad-settings">
      <h2 id="fad-settings" className="h4">
        {t('fad.admin.settings')}
      </h2>
      <p>
        {t('fad.admin.statusIs')}{' '}
        <Badge color={module.status === 'published' ? 'success' : 'secondary'}>
          {t(`fad.status.${module.status}`)}
        </Badge>
      </p>
      <form onSubmit={submit} noValidate>
        <BilingualFields
          id="fad-title"
          label={{ it: t('fad.admin.titleIt'), en: t('fad.admin.titleEn') }}
          value={{ it: form.titleIt, en: form.titleEn }}
          error={{ it: errors.titleIt, en: errors.titleEn }}
          requiredIt
          maxLength={200}
          onChange={(lang, v) => setForm({ ...form, [lang === 'it' ? 'titleIt' : 'titleEn']: v })}
        />
        <BilingualFields
          id="fad-summary"
          label={{ it: t('fad.admin.summaryIt'), en: t('fad.admin.summaryEn') }}
          value={{ it: form.summaryIt, en: form.summaryEn }}
          multiline
          maxLength={2000}
          onChange={(lang, v) => setForm({ ...form, [lang === 'it' ? 'summaryIt' : 'summaryEn']: v })}
        />
        <fieldset className="mb-3">
          <legend className="h5">{t('fad.admin.completion')}</legend>
          {module.kind === 'pages' ? (
            <ToggleField
              id="fad-all-pages"
              label={t('fad.admin.requireAllPages')}
              checked={form.requireAllPages}
              onChange={(v) => setForm({ ...form, requireAllPages: v })}
            />
          ) : (
            <p>{t('fad.scorm.completionHelp')}</p>
          )}
          <TextField
            id="fad-min-minutes"
            type="number"
            inputMode="numeric"
            min={0}
            max={6000}
            label={t('fad.admin.minMinutes')}
            value={form.minMinutes}
            error={errors.minMinutes}
            onChange={(e) => setForm({ ...form, minMinutes: e.target.value })}
          />
          <ChoiceField
            id="fad-quiz"
            label={t('fad.admin.quiz')}
            hint={t('fad.admin.quizHint')}
            value={form.quizId}
            empty={t('fad.admin.noQuiz')}
            choices={(bank.data?.quizzes ?? []).map((q) => ({ value: String(q.id), label: q.title }))}
            error={errors.quizId}
            onChange={(e) => setForm({ ...form, quizId: e.target.value })}
          />
        </fieldset>
        {others.length > 0 ? (
          <fieldset className="mb-3">
            <legend className="h5">{t('fad.admin.prerequisites')}</legend>
            {others.map((m) => (
              <CheckboxField
                key={m.id}
                id={`fad-prereq-${m.id}`}
                label={m.titleIt}
                checked={form.prerequisiteIds.includes(m.id)}
                onChange={(checked) =>
                  setForm({
                    ...form,
                    prerequisiteIds: checked
                      ? [...form.prerequisiteIds, m.id]
                      : form.prerequisiteIds.filter((x) => x !== m.id),
                  })
                }
              />
            ))}
            {errors.prerequisiteIds ? <p className="text-danger">{errors.prerequisiteIds}</p> : null}
          </fieldset>
        ) : null}
        <ErrorAlert error={update.error} />
        {update.isSuccess ? <SuccessAlert>{t('fad.admin.saved')}</SuccessAlert> : null}
        <div className="d-flex flex-wrap gap-2">
          <Button type="submit" color="primary" disabled={update.isPending}>
            {t('fad.admin.save')}
          </Button>
          {module.status === 'draft' ? (
            <Button
              type="button"
              color="success"
              disabled={update.isPending}
              onClick={() => save('published')}
            >
              {t('fad.admin.publish')}
            </Button>
          ) : (
            <Button
              type="button"
              color="secondary"
              outline
              disabled={update.isPending}
              onClick={() => save('draft')}
            >
              {t('fad.admin.unpublish')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}

const emptyPage: FadPageInput = {
  titleIt: '',
  titleEn: '',
  bodyIt: '',
  bodyEn: '',
  videoUrl: null,
  materials: [],
};

/** The form of a page: titles, rich text (simple HTML) in both languages, a video and materials. */
function PageForm({
  idPrefix,
  initial,
  pending,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  initial: FadPageInput;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (p: FadPageInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(initial);
  const [materials, setMaterials] = useState(
    initial.materials.map((m) => `${m.label} | ${m.url}`).join('\n'),
  );
  const errors = fieldErrors(error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = materials
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [label = '', ...rest] = l.split('|');
        return { label: label.trim(), url: rest.join('|').trim() };
      });
    onSubmit({ ...page, videoUrl: page.videoUrl?.trim() ? page.videoUrl.trim() : null, materials: list });
  };
  return (
    <form onSubmit={submit} noValidate className="officina-filters p-3 mb-3">
      <BilingualFields
        id={`${idPrefix}-title`}
        label={{ it: t('fad.admin.pageTitleIt'), en: t('fad.admin.pageTitleEn') }}
        value={{ it: page.titleIt, en: page.titleEn ?? '' }}
        error={{ it: errors.titleIt, en: errors.titleEn }}
        requiredIt
        maxLength={200}
        onChange={(lang, v) => setPage({ ...page, [lang === 'it' ? 'titleIt' : 'titleEn']: v })}
      />
      <BilingualFields
        id={`${idPrefix}-body`}
        label={{ it: t('fad.admin.bodyIt'), en: t('fad.admin.bodyEn') }}
        value={{ it: page.bodyIt ?? '', en: page.bodyEn ?? '' }}
        hint={t('fad.admin.bodyHint')}
        multiline
        rows={8}
        onChange={(lang, v) => setPage({ ...page, [lang === 'it' ? 'bodyIt' : 'bodyEn']: v })}
      />
      <TextField
        id={`${idPrefix}-video`}
        type="url"
        label={t('fad.admin.video')}
        hint={t('fad.admin.videoHint')}
        value={page.videoUrl ?? ''}
        error={errors.videoUrl}
        onChange={(e) => setPage({ ...page, videoUrl: e.target.value })}
      />
      <TextAreaField
        id={`${idPrefix}-materials`}
        label={t('fad.admin.materials')}
        hint={t('fad.admin.materialsHint')}
        rows={3}
        value={materials}
        onChange={(e) => setMaterials(e.target.value)}
      />
      <ErrorAlert error={error} />
      <div className="d-flex flex-wrap gap-2">
        <Button type="submit" color="primary" disabled={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" color="secondary" outline onClick={onCancel}>
            {t('fad.admin.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

function PageRow({
  page,
  index,
  count,
  onMove,
}: {
  page: FadPage;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useUpdatePage();
  const remove = useDeletePage();
  return (
    <li className="list-group-item">
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
        <span className="fw-semibold">
          {index + 1}. {page.titleIt}
        </span>
        <span className="d-flex flex-wrap gap-2">
          <Button
            size="xs"
            color="primary"
            outline
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          >
            {t('fad.admin.up')}
            <span className="visually-hidden"> {page.titleIt}</span>
          </Button>
          <Button
            size="xs"
            color="primary"
            outline
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            {t('fad.admin.down')}
            <span className="visually-hidden"> {page.titleIt}</span>
          </Button>
          <Button
            size="xs"
            color="primary"
            outline
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {t('fad.admin.editPage')}
            <span className="visually-hidden"> {page.titleIt}</span>
          </Button>
          <Button
            size="xs"
            color="danger"
            outline
            disabled={remove.isPending}
            onClick={() => remove.mutate(page.id)}
          >
            {t('fad.admin.deletePage')}
            <span className="visually-hidden"> {page.titleIt}</span>
          </Button>
        </span>
      </div>
      <ErrorAlert error={remove.error} className="mt-2" />
      {editing ? (
        <div className="mt-3">
          <PageForm
            idPrefix={`fad-page-${page.id}`}
            initial={page}
            pending={update.isPending}
            error={update.error}
            submitLabel={t('fad.admin.savePage')}
            onSubmit={(body) =>
              update.mutate({ pageId: page.id, body }, { onSuccess: () => setEditing(false) })
            }
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : null}
    </li>
  );
}

function Pages({ module }: { module: FadModuleView }) {
  const { t } = useTranslation();
  const add = useAddPage(module.id);
  const reorder = useReorderPages(module.id);
  const [adding, setAdding] = useState(false);
  const move = (from: number, to: number) => {
    const ids = module.pages.map((p) => p.id);
    const [id] = ids.splice(from, 1);
    if (id === undefined) return;
    ids.splice(to, 0, id);
    reorder.mutate(ids);
  };
  return (
    <section aria-labelledby="fad-pages" className="mt-5">
      <h2 id="fad-pages" className="h4">
        {t('fad.admin.pagesTitle')}
      </h2>
      <ErrorAlert error={reorder.error} />
      {module.pages.length === 0 ? <p>{t('fad.noPages')}</p> : null}
      <ol className="list-group mb-3">
        {module.pages.map((p, i) => (
          <PageRow
            key={`${p.id}-${p.position}`}
            page={p}
            index={i}
            count={module.pages.length}
            onMove={move}
          />
        ))}
      </ol>
      {adding ? (
        <PageForm
          idPrefix="fad-new-page"
          initial={emptyPage}
          pending={add.isPending}
          error={add.error}
          submitLabel={t('fad.admin.addPage')}
          onSubmit={(body) => add.mutate(body, { onSuccess: () => setAdding(false) })}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button color="primary" outline onClick={() => setAdding(true)}>
          {t('fad.admin.newPage')}
        </Button>
      )}
    </section>
  );
}

/** The package of a SCORM module: what is there, and the upload of a new one (which replaces it). */
function ScormPackage({ module }: { module: FadModuleView }) {
  const { t } = useTranslation();
  const upload = useUploadScorm(module.id);
  const input = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (file) upload.mutate(file);
  };
  const pkg = module.scorm;
  return (
    <section aria-labelledby="fad-scorm" className="mt-5">
      <h2 id="fad-scorm" className="h4">
        {t('fad.scorm.package')}
      </h2>
      {pkg ? (
        <dl className="row" data-testid="scorm-package">
          <dt className="col-sm-4">{t('fad.scorm.packageTitle')}</dt>
          <dd className="col-sm-8">{pkg.title}</dd>
          <dt className="col-sm-4">{t('fad.scorm.version')}</dt>
          <dd className="col-sm-8">SCORM {pkg.version}</dd>
          <dt className="col-sm-4">{t('fad.scorm.launch')}</dt>
          <dd className="col-sm-8">
            <code>{pkg.launch}</code>
          </dd>
          <dt className="col-sm-4">{t('fad.scorm.files')}</dt>
          <dd className="col-sm-8">
            {t('fad.scorm.filesCount', {
              count: pkg.fileCount,
              mb: (pkg.totalBytes / 1024 / 1024).toFixed(1),
            })}
          </dd>
        </dl>
      ) : (
        <p>{t('fad.scorm.noPackage')}</p>
      )}
      <form onSubmit={submit} noValidate>
        <div className="form-group">
          <label htmlFor="fad-scorm-file" className="active">
            {pkg ? t('fad.scorm.replace') : t('fad.scorm.file')}
          </label>
          <input
            ref={input}
            id="fad-scorm-file"
            type="file"
            accept=".zip,application/zip"
            className={`form-control${missing ? ' is-invalid' : ''}`}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'fad-scorm-file-error fad-scorm-hint' : 'fad-scorm-hint'}
            onChange={() => setMissing(false)}
          />
          <small id="fad-scorm-hint" className="form-text">
            {t('fad.scorm.hint')}
          </small>
          {missing ? (
            <div id="fad-scorm-file-error" className="invalid-feedback d-block">
              {t('fad.scorm.chooseFile')}
            </div>
          ) : null}
        </div>
        <Button type="submit" color="primary" disabled={upload.isPending}>
          {upload.isPending ? t('fad.scorm.uploading') : t('fad.scorm.upload')}
        </Button>
      </form>
      <ErrorAlert error={upload.error} />
      {upload.isSuccess ? <SuccessAlert>{t('fad.scorm.uploaded')}</SuccessAlert> : null}
    </section>
  );
}

function DeleteModule({ module }: { module: FadModuleView }) {
  const { t } = useTranslation();
  const remove = useDeleteModule();
  const navigate = useNavigate();
  return (
    <section aria-labelledby="fad-delete" className="mt-5">
      <h2 id="fad-delete" className="h4">
        {t('fad.admin.delete')}
      </h2>
      <p>{t('fad.admin.deleteHelp')}</p>
      <ErrorAlert error={remove.error} />
      <Button
        color="danger"
        outline
        disabled={remove.isPending}
        onClick={() =>
          remove.mutate(module.id, { onSuccess: () => void navigate(pathModulesAdminPath(module.pathId)) })
        }
      >
        {t('fad.admin.deleteModule', { title: module.titleIt })}
      </Button>
    </section>
  );
}

/** A module's editor for catalogue managers: settings and completion conditions, pages, deletion. */
export default function ModuleEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const numeric = Number(id);
  const valid = Number.isInteger(numeric) && numeric > 0;
  const module = useFadModule(valid ? numeric : null);
  if (!valid) return <NotFoundPage />;
  if (module.isPending) return <Loading />;
  if (module.error)
    return (
      <Page title={t('fad.admin.editTitle')}>
        <ErrorAlert error={module.error} />
      </Page>
    );
  const m = module.data;
  return (
    <Page title={m.titleIt} lead={m.pathTitle}>
      <ul className="list-inline">
        <li className="list-inline-item me-3">
          <Link to={pathModulesAdminPath(m.pathId)}>{t('fad.admin.backToModules')}</Link>
        </li>
        <li className="list-inline-item">
          <Link to={modulePath(m.id)}>{t('fad.admin.preview')}</Link>
        </li>
      </ul>
      <Settings key={m.id} module={m} />
      {m.kind === 'scorm' ? <ScormPackage module={m} /> : <Pages module={m} />}
      <DeleteModule module={m} />
    </Page>
  );
}
