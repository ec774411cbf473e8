// The trace waterfall: one row per visible span — the tree of names on the left, the span's bar
// on the trace's time axis on the right — virtualised, so 10,000+ spans stay smooth. Subtrees
// collapse; errors, the error path and the critical path are marked.
//
// Keyboard (with the waterfall focused): j/k or arrows move, Left collapses (or goes to the
// parent), Right expands (or goes to the first child), Enter or Space toggles.
import type { TargetedKeyboardEvent, TargetedMouseEvent } from 'preact';
import { useMemo } from 'preact/hooks';
import { durationTicks } from '../lib/histogram.ts';
import { formatDuration } from '../lib/time.ts';
import type { SpanNode, TraceTree } from '../lib/trace_tree.ts';
import { fixedRows, moveIndex } from '../lib/virtual.ts';
import { barOf } from '../lib/waterfall.ts';
import { VirtualList } from './virtual_list.tsx';

export const SPAN_ROW_HEIGHT = 24;
const AXIS_HEIGHT = 20;
const MAX_INDENT_DEPTH = 30;  // deeper spans stop moving right (their depth is still shown)

interface Props {
  tree: TraceTree;
  rows: readonly SpanNode[];             // visible spans (lib/trace_tree.ts visibleNodes)
  collapsed: ReadonlySet<string>;
  selected: SpanNode | null;
  errorPath: ReadonlySet<string>;
  criticalPath: ReadonlySet<string>;
  colors: ReadonlyMap<string, string>;
  onSelect: (node: SpanNode) => void;
  onToggle: (node: SpanNode) => void;
}

export function Waterfall(props: Props) {
  const { tree, rows, collapsed, selected, onSelect, onToggle } = props;
  const geometry = useMemo(() => fixedRows(rows.length, SPAN_ROW_HEIGHT), [rows]);
  const active = useMemo(() => (selected ? rows.indexOf(selected) : -1), [rows, selected]);

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    const current = rows[Math.max(0, active)] as SpanNode;
    const moved = moveIndex(event.key, active, rows.length);
    const hasChildren = current.children.length > 0;
    const isCollapsed = collapsed.has(current.span.span_id);
    if (moved !== null) onSelect(rows[moved] as SpanNode);
    else if (event.key === 'Enter' || event.key === ' ') onToggle(current);
    else if (event.key === 'ArrowLeft' || event.key === 'h') {
      if (hasChildren && !isCollapsed) onToggle(current);
      else if (current.parent) onSelect(current.parent);
    } else if (event.key === 'ArrowRight' || event.key === 'l') {
      if (hasChildren && isCollapsed) onToggle(current);
      else if (hasChildren) onSelect(current.children[0] as SpanNode);
    } else return;
    event.preventDefault();
  };

  // As tall as its rows (so a short trace leaves room for the details), at most 58% of the view.
  const height = `min(${rows.length * SPAN_ROW_HEIGHT + AXIS_HEIGHT + 2}px, 58vh)`;
  return (
    <div class="waterfall" style={{ height }}>
      <TimeAxis durationNs={tree.durationNs} />
      <VirtualList rows={geometry} rowKey={(i) => (rows[i] as SpanNode).order} active={active}
                   label="spans" className="span-list" onKeyDown={onKeyDown}
                   renderRow={(i) => <SpanRow {...props} node={rows[i] as SpanNode} />} />
    </div>
  );
}

function TimeAxis({ durationNs }: { durationNs: number }) {
  const ticks = durationTicks(durationNs, 6, formatDuration);
  return (
    <div class="span-axis">
      <div class="span-name-col">
        span <span class="key"><span class="key-critical" /> critical path <span class="key-error" /> error path</span>
      </div>
      <div class="span-bar-col">
        {ticks.map((t) => (
          <span key={t.at} class="axis-tick" style={{ left: `${durationNs > 0 ? (t.at / durationNs) * 100 : 0}%` }}>
            {t.label}
          </span>
        ))}
      </div>
    </div>
  );
}

function SpanRow({ node, tree, collapsed, selected, errorPath, criticalPath, colors, onSelect, onToggle }:
    Props & { node: SpanNode }) {
  const { span } = node;
  const isCollapsed = collapsed.has(span.span_id);
  const color = colors.get(span.service) ?? 'var(--muted)';
  const bar = barOf(node.startNs, node.durationNs, tree.durationNs);
  const classes = ['span-row'];
  if (node === selected) classes.push('selected');
  if (node.isError) classes.push('error');
  if (errorPath.has(span.span_id)) classes.push('on-error-path');
  const toggle = (event: TargetedMouseEvent<HTMLButtonElement>) => {
    event.stopPropagation();
    onToggle(node);
  };
  const label = formatDuration(node.durationNs);
  return (
    <div class={classes.join(' ')} onClick={() => onSelect(node)} data-span-id={span.span_id}>
      <div class="span-name-col" style={{ paddingLeft: `${4 + Math.min(node.depth, MAX_INDENT_DEPTH) * 12}px` }}>
        {node.children.length > 0
          ? <button type="button" class="toggle" onClick={toggle} aria-expanded={!isCollapsed}
                    title={isCollapsed ? `expand ${node.descendants} spans` : 'collapse'}>
              {isCollapsed ? '▸' : '▾'}
            </button>
          : <span class="toggle" />}
        <span class="svc-chip" style={{ background: color }} />
        <span class="span-service">{span.service}</span>
        <span class="span-name">{span.name}</span>
        {node.isError && <span class="err-mark" title={span.status.message || 'status error'}>!</span>}
        {isCollapsed && <span class="hidden-count">+{node.descendants}</span>}
        {node.depth > MAX_INDENT_DEPTH && <span class="depth">depth {node.depth}</span>}
      </div>
      <div class="span-bar-col">
        <div class={`span-bar ${criticalPath.has(span.span_id) ? 'critical' : ''}`}
             style={{ left: `${bar.left * 100}%`, width: `${bar.width * 100}%`, backgroundColor: color }} />
        <span class={`span-dur ${bar.label}`}
              style={bar.label === 'right'
                ? { left: `${(bar.left + bar.width) * 100}%` }
                : { right: `${(1 - bar.left) * 100}%` }}>
          {label}
        </span>
      </div>
    </div>
  );
}
