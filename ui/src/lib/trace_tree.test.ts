import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Span } from '../api/types.ts';
import {
  ancestors, buildTraceTree, collapseBelow, criticalPath, deepestError, errorPath, visibleNodes,
} from './trace_tree.ts';

const BASE = 1795428245000000000n;

// A span starting `start` ms after BASE and lasting `duration` ms.
function span(id: string, parent: string, start: number, duration: number,
              extra: { service?: string; error?: boolean } = {}): Span {
  const startNs = BASE + BigInt(start) * 1_000_000n;
  const endNs = startNs + BigInt(duration) * 1_000_000n;
  return {
    trace_id: '5b8efff798038103d269b633813fc60c', span_id: id, parent_span_id: parent,
    trace_state: '', flags: 0, name: `op ${id}`, kind: 'internal', service: extra.service ?? 'svc',
    start_time: '', start_time_unix_nano: startNs.toString(), end_time_unix_nano: endNs.toString(),
    duration_nanos: (endNs - startNs).toString(),
    status: { code: extra.error ? 'error' : 'unset', message: '' },
    attributes: {}, dropped_attributes_count: 0, events: [], dropped_events_count: 0, links: [],
    dropped_links_count: 0,
    resource: { attributes: {}, dropped_attributes_count: 0, schema_url: '' },
    scope: { name: '', version: '', attributes: {}, dropped_attributes_count: 0, schema_url: '' },
  };
}

const ids = (nodes: { span: Span }[]) => nodes.map((n) => n.span.span_id);

// root(0-100) -> a(10-40) -> a1(15-20), a2(20-39, error)
//             -> b(45-95, error) -> b1(50-90, error, service db)
const SAMPLE = [
  span('b1', 'b', 50, 40, { error: true, service: 'db' }),
  span('a', 'root', 10, 30),
  span('root', '', 0, 100, { service: 'gateway' }),
  span('a2', 'a', 20, 19, { error: true }),
  span('b', 'root', 45, 50, { error: true }),
  span('a1', 'a', 15, 5),
];

describe('buildTraceTree', () => {
  it('orders parents before children and siblings by start', () => {
    const tree = buildTraceTree(SAMPLE);
    assert.deepEqual(ids(tree.nodes), ['root', 'a', 'a1', 'a2', 'b', 'b1']);
    assert.deepEqual(tree.nodes.map((n) => n.depth), [0, 1, 2, 2, 1, 2]);
    assert.deepEqual(tree.nodes.map((n) => n.order), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(tree.nodes.map((n) => n.descendants), [5, 2, 0, 0, 1, 0]);
  });
  it('measures times from the trace start', () => {
    const tree = buildTraceTree(SAMPLE);
    const b1 = tree.byId.get('b1')!;
    assert.equal(b1.startNs, 50_000_000);
    assert.equal(b1.durationNs, 40_000_000);
    assert.equal(b1.endNs, 90_000_000);
    assert.equal(tree.durationNs, 100_000_000);
    assert.equal(tree.startNs, BASE.toString());
  });
  it('summarises services, errors and depth', () => {
    const tree = buildTraceTree(SAMPLE);
    assert.deepEqual(tree.services, ['gateway', 'svc', 'db']);
    assert.equal(tree.errorCount, 3);
    assert.equal(tree.maxDepth, 2);
  });
  it('keeps spans whose parent is missing as orphan roots', () => {
    const tree = buildTraceTree([span('x', 'missing', 5, 1), span('r', '', 0, 10)]);
    assert.deepEqual(ids(tree.roots), ['r', 'x']);
    assert.equal(tree.byId.get('x')!.orphan, true);
    assert.equal(tree.byId.get('r')!.orphan, false);
  });
  it('does not lose spans caught in a parent cycle', () => {
    const tree = buildTraceTree([span('p', 'q', 0, 10), span('q', 'p', 1, 5), span('r', '', 0, 20)]);
    assert.equal(tree.nodes.length, 3);
    assert.deepEqual(new Set(ids(tree.nodes)), new Set(['p', 'q', 'r']));
  });
  it('keeps a span that names itself as its parent', () => {
    const tree = buildTraceTree([span('s', 's', 0, 10)]);
    assert.deepEqual(ids(tree.roots), ['s']);
  });
  it('handles an empty trace', () => {
    const tree = buildTraceTree([]);
    assert.equal(tree.nodes.length, 0);
    assert.equal(tree.durationNs, 0);
  });
  it('builds a 100,000-span chain without recursion', () => {
    const spans = [span('s0', '', 0, 100_000)];
    for (let i = 1; i < 100_000; i++) spans.push(span(`s${i}`, `s${i - 1}`, i, 1));
    const tree = buildTraceTree(spans);
    assert.equal(tree.maxDepth, 99_999);
    assert.equal(tree.nodes[0]!.descendants, 99_999);
    assert.equal(visibleNodes(tree, new Set(['s1'])).length, 2);
  });
});

describe('visibleNodes and collapsing', () => {
  it('hides the subtree of a collapsed span', () => {
    const tree = buildTraceTree(SAMPLE);
    assert.deepEqual(ids(visibleNodes(tree, new Set(['a']))), ['root', 'a', 'b', 'b1']);
    assert.deepEqual(ids(visibleNodes(tree, new Set(['root']))), ['root']);
    assert.deepEqual(ids(visibleNodes(tree, new Set(['a', 'b']))), ['root', 'a', 'b']);
  });
  it('collapses below a depth', () => {
    const tree = buildTraceTree(SAMPLE);
    assert.deepEqual(collapseBelow(tree, 1), new Set(['a', 'b']));
    assert.deepEqual(collapseBelow(tree, 0), new Set(['root']));
  });
});

describe('error path', () => {
  it('finds the deepest, earliest error span and its ancestors', () => {
    const tree = buildTraceTree(SAMPLE);
    assert.equal(deepestError(tree)!.span.span_id, 'a2');
    assert.deepEqual(errorPath(tree), new Set(['a2', 'a', 'root']));
    assert.deepEqual(ids(ancestors(tree.byId.get('b1')!)), ['b', 'root']);
  });
  it('is empty without errors', () => {
    const tree = buildTraceTree([span('r', '', 0, 10)]);
    assert.equal(deepestError(tree), null);
    assert.equal(errorPath(tree).size, 0);
  });
});

describe('critical path', () => {
  it('follows the last-finishing child back in time', () => {
    const tree = buildTraceTree(SAMPLE);
    // root ends at 100: b ends last (95), then a ended (40) before b started (45);
    // inside b: b1; inside a: a2 (ends 39), then a1 ended (20) by a2's start (20)? a1 starts 15 < 20.
    assert.deepEqual(criticalPath(tree), new Set(['root', 'b', 'b1', 'a', 'a2', 'a1']));
  });
  it('leaves out work done in the shadow of a longer sibling', () => {
    // r(0-100): x(10-90) and y(20-30) in parallel: y ran while x was running.
    const tree = buildTraceTree([span('r', '', 0, 100), span('x', 'r', 10, 80), span('y', 'r', 20, 10)]);
    assert.deepEqual(criticalPath(tree), new Set(['r', 'x']));
  });
});
