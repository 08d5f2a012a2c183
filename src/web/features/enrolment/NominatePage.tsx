import { Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Me } from '../../../common/auth';
import { Forbidden } from '../../app/RequireAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { ResultsTable } from '../../components/ResultsTable';
import { useMe } from '../auth/session';
import { enrolmentAccess, UNIT_ENROLMENTS_PATH } from './access';
import { type NominationReport, useNominate } from './api';
import { EditionPicker, type PickedEdition } from './EditionPicker';
import { EnrolmentStatusBadge } from './labels';
import { type Chosen, PeoplePicker } from './PeoplePicker';

function Report({ report, names }: { report: NominationReport; names: Map<string, string> }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const failed = report.results.filter((r) => r.error !== null).length;
  return (
    <section aria-labelledby="nominate-report" className="mt-5">
      <h2 id="nominate-report" className="h4" tabIndex={-1} ref={heading}>
        {t('nominate.reportTitle')}
      </h2>
      <p role="status">{t('nominate.summary', { done: report.results.length - failed, failed })}</p>
      <ResultsTable
        caption={t('nominate.reportCaption')}
        columns={[t('users.name'), t('nominate.outcome')]}
        items={report.results}
        empty={t('nominate.nobody')}
        row={(r) => (
          <tr key={r.userId}>
            <th scope="row">{names.get(r.userId) ?? r.userId}</th>
            <td>
              {r.status ? <EnrolmentStatusBadge status={r.status} /> : null}
              {r.error ? <span className="text-danger">{r.error}</span> : null}
            </td>
          </tr>
        )}
      />
    </section>
  );
}

function Nominate({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const nominate = useNominate();
  const [edition, setEdition] = useState<PickedEdition>({
    path: params.get('percorso') ?? undefined,
    editionId: params.get('edizione') ?? undefined,
  });
  const [chosen, setChosen] = useState<Chosen>(new Map());
  const [errors, setErrors] = useState<{ edition?: string; people?: string }>({});
  const [sent, setSent] = useState<Map<string, string>>(new Map());

  const submit = () => {
    const problems = {
      ...(edition.editionId ? {} : { edition: t('nominate.errors.edition') }),
      ...(chosen.size > 0 ? {} : { people: t('nominate.errors.people') }),
    };
    setErrors(problems);
    if (problems.edition) {
      document.getElementById(edition.path ? 'nominate-edition' : 'nominate-path')?.focus();
      return;
    }
    if (problems.people) {
      document.getElementById('nominate-q')?.focus();
      return;
    }
    const names = new Map(chosen);
    nominate.mutate(
      { editionId: Number(edition.editionId), userIds: [...chosen.keys()] },
      {
        onSuccess: () => {
          setSent(names);
          setChosen(new Map());
        },
      },
    );
  };

  return (
    <Page title={t('nominate.title')} lead={t('nominate.lead')}>
      <p>
        <Link to={UNIT_ENROLMENTS_PATH}>{t('nominate.back')}</Link>
      </p>
      <section aria-labelledby="nominate-step-edition" className="mb-4">
        <h2 id="nominate-step-edition" className="h4">
          {t('nominate.stepEdition')}
        </h2>
        <EditionPicker
          idPrefix="nominate"
          value={edition}
          onChange={(picked) => {
            nominate.reset();
            setEdition(picked);
          }}
          openOnly
          error={errors.edition}
        />
      </section>
      <section aria-labelledby="nominate-step-people" className="mb-4">
        <h2 id="nominate-step-people" className="h4">
          {t('nominate.stepPeople')}
        </h2>
        <PeoplePicker me={me} chosen={chosen} onChange={setChosen} error={errors.people} />
      </section>
      <ErrorAlert error={nominate.error} />
      <Button color="primary" disabled={nominate.isPending} onClick={submit}>
        {t('nominate.submit', { count: chosen.size })}
      </Button>
      {nominate.data ? <Report key={nominate.submittedAt} report={nominate.data} names={sent} /> : null}
    </Page>
  );
}

/** A Province officer (or an administrator) enrols several people in one edition. */
export default function NominatePage() {
  const { data: me } = useMe();
  if (!me) return <Loading />;
  if (!enrolmentAccess(me).manage) return <Forbidden />;
  return <Nominate me={me} />;
}
