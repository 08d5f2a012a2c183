import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { GAP_COLUMNS, GAP_ROWS, type GapColumns, type GapRows } from '../../../common/gaps';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChoiceField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { useSearchParam } from '../../components/urlFilters';
import { exportUrl, type HeatmapParams, useGapCampaigns, useHeatmap } from './api';
import { DownloadButtons } from './DownloadButtons';
import { HeatmapTable } from './HeatmapTable';
import { PeopleSection } from './PeopleSection';
import { PrioritySection } from './PrioritySection';
import { GAPS_PATH } from './paths';

const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
  list.find((x) => x === v) ?? fallback;

/** A campaign's training needs: the heatmap with its switches, the priorities, the downloads. */
export default function CampaignGapsPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [search, set] = useSearchParam();
  const rows: GapRows = oneOf(GAP_ROWS, search.get('righe'), 'unit');
  const columns: GapColumns = oneOf(GAP_COLUMNS, search.get('colonne'), 'domain');
  const unitParam = Number(search.get('ente'));
  const unit = rows !== 'region' && Number.isInteger(unitParam) && unitParam > 0 ? unitParam : undefined;
  const jobProfile = rows !== 'jobProfile' ? search.get('profilo') || undefined : undefined;
  const params: HeatmapParams = { rows, columns, unit, jobProfile };
  // An anonymous survey shows its figures once closed only: while open, say so and ask for nothing.
  const listed = useGapCampaigns().data?.find((c) => c.id === id);
  const waiting = !!listed && listed.anonymous && listed.status === 'open';
  const heat = useHeatmap(id, params, !waiting);
  const h = waiting ? undefined : heat.data;
  // The choices of unit and profile come from the unfiltered table, so they stay when a filter is refused.
  const options = useHeatmap(id, { rows: 'unit', columns: 'domain' }, !waiting).data;
  const loaded = h ?? options;
  const info = loaded ?? listed;

  const campaign = info && 'campaign' in info ? info.campaign : info;
  const title = campaign ? t('gaps.campaignTitle', { title: campaign.title }) : t('gaps.title');
  return (
    <Page
      title={title}
      lead={
        campaign
          ? t('gaps.campaignLead', {
              from: formatDate(campaign.opensOn),
              to: formatDate(campaign.closesOn),
              status: t(`gaps.status.${campaign.status}`),
              kind: t(campaign.anonymous ? 'gaps.anonymous' : 'gaps.named'),
              k: campaign.minGroupSize,
            })
          : undefined
      }
      actions={
        <Link className="btn btn-outline-primary" to={GAPS_PATH}>
          {t('gaps.back')}
        </Link>
      }
    >
      {waiting ? (
        <div className="alert alert-info" role="status">
          {t('gaps.afterClose', { date: formatDate(listed.closesOn) })}
        </div>
      ) : null}
      <form
        hidden={waiting}
        className="row g-3 mb-2"
        aria-label={t('gaps.switches')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="col-12 col-md-3">
          <ChoiceField
            id="gaps-rows"
            label={t('gaps.rowsLabel')}
            value={rows}
            onChange={(e) => set('righe', e.target.value)}
            choices={GAP_ROWS.map((r) => ({ value: r, label: t(`gaps.rows.${r}`) }))}
          />
        </div>
        <div className="col-12 col-md-3">
          <ChoiceField
            id="gaps-columns"
            label={t('gaps.columnsLabel')}
            value={columns}
            onChange={(e) => set('colonne', e.target.value)}
            choices={GAP_COLUMNS.map((c) => ({ value: c, label: t(`gaps.columns.${c}`) }))}
          />
        </div>
        {rows !== 'region' ? (
          <div className="col-12 col-md-3">
            <ChoiceField
              id="gaps-unit"
              label={t('gaps.unitLabel')}
              value={unit ? String(unit) : ''}
              onChange={(e) => set('ente', e.target.value)}
              empty={t('gaps.allUnits')}
              choices={(options?.units ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
            />
          </div>
        ) : null}
        {rows !== 'jobProfile' ? (
          <div className="col-12 col-md-3">
            <ChoiceField
              id="gaps-profile"
              label={t('gaps.profileLabel')}
              value={jobProfile ?? ''}
              onChange={(e) => set('profilo', e.target.value)}
              empty={t('gaps.allProfiles')}
              choices={(options?.jobProfiles ?? []).map((p) => ({ value: p.code, label: p.name }))}
            />
          </div>
        ) : null}
      </form>
      {waiting ? null : (
        <>
          <p className="small">{t('gaps.scopeNote')}</p>

          <h2 className="h3 mt-4">{t('gaps.heatHeading')}</h2>
          <ErrorAlert error={heat.error} />
          {heat.isPending ? (
            <Loading />
          ) : h ? (
            !h.hasAnswers ? (
              <div className="alert alert-info" role="status">
                {t('gaps.noAnswers')}
              </div>
            ) : (
              <>
                <HeatmapTable h={h} />
                <DownloadButtons
                  label={t('gaps.downloadHeat')}
                  name={`fabbisogni-${id}-mappa`}
                  url={(format) => exportUrl(id, 'heatmap', format, params)}
                />
              </>
            )
          ) : null}

          {h?.hasAnswers ? <PrioritySection id={id} unit={unit} jobProfile={jobProfile} /> : null}
          {loaded && !loaded.campaign.anonymous && (unit ?? loaded.units[0]?.id) ? (
            <PeopleSection id={id} unit={(unit ?? loaded.units[0]?.id) as number} />
          ) : null}
        </>
      )}
    </Page>
  );
}
