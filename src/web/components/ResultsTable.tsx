import { Table } from 'design-react-kit';
import type { ReactNode } from 'react';
import type { Paged } from '../api/client';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';
import { Pagination } from './Pagination';
import { TableScroll } from './TableScroll';

/** A captioned, scrollable results table with one header per column and a row saying when there is nothing. */
export function ResultsTable<T>({
  caption,
  columns,
  items,
  empty,
  hover = false,
  row,
}: {
  caption: string;
  /** The header cells' contents, in order (a visually hidden label for an actions column). */
  columns: ReactNode[];
  items: T[];
  empty: string;
  hover?: boolean;
  /** One item's row(s), keyed. */
  row: (item: T) => ReactNode;
}) {
  return (
    <TableScroll label={caption}>
      <Table hover={hover} className="align-middle">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            items.map(row)
          )}
        </tbody>
      </Table>
    </TableScroll>
  );
}

/** The results of a paged query: its error, a spinner while loading, then the results and the pager. */
export function PagedResults<T>({
  query,
  pageSize,
  pagesLabel,
  onPage,
  children,
}: {
  query: { error: unknown; isPending: boolean; data?: Paged<T> | undefined };
  pageSize: number;
  pagesLabel: string;
  onPage: (page: number) => void;
  children: (data: Paged<T>) => ReactNode;
}) {
  const { data } = query;
  return (
    <>
      <ErrorAlert error={query.error} />
      {query.isPending ? <Loading /> : null}
      {data ? (
        <>
          {children(data)}
          <Pagination
            page={data.page}
            pageSize={data.pageSize || pageSize}
            total={data.total}
            label={pagesLabel}
            onPage={onPage}
          />
        </>
      ) : null}
    </>
  );
}
