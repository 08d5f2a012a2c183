import { Button, Table } from 'design-react-kit';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from './TableScroll';

/** The file chosen in a CsvFileField; `take()` returns it, or flags the field when none was chosen. */
export function useCsvFile() {
  const ref = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState(false);
  return {
    ref,
    missing,
    clear: () => setMissing(false),
    take: (): File | undefined => {
      const file = ref.current?.files?.[0];
      setMissing(!file);
      return file;
    },
  };
}

/** A CSV file input, with the "choose a file" error when submitted empty. */
export function CsvFileField({ id, file }: { id: string; file: ReturnType<typeof useCsvFile> }) {
  const { t } = useTranslation();
  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        {t('import.file')}
      </label>
      <input
        ref={file.ref}
        id={id}
        type="file"
        accept=".csv,text/csv"
        className={`form-control${file.missing ? ' is-invalid' : ''}`}
        aria-invalid={file.missing || undefined}
        aria-describedby={file.missing ? `${id}-error` : undefined}
        onChange={file.clear}
      />
      {file.missing ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {t('import.chooseFile')}
        </div>
      ) : null}
    </div>
  );
}

export function UploadButton({ pending }: { pending: boolean }) {
  const { t } = useTranslation();
  return (
    <Button type="submit" color="primary" className="mt-3" disabled={pending}>
      {pending ? t('import.uploading') : t('import.submit')}
    </Button>
  );
}

type RowError = { row: number; messages: string[] };

/** The rows of an import that were refused, each with its problems; nothing when every row went in. */
export function RowErrorsTable<E extends RowError>({
  errors,
  extra,
}: {
  errors: E[];
  /** A column shown between the row number and the problems. */
  extra?: { header: string; cell: (e: E) => ReactNode; key: (e: E) => string };
}) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <TableScroll label={t('import.errorsCaption')}>
      <Table className="align-middle">
        <caption>{t('import.errorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.row')}</th>
            {extra ? <th scope="col">{extra.header}</th> : null}
            <th scope="col">{t('import.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((err) => (
            <tr key={extra ? `${err.row}-${extra.key(err)}` : err.row}>
              <th scope="row">{err.row}</th>
              {extra ? <td>{extra.cell(err)}</td> : null}
              <td>
                <ul className="mb-0 ps-3">
                  {err.messages.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableScroll>
  );
}
