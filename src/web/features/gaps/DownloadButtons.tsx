import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiUrl } from '../../../common/api-routes';
import { ErrorAlert } from '../../components/ErrorAlert';
import { download, type ExportFormat } from './api';

const FORMATS: ExportFormat[] = ['csv', 'xlsx', 'svg', 'png'];

/** Buttons to download one table or chart in every format; PNG is drawn in the browser from the SVG. */
export function DownloadButtons({
  label,
  name,
  url,
}: {
  /** What is downloaded, for the group's name ("Scarica la mappa di calore"). */
  label: string;
  /** The file name without extension. */
  name: string;
  url: (format: Exclude<ExportFormat, 'png'>) => ApiUrl;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      await download(url(format === 'png' ? 'svg' : format), `${name}.${format}`, format);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="mb-3">
      <fieldset className="d-flex flex-wrap gap-2 align-items-center">
        <legend className="small fw-semibold mb-1 w-100 float-none fs-6">{label}</legend>
        {FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            className="btn btn-outline-primary btn-sm"
            disabled={busy !== null}
            onClick={() => void run(f)}
          >
            {busy === f ? t('gaps.downloading') : t(`gaps.format.${f}`)}
          </button>
        ))}
      </fieldset>
      <ErrorAlert error={error} className="mt-2" />
    </div>
  );
}
