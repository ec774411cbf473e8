// The details of one span: what it was, how it ended, its attributes, resource, events and
// links (linked traces open on click).
import type { ComponentChildren } from 'preact';
import type { Span } from '../api/types.ts';
import { attributeFields } from '../lib/fields.ts';
import { formatClock, formatDuration, nsDiff, nsToMs } from '../lib/time.ts';
import type { SpanNode } from '../lib/trace_tree.ts';
import { Link } from '../router.tsx';
import { FieldsTable } from './fields_table.tsx';

interface Props {
  node: SpanNode;
  onSelectSpan: (spanId: string) => void;
}

export function SpanDetails({ node, onSelectSpan }: Props) {
  const { span } = node;
  return (
    <div class="span-details">
      <h2>
        <span class="span-service">{span.service}</span> {span.name}
      </h2>
      <dl class="span-summary">
        <dt>status</dt>
        <dd class={span.status.code === 'error' ? 'err' : ''}>
          {span.status.code}{span.status.message ? `: ${span.status.message}` : ''}
        </dd>
        <dt>duration</dt><dd>{formatDuration(node.durationNs)}</dd>
        <dt>start</dt>
        <dd>+{formatDuration(node.startNs)} ({formatClock(nsToMs(span.start_time_unix_nano), true)})</dd>
        <dt>kind</dt><dd>{span.kind}</dd>
        <dt>span id</dt><dd>{span.span_id}</dd>
        <dt>parent</dt>
        <dd>{span.parent_span_id
          ? <a href="#" onClick={(e) => { e.preventDefault(); onSelectSpan(span.parent_span_id); }}>{span.parent_span_id}</a>
          : '(root)'}{node.orphan ? ' (not in this trace)' : ''}</dd>
        {span.trace_state && <><dt>trace state</dt><dd>{span.trace_state}</dd></>}
      </dl>
      <Section title="attributes" count={Object.keys(span.attributes).length} dropped={span.dropped_attributes_count}>
        <FieldsTable fields={attributeFields(span.attributes)} />
      </Section>
      <Section title="events" count={span.events.length} dropped={span.dropped_events_count}>
        <Events span={span} />
      </Section>
      <Section title="links" count={span.links.length} dropped={span.dropped_links_count}>
        <ul class="links">
          {span.links.map((link) => (
            <li key={`${link.trace_id}/${link.span_id}`}>
              <Link href={`/trace/${link.trace_id}?span=${link.span_id}`}>{link.trace_id} / {link.span_id}</Link>
              <FieldsTable fields={attributeFields(link.attributes)} />
            </li>
          ))}
        </ul>
      </Section>
      <Section title="resource" count={Object.keys(span.resource.attributes).length} dropped={span.resource.dropped_attributes_count}>
        <FieldsTable fields={attributeFields(span.resource.attributes)} />
      </Section>
      {span.scope.name && (
        <Section title="scope" count={1} dropped={0}>
          <FieldsTable fields={[{ name: 'name', value: span.scope.name }, { name: 'version', value: span.scope.version },
            ...attributeFields(span.scope.attributes)].filter((f) => f.value !== '')} />
        </Section>
      )}
    </div>
  );
}

function Section({ title, count, dropped, children }:
    { title: string; count: number; dropped: number; children: ComponentChildren }) {
  if (count === 0 && dropped === 0) return null;
  return (
    <section>
      <h3>{title} <span class="muted">{count}{dropped ? ` (+${dropped} dropped)` : ''}</span></h3>
      {children}
    </section>
  );
}

function Events({ span }: { span: Span }) {
  return (
    <ul class="events">
      {span.events.map((event, i) => (
        <li key={i} class={event.name === 'exception' ? 'err' : ''}>
          <span class="event-time">{eventOffset(event.time_unix_nano, span.start_time_unix_nano)}</span>{' '}
          <strong>{event.name}</strong>
          <FieldsTable fields={attributeFields(event.attributes)} />
        </li>
      ))}
    </ul>
  );
}

// When an event happened, from the span's start ("" when the event has no time).
function eventOffset(eventNs: string, spanStartNs: string): string {
  if (eventNs === '0' || eventNs === '') return '';
  return `+${formatDuration(nsDiff(eventNs, spanStartNs))}`;
}
