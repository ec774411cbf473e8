// A trace as a tree of spans, laid out for the waterfall: parents before children, siblings
// by start time; times relative to the trace's start; the error path and the critical path.
//
// Built once per trace in O(n log n) and without recursion, so traces of 100,000 spans or
// pathological depth neither block the page for long nor overflow the stack.
import type { Span } from '../api/types.ts';
import { compareNs, nsParts, partsDiff, type NsParts } from './time.ts';

export interface SpanNode {
  span: Span;
  parent: SpanNode | null;
  children: SpanNode[];
  depth: number;
  order: number;            // position in depth-first order (TraceTree.nodes)
  descendants: number;      // number of spans below this one
  startNs: number;          // from the trace's start
  endNs: number;
  durationNs: number;
  isError: boolean;
  orphan: boolean;          // has a parent id whose span is not in the trace
}

export interface TraceTree {
  roots: SpanNode[];
  nodes: SpanNode[];                 // depth-first order
  byId: Map<string, SpanNode>;
  startNs: string;                   // absolute start of the earliest span (unix ns)
  durationNs: number;                // earliest start to latest end
  services: string[];                // by first appearance in depth-first order
  errorCount: number;
  maxDepth: number;
}

export function buildTraceTree(spans: readonly Span[]): TraceTree {
  const startNs = earliestStart(spans);
  const traceStart = nsParts(startNs);
  const all = spans.map((span) => makeNode(span, traceStart));
  const byId = new Map<string, SpanNode>();
  for (const node of all) if (!byId.has(node.span.span_id)) byId.set(node.span.span_id, node);
  const roots = linkParents(all, byId);
  const nodes = depthFirst(roots, all);
  const services: string[] = [];
  const seen = new Set<string>();
  let durationNs = 0;
  let errorCount = 0;
  let maxDepth = 0;
  for (const node of nodes) {
    if (!seen.has(node.span.service)) {
      seen.add(node.span.service);
      services.push(node.span.service);
    }
    durationNs = Math.max(durationNs, node.endNs);
    if (node.isError) errorCount++;
    maxDepth = Math.max(maxDepth, node.depth);
  }
  return { roots, nodes, byId, startNs, durationNs, services, errorCount, maxDepth };
}

function earliestStart(spans: readonly Span[]): string {
  let min: string | null = null;
  for (const span of spans) {
    const start = span.start_time_unix_nano;
    if (min === null || compareNs(start, min) < 0) min = start;
  }
  return min ?? '0';
}

function makeNode(span: Span, traceStart: NsParts): SpanNode {
  const start = nsParts(span.start_time_unix_nano);
  const startNs = partsDiff(start, traceStart);
  const durationNs = Math.max(0, partsDiff(nsParts(span.end_time_unix_nano), start));
  return {
    span, parent: null, children: [], depth: 0, order: 0, descendants: 0,
    startNs, endNs: startNs + durationNs, durationNs,
    isError: span.status.code === 'error', orphan: false,
  };
}

// Attaches every node to its parent; returns the roots (no parent id, or a missing parent).
function linkParents(all: SpanNode[], byId: Map<string, SpanNode>): SpanNode[] {
  const roots: SpanNode[] = [];
  for (const node of all) {
    const parentId = node.span.parent_span_id;
    const parent = parentId ? byId.get(parentId) : undefined;
    if (parent && parent !== node) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      node.orphan = parentId !== '' && !parent;
      roots.push(node);
    }
  }
  const byStart = (a: SpanNode, b: SpanNode) => a.startNs - b.startNs || a.endNs - b.endNs;
  for (const node of all) node.children.sort(byStart);
  roots.sort(byStart);
  return roots;
}

// Depth-first order with depths and subtree sizes. Spans caught in a parent cycle (malformed
// data) are not reachable from any root: they become roots themselves, so none is lost.
function depthFirst(roots: SpanNode[], all: SpanNode[]): SpanNode[] {
  const nodes: SpanNode[] = [];
  const visited = new Set<SpanNode>();
  const visit = (root: SpanNode) => {
    const stack: SpanNode[] = [root];
    root.depth = 0;
    while (stack.length > 0) {
      const node = stack.pop() as SpanNode;
      if (visited.has(node)) continue;
      visited.add(node);
      node.order = nodes.length;
      nodes.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i] as SpanNode;
        child.depth = node.depth + 1;
        stack.push(child);
      }
    }
  };
  for (const root of roots) visit(root);
  for (const node of all) {
    if (visited.has(node)) continue;
    node.parent?.children.splice(node.parent.children.indexOf(node), 1);
    node.parent = null;
    roots.push(node);
    visit(node);
  }
  countDescendants(nodes);
  return nodes;
}

// Subtree sizes: in depth-first order a subtree is the run of nodes deeper than its root.
function countDescendants(nodes: SpanNode[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i] as SpanNode;
    node.descendants = 0;
    for (const child of node.children) node.descendants += 1 + child.descendants;
  }
}

// The rows the waterfall shows: every node except those below a collapsed span.
export function visibleNodes(tree: TraceTree, collapsed: ReadonlySet<string>): SpanNode[] {
  if (collapsed.size === 0) return tree.nodes;
  const rows: SpanNode[] = [];
  for (let i = 0; i < tree.nodes.length; i++) {
    const node = tree.nodes[i] as SpanNode;
    rows.push(node);
    if (collapsed.has(node.span.span_id)) i += node.descendants;
  }
  return rows;
}

// The span ids to collapse so that only spans at depth <= maxDepth show.
export function collapseBelow(tree: TraceTree, maxDepth: number): Set<string> {
  const collapsed = new Set<string>();
  for (const node of tree.nodes) {
    if (node.depth === maxDepth && node.children.length > 0) collapsed.add(node.span.span_id);
  }
  return collapsed;
}

// The deepest error span (ties: the earliest), where a failure most likely began; null when
// no span failed.
export function deepestError(tree: TraceTree): SpanNode | null {
  let best: SpanNode | null = null;
  for (const node of tree.nodes) {
    if (!node.isError) continue;
    if (!best || node.depth > best.depth || (node.depth === best.depth && node.startNs < best.startNs)) {
      best = node;
    }
  }
  return best;
}

// The deepest error span and its ancestors: the path the failure took up to the root.
export function errorPath(tree: TraceTree): Set<string> {
  const path = new Set<string>();
  for (let node = deepestError(tree); node; node = node.parent) path.add(node.span.span_id);
  return path;
}

// The spans on the critical path: from each root's end, walk back through the child that
// finished last before the current point, then the child that finished last before that one
// started, and so on into each chosen child. The result is the chain of work the trace's end
// waited on; spans that ran entirely in the shadow of a chosen sibling are not on it.
export function criticalPath(tree: TraceTree): Set<string> {
  const onPath = new Set<string>();
  const stack = [...tree.roots];
  while (stack.length > 0) {
    const node = stack.pop() as SpanNode;
    onPath.add(node.span.span_id);
    const byEnd = [...node.children].sort((a, b) => b.endNs - a.endNs);
    let cursor = node.endNs;
    for (const child of byEnd) {
      if (child.startNs >= cursor) continue;  // ran after the point the walk has reached
      stack.push(child);
      cursor = child.startNs;
    }
  }
  return onPath;
}

// Ancestors of a node, nearest first.
export function ancestors(node: SpanNode): SpanNode[] {
  const out: SpanNode[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}
