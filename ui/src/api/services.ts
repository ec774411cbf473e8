// The services weft has seen, from GET /api/v1/services.
import { getJson } from './http.ts';
import type { ServiceSummary } from './types.ts';

export async function listServices(signal?: AbortSignal): Promise<ServiceSummary[]> {
  const body = await getJson<{ services: ServiceSummary[] }>('/api/v1/services', signal);
  return body.services;
}
