import { Button } from 'design-react-kit';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../common/auth';
import { ChoiceField, TextField } from '../../components/Field';
import { PagedResults, ResultsTable } from '../../components/ResultsTable';
import { PAGE_SIZE, useUsers } from '../users/api';
import { useUnitOptions } from '../users/unitOptions';

export type Chosen = Map<string, string>;

/**
 * Chooses several people among those the viewer manages (the users list is scoped by the server: a
 * Province officer only gets their Province's staff). The choice survives searches and pages.
 */
export function PeoplePicker({
  me,
  chosen,
  onChange,
  error,
}: {
  me: Me;
  chosen: Chosen;
  onChange: (chosen: Chosen) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const units = useUnitOptions(me);
  const [draft, setDraft] = useState({ q: '', unitId: '' });
  const [search, setSearch] = useState({ q: '', unitId: '', page: 1 });
  const users = useUsers({ q: search.q, unitId: search.unitId, active: 'true', page: search.page });
  const shown = users.data?.items ?? [];
  const toggle = (id: string, name: string, on: boolean) => {
    const next = new Map(chosen);
    if (on) next.set(id, name);
    else next.delete(id);
    onChange(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSearch({ ...draft, page: 1 });
  };
  const names = [...chosen.values()].sort((a, b) => a.localeCompare(b, 'it'));
  return (
    <div>
      <form className="officina-filters" aria-label={t('nominate.searchPeople')} onSubmit={submit}>
        <div className="row">
          <div className="col-12 col-md-6">
            <TextField
              id="nominate-q"
              type="search"
              label={t('users.search')}
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
          {units.options.length > 1 || !units.restricted ? (
            <div className="col-12 col-md-6">
              <ChoiceField
                id="nominate-unit"
                label={t('users.unit')}
                value={draft.unitId}
                onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}
                empty={units.restricted ? t('users.allMyUnits') : t('users.allUnits')}
                choices={units.options.map((u) => ({ value: String(u.id), label: u.name }))}
              />
            </div>
          ) : null}
        </div>
        <Button type="submit" color="primary" size="sm" className="mt-2">
          {t('common.search')}
        </Button>
      </form>
      <p className="mt-3 mb-2" aria-live="polite" id="nominate-chosen">
        {t('nominate.chosen', { count: chosen.size })}
        {names.length > 0 ? `: ${names.join(', ')}` : ''}
      </p>
      {error ? (
        <div id="nominate-people-error" className="invalid-feedback d-block mb-2">
          {error}
        </div>
      ) : null}
      <div className="d-flex flex-wrap gap-2 mb-3">
        <Button
          color="primary"
          outline
          size="xs"
          disabled={shown.length === 0}
          onClick={() => {
            const next = new Map(chosen);
            for (const u of shown) next.set(u.id, u.name);
            onChange(next);
          }}
        >
          {t('nominate.chooseShown')}
        </Button>
        <Button
          color="secondary"
          outline
          size="xs"
          disabled={chosen.size === 0}
          onClick={() => onChange(new Map())}
        >
          {t('nominate.clear')}
        </Button>
      </div>
      <PagedResults
        query={users}
        pageSize={PAGE_SIZE}
        pagesLabel={t('nominate.peoplePages')}
        onPage={(page) => setSearch({ ...search, page })}
      >
        {(data) => (
          <ResultsTable
            caption={t('nominate.peopleCaption', { count: data.total })}
            columns={[t('users.name'), t('users.email'), t('users.unit')]}
            items={data.items}
            empty={t('users.none')}
            row={(u) => (
              <tr key={u.id}>
                <th scope="row">
                  <div className="form-check my-0">
                    <input
                      id={`nominate-person-${u.id}`}
                      type="checkbox"
                      checked={chosen.has(u.id)}
                      aria-describedby={error ? 'nominate-people-error' : undefined}
                      onChange={(e) => toggle(u.id, u.name, e.target.checked)}
                    />
                    <label htmlFor={`nominate-person-${u.id}`}>{u.name}</label>
                  </div>
                </th>
                <td>{u.email}</td>
                <td>{u.unitName ?? '—'}</td>
              </tr>
            )}
          />
        )}
      </PagedResults>
    </div>
  );
}
