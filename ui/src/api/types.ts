// The shapes of weft's native JSON API (docs/api.md) as the UI reads them.
// 64-bit nanosecond values arrive as decimal strings: JSON numbers cannot hold them exactly.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Attributes = Record<string, JsonValue>;

export interface Resource {
  attributes: Attributes;
  dropped_attributes_count: number;
  schema_url: string;
}

export interface Scope {
  name: string;
  version: string;
  attributes: Attributes;
  dropped_attributes_count: number;
  schema_url: string;
}

export interface LogRecord {
  time: string;
  time_unix_nano: string;
  observed_time_unix_nano: string;
  severity: string;
  severity_number: number;
  body: string;
  service: string;
  trace_id: string;
  span_id: string;
  flags: number;
  event_name: string;
  attributes: Attributes;
  dropped_attributes_count: number;
  resource: Resource;
  scope: Scope;
}

export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type StatusCode = 'unset' | 'ok' | 'error';

export interface SpanEvent {
  time_unix_nano: string;
  name: string;
  attributes: Attributes;
  dropped_attributes_count: number;
}

export interface SpanLink {
  trace_id: string;
  span_id: string;
  trace_state: string;
  flags: number;
  attributes: Attributes;
  dropped_attributes_count: number;
}

export interface Span {
  trace_id: string;
  span_id: string;
  parent_span_id: string;
  trace_state: string;
  flags: number;
  name: string;
  kind: SpanKind;
  service: string;
  start_time: string;
  start_time_unix_nano: string;
  end_time_unix_nano: string;
  duration_nanos: string;
  status: { code: StatusCode; message: string };
  attributes: Attributes;
  dropped_attributes_count: number;
  events: SpanEvent[];
  dropped_events_count: number;
  links: SpanLink[];
  dropped_links_count: number;
  resource: Resource;
  scope: Scope;
}

export interface Trace {
  trace_id: string;
  spans: Span[];
  logs: LogRecord[];
}

export interface ServiceSummary {
  name: string;
  records: number;
  spans: number;
}

// The severity filter of GET /api/v1/logs: records at or above this level.
export type SeverityFilter = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

// A log search. Times are unix nanoseconds as decimal strings (what the API accepts exactly).
export interface LogQuery {
  service?: string;
  env?: string;
  severity?: SeverityFilter;
  startNs?: string;
  endNs?: string;
  text?: string;
  traceId?: string;
  limit: number;
}
