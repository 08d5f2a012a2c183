import { useSearchParams } from 'react-router';

/** Text filters read from the address, plus the page (1 when absent or invalid). */
export type UrlFilters<K extends string> = Partial<Record<K, string>> & { page: number };

export function readUrlFilters<K extends string>(params: URLSearchParams, keys: readonly K[]): UrlFilters<K> {
  const f = {} as UrlFilters<K>;
  for (const key of keys) {
    const v = params.get(key);
    if (v) (f as Partial<Record<K, string>>)[key] = v;
  }
  const page = Number(params.get('page'));
  f.page = Number.isInteger(page) && page > 0 ? page : 1;
  return f;
}

/** The address query of some filters; empty values and the first page are left out so that addresses stay short. */
export function writeUrlFilters<K extends string>(
  f: Partial<Record<K, string>>,
  keys: readonly K[],
  page = 1,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) if (f[key]) out[key] = f[key] as string;
  if (page > 1) out.page = String(page);
  return out;
}

/**
 * A list page's filters kept in the query string, so that a filtered list can be shared, bookmarked and
 * navigated with the back button. `apply` starts again from the first page; `setPage` keeps the filters.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = readUrlFilters(params, keys);
  return {
    filters,
    apply: (f: Partial<Record<K, string>>) => setParams(writeUrlFilters(f, keys)),
    setPage: (page: number) => setParams(writeUrlFilters(filters, keys, page)),
  };
}

/**
 * The address query with a setter for one key at a time. Each change starts from the address as it is now,
 * not from the last drawn one, so that two quick changes (two selects in a row) both stay.
 */
export function useSearchParam() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return [params, set] as const;
}
