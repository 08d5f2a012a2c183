import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { BenchContext } from './context.js';

/** Modules per path and pages per module. */
const MODULES = 3;
const PAGES = 5;

/**
 * Online modules as the app would have left them: three published modules per path, each requiring the
 * one before, five pages each; every edition's online session delivers the path's first module, and the
 * people whose ledger holds that session studied it (progress, page views and one visit each, agreeing
 * with the ledger: a full session is a completed module).
 */
export function createFadRepository(b: BenchContext) {
  const since = sql`${b.todayStart}::timestamptz - interval '400 days'`;
  return {
    async insertModules(db: Db) {
      await db.execute(sql`
        insert into fad_modules (id, path_id, position, title_it, summary_it, status, require_all_pages,
          min_minutes, revision, created_at, updated_at)
        select row_number() over (order by p.id, g.n), p.id, g.n, 'Modulo online ' || g.n || ': ' || p.title,
          'Studio individuale guidato del percorso.', 'published', true, 30 * g.n, 1, ${since}, ${since}
        from training_paths p cross join generate_series(1, ${MODULES}::int) g(n)
        order by p.id, g.n`);
      await db.execute(sql`
        insert into fad_module_prerequisites (module_id, requires_id)
        select m.id, prev.id from fad_modules m
        join fad_modules prev on prev.path_id = m.path_id and prev.position = m.position - 1`);
      await db.execute(sql`
        insert into fad_pages (id, module_id, position, title_it, body_it, video_url, materials, updated_at)
        select row_number() over (order by m.id, g.n), m.id, g.n, 'Pagina ' || g.n,
          '<h2>Pagina ' || g.n || '</h2><p>Il contenuto della pagina, con un <strong>esempio</strong> pratico.</p>',
          case when g.n = 1 then 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' end,
          case when g.n = ${PAGES}::int
            then jsonb_build_array(jsonb_build_object('label', 'Dispensa', 'url', 'https://formazione.example.it/dispensa.pdf'))
            else '[]'::jsonb end,
          ${since}
        from fad_modules m cross join generate_series(1, ${PAGES}::int) g(n)
        order by m.id, g.n`);
    },

    /**
     * One SCORM 1.2 or 2004 module per path (after the pages modules, published, with a three-file
     * package), and an attempt for each person who studied the path's first module, completed when
     * that module is.
     */
    async insertScorm(db: Db) {
      await db.execute(sql`
        insert into fad_modules (id, path_id, position, title_it, summary_it, status, kind, require_all_pages,
          min_minutes, revision, created_at, updated_at)
        select (select max(id) from fad_modules) + row_number() over (order by p.id), p.id, ${MODULES + 1}::int,
          'Corso interattivo: ' || p.title, 'Un pacchetto SCORM da seguire nel riquadro.', 'published', 'scorm',
          false, 0, 1, ${since}, ${since}
        from training_paths p order by p.id`);
      await db.execute(sql`
        insert into scorm_packages (id, module_id, version, title, launch_href, manifest_identifier, file_count,
          total_bytes, uploaded_at)
        select row_number() over (order by m.id), m.id, case when m.path_id % 2 = 0 then '2004' else '1.2' end,
          m.title_it, 'index.html', 'OFFICINA-' || m.id, 3, 3 * 512, ${since}
        from fad_modules m where m.kind = 'scorm' order by m.id`);
      await db.execute(sql`
        insert into scorm_files (package_id, path, content_type, bytes, sha256)
        select p.id, f.path, f.type, convert_to(repeat(f.path || ' ', 40), 'UTF8'),
          encode(sha256(convert_to(repeat(f.path || ' ', 40), 'UTF8')), 'hex')
        from scorm_packages p
        cross join (values ('imsmanifest.xml', 'application/xml'), ('index.html', 'text/html'),
          ('sco.js', 'text/javascript')) f(path, type)
        order by p.id, f.path`);
    },

    async linkSessions(db: Db) {
      await db.execute(sql`
        insert into fad_session_modules (session_id, module_id)
        select s.id, m.id from edition_sessions s
        join editions ed on ed.id = s.edition_id
        join fad_modules m on m.path_id = ed.path_id and m.position = 1
        where s.mode = 'online'
        order by s.id`);
    },

    /** Progress of the people whose ledger holds a linked session, with its page views and one visit. */
    async insertProgress(db: Db) {
      const studied = sql`
        select a.user_id, l.module_id, max(a.minutes) as minutes,
          bool_or(a.minutes >= floor(extract(epoch from s.ends_at - s.starts_at) / 60)) as complete,
          max(s.ends_at) as at
        from attendance a
        join fad_session_modules l on l.session_id = a.session_id
        join edition_sessions s on s.id = a.session_id
        group by a.user_id, l.module_id`;
      await db.execute(sql`
        insert into fad_progress (user_id, module_id, active_seconds, last_page_id, completed_at, updated_at)
        select x.user_id, x.module_id, x.minutes * 60,
          (select max(p.id) from fad_pages p where p.module_id = x.module_id),
          case when x.complete then x.at end, x.at
        from (${studied}) x order by x.user_id, x.module_id`);
      await db.execute(sql`
        insert into fad_page_views (user_id, page_id, viewed_at)
        select pr.user_id, p.id, pr.updated_at from fad_progress pr
        join fad_pages p on p.module_id = pr.module_id
        order by pr.user_id, p.id`);
      await db.execute(sql`
        insert into scorm_attempts (package_id, user_id, cmi, lesson_status, success_status, score_raw,
          location, total_seconds, seq, updated_at)
        select sp.id, pr.user_id,
          jsonb_build_object('core', jsonb_build_object('lesson_status',
            case when pr.completed_at is null then 'incomplete' else 'completed' end)),
          case when pr.completed_at is null then 'incomplete' else 'completed' end,
          case when pr.completed_at is null then 'unknown' else 'passed' end,
          case when pr.completed_at is null then null else 80 end,
          'page-2', pr.active_seconds, 3, pr.updated_at
        from fad_progress pr
        join fad_modules first on first.id = pr.module_id and first.position = 1
        join fad_modules sm on sm.path_id = first.path_id and sm.kind = 'scorm'
        join scorm_packages sp on sp.module_id = sm.id
        order by sp.id, pr.user_id`);
      await db.execute(sql`
        insert into fad_visits (id, user_id, module_id, started_at, seconds, updated_at)
        select md5(pr.user_id::text || ':' || pr.module_id)::uuid, pr.user_id, pr.module_id,
          pr.updated_at - make_interval(secs => pr.active_seconds), pr.active_seconds, pr.updated_at
        from fad_progress pr order by pr.user_id, pr.module_id`);
    },
  };
}
