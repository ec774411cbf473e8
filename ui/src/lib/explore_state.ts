// The log explorer's state, kept in the URL's query string so a link reproduces the view:
//   /explore?from=now-1h&to=now&service=payment&env=prod&level=error&q=timeout&trace=...&limit=1000&live=1
import type { LogQuery, SeverityFilter } from '../api/types.ts';
import { isSeverityFilter } from './levels.ts';
import { msToNs, resolveRange, type TimeRange } from './time.ts';

export interface ExploreState {
  from: string;
  to: string;
  service: string;
  env: string;
  level: SeverityFilter | '';
  text: string;
  traceId: string;
  limit: number;
  live: boolean;
}

export const LIMITS: readonly number[] = [100, 500, 1000, 5000];

export const DEFAULT_EXPLORE: ExploreState = {
  from: 'now-1h', to: 'now', service: '', env: '', level: '', text: '', traceId: '',
  limit: 1000, live: false,
};

export function parseExploreState(search: string): ExploreState {
  const p = new URLSearchParams(search);
  const level = p.get('level') ?? '';
  const limit = Number(p.get('limit'));
  return {
    from: p.get('from') || DEFAULT_EXPLORE.from,
    to: p.get('to') || DEFAULT_EXPLORE.to,
    service: p.get('service') ?? '',
    env: p.get('env') ?? '',
    level: isSeverityFilter(level) ? level : '',
    text: p.get('q') ?? '',
    traceId: p.get('trace') ?? '',
    limit: LIMITS.includes(limit) ? limit : DEFAULT_EXPLORE.limit,
    live: p.get('live') === '1',
  };
}

// The query string of a state; defaults are left out to keep links short.
export function formatExploreState(state: ExploreState): string {
  const p = new URLSearchParams();
  const add = (key: string, value: string, fallback = '') => {
    if (value !== fallback) p.set(key, value);
  };
  add('from', state.from, DEFAULT_EXPLORE.from);
  add('to', state.to, DEFAULT_EXPLORE.to);
  add('service', state.service);
  add('env', state.env);
  add('level', state.level);
  add('q', state.text);
  add('trace', state.traceId);
  add('limit', String(state.limit), String(DEFAULT_EXPLORE.limit));
  if (state.live) p.set('live', '1');
  const text = p.toString();
  return text ? `?${text}` : '';
}

// The API query of a state at time nowMs, with its resolved range; or an error to show.
export function exploreQuery(state: ExploreState, nowMs: number):
    { query: LogQuery; range: TimeRange } | { error: string } {
  const range = resolveRange(state.from, state.to, nowMs);
  if ('error' in range) return range;
  const query: LogQuery = { startNs: msToNs(range.fromMs), endNs: msToNs(range.toMs), limit: state.limit };
  if (state.service) query.service = state.service;
  if (state.env) query.env = state.env;
  if (state.level) query.severity = state.level;
  if (state.text) query.text = state.text;
  if (state.traceId) query.traceId = state.traceId.trim().toLowerCase();
  return { query, range };
}
