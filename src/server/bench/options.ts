import { romeToday } from '../../common/rome-time.js';

export type BenchOptions = {
  scale: number;
  seed: number;
  out: string;
  reset: boolean;
  /** The day the data is laid out around (Rome date, YYYY-MM-DD). */
  today: string;
};

/** Reads `--scale=1 --seed=1 --out=bench-data --today=YYYY-MM-DD --reset`. */
export function parseOptions(argv: readonly string[], now = new Date()): BenchOptions {
  const opts: BenchOptions = { scale: 1, seed: 1, out: 'bench-data', reset: false, today: romeToday(now) };
  for (const arg of argv) {
    const [name, value = ''] = arg.replace(/^--/, '').split('=', 2) as [string, string?];
    if (name === 'reset' && value === '') opts.reset = true;
    else if (name === 'scale') opts.scale = Number(value);
    else if (name === 'seed') opts.seed = Number(value);
    else if (name === 'out' && value) opts.out = value;
    else if (name === 'today') opts.today = value;
    else throw new Error(`unknown option ${arg} (use --scale= --seed= --out= --today= --reset)`);
  }
  if (!(opts.scale > 0 && opts.scale <= 10)) throw new Error('--scale must be a number in (0, 10]');
  if (!Number.isSafeInteger(opts.seed) || opts.seed < 0) throw new Error('--seed must be a whole number');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today) || Number.isNaN(Date.parse(opts.today)))
    throw new Error('--today must be a date YYYY-MM-DD');
  return opts;
}

export type Sizes = ReturnType<typeof sizesFor>;

/** How much of everything at a scale (1 = the national programme); floors keep a tiny scale usable. */
export function sizesFor(scale: number) {
  const n = (atOne: number, min: number) => Math.max(min, Math.round(atOne * scale));
  return {
    staff: n(20_000, 1_000),
    /** Province officers of each unit. */
    officersPerUnit: scale >= 0.5 ? 2 : 1,
    /** One staff member in this many also trains. */
    trainerEvery: 80,
    nationalAdmins: 3,
    helpdeskAgents: n(6, 2),
    moderators: 3,
    paths: n(300, 6),
    editions: n(1_500, 15),
    enrolments: n(150_000, 1_000),
    burstUsers: n(2_000, 50),
    burstSeats: 30,
    /** Task force members of the restructuring seed. */
    taskForce: n(12, 4),
    reorgVersions: scale >= 0.5 ? 4 : 1,
    interventionsPerUnit: n(40, 2),
  };
}
