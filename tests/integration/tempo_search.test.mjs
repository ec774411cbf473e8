// End-to-end test of weft's Tempo search API (docs/traceql.md): traces sent with the real
// OpenTelemetry JS SDK, queried the way Grafana's Tempo data source queries, checked field by
// field against Tempo's response shapes. Every golden TraceQL query
// (tests/golden/traceql/queries.txt) is first parsed with Grafana's own TraceQL grammar
// (@grafana/lezer-traceql), then sent to weft, which must accept it; the bad ones must be
// refused by both.
//
// Run: make test-deps && WEFT_BIN=build/weft node --test --test-reporter=spec tests/integration/tempo_search.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { emitCase, getApi200, integrationDir, newRunId, queryUrl, require } from '../lib/otel_scenario.mjs';
import { getJson, startWeft, stopWeft } from '../lib/weft_server.mjs';

const { parser: traceqlGrammar } = require('@grafana/lezer-traceql');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
const { OTLPLogExporter } = require('@opentelemetry/exporter-logs-otlp-http');

const runId = newRunId();
let server;
let e;  // what the scenario emitted
let range;  // { start, end } in unix seconds around it

function goldenLines(name) {
  const file = path.join(integrationDir, '..', 'golden', 'traceql', name);
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
}

function grammarAccepts(query) {
  let ok = true;
  traceqlGrammar.parse(query).iterate({ enter: (n) => { if (n.type.isError) ok = false; } });
  return ok;
}

const isMetricsQuery = (q) => /\|\s*(rate|count_over_time|quantile_over_time|\w+_over_time)\s*\(/.test(q);
const search = (params) => getApi200(server.apiUrl, '/api/search', { ...range, ...params });
const svcQuery = (extra = '') => `{ resource.service.name = "${e.svc}"${extra} }`;

function assertTempoValue(v, what) {
  const keys = Object.keys(v);
  assert.equal(keys.length, 1, `${what}: one typed value`);
  assert.ok(['stringValue', 'intValue', 'doubleValue', 'boolValue'].includes(keys[0]), what);
}

function assertSpanShape(s, what) {
  assert.match(s.spanID, /^[0-9a-f]{16}$/, `${what}.spanID`);
  assert.equal(typeof s.name, 'string', `${what}.name`);
  assert.match(s.startTimeUnixNano, /^\d+$/, `${what}.startTimeUnixNano is a decimal string`);
  assert.match(s.durationNanos, /^\d+$/, `${what}.durationNanos is a decimal string`);
  for (const a of s.attributes ?? []) {
    assert.equal(typeof a.key, 'string');
    assertTempoValue(a.value, `${what}.attributes.${a.key}`);
  }
}

function assertTraceShape(t, what) {
  assert.match(t.traceID, /^[0-9a-f]{32}$/, `${what}.traceID`);
  assert.equal(typeof t.rootServiceName, 'string');
  assert.match(t.startTimeUnixNano, /^\d+$/);
  assert.equal(typeof t.durationMs, 'number');
  assert.ok(Array.isArray(t.spanSets), `${what}.spanSets`);
  assert.deepEqual(t.spanSet, t.spanSets[0], `${what}.spanSet is the first of spanSets`);
  for (const set of t.spanSets) {
    assert.equal(typeof set.matched, 'number');
    assert.ok(set.spans.length <= set.matched);
    set.spans.forEach((s, i) => assertSpanShape(s, `${what}.spans[${i}]`));
  }
}

describe('Tempo search API with the OpenTelemetry JS SDK', () => {
  before(async () => {
    server = await startWeft();
    e = await emitCase({
      name: 'tempo', idx: 0, runId,
      makeExporters: (headers) => ({
        logExporter: new OTLPLogExporter({ url: `${server.otlpUrl}/v1/logs`, headers }),
        spanExporter: new OTLPTraceExporter({ url: `${server.otlpUrl}/v1/traces`, headers }),
      }),
    });
    range = { start: e.T - 60, end: e.T + 60 };
  });

  after(async () => {
    await stopWeft(server);
  });

  test('search by service returns both traces in Tempo shape, newest first', async () => {
    const body = await search({ q: svcQuery(), limit: 20 });
    assert.deepEqual(Object.keys(body).sort(), ['metrics', 'traces']);
    assert.equal(body.traces.length, 2);
    body.traces.forEach((t, i) => assertTraceShape(t, `traces[${i}]`));
    const [a, b] = body.traces;
    const rootA = e.expectedTraceA[0];
    assert.equal(a.traceID, e.traceA);
    assert.equal(a.rootServiceName, e.svc);
    assert.equal(a.rootTraceName, 'GET /checkout');
    assert.equal(a.startTimeUnixNano, rootA.start_time_unix_nano);
    assert.equal(a.durationMs, Math.floor(Number(rootA.duration_nanos) / 1e6));
    assert.equal(a.spanSet.matched, 3);
    assert.equal(a.spanSet.spans.length, 3);
    const first = a.spanSet.spans[0];
    assert.equal(first.spanID, rootA.span_id);
    assert.equal(first.name, 'GET /checkout');
    assert.equal(first.startTimeUnixNano, rootA.start_time_unix_nano);
    assert.equal(first.durationNanos, rootA.duration_nanos);
    assert.deepEqual(first.attributes, [{ key: 'service.name', value: { stringValue: e.svc } }]);
    assert.equal(b.traceID, e.traceB);
    assert.equal(b.rootTraceName, 'enqueue order');
    assert.equal(body.metrics.inspectedTraces, 2);
    assert.match(body.metrics.inspectedBytes, /^\d+$/);
  });

  test('spss, limit, minDuration and tags', async () => {
    let body = await search({ q: svcQuery(), limit: 1, spss: 1 });
    assert.equal(body.traces.length, 1);
    assert.equal(body.traces[0].spanSet.spans.length, 1);
    assert.equal(body.traces[0].spanSet.matched, 3);
    body = await search({ q: svcQuery(), minDuration: '1s' });
    assert.deepEqual(body.traces.map((t) => t.traceID), [e.traceA]);
    body = await search({ tags: `service.name=${e.svc} db.system=postgresql` });
    assert.deepEqual(body.traces.map((t) => t.traceID), [e.traceA]);
    assert.equal(body.traces[0].spanSet.spans[0].name, 'SELECT orders');
  });

  test('attribute types, structural operators, by() and select()', async () => {
    let body = await search({ q: svcQuery(' && span.http.response.status_code = 500 && span.ratio = 0.5 && span.retry = true') });
    assert.deepEqual(body.traces.map((t) => t.traceID), [e.traceA]);
    const attrs = Object.fromEntries(body.traces[0].spanSet.spans[0].attributes.map((x) => [x.key, x.value]));
    assert.deepEqual(attrs['http.response.status_code'], { intValue: '500' });
    assert.deepEqual(attrs.ratio, { doubleValue: 0.5 });
    assert.deepEqual(attrs.retry, { boolValue: true });

    body = await search({ q: `${svcQuery()} > { kind = client }` });
    assert.deepEqual(body.traces[0].spanSet.spans.map((s) => s.name), ['SELECT orders']);
    body = await search({ q: `{ name = "GET /checkout" } >> { status = ok && trace:rootService = "${e.svc}" }` });
    assert.deepEqual(body.traces[0].spanSet.spans.map((s) => s.name), ['parse rows']);
    body = await search({ q: `{ kind = producer && resource.service.name = "${e.svc}" } > { kind = consumer }` });
    assert.deepEqual(body.traces.map((t) => t.traceID), [e.traceB]);

    body = await search({ q: `${svcQuery()} | by(kind) | select(status)` });
    const a = body.traces.find((t) => t.traceID === e.traceA);
    assert.equal(a.spanSets.length, 3);
    assert.deepEqual(a.spanSets.map((s) => s.attributes[0]),
      ['server', 'client', 'internal'].map((k) => ({ key: 'by(kind)', value: { stringValue: k } })));
    const client = a.spanSets[1].spans[0];
    assert.deepEqual(client.attributes.find((x) => x.key === 'status'), { key: 'status', value: { stringValue: 'error' } });
  });

  test('tags and tag values, v1 and v2', async () => {
    const v1 = await getApi200(server.apiUrl, '/api/search/tags', range);
    assert.ok(v1.tagNames.includes('service.name') && v1.tagNames.includes('db.system'));
    const v2 = await getApi200(server.apiUrl, '/api/v2/search/tags', range);
    const scopes = Object.fromEntries(v2.scopes.map((s) => [s.name, s.tags]));
    assert.ok(scopes.resource.includes('service.name'));
    assert.ok(scopes.span.includes('db.system') && !scopes.span.includes('service.name'));
    assert.ok(scopes.intrinsic.includes('duration') && scopes.intrinsic.includes('status'));

    const values = await getApi200(server.apiUrl, '/api/v2/search/tag/resource.service.name/values', range);
    assert.deepEqual(values.tagValues, [{ type: 'string', value: e.svc }]);
    const codes = await getApi200(server.apiUrl, '/api/v2/search/tag/span.http.response.status_code/values', range);
    assert.deepEqual(codes.tagValues, [{ type: 'int', value: '500' }]);
    const statuses = await getApi200(server.apiUrl, '/api/v2/search/tag/status/values',
      { ...range, q: '{ kind = client }' });
    assert.deepEqual(statuses.tagValues, [{ type: 'keyword', value: 'error' }]);
    const v1values = await getApi200(server.apiUrl, '/api/search/tag/db.system/values', range);
    assert.deepEqual(v1values.tagValues, ['postgresql']);
  });

  test('metrics query_range in Tempo shape', async () => {
    const body = await getApi200(server.apiUrl, '/api/metrics/query_range',
      { q: `${svcQuery()} | count_over_time() by (kind)`, ...range, step: '10s' });
    const byKind = Object.fromEntries(body.series.map((s) => {
      assert.equal(s.labels.length, 1);
      assert.equal(s.labels[0].key, 'kind');
      for (const p of s.samples) {
        assert.match(p.timestampMs, /^\d+$/);
        assert.equal(Number(p.timestampMs) % 10000, 0);
      }
      return [s.labels[0].value.stringValue, s.samples.reduce((n, p) => n + p.value, 0)];
    }));
    assert.deepEqual(byKind, { server: 1, client: 1, internal: 1, producer: 1, consumer: 1 });
    const q = await getApi200(server.apiUrl, '/api/metrics/query_range',
      { q: `${svcQuery()} | quantile_over_time(duration, 1)`, ...range, step: '120s' });
    assert.deepEqual(q.series[0].labels[1], { key: 'p', value: { doubleValue: 1 } });
    const max = Math.max(...q.series[0].samples.map((p) => p.value));
    assert.equal(max, Number(e.expectedTraceA[0].duration_nanos) / 1e9);
  });

  test('echo, buildinfo and errors as Tempo sends them', async () => {
    const echo = await getJson(`${server.apiUrl}/api/echo`);
    assert.equal(echo.status, 200);
    assert.equal(echo.text, 'echo');
    const info = await getApi200(server.apiUrl, '/api/status/buildinfo');
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    const bad = await getJson(queryUrl(server.apiUrl, '/api/search', { q: '{ span.foo = }' }));
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type'), /text\/plain/);
    assert.equal(bad.text, 'invalid TraceQL query: parse error at line 1, col 14: syntax error: ' +
      'unexpected \'}\', expecting a value');
  });

  test('golden queries: Grafana\'s grammar parses them and weft answers them', async () => {
    const queries = goldenLines('queries.txt');
    assert.ok(queries.length > 40);
    for (const q of queries) {
      assert.ok(grammarAccepts(q), `Grafana's TraceQL grammar refuses ${q}`);
      const pathname = isMetricsQuery(q) ? '/api/metrics/query_range' : '/api/search';
      const body = await getApi200(server.apiUrl, pathname, { q, ...range });
      if (pathname === '/api/search') body.traces.forEach((t, i) => assertTraceShape(t, `${q} traces[${i}]`));
      else assert.ok(Array.isArray(body.series), q);
    }
    for (const q of goldenLines('bad_queries.txt')) {
      assert.ok(!grammarAccepts(q), `Grafana's TraceQL grammar accepts ${q}`);
      const r = await getJson(queryUrl(server.apiUrl, '/api/search', { q, ...range }));
      assert.equal(r.status, 400, `${q} -> ${r.status} ${r.text}`);
      assert.match(r.text, /^invalid TraceQL query: parse error at line \d+, col \d+: /, q);
    }
  });
});
