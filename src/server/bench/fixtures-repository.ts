import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/sql.js';

export type NewSession = { tokenHash: string; userId: string };

/** Reads the people and editions the benchmark needs, and writes their sign-in sessions. */
export function createFixturesRepository() {
  return {
    /** An active learner with the most confirmed enrolments (ties: the first). */
    async learner(db: Db) {
      const [row] = await rowsOf<{ id: string }>(
        db,
        sql`select p.id from bench_people p join enrolments en on en.user_id = p.id
          where p.active and p.has_password and not p.officer and not p.trainer
          group by p.i, p.id order by count(*) filter (where en.status = 'confirmed') desc, p.i limit 1`,
      );
      if (!row) throw new Error('no learner with enrolments');
      return row.id;
    },

    /** The officer of the unit with the most enrolments. */
    async officer(db: Db) {
      const [row] = await rowsOf<{ id: string; unitId: number }>(
        db,
        sql`select o.id, o.unit_id as "unitId" from bench_officers o
          join (select unit_id, count(*) as n from enrolments group by unit_id) x on x.unit_id = o.unit_id
          order by x.n desc, o.unit_id limit 1`,
      );
      if (!row) throw new Error('no officer');
      return row;
    },

    /** `n` active learners spread over the staff, none of them `except`. */
    async burstUsers(db: Db, n: number, except: string[]) {
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`select id from bench_people
          where active and not officer and id not in (${sql.join(
            except.map((e) => sql`${e}::uuid`),
            sql`, `,
          )})
          order by (i * 7919) % 1000003, i limit ${n}`,
      );
      if (rows.length < n) throw new Error(`only ${rows.length} learners for the burst of ${n}`);
      return rows.map((r) => r.id);
    },

    /** A published edition to come with enrolments, and its path's slug (public pages). */
    async publicEdition(db: Db, today: string, exceptId: number) {
      const [row] = await rowsOf<{ id: number; slug: string; domain: string }>(
        db,
        sql`select ed.id, tp.slug, tp.domain_code as domain from editions ed join training_paths tp on tp.id = ed.path_id
          where ed.status = 'published' and ed.starts_on > ${today}::date and ed.id <> ${exceptId}
            and tp.eligibility = 'all'
            and exists (select 1 from enrolments en where en.edition_id = ed.id)
          order by ed.starts_on, ed.id limit 1`,
      );
      if (!row) throw new Error('no published edition to come');
      return row;
    },

    async insertSessions(db: Db, sessions: NewSession[], expiresAt: Date) {
      for (let k = 0; k < sessions.length; k += 500) {
        const rows = sessions
          .slice(k, k + 500)
          .map(
            (s) =>
              sql`(${s.tokenHash}, ${s.userId}::uuid, now(), now(), ${expiresAt.toISOString()}::timestamptz, 'officina-bench')`,
          );
        await db.execute(sql`
          insert into sessions (token_hash, user_id, created_at, last_seen_at, expires_at, user_agent)
          values ${sql.join(rows, sql`, `)}`);
      }
    },

    async replaceFeed(db: Db, userId: string, token: string) {
      await db.execute(sql`delete from calendar_feeds where user_id = ${userId}::uuid`);
      await db.execute(sql`insert into calendar_feeds (token, user_id) values (${token}, ${userId}::uuid)`);
    },

    /** The cookie secret the app falls back to without SESSION_SECRET (see the auth module). */
    async storeCookieSecret(db: Db, secret: string) {
      await db.execute(sql`
        insert into settings (key, value) values ('cookie_secret', ${secret})
        on conflict (key) do update set value = excluded.value`);
    },

    async countUsers(db: Db) {
      const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from users`);
      return row?.n ?? 0;
    },

    /** Rows per table of the schema `public`, counted. */
    async counts(db: Db) {
      const tables = await rowsOf<{ name: string }>(
        db,
        sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
      );
      const counts: Record<string, number> = {};
      for (const t of tables) {
        const [row] = await rowsOf<{ n: number }>(
          db,
          sql`select count(*)::int as n from ${sql.identifier(t.name)}`,
        );
        counts[t.name] = row?.n ?? 0;
      }
      return counts;
    },

    /** Brings the id sequences past the ids written explicitly. */
    async resetSequences(db: Db) {
      const serials = await rowsOf<{ t: string; c: string }>(
        db,
        sql`select table_name as t, column_name as c from information_schema.columns
          where table_schema = 'public' and column_default like 'nextval(%' and column_name = 'id'`,
      );
      for (const { t, c } of serials)
        await db.execute(
          sql`select setval(pg_get_serial_sequence(${t}, ${c}), coalesce((select max(${sql.identifier(c)}) from ${sql.identifier(t)}), 0) + 1, false)`,
        );
    },

    async dropScratch(db: Db) {
      for (const t of [
        'bench_demand',
        'bench_officers',
        'bench_editions',
        'bench_trainers',
        'bench_days',
        'bench_paths',
        'bench_people',
        'bench_units',
      ])
        await db.execute(sql`drop table if exists ${sql.identifier(t)}`);
    },
  };
}
