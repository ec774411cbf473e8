// The log explorer (/explore): filters and time range in the URL, a volume histogram, and the
// matching records newest first in a virtualised list; live tail polls for new records.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isAbort, searchLogs, type LogRecord } from '../api/index.ts';
import { LogList } from '../components/log_list.tsx';
import { ErrorNotice, NoDataYet, Notice } from '../components/notice.tsx';
import { TimeRangePicker } from '../components/time_range_picker.tsx';
import { VolumeHistogram } from '../components/volume_histogram.tsx';
import { focusList, useShortcuts } from '../hooks.ts';
import {
  exploreQuery, formatExploreState, LIMITS, parseExploreState, type ExploreState,
} from '../lib/explore_state.ts';
import { environmentOf } from '../lib/fields.ts';
import { buildHistogram } from '../lib/histogram.ts';
import { levelOf, SEVERITY_FILTERS } from '../lib/levels.ts';
import { dropOlderThan, mergeNewest, recordTimeNs } from '../lib/records.ts';
import { compareNs, isRelativeBound, msToNs, nsToMs, type TimeRange } from '../lib/time.ts';
import { navigate } from '../router.tsx';
import { serviceColors, useServices } from '../services_store.ts';

const LIVE_INTERVAL_MS = 2000;
// A live-tail poll looks this far back: exporters batch, so records arrive late.
const LIVE_LOOKBACK_MS = 30_000;
const LIVE_MAX_RECORDS = 20_000;
const DAY_MS = 86_400_000;

interface Result {
  records: LogRecord[];
  range: TimeRange;
  tookMs: number;
  limit: number;
  gap: boolean;     // a live poll returned a full page: some records may be missing
}

type Status = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; error: Error };

export function ExplorePage({ search }: { search: string }) {
  const state = parseExploreState(search);
  const update = (patch: Partial<ExploreState>, replace = false) =>
    navigate(`/explore${formatExploreState({ ...state, ...patch })}`, replace);
  const queryKey = formatExploreState({ ...state, live: false });
  const [run, setRun] = useState(0);
  const [result, setResult] = useState<Result | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });
  const services = useServices();

  useEffect(() => {
    const planned = exploreQuery(state, Date.now());
    if ('error' in planned) {
      setStatus({ kind: 'failed', error: new Error(planned.error) });
      return undefined;
    }
    const controller = new AbortController();
    const started = performance.now();
    setStatus({ kind: 'loading' });
    searchLogs(planned.query, controller.signal).then(
      (records) => {
        setResult({ records, range: planned.range, tookMs: performance.now() - started, limit: state.limit, gap: false });
        setStatus({ kind: 'idle' });
      },
      (error: unknown) => {
        if (!isAbort(error)) setStatus({ kind: 'failed', error: error as Error });
      });
    return () => controller.abort();
  }, [queryKey, run]);

  useLiveTail(state, queryKey, setResult, setStatus);

  const toggleLive = () => {
    if (state.live) return update({ live: false });
    // Live tail follows "now": an absolute range becomes the last 15 minutes.
    return update(isRelativeBound(state.from) ? { live: true, to: 'now' } : { live: true, from: 'now-15m', to: 'now' });
  };
  const form = useRef<FilterBarHandle>({ focus: () => undefined });
  useShortcuts({
    '/': () => form.current.focus('text'),
    s: () => form.current.focus('service'),
    r: () => setRun((n) => n + 1),
    l: toggleLive,
    j: () => focusList('.log-list'),
    ArrowDown: () => focusList('.log-list'),
  });

  return (
    <div class="page explore">
      <FilterBar state={state} handle={form} services={services?.map((s) => s.name) ?? []}
                 environments={environments(result?.records)} onChange={update}
                 onRun={() => setRun((n) => n + 1)} onToggleLive={toggleLive} />
      <Results state={state} result={result} status={status} hasData={services === null || services.length > 0}
               onZoom={(from, to) => update({ from: String(from), to: String(to), live: false })}
               onRange={(from) => update({ from, to: 'now' })}
               onRetry={() => setRun((n) => n + 1)} colors={serviceColors(services)} />
    </div>
  );
}

// Polls for new records while state.live is on, merging them into the result.
function useLiveTail(state: ExploreState, queryKey: string,
                     setResult: (f: (r: Result | null) => Result | null) => void,
                     setStatus: (s: Status) => void): void {
  useEffect(() => {
    if (!state.live) return undefined;
    let controller: AbortController | null = null;
    const poll = async () => {
      if (controller) return;  // the previous poll has not answered yet
      const now = Date.now();
      const planned = exploreQuery(state, now);
      if ('error' in planned) return;
      const rangeStartNs = planned.query.startNs ?? '0';
      const lookback = msToNs(now - LIVE_LOOKBACK_MS);
      const startNs = compareNs(lookback, rangeStartNs) > 0 ? lookback : rangeStartNs;
      controller = new AbortController();
      try {
        const incoming = await searchLogs({ ...planned.query, startNs }, controller.signal);
        setResult((previous) => {
          if (!previous) return previous;
          const merged = mergeNewest(previous.records, incoming, LIVE_MAX_RECORDS);
          const records = dropOlderThan(merged.records, rangeStartNs);
          return { ...previous, records, range: planned.range, gap: previous.gap || incoming.length >= state.limit };
        });
      } catch (error) {
        if (!isAbort(error)) setStatus({ kind: 'failed', error: error as Error });
      } finally {
        controller = null;
      }
    };
    const timer = setInterval(poll, LIVE_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      controller?.abort();
    };
  }, [state.live, queryKey]);
}

function environments(records: readonly LogRecord[] | undefined): string[] {
  const seen = new Set<string>();
  for (const record of records ?? []) {
    const env = environmentOf(record.resource);
    if (env) seen.add(env);
  }
  return [...seen].sort();
}

type Field = 'text' | 'service';
interface FilterBarHandle {
  focus: (field: Field) => void;
}

interface FilterBarProps {
  state: ExploreState;
  handle: { current: FilterBarHandle };
  services: string[];
  environments: string[];
  onChange: (patch: Partial<ExploreState>) => void;
  onRun: () => void;
  onToggleLive: () => void;
}

// The filters. Text fields are drafts until Enter (or, for service and environment, until
// they lose focus or a suggestion is picked); the selects apply at once.
function FilterBar({ state, handle, services, environments: envs, onChange, onRun, onToggleLive }: FilterBarProps) {
  const [draft, setDraft] = useState(state);
  const stateKey = formatExploreState(state);
  useEffect(() => setDraft(state), [stateKey]);
  const textRef = useRef<HTMLInputElement>(null);
  const serviceRef = useRef<HTMLInputElement>(null);
  handle.current = { focus: (field) => (field === 'text' ? textRef : serviceRef).current?.select() };
  const set = (patch: Partial<ExploreState>) => setDraft({ ...draft, ...patch });
  const submit = (event: Event) => {
    event.preventDefault();
    if (formatExploreState(draft) === stateKey) onRun();
    else onChange(draft);
  };
  return (
    <form class="filters" onSubmit={submit}>
      <TimeRangePicker from={state.from} to={state.to} onChange={(from, to) => onChange({ ...draft, from, to, live: state.live && to === 'now' })} />
      <input ref={serviceRef} class="f-service" list="service-names" placeholder="service (s)" aria-label="service"
             value={draft.service} onInput={(e) => set({ service: e.currentTarget.value })}
             onChange={(e) => onChange({ ...draft, service: e.currentTarget.value.trim() })} />
      <datalist id="service-names">{services.map((s) => <option key={s} value={s} />)}</datalist>
      <input class="f-env" list="env-names" placeholder="environment" aria-label="environment"
             value={draft.env} onInput={(e) => set({ env: e.currentTarget.value })}
             onChange={(e) => onChange({ ...draft, env: e.currentTarget.value.trim() })} />
      <datalist id="env-names">{envs.map((s) => <option key={s} value={s} />)}</datalist>
      <select aria-label="level" value={draft.level}
              onChange={(e) => onChange({ ...draft, level: e.currentTarget.value as ExploreState['level'] })}>
        <option value="">any level</option>
        {SEVERITY_FILTERS.map((level) => <option key={level} value={level}>≥ {level}</option>)}
      </select>
      <input ref={textRef} class="f-text" type="search" placeholder="text in the message (/)" aria-label="text"
             value={draft.text} onInput={(e) => set({ text: e.currentTarget.value })} />
      <input class="f-trace" placeholder="trace id" aria-label="trace id" spellcheck={false}
             value={draft.traceId} onInput={(e) => set({ traceId: e.currentTarget.value })} />
      <select aria-label="limit" value={String(draft.limit)}
              onChange={(e) => onChange({ ...draft, limit: Number(e.currentTarget.value) })}>
        {LIMITS.map((n) => <option key={n} value={String(n)}>{n} newest</option>)}
      </select>
      <button type="submit" class="primary" title="run the query (Enter, or r)">Run</button>
      <button type="button" class={state.live ? 'on live' : ''} aria-pressed={state.live}
              title="live tail: poll for new records every 2 s (l)" onClick={onToggleLive}>
        {state.live ? '● live' : 'live'}
      </button>
    </form>
  );
}

interface ResultsProps {
  state: ExploreState;
  result: Result | null;
  status: Status;
  hasData: boolean;
  colors: Map<string, string>;
  onZoom: (fromMs: number, toMs: number) => void;
  onRange: (from: string) => void;
  onRetry: () => void;
}

function Results({ state, result, status, hasData, colors, onZoom, onRange, onRetry }: ResultsProps) {
  const histogram = useMemo(() => {
    if (!result) return null;
    const points = result.records.map((r) => ({ ms: nsToMs(recordTimeNs(r)), level: levelOf(r.severity_number, r.severity) }));
    const offset = -new Date(result.range.fromMs).getTimezoneOffset() * 60_000;
    return buildHistogram(points, result.range.fromMs, result.range.toMs, 80, offset);
  }, [result]);

  if (status.kind === 'failed') return <ErrorNotice error={status.error} onRetry={onRetry} />;
  if (!result || !histogram) return <Notice title="Loading…" />;
  const { records, range } = result;
  const truncated = !state.live && records.length >= result.limit;
  const note = `${histogram.counted} fetched records, counted in the browser (the native API has no volume query yet)` +
    (truncated ? ` — only the newest ${result.limit} matches were fetched` : '');
  return (
    <>
      <VolumeHistogram histogram={histogram} fromMs={range.fromMs} toMs={range.toMs} note={note} onZoom={onZoom} />
      <div class="status-line" aria-live="polite">
        <span>{records.length} {records.length === 1 ? "record" : "records"}, newest first</span>
        <span>{Math.round(result.tookMs)} ms</span>
        {status.kind === 'loading' && <span>loading…</span>}
        {truncated && <span class="warn">as many records as the limit: older ones may match too — narrow the filters or the range, or raise the limit</span>}
        {state.live && <span class="live">live: polling every {LIVE_INTERVAL_MS / 1000} s</span>}
        {result.gap && <span class="warn">a poll returned a full page: some records between polls may be missing</span>}
      </div>
      {records.length === 0
        ? (hasData ? <NoMatches onRange={onRange} /> : <NoDataYet />)
        : <LogList records={records} label="log records" colors={colors}
                   showDate={range.toMs - range.fromMs > DAY_MS} />}
    </>
  );
}

function NoMatches({ onRange }: { onRange: (from: string) => void }) {
  return (
    <Notice title="No log records match">
      Widen the time range (<button type="button" onClick={() => onRange('now-24h')}>last 24h</button>{' '}
      <button type="button" onClick={() => onRange('now-7d')}>last 7d</button>), lower the level, or clear a filter.
    </Notice>
  );
}
