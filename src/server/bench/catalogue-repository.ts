import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { JOB_PROFILES } from '../db/seed/reference.js';
import type { BenchContext } from './context.js';
import { textArray } from './random.js';
import { TOPICS, VARIANTS } from './topics.js';

/**
 * Delivery formats of a path, and the modes of its sessions: 0 and 2 webinars, 1 classroom,
 * 3 online modules alternating with webinars, 4 classroom alternating with on-the-job coaching.
 */
export const FORMATS = 5;

const ADMIN = sql`(select id from users where email = 'admin-1@bench.officina.invalid')`;

/** The catalogue: Convenzioni, training paths with modules, reserved units and linked competencies. */
export function createCatalogueRepository(b: BenchContext) {
  const { draw, sizes } = b;
  const p = sql`g.p`;
  return {
    /** Each unit in the programme signs the agreement for some of the three service models. */
    async insertAgreements(db: Db) {
      const key = sql`u.id || '-' || m.code`;
      await db.execute(sql`
        insert into agreements (unit_id, service_model_code, signed_on, act_reference, valid_from, created_at, updated_at)
        select u.id, m.code, ${b.today}::date - (120 + ${draw.int('agr-d', 700, key)}),
          'Delibera n. ' || (1 + ${draw.int('agr-n', 180, key)}),
          ${b.today}::date - (120 + ${draw.int('agr-d', 700, key)}) + 15,
          ${b.todayStart}::timestamptz - make_interval(days => 100 + ${draw.int('agr-d', 700, key)}),
          ${b.todayStart}::timestamptz - make_interval(days => 100)
        from bench_units u cross join service_models m
        where u.in_programme and ${draw.u('agr', key)} < 0.45
        order by u.id, m.code`);
    },

    async insertPaths(db: Db) {
      const topics = sql.join(
        TOPICS.map(
          ([title, domain, model], k) => sql`(${k}::int, ${title}::text, ${domain}::text, ${model}::text)`,
        ),
        sql`, `,
      );
      const T = TOPICS.length;
      const V = VARIANTS.length;
      await db.execute(sql`
        create temp table bench_paths as
        select g.p, t.title || ': ' || (${textArray(VARIANTS)})[1 + ((g.p - 1) / ${T}) % ${V}]
            || case when g.p > ${T * V} then ' ' || (1 + (g.p - 1) / ${T * V}) else '' end as title,
          t.domain, nullif(t.model, '') as model,
          ((g.p - 1) + (g.p - 1) / ${T}) % ${FORMATS} as format,
          case when t.model <> '' and ${draw.u('elig', p)} < 0.15 then 'agreement'
            when ${draw.u('elig', p)} between 0.15 and 0.2 then 'units' else 'all' end as eligibility
        from generate_series(1, ${sizes.paths}) as g(p)
        join (values ${topics}) as t(k, title, domain, model) on t.k = (g.p - 1) % ${T}`);
      const profiles = JOB_PROFILES.map((j) => j.code);
      await db.execute(sql`
        insert into training_paths (id, slug, title, summary, objectives, domain_code, service_model_code, level,
          competencies, target_job_profiles, total_hours, delivery_modes, eligibility, materials, status,
          created_by, created_at, updated_at)
        select bp.p,
          trim(both '-' from regexp_replace(lower(translate(bp.title, 'àèéìòù’', 'aeeiou-')), '[^a-z0-9]+', '-', 'g')) || '-' || bp.p,
          bp.title,
          'Percorso formativo per il personale delle Province: ' || lower(bp.title) || '.',
          'Al termine i partecipanti sapranno applicare gli strumenti presentati nel lavoro quotidiano del proprio ente.',
          bp.domain, bp.model,
          (array['base', 'intermedio', 'avanzato'])[1 + ${draw.int('level', 3, sql`bp.p`)}],
          array['Analisi normativa', 'Applicazione operativa'],
          array[(${textArray(profiles)})[1 + bp.p % ${profiles.length}], (${textArray(profiles)})[1 + (bp.p + 3) % ${profiles.length}]],
          (array[8, 12, 16, 20, 24])[1 + ${draw.int('hours', 5, sql`bp.p`)}],
          case bp.format when 1 then array['aula'] when 3 then array['online', 'webinar']
            when 4 then array['aula', 'affiancamento'] else array['webinar'] end,
          bp.eligibility,
          jsonb_build_array(jsonb_build_object('title', 'Dispense del percorso',
            'url', 'https://materiali.example.it/percorsi/' || bp.p || '.pdf')),
          'published', ${ADMIN},
          ${b.todayStart}::timestamptz - make_interval(days => 500 + ${draw.int('pcreated', 60, sql`bp.p`)}),
          ${b.todayStart}::timestamptz - make_interval(days => ${draw.int('pupdated', 300, sql`bp.p`)})
        from bench_paths bp order by bp.p`);
      await db.execute(sql`
        insert into path_modules (path_id, position, title, description, hours, mode)
        select bp.p, m, 'Modulo ' || m || ': ' || (array['quadro di riferimento', 'strumenti', 'casi pratici'])[m],
          '', tp.total_hours / 3, tp.delivery_modes[1 + (m - 1) % array_length(tp.delivery_modes, 1)]
        from bench_paths bp join training_paths tp on tp.id = bp.p cross join generate_series(1, 3) as m
        order by bp.p, m`);
      await db.execute(sql`
        insert into path_units (path_id, unit_id)
        select distinct bp.p, u.id from bench_paths bp cross join generate_series(0, 11) as j
        join bench_units u on u.k = (bp.p * 13 + j * 9) % (select count(*) from bench_units)
        where bp.eligibility = 'units' order by 1, 2`);
      await db.execute(sql`
        insert into path_competencies (path_id, competency_id, created_by, created_at)
        select distinct bp.p, c.id, ${ADMIN}, ${b.todayStart}::timestamptz - interval '200 days'
        from bench_paths bp cross join generate_series(0, 1) as j
        join (select c.id, (row_number() over (order by c.id) - 1)::int as k, count(*) over () as total
              from framework_competencies c join competency_frameworks f on f.id = c.framework_id
              where f.status = 'published') c on c.k = (bp.p * 7 + j * 11) % c.total
        order by 1, 2`);
    },
  };
}
