// The scenario of the end-to-end tests with the real OpenTelemetry JS SDK, shared by every
// exporter flavour (OTLP/HTTP JSON and protobuf, OTLP/gRPC): what one case emits through the
// SDK (two traces with every span kind, events, links, dropped counts; log records with every
// kind of attribute and body, severities, trace context), what weft must answer for it, and
// the checks of every field through the native query API.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

import { getJson } from './weft_server.mjs';

// The npm packages live in tests/integration (make test-deps).
export const integrationDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../integration');
if (!existsSync(path.join(integrationDir, 'node_modules', '@opentelemetry', 'sdk-logs'))) {
  const msg = `tests/integration/node_modules is missing: run \`make test-deps\` ` +
    `(npm install in ${integrationDir}) before running the integration tests`;
  console.error(msg);
  throw new Error(msg);
}
export const require = createRequire(path.join(integrationDir, 'package.json'));
const api = require('@opentelemetry/api');
const { SeverityNumber } = require('@opentelemetry/api-logs');
const { LoggerProvider, BatchLogRecordProcessor } = require('@opentelemetry/sdk-logs');
const { BasicTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-base');
const { resourceFromAttributes } = require('@opentelemetry/resources');

const { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, createTraceState } = api;

// A short random id that keeps the services and tenants of one run apart from others.
export const newRunId = () => randomBytes(4).toString('hex');

// ---------------------------------------------------------------------------------------------
// Helpers

const NS = 1000000000n;
const RESOURCE_SCHEMA = 'https://opentelemetry.io/schemas/1.30.0';
const SCOPE_SCHEMA = 'https://opentelemetry.io/schemas/1.28.0';

export const nsOf = ([s, n]) => BigInt(s) * NS + BigInt(n);
export const nsStr = (hr) => nsOf(hr).toString();
export function rfc3339(hr) {
  const ns = nsOf(hr);
  const iso = new Date(Number(ns / 1000000n)).toISOString(); // 2026-11-22T10:04:05.123Z
  return `${iso.slice(0, 19)}.${(ns % NS).toString().padStart(9, '0')}Z`;
}

// The natural JSON form the API gives an OTLP AnyValue (docs/api.md).
export function jsonValue(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map(jsonValue);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonValue(x)]));
  return v;
}
const jsonAttrs = (attrs) => jsonValue(attrs ?? {});

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
const levelName = (n) => (n ? LEVELS[Math.floor((n - 1) / 4)] : '');

// Wraps an exporter to record the result of every export.
export function recording(exporter) {
  const results = [];
  return {
    results,
    export(items, done) {
      exporter.export(items, (r) => {
        results.push({ code: r.code, error: r.error?.message, items: items.length });
        done(r);
      });
    },
    forceFlush: () => (exporter.forceFlush ? exporter.forceFlush() : Promise.resolve()),
    shutdown: () => exporter.shutdown(),
  };
}

export function assertExportsOk(rec, expectedItems, what) {
  assert.ok(rec.results.length > 0, `${what}: nothing was exported`);
  const failed = rec.results.filter((r) => r.code !== 0);
  assert.deepEqual(failed, [], `${what}: exports failed: ${JSON.stringify(failed)}`);
  const total = rec.results.reduce((a, r) => a + r.items, 0);
  assert.equal(total, expectedItems, `${what}: exported item count`);
}

export const queryUrl = (base, pathname, params = {}) => {
  const u = new URL(pathname, base);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, String(v));
  return u.toString();
};

// GET of the query API that must answer 200 with JSON; returns the parsed body.
export async function getApi200(apiUrl, pathname, params = {}, headers = {}) {
  const r = await getJson(queryUrl(apiUrl, pathname, params), headers);
  assert.equal(r.status, 200, `GET ${pathname} ${JSON.stringify(params)} -> ${r.status} ${r.text}`);
  assert.match(r.headers.get('content-type') || '', /application\/json/);
  assert.ok(r.json !== undefined, `GET ${pathname}: response is not JSON: ${r.text}`);
  return r.json;
}

// ---------------------------------------------------------------------------------------------
// What every case emits

// Log attributes with every kind of value (<= 20, the provider's attribute count limit).
const ALL_ATTRS = {
  'str': 'hello "quoted" \\ é ✓ \u0001 tab\tnewline\n',
  'bool.true': true,
  'bool.false': false,
  'int': 42,
  'int.negative': -7,
  'int.max_safe': 9007199254740991,
  'int.zero': 0,
  'double': 3.25,
  'double.negative': -0.000123,
  'array.str': ['a', 'b', 'c'],
  'array.mixed': ['x', 1, 2.5, true, null, [1, 2], { 'k': 'v' }],
  'array.empty': [],
  'map': { 'k': 'v', 'n': 1, 'inner': { 'deep': [1, { 'x': 'y' }], 'flag': false } },
  'map.empty': {},
  'bytes': new Uint8Array([0, 1, 2, 250, 251, 252, 253]),
  'null': null,
  'ключ.ünï': 'unicode key',
  'empty.string': '',
};

const STRUCTURED_BODY = {
  'message': 'slow query',
  'duration_ms': 1532,
  'ratio': 0.75,
  'ok': false,
  'tags': ['db', 'sql'],
  'nested': { 'table': 'orders', 'ids': [1, 2, 3] },
  'raw': new Uint8Array([1, 2, 3, 255]),
  'nothing': null,
};

// Emits a trace pair and log records through the SDK for one case and returns what to expect.
// `makeExporters(headers)` gives the case's { logExporter, spanExporter }; `headers` is the
// X-Scope-OrgID of `tenant` (empty without one), for the exporter and for the queries.
export async function emitCase({ name, idx, runId, tenant, makeExporters }) {
  const svc = `itest-${name.replace(/\+/g, '-')}-${runId}`;
  const env = `staging-${idx}`;
  const marker = `MarkerCase${idx}X${runId}`;
  // Times: ten minutes ago, a different second range per case.
  const T = Math.floor(Date.now() / 1000) - 600 + idx * 10;

  const resourceAttrs = {
    'service.name': svc,
    'deployment.environment.name': env,
    'host.name': 'itest-host-1',
    'service.version': '2.3.4',
    'custom.int': 7,
    'custom.bool': true,
    'custom.double': 1.5,
    'custom.array': ['a', 'b'],
  };
  const resource = resourceFromAttributes(resourceAttrs, { schemaUrl: RESOURCE_SCHEMA });
  const headers = tenant ? { 'X-Scope-OrgID': tenant } : {};
  const exporters = makeExporters(headers);
  const logExporter = recording(exporters.logExporter);
  const spanExporter = recording(exporters.spanExporter);

  const tracerProvider = new BasicTracerProvider({
    resource,
    spanLimits: { attributeCountLimit: 10, eventCountLimit: 3, linkCountLimit: 2 },
    spanProcessors: [new BatchSpanProcessor(spanExporter, { scheduledDelayMillis: 200 })],
  });
  // sdk-logs 0.2xx: the processor takes an options object ({ exporter }).
  const loggerProvider = new LoggerProvider({
    resource,
    logRecordLimits: { attributeCountLimit: 20 },
    processors: [new BatchLogRecordProcessor({ exporter: logExporter, scheduledDelayMillis: 200 })],
  });

  const tracer = tracerProvider.getTracer('weft-itest-tracer', '4.5.6', { schemaUrl: SCOPE_SCHEMA });
  const scopeAttrs = { 'scope.attr': 'x', 'scope.n': 3 };
  const logger = loggerProvider.getLogger('weft-itest-logger', '1.2.3', {
    schemaUrl: SCOPE_SCHEMA,
    // The Date is not a valid attribute value: the SDK drops it and counts it as dropped.
    attributes: { ...scopeAttrs, 'scope.invalid': new Date() },
  });

  // Trace B: producer -> consumer.
  const producer = tracer.startSpan('enqueue order', {
    kind: SpanKind.PRODUCER, startTime: [T - 1, 0], attributes: { 'messaging.system': 'kafka' },
  }, ROOT_CONTEXT);
  const consumer = tracer.startSpan('process order', {
    kind: SpanKind.CONSUMER, startTime: [T - 1, 5000],
  }, trace.setSpan(ROOT_CONTEXT, producer));
  consumer.end([T - 1, 9000]);
  producer.end([T - 1, 1000]);

  // Trace A: SERVER root -> CLIENT child (error, events, links) -> INTERNAL grandchild.
  const rootAttrs = {
    'http.request.method': 'GET', 'http.response.status_code': 500, 'retry': true, 'ratio': 0.5,
    'tags': ['a', 'b'], 'codes': [1, 2, 3],
  };
  const root = tracer.startSpan('GET /checkout', {
    kind: SpanKind.SERVER, startTime: [T, 50000000], attributes: rootAttrs,
  }, ROOT_CONTEXT);
  const rootCtx = trace.setSpan(ROOT_CONTEXT, root);

  const linkState = createTraceState('vendor=abc,other=1');
  const producerLinkCtx = { ...producer.spanContext(), traceState: linkState };
  const foreignTrace = randomBytes(16).toString('hex');
  const foreignSpan = randomBytes(8).toString('hex');
  const child = tracer.startSpan('SELECT orders', {
    kind: SpanKind.CLIENT,
    startTime: [T, 90000000],
    attributes: { 'db.system': 'postgresql', 'db.rows': 12 },
    links: [
      { context: producerLinkCtx, attributes: { 'link.kind': 'follows', 'link.n': 1 } },
      { context: { traceId: foreignTrace, spanId: foreignSpan, traceFlags: 0, isRemote: true } },
    ],
  }, rootCtx);
  child.addEvent('cache.miss', { 'cache.key': 'order:42', 'attempt': 2 }, [T, 150000000]);
  child.addEvent('retry', [T, 160000000]);
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'card declined' });
  const childCtx = trace.setSpan(ROOT_CONTEXT, child);

  const grand = tracer.startSpan('parse rows', { kind: SpanKind.INTERNAL, startTime: [T, 95000000] }, childCtx);
  for (let i = 0; i < 12; i++) grand.setAttribute(`a${String(i).padStart(2, '0')}`, i); // 2 dropped
  for (let i = 0; i < 5; i++) grand.addEvent(`ev${i}`, { i }, [T, 95000100 + i]); // first 2 dropped
  grand.setStatus({ code: SpanStatusCode.OK });
  grand.end([T, 96000001]);
  child.end([T, 250000000]);
  root.end([T + 3, 0]);

  // Log records.
  const manyAttrs = Object.fromEntries(Array.from({ length: 22 }, (_, i) => [`m${String(i).padStart(2, '0')}`, i]));
  const logs = [
    {
      key: 'login', timestamp: [T, 100000001], observedTimestamp: [T, 100000999],
      severityNumber: SeverityNumber.INFO, severityText: 'INFO',
      body: `User logged in: ${marker} ok`, eventName: 'user.login',
      attributes: ALL_ATTRS, ctxSpan: root,
    },
    {
      key: 'slow', timestamp: [T, 200000002], observedTimestamp: [T, 200000003],
      severityNumber: SeverityNumber.WARN, severityText: 'WARN',
      body: STRUCTURED_BODY, attributes: { 'db.rows': 12 }, ctxSpan: child,
    },
    {
      key: 'payment', timestamp: [T + 1, 3], observedTimestamp: [T + 1, 4],
      severityNumber: SeverityNumber.ERROR, severityText: 'ERROR',
      body: 'payment failed', attributes: { 'order.id': 42, 'retry': true },
    },
    {
      key: 'debug-int-body', timestamp: [T + 1, 500000000], observedTimestamp: [T + 1, 500000001],
      severityNumber: SeverityNumber.DEBUG, body: 12345, attributes: {},
    },
    {
      key: 'fatal', timestamp: [T + 2, 0], observedTimestamp: [T + 2, 1],
      severityNumber: SeverityNumber.FATAL, severityText: 'CRITICAL',
      body: 'disk gone', attributes: { 'bytes': new Uint8Array([255, 254]) },
    },
    {
      key: 'no-severity', timestamp: [T + 2, 7], observedTimestamp: [T + 2, 8],
      body: 'no severity at all', attributes: { 'many': 'no' },
    },
    {
      key: 'text-only-warn', timestamp: [T + 2, 9], observedTimestamp: [T + 2, 10],
      severityText: 'WARN', body: 'severity text only', attributes: manyAttrs, dropped: 2,
    },
    {
      key: 'array-body', timestamp: [T + 2, 11], observedTimestamp: [T + 2, 12],
      severityNumber: SeverityNumber.TRACE, severityText: 'TRACE',
      body: ['one', 2, { 'three': 3.5 }], attributes: { 'k': 'v' },
    },
  ];
  for (const l of logs) {
    logger.emit({
      timestamp: l.timestamp, observedTimestamp: l.observedTimestamp,
      severityNumber: l.severityNumber, severityText: l.severityText,
      body: l.body, attributes: l.attributes, eventName: l.eventName,
      // Without a context manager the active context is empty: records without ctxSpan carry
      // no trace context.
      context: l.ctxSpan ? trace.setSpan(ROOT_CONTEXT, l.ctxSpan) : ROOT_CONTEXT,
    });
  }

  await tracerProvider.forceFlush();
  await loggerProvider.forceFlush();
  await tracerProvider.shutdown();
  await loggerProvider.shutdown();
  assertExportsOk(spanExporter, 5, `${name} spans`);
  assertExportsOk(logExporter, logs.length, `${name} logs`);

  // ---- Expected API output
  const expResource = { attributes: jsonAttrs(resourceAttrs), dropped_attributes_count: 0, schema_url: RESOURCE_SCHEMA };
  const expLogScope = {
    name: 'weft-itest-logger', version: '1.2.3', attributes: jsonAttrs(scopeAttrs),
    dropped_attributes_count: 1, schema_url: SCOPE_SCHEMA,
  };
  const expSpanScope = {
    name: 'weft-itest-tracer', version: '4.5.6', attributes: {}, dropped_attributes_count: 0, schema_url: SCOPE_SCHEMA,
  };
  const expectedLogs = logs.map((l) => {
    const sc = l.ctxSpan?.spanContext();
    let attributes = jsonAttrs(l.attributes);
    if (l.dropped) attributes = Object.fromEntries(Object.entries(attributes).slice(0, 20));
    return {
      key: l.key,
      ns: nsOf(l.timestamp),
      record: {
        time: rfc3339(l.timestamp),
        time_unix_nano: nsStr(l.timestamp),
        observed_time_unix_nano: nsStr(l.observedTimestamp),
        severity: l.severityText ?? levelName(l.severityNumber),
        severity_number: l.severityNumber ?? 0,
        body: typeof l.body === 'string' ? l.body : JSON.stringify(jsonValue(l.body)),
        service: svc,
        trace_id: sc ? sc.traceId : '',
        span_id: sc ? sc.spanId : '',
        flags: sc ? 1 : 0,
        event_name: l.eventName ?? '',
        attributes,
        dropped_attributes_count: l.dropped ?? 0,
        resource: expResource,
        scope: expLogScope,
      },
    };
  }).sort((a, b) => (a.ns > b.ns ? -1 : a.ns < b.ns ? 1 : 0)); // newest first

  const expSpan = (span, { parent, kind, start, end, status, attributes, events = [], links = [],
    dropped = {} }) => ({
    trace_id: span.spanContext().traceId,
    span_id: span.spanContext().spanId,
    parent_span_id: parent ? parent.spanContext().spanId : '',
    trace_state: '',
    flags: 257,
    name: span.name,
    kind,
    service: svc,
    start_time: rfc3339(start),
    start_time_unix_nano: nsStr(start),
    end_time_unix_nano: nsStr(end),
    duration_nanos: (nsOf(end) - nsOf(start)).toString(),
    status,
    attributes,
    dropped_attributes_count: dropped.attributes ?? 0,
    events,
    dropped_events_count: dropped.events ?? 0,
    links,
    dropped_links_count: dropped.links ?? 0,
    resource: expResource,
    scope: expSpanScope,
  });
  const unset = { code: 'unset', message: '' };
  const traceA = root.spanContext().traceId;
  const traceB = producer.spanContext().traceId;
  const expectedTraceA = [
    expSpan(root, { kind: 'server', start: [T, 50000000], end: [T + 3, 0], status: unset, attributes: rootAttrs }),
    expSpan(child, {
      parent: root, kind: 'client', start: [T, 90000000], end: [T, 250000000],
      status: { code: 'error', message: 'card declined' },
      attributes: { 'db.system': 'postgresql', 'db.rows': 12 },
      events: [
        { time_unix_nano: nsStr([T, 150000000]), name: 'cache.miss', attributes: { 'cache.key': 'order:42', 'attempt': 2 }, dropped_attributes_count: 0 },
        { time_unix_nano: nsStr([T, 160000000]), name: 'retry', attributes: {}, dropped_attributes_count: 0 },
      ],
      links: [
        { trace_id: traceB, span_id: producer.spanContext().spanId, trace_state: 'vendor=abc,other=1', flags: 257, attributes: { 'link.kind': 'follows', 'link.n': 1 }, dropped_attributes_count: 0 },
        // isRemote -> flags has HAS_IS_REMOTE (0x100) | IS_REMOTE (0x200); not sampled.
        { trace_id: foreignTrace, span_id: foreignSpan, trace_state: '', flags: 0x300, attributes: {}, dropped_attributes_count: 0 },
      ],
    }),
    expSpan(grand, {
      parent: child, kind: 'internal', start: [T, 95000000], end: [T, 96000001],
      status: { code: 'ok', message: '' },
      attributes: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`a${String(i).padStart(2, '0')}`, i])),
      events: [2, 3, 4].map((i) => ({ time_unix_nano: nsStr([T, 95000100 + i]), name: `ev${i}`, attributes: { i }, dropped_attributes_count: 0 })),
      dropped: { attributes: 2, events: 2 },
    }),
  ];
  const expectedTraceB = [
    expSpan(producer, { kind: 'producer', start: [T - 1, 0], end: [T - 1, 1000], status: unset, attributes: { 'messaging.system': 'kafka' } }),
    expSpan(consumer, { parent: producer, kind: 'consumer', start: [T - 1, 5000], end: [T - 1, 9000], status: unset, attributes: {} }),
  ];
  return {
    svc, env, marker, T, headers, traceA, traceB, expectedLogs, expectedTraceA, expectedTraceB,
  };
}

// Compares API log records with the expected ones, field by field.
export function assertLogs(actual, expected, what) {
  assert.ok(Array.isArray(actual), `${what}: records is not an array`);
  assert.deepEqual(actual.map((r) => r.time_unix_nano), expected.map((e) => e.record.time_unix_nano),
    `${what}: which records, in which order (newest first)`);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i].record;
    const a = actual[i];
    // Structured bodies are compact JSON text: compare the parsed value and key order (not the
    // exact spelling of numbers), and that it is compact.
    if (e.body.startsWith('[') || e.body.startsWith('{')) {
      assert.equal(typeof a.body, 'string', `${what}: body of ${expected[i].key} is text`);
      let parsed;
      assert.doesNotThrow(() => { parsed = JSON.parse(a.body); }, `${what}: body of ${expected[i].key} is JSON: ${a.body}`);
      assert.equal(JSON.stringify(parsed), e.body, `${what}: body of ${expected[i].key}`);
      assert.ok(!/\n|": |, "/.test(a.body), `${what}: body of ${expected[i].key} is not compact: ${a.body}`);
      assert.deepEqual({ ...a, body: e.body }, e, `${what}: record ${expected[i].key}`);
      continue;
    }
    assert.deepEqual(a, e, `${what}: record ${expected[i].key}`);
  }
}

export function assertSpans(actual, expected, what) {
  assert.ok(Array.isArray(actual), `${what}: spans is not an array`);
  assert.deepEqual(actual.map((s) => s.name), expected.map((s) => s.name), `${what}: spans in start-time order`);
  for (let i = 0; i < expected.length; i++) {
    assert.deepEqual(actual[i], expected[i], `${what}: span ${expected[i].name}`);
  }
}


// Reads back everything one case emitted (`e`, from emitCase) through the query API at
// `apiUrl`, with every filter, and compares it field by field; checks that the case's tenant
// (or the default one) keeps its data to itself.
export async function verifyCase({ apiUrl, e, runId }) {
  const api = (pathname, params, headers) => getApi200(apiUrl, pathname, params, headers);
  const H = e.headers;
  const byTime = (keys) => e.expectedLogs.filter((x) => keys.includes(x.key));

  // Everything of the service, newest first.
  const all = await api('/api/v1/logs', { service: e.svc }, H);
  assertLogs(all.records, e.expectedLogs, 'service filter');

  // Severity at or above warn: numbers 13+ and the record ranked by its text "WARN".
  const warn = await api('/api/v1/logs', { service: e.svc, severity: 'warn' }, H);
  assertLogs(warn.records, byTime(['slow', 'payment', 'fatal', 'text-only-warn']), 'severity=warn');
  const err = await api('/api/v1/logs', { service: e.svc, severity: 'error' }, H);
  assertLogs(err.records, byTime(['payment', 'fatal']), 'severity=error');
  const fatal = await api('/api/v1/logs', { service: e.svc, severity: 'fatal' }, H);
  assertLogs(fatal.records, byTime(['fatal']), 'severity=fatal');
  const dbg = await api('/api/v1/logs', { service: e.svc, severity: 'debug' }, H);
  assertLogs(dbg.records, byTime(['login', 'slow', 'payment', 'debug-int-body', 'fatal', 'text-only-warn']), 'severity=debug');

  // Trace id.
  const byTrace = await api('/api/v1/logs', { trace_id: e.traceA }, H);
  assertLogs(byTrace.records, byTime(['login', 'slow']), 'trace_id filter');
  const byTraceB = await api('/api/v1/logs', { trace_id: e.traceB }, H);
  assert.deepEqual(byTraceB.records, [], 'no log carries trace B');

  // Substring of the body, case-insensitive, across all services.
  const byQ = await api('/api/v1/logs', { q: e.marker.toLowerCase() }, H);
  assertLogs(byQ.records, byTime(['login']), 'q (case-insensitive)');
  const byQ2 = await api('/api/v1/logs', { service: e.svc, q: 'PAYMENT FAIL' }, H);
  assertLogs(byQ2.records, byTime(['payment']), 'q with service');
  const byQ3 = await api('/api/v1/logs', { service: e.svc, q: 'slow query' }, H);
  assertLogs(byQ3.records, byTime(['slow']), 'q on a structured body');

  // Environment.
  const byEnv = await api('/api/v1/logs', { env: e.env, service: e.svc }, H);
  assertLogs(byEnv.records, e.expectedLogs, 'env filter');
  const otherEnv = await api('/api/v1/logs', { env: 'no-such-env', service: e.svc }, H);
  assert.deepEqual(otherEnv.records, [], 'env filter excludes');

  // Time range, inclusive at both ends, RFC 3339 and unix nanoseconds.
  const tr = await api('/api/v1/logs', {
    service: e.svc, start: new Date((e.T + 1) * 1000).toISOString().replace('.000Z', 'Z'), end: nsStr([e.T + 2, 0]),
  }, H);
  assertLogs(tr.records, byTime(['payment', 'debug-int-body', 'fatal']), 'start/end range');
  const tr2 = await api('/api/v1/logs', { service: e.svc, start: nsStr([e.T + 2, 9]), end: nsStr([e.T + 2, 9]) }, H);
  assertLogs(tr2.records, byTime(['text-only-warn']), 'one-nanosecond range');

  // Limit keeps the newest.
  const lim = await api('/api/v1/logs', { service: e.svc, limit: 2 }, H);
  assertLogs(lim.records, e.expectedLogs.slice(0, 2), 'limit=2');

  // Traces.
  const ta = await api(`/api/v1/traces/${e.traceA}`, {}, H);
  assert.equal(ta.trace_id, e.traceA);
  assertSpans(ta.spans, e.expectedTraceA, 'trace A');
  const taLogs = byTime(['login', 'slow']).reverse(); // by time, oldest first
  assertLogs(ta.logs, taLogs, 'trace A logs (oldest first)');
  const tb = await api(`/api/v1/traces/${e.traceB.toUpperCase()}`, {}, H);
  assert.equal(tb.trace_id, e.traceB, 'trace id is answered in lowercase');
  assertSpans(tb.spans, e.expectedTraceB, 'trace B');
  assert.deepEqual(tb.logs, []);

  // Services.
  const sv = await api('/api/v1/services', {}, H);
  const mine = sv.services.filter((s) => s.name === e.svc);
  assert.deepEqual(mine, [{ name: e.svc, records: e.expectedLogs.length, spans: 5 }], 'services entry');
  const names = sv.services.map((s) => s.name);
  assert.deepEqual(names, [...names].sort(), 'services sorted by name');

  if (e.headers['X-Scope-OrgID']) {
    // Data of one tenant is never returned to another.
    const dflt = await api('/api/v1/services');
    assert.ok(!dflt.services.some((s) => s.name === e.svc), 'tenant data leaked into default services');
    const dl = await api('/api/v1/logs', { service: e.svc });
    assert.deepEqual(dl.records, [], 'tenant logs leaked into default tenant');
    const dt = await getJson(queryUrl(apiUrl, `/api/v1/traces/${e.traceA}`));
    assert.equal(dt.status, 404, 'tenant trace visible to default tenant');
    const other = await api('/api/v1/logs', { q: e.marker }, { 'X-Scope-OrgID': 'someone-else' });
    assert.deepEqual(other.records, []);
  } else {
    const fromOther = await api('/api/v1/logs', { service: e.svc }, { 'X-Scope-OrgID': `other-${runId}` });
    assert.deepEqual(fromOther.records, [], 'default tenant data visible to another tenant');
  }
}
