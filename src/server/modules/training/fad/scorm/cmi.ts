import type { ScormVersion } from '../../../../../common/fad.js';

/**
 * What the server reads from the CMI data a SCORM runtime commits (the object scorm-again renders:
 * `core.lesson_status` in 1.2, `completion_status` in 2004…): status, score, location, the time of the
 * visit. Pure.
 */

export type Derived = {
  /** 1.2: lesson_status; 2004: completion_status. */
  lessonStatus: string;
  /** 2004: success_status; 1.2: passed/failed when lesson_status says so, else unknown. */
  successStatus: string;
  scoreScaled: number | null;
  scoreRaw: number | null;
  location: string;
  suspendData: string;
  /** The session time the SCO reported for this visit, in whole seconds. */
  sessionSeconds: number;
  complete: boolean;
};

// biome-ignore lint/suspicious/noExplicitAny: CMI data is walked field by field
type Obj = Record<string, any>;

const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown, max = 64_000) => (typeof v === 'string' ? v.slice(0, max) : '');
const num = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

const DAY = 86_400;

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` in whole seconds (0 when malformed). */
export function timespan12(v: string): number {
  const m = /^(\d{1,4}):([0-5]?\d):([0-5]?\d)(\.\d{1,2})?$/.exec(v.trim());
  if (!m) return 0;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** SCORM 2004 timeinterval (ISO 8601 duration, `PT1H2M3.5S`) in whole seconds (0 when malformed). */
export function duration2004(v: string): number {
  const m =
    /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      v.trim(),
    );
  if (!m || v.trim() === 'P' || v.trim().endsWith('T')) return 0;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x ? Number(x) : 0)) as number[];
  return Math.floor(
    (y ?? 0) * 365 * DAY +
      (mo ?? 0) * 30 * DAY +
      (d ?? 0) * DAY +
      (h ?? 0) * 3600 +
      (mi ?? 0) * 60 +
      (s ?? 0),
  );
}

/** Whole seconds as a 1.2 timespan or a 2004 duration, for `total_time`. */
export function formatTime(version: ScormVersion, seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (version === '2004') return `PT${h}H${m}M${s}S`;
  return `${String(Math.min(h, 9999)).padStart(4, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export function deriveCmi(version: ScormVersion, cmi: Obj): Derived {
  if (version === '1.2') {
    const core = obj(cmi.core);
    const score = obj(core.score);
    const status = str(core.lesson_status, 40) || 'not attempted';
    const raw = num(score.raw);
    const max = num(score.max);
    const min = num(score.min) ?? 0;
    return {
      lessonStatus: status,
      successStatus: status === 'passed' || status === 'failed' ? status : 'unknown',
      scoreRaw: raw,
      scoreScaled: raw !== null && max !== null && max > min ? (raw - min) / (max - min) : null,
      location: str(core.lesson_location, 1000),
      suspendData: str(cmi.suspend_data),
      sessionSeconds: timespan12(str(core.session_time, 40)),
      complete: status === 'completed' || status === 'passed',
    };
  }
  const score = obj(cmi.score);
  const completion = str(cmi.completion_status, 40) || 'unknown';
  const success = str(cmi.success_status, 40) || 'unknown';
  return {
    lessonStatus: completion,
    successStatus: success,
    scoreScaled: num(score.scaled),
    scoreRaw: num(score.raw),
    location: str(cmi.location, 1000),
    suspendData: str(cmi.suspend_data),
    sessionSeconds: duration2004(str(cmi.session_time, 40)),
    complete: completion === 'completed' || success === 'passed',
  };
}

/**
 * The CMI handed back to the runtime at launch: what was committed, less the elements that belong to
 * one visit (session time, exit), with the total time kept by the server and `entry` set to resume
 * when the learner suspended.
 */
export function cmiForLaunch(version: ScormVersion, stored: Obj, totalSeconds: number): Obj {
  const cmi = structuredClone(stored) as Obj;
  if (version === '1.2') {
    const core = obj(cmi.core);
    const suspended = core.exit === 'suspend';
    delete core.session_time;
    delete core.exit;
    if (Object.keys(stored).length) {
      core.total_time = formatTime(version, totalSeconds);
      core.entry = suspended ? 'resume' : '';
      cmi.core = core;
    }
    return cmi;
  }
  const suspended = cmi.exit === 'suspend';
  delete cmi.session_time;
  delete cmi.exit;
  if (Object.keys(stored).length) {
    cmi.total_time = formatTime(version, totalSeconds);
    cmi.entry = suspended ? 'resume' : '';
  }
  return cmi;
}

/**
 * How deeply a JSON value nests (a scalar is 0), counted without recursion so that a hostile value
 * cannot exhaust the stack; stops counting past `limit`.
 */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, level]);
  }
  return deepest;
}
