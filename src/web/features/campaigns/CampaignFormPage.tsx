import { Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ANONYMOUS_MIN_GROUP,
  type CampaignDetail,
  type CampaignInput,
  type QuestionInput,
} from '../../../common/campaigns';
import { isIsoDate } from '../../../common/rome-time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, TextAreaField, TextField } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useMe } from '../auth/session';
import { UnitPicker } from '../catalogue/UnitPicker';
import { useFrameworkVersion, useFrameworkVersions } from '../framework/api';
import { useReferenceNames } from '../training/labels';
import { useUsers } from '../users/api';
import { useCampaign, useSaveCampaign } from './api';
import { local } from './labels';
import { CAMPAIGNS_PATH, campaignPath } from './paths';
import { parseOptions, type QuestionDraft, QuestionsEditor } from './QuestionsEditor';

type Draft = {
  titleIt: string;
  titleEn: string;
  descriptionIt: string;
  descriptionEn: string;
  frameworkId: string;
  domainCodes: string[];
  opensOn: string;
  closesOn: string;
  national: boolean;
  unitIds: number[];
  jobProfileCodes: string[];
  people: { id: string; name: string }[];
  anonymous: boolean;
  managerAssessment: boolean;
  minGroupSize: string;
  questions: QuestionDraft[];
};

function toDraft(c: CampaignDetail | undefined, officerUnit: number | null): Draft {
  return {
    titleIt: c?.title.it ?? '',
    titleEn: c?.title.en ?? '',
    descriptionIt: c?.description.it ?? '',
    descriptionEn: c?.description.en ?? '',
    frameworkId: c ? String(c.frameworkId) : '',
    domainCodes: c?.domainCodes ?? [],
    opensOn: c?.opensOn ?? '',
    closesOn: c?.closesOn ?? '',
    national: c ? c.national : officerUnit === null,
    unitIds: c ? c.units.map((u) => u.id) : officerUnit === null ? [] : [officerUnit],
    jobProfileCodes: c?.jobProfileCodes ?? [],
    people: c?.people.map((p) => ({ id: p.id, name: p.name })) ?? [],
    anonymous: c?.anonymous ?? true,
    managerAssessment: c?.managerAssessment ?? false,
    minGroupSize: String(c?.minGroupSize ?? 5),
    questions:
      c?.questions.map((q) => ({
        kind: q.kind,
        promptIt: q.prompt.it,
        promptEn: q.prompt.en,
        options: q.options.map((o) => `${o.it} | ${o.en}`).join('\n'),
        required: q.required,
      })) ?? [],
  };
}

type Checked = { campaign: CampaignInput; questions: QuestionInput[] };

function check(
  d: Draft,
  t: (k: string, o?: Record<string, unknown>) => string,
): { input?: Checked; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const required = t('campaigns.form.errors.required');
  for (const k of ['titleIt', 'titleEn'] as const)
    if (!d[k].trim()) errors[k === 'titleIt' ? 'title.it' : 'title.en'] = required;
  if (!isIsoDate(d.opensOn)) errors.opensOn = t('campaigns.form.errors.day');
  if (!isIsoDate(d.closesOn)) errors.closesOn = t('campaigns.form.errors.day');
  else if (isIsoDate(d.opensOn) && d.closesOn < d.opensOn)
    errors.closesOn = t('campaigns.form.errors.period');
  if (!d.national && !d.unitIds.length && !d.people.length) errors.unitIds = t('campaigns.form.errors.units');
  const min = Number(d.minGroupSize);
  if (!Number.isInteger(min) || min < 2 || min > 1000)
    errors.minGroupSize = t('campaigns.form.errors.minGroup');
  else if (d.anonymous && min < ANONYMOUS_MIN_GROUP)
    errors.minGroupSize = t('campaigns.form.errors.minGroupAnonymous', { min: ANONYMOUS_MIN_GROUP });
  d.questions.forEach((q, i) => {
    if (!q.promptIt.trim()) errors[`questions.${i}.prompt.it`] = required;
    if (!q.promptEn.trim()) errors[`questions.${i}.prompt.en`] = required;
    if ((q.kind === 'single' || q.kind === 'multiple') && parseOptions(q.options).length < 2)
      errors[`questions.${i}.options`] = t('campaigns.form.errors.options');
  });
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: {
      campaign: {
        title: { it: d.titleIt.trim(), en: d.titleEn.trim() },
        description: { it: d.descriptionIt.trim(), en: d.descriptionEn.trim() },
        ...(d.frameworkId ? { frameworkId: Number(d.frameworkId) } : {}),
        domainCodes: d.domainCodes,
        opensOn: d.opensOn,
        closesOn: d.closesOn,
        national: d.national,
        unitIds: d.national ? [] : d.unitIds,
        jobProfileCodes: d.jobProfileCodes,
        userIds: d.people.map((p) => p.id),
        anonymous: d.anonymous,
        managerAssessment: !d.anonymous && d.managerAssessment,
        minGroupSize: min,
      },
      questions: d.questions.map((q) => ({
        kind: q.kind,
        prompt: { it: q.promptIt.trim(), en: q.promptEn.trim() },
        options: q.kind === 'single' || q.kind === 'multiple' ? parseOptions(q.options) : [],
        required: q.required,
      })),
    },
  };
}

/** Searches people by name or e-mail and adds them to the list of people invited by name. */
function PeoplePicker({
  value,
  onChange,
}: {
  value: Draft['people'];
  onChange: (v: Draft['people']) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useUsers({ q: q.trim() || undefined, active: 'true' });
  const shown =
    q.trim().length >= 2
      ? (found.data?.items ?? []).filter((u) => !value.some((p) => p.id === u.id)).slice(0, 8)
      : [];
  return (
    <fieldset className="mt-4">
      <legend className="h6">{t('campaigns.form.people')}</legend>
      <p className="small">{t('campaigns.form.peopleHint')}</p>
      <ul aria-live="polite">
        {value.length === 0 ? <li>{t('campaigns.form.noPeople')}</li> : null}
        {value.map((p) => (
          <li key={p.id}>
            {p.name}{' '}
            <Button
              size="xs"
              color="danger"
              outline
              type="button"
              onClick={() => onChange(value.filter((x) => x.id !== p.id))}
            >
              {t('campaigns.form.remove')} <span className="visually-hidden">{p.name}</span>
            </Button>
          </li>
        ))}
      </ul>
      <TextField
        id="campaign-people-search"
        type="search"
        label={t('campaigns.form.searchPeople')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <ul className="list-unstyled">
        {shown.map((u) => (
          <li key={u.id} className="mb-1">
            <Button
              size="xs"
              color="primary"
              outline
              type="button"
              onClick={() => onChange([...value, { id: u.id, name: u.name }])}
            >
              {t('campaigns.form.add')} <span className="visually-hidden">{u.name}</span>
            </Button>{' '}
            {u.name} ({u.email}
            {u.unitName ? `, ${u.unitName}` : ''})
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function CampaignForm({ campaign }: { campaign: CampaignDetail | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const admin = me.data?.roles.some((r) => r.role === 'national_admin') ?? false;
  const officerGrant = admin ? undefined : me.data?.roles.find((r) => r.role === 'province_officer');
  const officerUnit = officerGrant?.unitId ?? null;
  const save = useSaveCampaign(campaign?.id ?? null);
  const versions = useFrameworkVersions();
  const { reference } = useReferenceNames();
  const {
    draft: d,
    set,
    errors,
    submit,
  } = useCheckedForm({
    initial: () => toDraft(campaign, officerUnit),
    check: (draft: Draft) => check(draft, t),
    onSubmit: (input: Checked) => save.mutate(input, { onSuccess: (c) => void navigate(campaignPath(c.id)) }),
    serverError: save.error,
  });
  const usable = (versions.data ?? []).filter((v) => v.status !== 'draft');
  const published = usable.find((v) => v.status === 'published');
  const frameworkId = Number(d.frameworkId || campaign?.frameworkId || published?.id);
  const tree = useFrameworkVersion(frameworkId);
  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={campaign ? t('campaigns.form.editTitle') : t('campaigns.form.newTitle')}
    >
      <ErrorAlert error={save.error} />
      <div className="row">
        <div className="col-12 col-md-6">
          <TextField
            id="campaign-title-it"
            label={t('campaigns.form.titleIt')}
            required
            maxLength={200}
            value={d.titleIt}
            error={errors['title.it']}
            onChange={(e) => set({ titleIt: e.target.value })}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextField
            id="campaign-title-en"
            label={t('campaigns.form.titleEn')}
            required
            maxLength={200}
            value={d.titleEn}
            error={errors['title.en']}
            onChange={(e) => set({ titleEn: e.target.value })}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextAreaField
            id="campaign-description-it"
            label={t('campaigns.form.descriptionIt')}
            rows={3}
            maxLength={4000}
            value={d.descriptionIt}
            error={errors['description.it']}
            onChange={(e) => set({ descriptionIt: e.target.value })}
          />
        </div>
        <div className="col-12 col-md-6">
          <TextAreaField
            id="campaign-description-en"
            label={t('campaigns.form.descriptionEn')}
            rows={3}
            maxLength={4000}
            value={d.descriptionEn}
            error={errors['description.en']}
            onChange={(e) => set({ descriptionEn: e.target.value })}
          />
        </div>
        <div className="col-6">
          <TextField
            id="campaign-opens"
            type="date"
            label={t('campaigns.form.opensOn')}
            required
            value={d.opensOn}
            error={errors.opensOn}
            onChange={(e) => set({ opensOn: e.target.value })}
          />
        </div>
        <div className="col-6">
          <TextField
            id="campaign-closes"
            type="date"
            label={t('campaigns.form.closesOn')}
            hint={t('campaigns.form.closesHint')}
            required
            min={d.opensOn || undefined}
            value={d.closesOn}
            error={errors.closesOn}
            onChange={(e) => set({ closesOn: e.target.value })}
          />
        </div>
      </div>

      <div className="select-wrapper form-group mt-2">
        <label htmlFor="campaign-framework">{t('campaigns.form.framework')}</label>
        <select
          id="campaign-framework"
          value={String(frameworkId || '')}
          disabled={!!campaign}
          aria-describedby="campaign-framework-hint"
          onChange={(e) => set({ frameworkId: e.target.value, domainCodes: [] })}
        >
          {usable.map((v) => (
            <option key={v.id} value={v.id}>
              {v.version} — {local(v.title)} ({t(`framework.status.${v.status}`)})
            </option>
          ))}
        </select>
        <small id="campaign-framework-hint" className="form-text">
          {t('campaigns.form.frameworkHint')}
        </small>
      </div>

      <fieldset className="mt-3" aria-describedby="campaign-domains-hint">
        <legend className="h6">{t('campaigns.form.domains')}</legend>
        <p id="campaign-domains-hint" className="small">
          {t('campaigns.form.domainsHint')}
        </p>
        {tree.isPending ? <Loading /> : null}
        {(tree.data?.domains ?? []).map((dom) => (
          <CheckboxField
            key={dom.code}
            id={`campaign-domain-${dom.code}`}
            label={local(dom.name)}
            checked={d.domainCodes.includes(dom.code)}
            onChange={(on) => set({ domainCodes: toggle(d.domainCodes, dom.code, on) })}
          />
        ))}
      </fieldset>

      <fieldset className="mt-4">
        <legend className="h6">{t('campaigns.form.scope')}</legend>
        {admin ? (
          <>
            <div className="form-check">
              <input
                type="radio"
                id="campaign-national"
                name="campaign-scope"
                checked={d.national}
                onChange={() => set({ national: true })}
              />
              <label htmlFor="campaign-national">{t('campaigns.form.scopeNational')}</label>
            </div>
            <div className="form-check">
              <input
                type="radio"
                id="campaign-units"
                name="campaign-scope"
                checked={!d.national}
                onChange={() => set({ national: false })}
              />
              <label htmlFor="campaign-units">{t('campaigns.form.scopeUnits')}</label>
            </div>
          </>
        ) : (
          <p>{t('campaigns.form.officerScope', { unit: officerGrant?.unitName ?? '' })}</p>
        )}
      </fieldset>
      {admin && !d.national ? (
        <UnitPicker
          id="campaign-unit-picker"
          legend={t('campaigns.form.units')}
          value={d.unitIds}
          onChange={(unitIds) => set({ unitIds })}
          error={errors.unitIds}
        />
      ) : errors.unitIds ? (
        <div className="invalid-feedback d-block">{errors.unitIds}</div>
      ) : null}

      <fieldset className="mt-4" aria-describedby="campaign-profiles-hint">
        <legend className="h6">{t('campaigns.form.profiles')}</legend>
        <p id="campaign-profiles-hint" className="small">
          {t('campaigns.form.profilesHint')}
        </p>
        <div className="row">
          {(reference?.jobProfiles ?? []).map((p) => (
            <div key={p.code} className="col-12 col-md-6">
              <CheckboxField
                id={`campaign-profile-${p.code}`}
                label={p.name}
                checked={d.jobProfileCodes.includes(p.code)}
                onChange={(on) => set({ jobProfileCodes: toggle(d.jobProfileCodes, p.code, on) })}
              />
            </div>
          ))}
        </div>
      </fieldset>

      <PeoplePicker value={d.people} onChange={(people) => set({ people })} />

      <fieldset className="mt-4">
        <legend className="h6">{t('campaigns.form.privacy')}</legend>
        <div className="form-check">
          <input
            type="radio"
            id="campaign-anonymous"
            name="campaign-privacy"
            checked={d.anonymous}
            onChange={() => set({ anonymous: true, managerAssessment: false })}
          />
          <label htmlFor="campaign-anonymous">{t('campaigns.form.anonymous')}</label>
        </div>
        <div className="form-check">
          <input
            type="radio"
            id="campaign-named"
            name="campaign-privacy"
            checked={!d.anonymous}
            onChange={() => set({ anonymous: false })}
          />
          <label htmlFor="campaign-named">{t('campaigns.form.named')}</label>
        </div>
        <CheckboxField
          id="campaign-manager"
          label={t('campaigns.form.managerAssessment')}
          checked={d.managerAssessment}
          disabled={d.anonymous}
          onChange={(managerAssessment) => set({ managerAssessment })}
        />
      </fieldset>
      <TextField
        id="campaign-min-group"
        type="number"
        min={d.anonymous ? ANONYMOUS_MIN_GROUP : 2}
        max={1000}
        className="mt-3"
        label={t('campaigns.form.minGroupSize')}
        hint={
          d.anonymous
            ? t('campaigns.form.minGroupAnonymousHint', { min: ANONYMOUS_MIN_GROUP })
            : t('campaigns.form.minGroupHint')
        }
        value={d.minGroupSize}
        error={errors.minGroupSize}
        onChange={(e) => set({ minGroupSize: e.target.value })}
      />

      <QuestionsEditor value={d.questions} onChange={(questions) => set({ questions })} errors={errors} />

      <div className="d-flex gap-2 mt-4">
        <Button type="submit" color="primary" disabled={save.isPending}>
          {save.isPending ? t('campaigns.form.saving') : t('campaigns.form.save')}
        </Button>
        <Link
          className="btn btn-outline-secondary"
          to={campaign ? campaignPath(campaign.id) : CAMPAIGNS_PATH}
        >
          {t('campaigns.form.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** New campaign (/rilevazioni/nuova) or a draft's changes (/rilevazioni/:id/modifica). */
export default function CampaignFormPage() {
  const { t } = useTranslation();
  const param = useParams().id;
  const id = param === undefined ? null : Number(param);
  const campaign = useCampaign(id ?? Number.NaN);
  const me = useMe();
  return (
    <Page title={id === null ? t('campaigns.form.newTitle') : t('campaigns.form.editTitle')}>
      <p>
        <Link to={id === null ? CAMPAIGNS_PATH : campaignPath(id)}>{t('campaigns.detail.back')}</Link>
      </p>
      <ErrorAlert error={campaign.error} />
      {me.isPending || (id !== null && campaign.isPending) ? (
        <Loading />
      ) : (
        <CampaignForm campaign={id === null ? undefined : campaign.data} />
      )}
    </Page>
  );
}
