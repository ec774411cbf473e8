// Trace lookup over GET /api/v1/traces/{id}: every span and every log of one trace.
import { getJson } from './http.ts';
import type { Trace } from './types.ts';

// `traceId` must be 32 lowercase hex characters (see lib/trace_id.ts). A trace weft does not
// have is an ApiError with status 404.
export function getTrace(traceId: string, signal?: AbortSignal): Promise<Trace> {
  return getJson<Trace>(`/api/v1/traces/${encodeURIComponent(traceId)}`, signal);
}
