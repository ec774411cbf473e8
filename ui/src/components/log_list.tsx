// The log list: one dense line per record (time, level, service, body, trace), newest first,
// virtualised; a click or Enter expands a record in place to show every field. Keyboard: j/k or
// arrows move, Enter/o expands, t opens the record's trace.
import type { TargetedKeyboardEvent } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LogRecord } from '../api/types.ts';
import { logRecordFields } from '../lib/fields.ts';
import { levelOf } from '../lib/levels.ts';
import { recordTimeNs } from '../lib/records.ts';
import { formatClock, nsToMs } from '../lib/time.ts';
import { moveIndex, variableRows } from '../lib/virtual.ts';
import { Link, navigate } from '../router.tsx';
import { FieldsTable } from './fields_table.tsx';
import { VirtualList } from './virtual_list.tsx';

export const LOG_ROW_HEIGHT = 22;
const ESTIMATED_DETAIL_HEIGHT = 240;

interface Props {
  records: readonly LogRecord[];
  label: string;
  colors?: ReadonlyMap<string, string>;   // service colours
  showDate?: boolean;                       // records span more than one day
  onSelect?: (record: LogRecord) => void;   // a record became the selected one
}

export function LogList({ records, label, colors, showDate = false, onSelect }: Props) {
  const [selected, setSelected] = useState<LogRecord | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<LogRecord>>(new Set());
  const [heights, setHeights] = useState<ReadonlyMap<LogRecord, number>>(new Map());

  const indexOf = useMemo(() => new Map(records.map((r, i) => [r, i])), [records]);
  const rows = useMemo(() => {
    const overrides = new Map<number, number>();
    for (const record of expanded) {
      const index = indexOf.get(record);
      if (index !== undefined) {
        overrides.set(index, LOG_ROW_HEIGHT + (heights.get(record) ?? ESTIMATED_DETAIL_HEIGHT));
      }
    }
    return variableRows(records.length, LOG_ROW_HEIGHT, overrides);
  }, [records, indexOf, expanded, heights]);

  const active = selected ? indexOf.get(selected) ?? -1 : -1;
  const select = (record: LogRecord) => {
    setSelected(record);
    onSelect?.(record);
  };
  const toggle = (record: LogRecord) => {
    const next = new Set(expanded);
    if (next.has(record)) next.delete(record);
    else next.add(record);
    setExpanded(next);
    select(record);
  };
  const measured = (record: LogRecord, height: number) => {
    setHeights((old) => (old.get(record) === height ? old : new Map(old).set(record, height)));
  };

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    if (records.length === 0) return;
    const moved = moveIndex(event.key, active < 0 ? -1 : active, records.length);
    const current = records[Math.max(0, active)] as LogRecord;
    if (moved !== null) {
      select(records[moved] as LogRecord);
    } else if (event.key === 'Enter' || event.key === 'o' || event.key === ' ') {
      toggle(current);
    } else if (event.key === 't' && current.trace_id) {
      navigate(traceHref(current));
    } else {
      return;
    }
    event.preventDefault();
  };

  const renderRow = (index: number) => {
    const record = records[index] as LogRecord;
    return (
      <LogRow record={record} selected={record === selected} expanded={expanded.has(record)}
              color={colors?.get(record.service)} showDate={showDate}
              onToggle={() => toggle(record)} onMeasured={(h) => measured(record, h)} />
    );
  };
  return (
    <VirtualList rows={rows} renderRow={renderRow} rowKey={(i) => keyOf(records[i] as LogRecord)}
                 active={active} label={label} className="log-list" onKeyDown={onKeyDown} />
  );
}

// Keys stay with their record when a live-tail poll adds records above it.
const keys = new WeakMap<LogRecord, number>();
let nextKey = 1;
function keyOf(record: LogRecord): number {
  let key = keys.get(record);
  if (key === undefined) {
    key = nextKey++;
    keys.set(record, key);
  }
  return key;
}

function traceHref(record: LogRecord): string {
  return record.span_id ? `/trace/${record.trace_id}?span=${record.span_id}` : `/trace/${record.trace_id}`;
}

interface RowProps {
  record: LogRecord;
  selected: boolean;
  expanded: boolean;
  color: string | undefined;
  showDate: boolean;
  onToggle: () => void;
  onMeasured: (height: number) => void;
}

function LogRow({ record, selected, expanded, color, showDate, onToggle, onMeasured }: RowProps) {
  const level = levelOf(record.severity_number, record.severity);
  const time = formatClock(nsToMs(recordTimeNs(record)), showDate);
  return (
    <div class={`log ${selected ? 'selected' : ''} ${expanded ? 'expanded' : ''}`}>
      <div class={`log-line lvl-${level}`} onClick={onToggle} title={expanded ? 'collapse' : 'expand: every field'}>
        <span class="c-time">{time}</span>
        <span class="c-level">{record.severity || level}</span>
        <span class="c-service" style={color ? { color } : undefined}>{record.service}</span>
        <span class="c-body">{record.body}</span>
        {record.trace_id
          ? <Link class="c-trace" href={traceHref(record)} title={`open trace ${record.trace_id}`}
                  onClick={(e) => e.stopPropagation()}>{record.trace_id.slice(0, 8)}</Link>
          : <span class="c-trace" />}
      </div>
      {expanded && <LogDetail record={record} onMeasured={onMeasured} />}
    </div>
  );
}

function LogDetail({ record, onMeasured }: { record: LogRecord; onMeasured: (height: number) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => onMeasured(element.offsetHeight));
    observer.observe(element);
    onMeasured(element.offsetHeight);
    return () => observer.disconnect();
  }, [record]);
  return (
    <div ref={ref} class="log-detail">
      <pre class="log-body">{record.body}</pre>
      <FieldsTable fields={logRecordFields(record)} traceId={record.trace_id} />
    </div>
  );
}
