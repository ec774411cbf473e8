// Log search over GET /api/v1/logs.
import { getJson } from './http.ts';
import type { LogQuery, LogRecord } from './types.ts';

// The URL of a log search (exported for tests).
export function logsUrl(query: LogQuery): string {
  const params = new URLSearchParams();
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') params.set(key, value);
  };
  add('service', query.service);
  add('env', query.env);
  add('severity', query.severity);
  add('start', query.startNs);
  add('end', query.endNs);
  add('q', query.text);
  add('trace_id', query.traceId);
  params.set('limit', String(query.limit));
  return `/api/v1/logs?${params.toString()}`;
}

// The matching records, newest first, at most query.limit of them.
export async function searchLogs(query: LogQuery, signal?: AbortSignal): Promise<LogRecord[]> {
  const body = await getJson<{ records: LogRecord[] }>(logsUrl(query), signal);
  return body.records;
}
