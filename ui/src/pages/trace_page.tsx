// One trace (/trace/<id>?span=<span id>): a summary, the waterfall, the selected span's
// details, and the logs of that span and of the whole trace. Without a span in the URL the
// deepest error span is selected (where a failure most likely began), else the root.
import { useMemo, useState } from 'preact/hooks';
import { ApiError, getTrace, type LogRecord, type Trace } from '../api/index.ts';
import { LogList } from '../components/log_list.tsx';
import { ErrorNotice, Notice } from '../components/notice.tsx';
import { SpanDetails } from '../components/span_details.tsx';
import { Waterfall } from '../components/waterfall.tsx';
import { focusList, useLoad, useShortcuts } from '../hooks.ts';
import { formatClock, formatDuration, nsToMs } from '../lib/time.ts';
import { normalizeTraceId } from '../lib/trace_id.ts';
import {
  ancestors, buildTraceTree, collapseBelow, criticalPath, deepestError, errorPath, visibleNodes,
  type SpanNode, type TraceTree,
} from '../lib/trace_tree.ts';
import { Link, navigate } from '../router.tsx';
import { serviceColors, useServices } from '../services_store.ts';

export function TracePage({ traceId, search }: { traceId: string; search: string }) {
  const id = normalizeTraceId(traceId);
  const [loaded, reload] = useLoad(id ?? '', (signal) => (id ? getTrace(id, signal) : Promise.reject(new Error('bad id'))));
  if (!id) {
    return <Notice title={`"${traceId}" is not a trace id`} tone="error">A trace id is 32 hexadecimal digits.</Notice>;
  }
  if (loaded.state === 'loading') return <Notice title={`Loading trace ${id}…`} />;
  if (loaded.state === 'failed') {
    if (loaded.error instanceof ApiError && loaded.error.status === 404) {
      return (
        <Notice title={`Trace ${id} not found`} tone="error">
          weft has no span and no log with this trace id (in this tenant). Its telemetry may not
          have arrived yet: <button type="button" onClick={reload}>try again</button>, or look for
          it in the <Link href={`/explore?trace=${id}&from=now-7d`}>log explorer</Link>.
        </Notice>
      );
    }
    return <ErrorNotice error={loaded.error} onRetry={reload} />;
  }
  const spanId = new URLSearchParams(search).get('span') ?? '';
  return <TraceView key={id} trace={loaded.value} spanId={spanId} />;
}

function TraceView({ trace, spanId }: { trace: Trace; spanId: string }) {
  const tree = useMemo(() => buildTraceTree(trace.spans), [trace]);
  const errors = useMemo(() => errorPath(tree), [tree]);
  const critical = useMemo(() => criticalPath(tree), [tree]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => visibleNodes(tree, collapsed), [tree, collapsed]);
  const services = useServices();
  const colors = useMemo(() => serviceColors(services, tree.services), [services, tree]);

  const selected = tree.byId.get(spanId) ?? deepestError(tree) ?? tree.roots[0] ?? null;
  const select = (node: SpanNode) => {
    const hidden = ancestors(node).filter((a) => collapsed.has(a.span.span_id));
    if (hidden.length > 0) {
      const next = new Set(collapsed);
      for (const a of hidden) next.delete(a.span.span_id);
      setCollapsed(next);
    }
    navigate(`/trace/${trace.trace_id}?span=${node.span.span_id}`, true);
  };
  const selectId = (id: string) => {
    const node = tree.byId.get(id);
    if (node) select(node);
  };
  const toggle = (node: SpanNode) => {
    const next = new Set(collapsed);
    if (!next.delete(node.span.span_id)) next.add(node.span.span_id);
    setCollapsed(next);
  };
  const jumpToError = () => {
    const node = deepestError(tree);
    if (node) select(node);
  };
  useShortcuts({
    e: jumpToError,
    x: () => setCollapsed(new Set()),
    c: () => setCollapsed(collapseBelow(tree, 1)),
    j: () => focusList('.span-list'),
    ArrowDown: () => focusList('.span-list'),
  });

  return (
    <div class="page trace">
      <TraceSummary trace={trace} tree={tree} colors={colors}
                    onJumpToError={jumpToError} onExpandAll={() => setCollapsed(new Set())}
                    onCollapse={() => setCollapsed(collapseBelow(tree, 1))} />
      {tree.nodes.length === 0
        ? <Notice title="This trace has no spans (yet)">Only log records carry its id; they are below.</Notice>
        : <Waterfall tree={tree} rows={rows} collapsed={collapsed} selected={selected} errorPath={errors}
                     criticalPath={critical} colors={colors} onSelect={select} onToggle={toggle} />}
      <div class="trace-bottom">
        {selected ? <SpanDetails node={selected} onSelectSpan={selectId} /> : <div class="span-details" />}
        <TraceLogs logs={trace.logs} selected={selected} colors={colors} onSelectSpan={selectId} />
      </div>
    </div>
  );
}

function TraceSummary({ trace, tree, colors, onJumpToError, onExpandAll, onCollapse }: {
  trace: Trace; tree: TraceTree; colors: ReadonlyMap<string, string>;
  onJumpToError: () => void; onExpandAll: () => void; onCollapse: () => void;
}) {
  const root = tree.roots[0];
  return (
    <div class="trace-summary">
      <h1>
        {root ? <><span class="span-service">{root.span.service}</span> {root.span.name}</> : 'trace'}
        <span class="trace-id">{trace.trace_id}</span>
      </h1>
      <div class="facts">
        {root && <span>{formatClock(nsToMs(tree.startNs), true)}</span>}
        <span>{formatDuration(tree.durationNs)}</span>
        <span>{tree.nodes.length} spans</span>
        <span>depth {tree.maxDepth + 1}</span>
        <span>{trace.logs.length} logs</span>
        <span class={tree.errorCount > 0 ? 'err' : ''}>{tree.errorCount} errors</span>
        <span class="legend">
          {tree.services.map((s) => (
            <span key={s} class="legend-item"><span class="svc-chip" style={{ background: colors.get(s) }} />{s}</span>
          ))}
        </span>
      </div>
      <div class="actions">
        {tree.errorCount > 0 && <button type="button" onClick={onJumpToError} title="select the deepest error span (e)">deepest error</button>}
        <button type="button" onClick={onExpandAll} title="expand every span (x)">expand all</button>
        <button type="button" onClick={onCollapse} title="show the root's children only (c)">collapse</button>
        <Link href={`/explore?trace=${trace.trace_id}&from=now-7d`}>logs in explorer</Link>
      </div>
    </div>
  );
}

function TraceLogs({ logs, selected, colors, onSelectSpan }: {
  logs: readonly LogRecord[]; selected: SpanNode | null; colors: ReadonlyMap<string, string>;
  onSelectSpan: (spanId: string) => void;
}) {
  const [scope, setScope] = useState<'span' | 'trace'>('span');
  const spanLogs = useMemo(
    () => (selected ? logs.filter((l) => l.span_id === selected.span.span_id) : []), [logs, selected]);
  // Newest first, as everywhere else.
  const newestFirst = useMemo(() => [...(scope === 'span' ? spanLogs : logs)].reverse(), [scope, spanLogs, logs]);
  return (
    <div class="trace-logs">
      <div class="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={scope === 'span'} class={scope === 'span' ? 'on' : ''}
                onClick={() => setScope('span')}>logs of this span ({spanLogs.length})</button>
        <button type="button" role="tab" aria-selected={scope === 'trace'} class={scope === 'trace' ? 'on' : ''}
                onClick={() => setScope('trace')}>logs of the trace ({logs.length})</button>
      </div>
      {newestFirst.length === 0
        ? <div class="empty">{scope === 'span' ? 'No log record carries this span id.' : 'No log record carries this trace id.'}</div>
        : <LogList records={newestFirst} label={scope === 'span' ? 'logs of the span' : 'logs of the trace'} colors={colors}
                   onSelect={(r) => { if (scope === 'trace' && r.span_id) onSelectSpan(r.span_id); }} />}
    </div>
  );
}
