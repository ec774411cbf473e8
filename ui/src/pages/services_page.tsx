// The services weft has seen (/services): log record and span counts, each linking to its logs
// and its errors in the explorer. Sorted by any column; `/` filters by name.
import { useMemo, useRef } from 'preact/hooks';
import { listServices, type ServiceSummary } from '../api/index.ts';
import { ErrorNotice, NoDataYet, Notice } from '../components/notice.tsx';
import { useLoad, useShortcuts } from '../hooks.ts';
import { formatExploreState, DEFAULT_EXPLORE } from '../lib/explore_state.ts';
import { Link, navigate } from '../router.tsx';
import { serviceColors } from '../services_store.ts';

type SortKey = 'name' | 'records' | 'spans';

export function ServicesPage({ search }: { search: string }) {
  const params = new URLSearchParams(search);
  const sort = (['name', 'records', 'spans'].includes(params.get('sort') ?? '') ? params.get('sort') : 'name') as SortKey;
  const filter = params.get('q') ?? '';
  const [loaded, reload] = useLoad('services', (signal) => listServices(signal));
  const filterRef = useRef<HTMLInputElement>(null);
  useShortcuts({ '/': () => filterRef.current?.select(), r: reload });
  const setParams = (patch: { sort?: SortKey; q?: string }) => {
    const next = new URLSearchParams({ sort, q: filter, ...patch });
    if (next.get('sort') === 'name') next.delete('sort');
    if (!next.get('q')) next.delete('q');
    const text = next.toString();
    navigate(`/services${text ? `?${text}` : ''}`, true);
  };
  const rows = useMemo(() => {
    if (loaded.state !== 'done') return [];
    return sorted(loaded.value.filter((s) => s.name.toLowerCase().includes(filter.toLowerCase())), sort);
  }, [loaded, sort, filter]);

  if (loaded.state === 'loading') return <Notice title="Loading services…" />;
  if (loaded.state === 'failed') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  if (loaded.value.length === 0) return <div class="page services"><NoDataYet /></div>;
  const colors = serviceColors(loaded.value);
  const header = (key: SortKey, label: string) => (
    <th aria-sort={sort === key ? (key === 'name' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => setParams({ sort: key })}>{label}{sort === key ? (key === 'name' ? ' ▲' : ' ▼') : ''}</button>
    </th>
  );
  return (
    <div class="page services">
      <div class="toolbar">
        <input ref={filterRef} type="search" placeholder="filter services (/)" aria-label="filter services"
               value={filter} onInput={(e) => setParams({ q: e.currentTarget.value })} />
        <span class="muted">{rows.length} of {loaded.value.length} services · counts over all the data weft holds</span>
        <button type="button" onClick={reload} title="reload (r)">reload</button>
      </div>
      <table class="grid">
        <thead>
          <tr>{header('name', 'service')}{header('records', 'log records')}{header('spans', 'spans')}<th>explore</th></tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.name}>
              <td><span class="svc-chip" style={{ background: colors.get(s.name) }} />
                <Link href={exploreHref(s.name, '')}>{s.name}</Link></td>
              <td class="num">{s.records.toLocaleString()}</td>
              <td class="num">{s.spans.toLocaleString()}</td>
              <td class="links">
                <Link href={exploreHref(s.name, '')}>logs</Link>
                <Link href={exploreHref(s.name, 'warn')}>warnings</Link>
                <Link href={exploreHref(s.name, 'error')}>errors</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function exploreHref(service: string, level: '' | 'warn' | 'error'): string {
  return `/explore${formatExploreState({ ...DEFAULT_EXPLORE, service, level })}`;
}

function sorted(services: ServiceSummary[], key: SortKey): ServiceSummary[] {
  const copy = [...services];
  if (key === 'name') return copy.sort((a, b) => a.name.localeCompare(b.name));
  return copy.sort((a, b) => b[key] - a[key] || a.name.localeCompare(b.name));
}
