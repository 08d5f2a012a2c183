import { Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTimeText } from '../../components/format';
import { dateWords } from '../training/labels';
import { useCheckinCode } from './api';

/**
 * The session's check-in QR code, big enough to be scanned from the back of a room when projected, with
 * its address in words for those who cannot scan it.
 */
export function CheckinQr({ sessionId, sessionTitle }: { sessionId: number; sessionTitle: string }) {
  const { t } = useTranslation();
  const code = useCheckinCode(sessionId);
  const [shown, setShown] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const data = code.data;

  useEffect(() => {
    if (shown && data) heading.current?.focus();
  }, [shown, data]);

  return (
    <div className="mb-3">
      <Button
        color="primary"
        outline={shown}
        aria-expanded={shown}
        aria-controls="checkin-qr"
        disabled={code.isPending}
        onClick={() => {
          if (!shown && !data) code.mutate();
          setShown(!shown);
        }}
      >
        {shown ? t('checkinQr.hide') : t('checkinQr.show')}
      </Button>
      <div id="checkin-qr" hidden={!shown}>
        <ErrorAlert error={code.error} className="mt-3" />
        {shown && data ? (
          <figure className="mt-3 mb-0 text-center officina-qr">
            <h3 className="h5" tabIndex={-1} ref={heading}>
              {t('checkinQr.title')}
            </h3>
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.svg)}`}
              alt={t('checkinQr.alt', { title: sessionTitle })}
              className="img-fluid bg-white"
              width={480}
              height={480}
            />
            <figcaption className="mt-2">
              <p className="mb-1">{t('checkinQr.scan')}</p>
              <p className="mb-1 text-break">
                <a href={data.url}>{data.url}</a>
              </p>
              <p className="mb-0 small">
                {t(
                  'checkinQr.window',
                  dateWords(formatDateTimeText(data.opensAt), formatDateTimeText(data.closesAt)),
                )}
              </p>
            </figcaption>
          </figure>
        ) : null}
      </div>
    </div>
  );
}
