import type { FrameworkTree } from '../../../common/framework';
import { local } from './labels';

export type PickableCompetency = {
  id: number;
  code: string;
  label: string;
  area: string;
  keywords: string[];
};

/** The competencies of a version, in order, as the picker lists them. */
export function pickable(tree: FrameworkTree | undefined): PickableCompetency[] {
  return (tree?.domains ?? []).flatMap((d) =>
    d.areas.flatMap((a) =>
      a.competencies.map((c) => ({
        id: c.id,
        code: c.code,
        label: local(c.name),
        area: local(a.name),
        keywords: c.keywords,
      })),
    ),
  );
}
