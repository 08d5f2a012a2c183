import { Badge, Table } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AttendanceMatrix } from '../../../common/attendance';
import { romeDate } from '../../../common/rome-time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatNumber } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { TableScroll } from '../../components/TableScroll';
import { useMe } from '../auth/session';
import { CancelledBadge, dateWords } from '../training/labels';
import { sessionTimes } from '../training/times';
import { attendanceAccess, registerPath } from './access';
import { useAttendanceMatrix, useFinalTest } from './api';
import { EditionLinks } from './EditionLinks';
import { FinalTestChoice } from './FinalTestChoice';
import { formatMinutes } from './format';

type Person = AttendanceMatrix['people'][number];

function Completion({ person }: { person: Person }) {
  const { t } = useTranslation();
  return person.complete ? (
    <Badge color="success">{t('matrix.completedOn', dateWords(formatDate(person.completedOn)))}</Badge>
  ) : (
    <span>{t('matrix.notCompleted')}</span>
  );
}

function MatrixTable({ matrix, canRun }: { matrix: AttendanceMatrix; canRun: boolean }) {
  const { t } = useTranslation();
  const finalTest = useFinalTest();
  const [said, setSaid] = useState('');
  const showTest = matrix.finalTestRequired || matrix.people.some((p) => p.finalTestPassed !== null);
  const caption = t('matrix.caption', { count: matrix.people.length });
  return (
    <>
      {/* Not a focused notice: the result radios are used with the arrow keys and must keep the focus. */}
      <p className="visually-hidden" role="status">
        {said}
      </p>
      <ErrorAlert error={finalTest.error} />
      <TableScroll label={caption}>
        <Table className="align-middle officina-matrix">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matrix.person')}</th>
              {matrix.sessions.map((s) => (
                <th scope="col" key={s.id}>
                  <Link to={registerPath(s.id)}>
                    {s.title}
                    <span className="visually-hidden"> {t('matrix.openRegister')}</span>
                  </Link>
                  <span className="d-block small fw-normal text-nowrap">
                    {formatDate(romeDate(s.startsAt))}
                  </span>
                  <span className="d-block small fw-normal text-nowrap">{sessionTimes(s)}</span>
                  {s.status === 'cancelled' ? <CancelledBadge /> : null}
                </th>
              ))}
              <th scope="col">{t('matrix.total')}</th>
              <th scope="col">{t('matrix.pct')}</th>
              {showTest ? <th scope="col">{t('matrix.finalTest')}</th> : null}
              <th scope="col">{t('matrix.completion')}</th>
            </tr>
          </thead>
          <tbody>
            {matrix.people.length === 0 ? (
              <tr>
                <td colSpan={matrix.sessions.length + (showTest ? 5 : 4)}>{t('matrix.nobody')}</td>
              </tr>
            ) : (
              matrix.people.map((p) => {
                const bySession = new Map(p.minutes.map((m) => [m.sessionId, m]));
                return (
                  <tr key={p.enrolmentId}>
                    <th scope="row">
                      {p.name}
                      {p.unitName ? <span className="d-block small fw-normal">{p.unitName}</span> : null}
                    </th>
                    {matrix.sessions.map((s) => {
                      const m = bySession.get(s.id);
                      return (
                        <td key={s.id} className="text-nowrap">
                          {m ? (
                            <>
                              {formatMinutes(m.minutes)}
                              <span className="d-block small">{t(`attendanceSource.${m.source}`)}</span>
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                      );
                    })}
                    <td className="text-nowrap">{formatMinutes(p.minutesAttended)}</td>
                    <td className="text-nowrap">
                      {formatNumber(p.pct)}%
                      {p.pct < matrix.minAttendancePct ? (
                        <span className="d-block small">{t('matrix.belowMin')}</span>
                      ) : null}
                    </td>
                    {showTest ? (
                      <td>
                        {canRun ? (
                          <FinalTestChoice
                            enrolmentId={p.enrolmentId}
                            name={p.name}
                            value={p.finalTestPassed}
                            onChange={(passed) => {
                              setSaid('');
                              finalTest.mutate(
                                { enrolmentId: p.enrolmentId, passed },
                                {
                                  onSuccess: () =>
                                    setSaid(
                                      t(passed ? 'matrix.savedPassed' : 'matrix.savedFailed', {
                                        name: p.name,
                                      }),
                                    ),
                                },
                              );
                            }}
                          />
                        ) : p.finalTestPassed === null ? (
                          '—'
                        ) : p.finalTestPassed ? (
                          t('matrix.passed')
                        ) : (
                          t('matrix.failed')
                        )}
                      </td>
                    ) : null}
                    <td>
                      <Completion person={p} />
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
        </Table>
      </TableScroll>
    </>
  );
}

/** An edition's attendance: people × sessions, share of the hours, final test and completion. */
export default function AttendanceMatrixPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const matrix = useAttendanceMatrix(valid ? id : null);
  const { data: me } = useMe();
  if (!valid || matrix.error)
    return (
      <Page title={t('matrix.pageTitle')}>
        <ErrorAlert error={matrix.error ?? new Error('invalid id')} />
      </Page>
    );
  if (matrix.isPending) return <Loading />;
  const m = matrix.data;
  return (
    <Page title={t('matrix.title', { title: m.editionTitle })} lead={t('matrix.lead', { path: m.pathTitle })}>
      <EditionLinks editionId={id} current="attendance" />
      <p>
        {t('matrix.rule', { pct: m.minAttendancePct })}
        {m.finalTestRequired ? ` ${t('matrix.ruleTest')}` : ''}
      </p>
      <MatrixTable matrix={m} canRun={attendanceAccess(me).runs} />
    </Page>
  );
}
