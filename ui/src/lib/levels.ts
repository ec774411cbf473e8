// Log levels: the six OpenTelemetry severity ranges, and "unknown" for records that have
// neither a severity number nor a recognisable severity text.
import type { SeverityFilter } from '../api/types.ts';

export type Level = SeverityFilter | 'unknown';

// Most severe first: the order of the histogram's stack and of the level filter.
export const LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'unknown'];
export const SEVERITY_FILTERS: readonly SeverityFilter[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

const BY_NUMBER: readonly SeverityFilter[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

// The level of a record: by severity number (1-4 trace ... 21-24 fatal), else by its text.
export function levelOf(severityNumber: number, severityText: string): Level {
  if (severityNumber >= 1 && severityNumber <= 24) {
    return BY_NUMBER[Math.floor((severityNumber - 1) / 4)] as SeverityFilter;
  }
  return levelOfText(severityText);
}

function levelOfText(text: string): Level {
  const t = text.trim().toLowerCase();
  if (t === '') return 'unknown';
  if (t.startsWith('trace')) return 'trace';
  if (t.startsWith('debug')) return 'debug';
  if (t.startsWith('info') || t === 'notice') return 'info';
  if (t.startsWith('warn')) return 'warn';
  if (t.startsWith('err')) return 'error';
  if (t.startsWith('fatal') || t.startsWith('crit') || t === 'alert' || t.startsWith('emerg') || t === 'panic') {
    return 'fatal';
  }
  return 'unknown';
}

export function isSeverityFilter(value: string): value is SeverityFilter {
  return (SEVERITY_FILTERS as readonly string[]).includes(value);
}
