// The volume histogram of the log explorer: records counted in time buckets, stacked by level,
// and the ticks of its time axis. Pure functions; the chart component only draws the result.
import { LEVELS, type Level } from './levels.ts';
import { formatClock, formatDate } from './time.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Bucket widths and tick spacings a person reads at a glance.
const NICE_STEPS_MS: readonly number[] = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY,
];

// The smallest nice step that cuts spanMs into at most `target` pieces.
export function niceStep(spanMs: number, target: number): number {
  const wanted = spanMs / Math.max(1, target);
  for (const step of NICE_STEPS_MS) if (step >= wanted) return step;
  return Math.ceil(wanted / (30 * DAY)) * 30 * DAY;
}

export interface Histogram {
  startMs: number;           // start of the first bucket
  stepMs: number;            // width of every bucket
  counts: number[][];        // counts[levelIndex][bucket], levels in LEVELS order
  totals: number[];          // per bucket, all levels
  maxTotal: number;
  counted: number;           // records inside the range
}

export interface HistogramPoint {
  ms: number;
  level: Level;
}

// Counts points into buckets of a nice width covering [fromMs, toMs]. Bucket edges are
// aligned to multiples of the step in the time zone given by offsetMs (the local offset from
// UTC in ms), so hour and day buckets start on the hour and at midnight. Points outside the
// range are not counted.
export function buildHistogram(points: Iterable<HistogramPoint>, fromMs: number, toMs: number,
                               targetBuckets: number, offsetMs = 0): Histogram {
  const stepMs = niceStep(Math.max(1, toMs - fromMs), targetBuckets);
  const startMs = alignDown(fromMs, stepMs, offsetMs);
  const buckets = Math.floor((toMs - startMs) / stepMs) + 1;
  const counts = LEVELS.map(() => new Array<number>(buckets).fill(0));
  const totals = new Array<number>(buckets).fill(0);
  const levelIndex = new Map(LEVELS.map((level, i) => [level, i]));
  let counted = 0;
  for (const point of points) {
    if (point.ms < fromMs || point.ms > toMs) continue;
    const bucket = Math.floor((point.ms - startMs) / stepMs);
    (counts[levelIndex.get(point.level) ?? LEVELS.length - 1] as number[])[bucket]! += 1;
    totals[bucket]! += 1;
    counted++;
  }
  return { startMs, stepMs, counts, totals, maxTotal: Math.max(0, ...totals), counted };
}

function alignDown(ms: number, step: number, offsetMs: number): number {
  return Math.floor((ms + offsetMs) / step) * step - offsetMs;
}

export interface Tick {
  at: number;     // position in the axis' unit (ms of wall-clock time, or ns of a duration)
  label: string;
}

// Ticks of a wall-clock axis over [fromMs, toMs]: at most maxTicks, on nice local times,
// labelled with as much precision as their spacing needs (and the date at day steps).
export function timeTicks(fromMs: number, toMs: number, maxTicks: number, offsetMs = 0): Tick[] {
  const step = niceStep(Math.max(1, toMs - fromMs), maxTicks);
  const ticks: Tick[] = [];
  let at = alignDown(fromMs, step, offsetMs);
  if (at < fromMs) at += step;
  for (; at <= toMs; at += step) ticks.push({ at, label: timeLabel(at, step) });
  return ticks;
}

function timeLabel(ms: number, step: number): string {
  if (step >= DAY) return formatDate(ms).slice(5);       // MM-DD
  const clock = formatClock(ms);                          // HH:MM:SS.mmm
  if (step >= MINUTE) return clock.slice(0, 5);
  if (step >= SECOND) return clock.slice(0, 8);
  return clock;
}

// Ticks of a duration axis over [0, totalNs] on a 1-2-5 sequence, at most maxTicks + 1.
export function durationTicks(totalNs: number, maxTicks: number,
                              format: (ns: number) => string): Tick[] {
  if (totalNs <= 0) return [{ at: 0, label: format(0) }];
  const rough = totalNs / Math.max(1, maxTicks);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: Tick[] = [];
  for (let at = 0; at <= totalNs + step * 1e-9; at += step) ticks.push({ at, label: format(at) });
  return ticks;
}
