// Log records as the explorer holds them: their time, an identity for de-duplication, and the
// merge of a live-tail poll into the records already shown (newest first).
import type { LogRecord } from '../api/types.ts';
import { compareNs } from './time.ts';

// The record's time as the API filters and sorts by it: time_unix_nano, or the observed time
// when that is 0.
export function recordTimeNs(record: LogRecord): string {
  return record.time_unix_nano !== '0' ? record.time_unix_nano : record.observed_time_unix_nano;
}

// What tells two records apart (records have no id of their own).
export function recordKey(record: LogRecord): string {
  return `${record.time_unix_nano}|${record.observed_time_unix_nano}|${record.span_id}|${record.service}|${record.body}`;
}

function newerOrSame(a: LogRecord, b: LogRecord): boolean {
  return compareNs(recordTimeNs(a), recordTimeNs(b)) >= 0;
}

// Merges `incoming` (newest first, possibly overlapping what is shown) into `shown` (newest
// first), dropping records already shown and keeping at most `max`, the newest. Returns the
// merged list and how many records were new.
export function mergeNewest(shown: readonly LogRecord[], incoming: readonly LogRecord[], max: number):
    { records: LogRecord[]; added: number } {
  const known = new Set(shown.map(recordKey));
  const fresh = incoming.filter((r) => !known.has(recordKey(r)));
  if (fresh.length === 0) return { records: shown.slice(0, max), added: 0 };
  const merged: LogRecord[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < max && (i < shown.length || j < fresh.length)) {
    const a = shown[i];
    const b = fresh[j];
    if (b && (!a || !newerOrSame(a, b))) {
      merged.push(b);
      j++;
    } else if (a) {
      merged.push(a);
      i++;
    }
  }
  return { records: merged, added: fresh.length };
}

// Records with a time at or after fromNs (newest first in, newest first out).
export function dropOlderThan(records: readonly LogRecord[], fromNs: string): LogRecord[] {
  let end = records.length;
  while (end > 0 && compareNs(recordTimeNs(records[end - 1] as LogRecord), fromNs) < 0) end--;
  return end === records.length ? records.slice() : records.slice(0, end);
}
