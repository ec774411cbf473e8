// Time in the UI: range bounds as people write them ("now-15m", an ISO date, epoch millis),
// unix-nanosecond strings as the API speaks them, and durations and timestamps for display.
//
// Milliseconds (JS numbers) are the UI's working unit for wall-clock time; nanoseconds only
// cross the API as decimal strings (exact), because 2^53 ns is only 104 days.

export interface RangePreset {
  key: string;   // the shortcut shown on the button
  from: string;  // a bound for resolveBound
}

export const RANGE_PRESETS: readonly RangePreset[] = [
  { key: '15m', from: 'now-15m' },
  { key: '1h', from: 'now-1h' },
  { key: '6h', from: 'now-6h' },
  { key: '24h', from: 'now-24h' },
  { key: '7d', from: 'now-7d' },
];

const UNIT_MS: Record<string, number> = {
  ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000,
};

// "15m", "1.5h", "500ms", "7d" -> milliseconds; null when not a duration.
export function parseDurationMs(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * (UNIT_MS[match[2] as string] as number);
}

// A range bound -> epoch milliseconds, or null when it cannot be read.
//   "now", "now-15m", "now+1h"   relative to nowMs
//   "1795428245123"               epoch milliseconds (10 or more digits)
//   "2026-11-23T10:04:05Z"        ISO 8601 / RFC 3339 (local time when no zone is given)
export function resolveBound(bound: string, nowMs: number): number | null {
  const text = bound.trim();
  if (text === 'now') return nowMs;
  const relative = /^now([+-])(.+)$/.exec(text);
  if (relative) {
    const ms = parseDurationMs(relative[2] as string);
    if (ms === null) return null;
    return relative[1] === '-' ? nowMs - ms : nowMs + ms;
  }
  if (/^\d{10,}$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

export function isRelativeBound(bound: string): boolean {
  return bound.trim().startsWith('now');
}

export interface TimeRange {
  fromMs: number;
  toMs: number;
}

// Both bounds resolved, or an error message that says which one is wrong.
export function resolveRange(from: string, to: string, nowMs: number): TimeRange | { error: string } {
  const fromMs = resolveBound(from, nowMs);
  if (fromMs === null) return { error: `cannot read the start time "${from}"` };
  const toMs = resolveBound(to, nowMs);
  if (toMs === null) return { error: `cannot read the end time "${to}"` };
  if (fromMs > toMs) return { error: 'the start time is after the end time' };
  return { fromMs, toMs };
}

// Epoch milliseconds (possibly fractional) -> unix nanoseconds as a decimal string.
export function msToNs(ms: number): string {
  const whole = Math.floor(ms);
  const fraction = Math.round((ms - whole) * 1e6);
  return (BigInt(whole) * 1_000_000n + BigInt(fraction)).toString();
}

// Nanosecond strings are split at the millisecond rather than parsed as BigInt: a trace of
// 50,000 spans parses 100,000 of them, and BigInt made that the slowest part of opening it.

// Unix nanoseconds (decimal string) -> epoch milliseconds, exact to the microsecond.
export function nsToMs(ns: string): number {
  if (!/^\d+$/.test(ns)) return 0;
  return ns.length <= 3 ? 0 : Number(ns.slice(0, -3)) / 1000;
}

// A nanosecond string as whole milliseconds and the nanoseconds within the millisecond: both
// exact numbers, so differences of nearby times are exact too.
export interface NsParts {
  ms: number;
  ns: number;
}

export function nsParts(ns: string): NsParts {
  if (ns.length <= 6) return { ms: 0, ns: Number(ns) };
  return { ms: Number(ns.slice(0, -6)), ns: Number(ns.slice(-6)) };
}

// a - b in nanoseconds (exact while it is under 2^53 ns, 104 days).
export function partsDiff(a: NsParts, b: NsParts): number {
  return (a.ms - b.ms) * 1e6 + (a.ns - b.ns);
}

// The difference a - b of two nanosecond strings, as a number of nanoseconds.
export function nsDiff(a: string, b: string): number {
  return partsDiff(nsParts(a), nsParts(b));
}

// Orders two nanosecond strings (decimal, no leading zeros) by value.
export function compareNs(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

// A duration in nanoseconds for people: "850 ns", "12.3 µs", "456 ms", "1.23 s", "2m 03s".
export function formatDuration(nanos: number): string {
  const abs = Math.abs(nanos);
  const sign = nanos < 0 ? '-' : '';
  if (abs < 1e3) return `${sign}${Math.round(abs)} ns`;
  if (abs < 1e6) return `${sign}${trim(abs / 1e3)} µs`;
  if (abs < 1e9) return `${sign}${trim(abs / 1e6)} ms`;
  if (abs < 60e9) return `${sign}${trim(abs / 1e9)} s`;
  const totalSeconds = Math.round(abs / 1e9);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${sign}${hours}h ${pad2(minutes)}m`;
  return `${sign}${minutes}m ${pad2(seconds)}s`;
}

// Three significant digits, without trailing zeros: 1.50 -> "1.5", 123.4 -> "123".
function trim(value: number): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n);
}

// Local wall-clock time "HH:MM:SS.mmm" (with "YYYY-MM-DD " before it when withDate).
export function formatClock(ms: number, withDate = false): string {
  const d = new Date(ms);
  const clock = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}.${pad3(d.getMilliseconds())}`;
  return withDate ? `${formatDate(ms)} ${clock}` : clock;
}

// Local date "YYYY-MM-DD".
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

// The value of an <input type="datetime-local"> for epoch milliseconds, and back.
export function toDatetimeLocal(ms: number): string {
  const d = new Date(ms);
  return `${formatDate(ms)}T${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

export function fromDatetimeLocal(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const ms = Date.parse(value);  // no zone: local time
  return Number.isNaN(ms) ? null : ms;
}

// A bound as the range picker shows it: relative bounds as written, others as local time.
export function describeBound(bound: string): string {
  if (isRelativeBound(bound)) return bound;
  const ms = resolveBound(bound, 0);
  return ms === null ? bound : formatClock(ms, true).slice(0, 19);
}
