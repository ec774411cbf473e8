// The service list, fetched once per page load and shared by every page that suggests or
// colours services (refreshed when older than a minute).
import { useEffect, useState } from 'preact/hooks';
import { listServices, type ServiceSummary } from './api/index.ts';
import { assignColors } from './lib/service_colors.ts';

const MAX_AGE_MS = 60_000;
let cached: { at: number; services: ServiceSummary[] } | null = null;
let pending: Promise<ServiceSummary[]> | null = null;

function load(): Promise<ServiceSummary[]> {
  if (cached && Date.now() - cached.at < MAX_AGE_MS) return Promise.resolve(cached.services);
  pending ??= listServices().then(
    (services) => {
      cached = { at: Date.now(), services };
      pending = null;
      return services;
    },
    (error: unknown) => {
      pending = null;
      throw error;
    });
  return pending;
}

// The services (null until loaded or when weft could not be asked).
export function useServices(): ServiceSummary[] | null {
  const [services, setServices] = useState<ServiceSummary[] | null>(cached?.services ?? null);
  useEffect(() => {
    let live = true;
    load().then((s) => { if (live) setServices(s); }, () => { /* suggestions are optional */ });
    return () => { live = false; };
  }, []);
  return services;
}

// Colours of the given services, plus every known one (so a service keeps its colour).
export function serviceColors(known: readonly ServiceSummary[] | null, extra: readonly string[] = []):
    Map<string, string> {
  return assignColors([...(known ?? []).map((s) => s.name), ...extra]);
}
