// The Loki HTTP API of a real `weft serve`, checked field by field against the shapes of
// Loki's HTTP API reference (docs/sources/reference/loki-http-api.md): query and query_range
// (streams, vector, matrix, scalar, stats, categorized labels), labels, label values, series
// (GET and POST), index stats/volume/volume_range, detected labels/fields, buildinfo,
// format_query, patterns, errors and tenants. Records go in over OTLP/HTTP JSON.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWeft, stopWeft } from '../lib/weft_server.mjs';

let weft;
const nowNs = BigInt(Date.now()) * 1000000n;
const t0 = nowNs - 60n * 1000000000n;  // records at t0 + 1s, + 2s, ...

function otlpLogs(service, env, records) {
  return {
    resourceLogs: [{
      resource: { attributes: [
        { key: 'service.name', value: { stringValue: service } },
        { key: 'deployment.environment', value: { stringValue: env } },
        { key: 'process.pid', value: { intValue: 42 } },
      ] },
      scopeLogs: [{
        scope: { name: 'test-scope' },
        logRecords: records.map((r, i) => ({
          timeUnixNano: String(t0 + BigInt(r.second) * 1000000000n),
          severityNumber: r.severity,
          severityText: r.severityText,
          body: { stringValue: r.body },
          attributes: [{ key: 'user.id', value: { stringValue: String(i) } }],
          traceId: '0af7651916cd43dd8448eb211c80319c',
        })),
      }],
    }],
  };
}

async function ingest(body, tenant) {
  const headers = { 'content-type': 'application/json' };
  if (tenant) headers['X-Scope-OrgID'] = tenant;
  const res = await fetch(`${weft.apiUrl}/v1/logs`, { method: 'POST', headers, body: JSON.stringify(body) });
  assert.equal(res.status, 200, await res.text());
}

async function get(path, params = {}, headers = {}) {
  const url = new URL(weft.apiUrl + path);
  for (const [k, v] of Object.entries(params)) url.searchParams.append(k, v);
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(15000) });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, type: res.headers.get('content-type'), text, json };
}

async function postForm(path, pairs) {
  const body = new URLSearchParams(pairs);
  const res = await fetch(weft.apiUrl + path, {
    method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { status: res.status, json: await res.json() };
}

const range = () => ({ start: String(t0), end: String(nowNs + 1000000000n) });

function assertLabelMap(m) {
  assert.equal(typeof m, 'object');
  for (const [k, v] of Object.entries(m)) {
    assert.match(k, /^[a-zA-Z_][a-zA-Z0-9_]*$/);
    assert.equal(typeof v, 'string');
  }
}

function assertStats(stats) {
  for (const section of ['index', 'ingester', 'querier', 'cache', 'summary']) assert.ok(stats[section], section);
  const s = stats.summary;
  for (const key of ['bytesProcessedPerSecond', 'execTime', 'linesProcessedPerSecond', 'queueTime', 'shards',
    'splits', 'subqueries', 'totalBytesProcessed', 'totalEntriesReturned', 'totalLinesProcessed',
    'totalStructuredMetadataBytesProcessed', 'totalPostFilterLines']) {
    assert.equal(typeof s[key], 'number', `summary.${key}`);
  }
  const chunk = stats.ingester.store.chunk;
  for (const key of ['compressedBytes', 'decompressedBytes', 'decompressedLines', 'headChunkBytes',
    'headChunkLines', 'postFilterLines', 'totalDuplicates']) {
    assert.equal(typeof chunk[key], 'number', `ingester.store.chunk.${key}`);
  }
  for (const key of ['totalBatches', 'totalChunksMatched', 'totalLinesSent', 'totalReached'])
    assert.equal(typeof stats.ingester[key], 'number', `ingester.${key}`);
  for (const key of ['entriesFound', 'entriesRequested', 'entriesStored', 'bytesReceived', 'bytesSent', 'requests',
    'downloadTime', 'queryLengthServed']) {
    assert.equal(typeof stats.cache.chunk[key], 'number', `cache.chunk.${key}`);
  }
}

before(async () => {
  weft = await startWeft();
  await ingest(otlpLogs('api', 'prod', [
    { second: 1, severity: 9, severityText: 'INFO', body: 'level=info msg="ok" status=200' },
    { second: 2, severity: 17, severityText: 'ERROR', body: 'level=error msg="boom" status=500' },
    { second: 3, severity: 9, severityText: 'INFO', body: 'level=info msg="ok again" status=200' },
  ]));
  await ingest(otlpLogs('web', 'dev', [
    { second: 4, severity: 13, severityText: 'WARN', body: '{"level":"warn","ms":12}' },
  ]));
  await ingest(otlpLogs('other-tenant-svc', 'prod', [{ second: 5, severity: 9, body: 'private' }]), 'tenant-b');
});

after(async () => { await stopWeft(weft); });

test('query_range log query: streams shape, newest first, stats', async () => {
  const r = await get('/loki/api/v1/query_range', { query: '{service_name="api"} |= "level"', ...range(), limit: '2' });
  assert.equal(r.status, 200, r.text);
  assert.match(r.type, /application\/json/);
  assert.equal(r.json.status, 'success');
  assert.equal(r.json.data.resultType, 'streams');
  const entries = [];
  for (const s of r.json.data.result) {
    assert.deepEqual(Object.keys(s).sort(), ['stream', 'values']);
    assertLabelMap(s.stream);
    assert.equal(s.stream.service_name, 'api');
    for (const v of s.values) {
      assert.equal(v.length, 2);
      assert.equal(typeof v[0], 'string');
      assert.match(v[0], /^\d{19}$/);
      assert.equal(typeof v[1], 'string');
      entries.push(v);
    }
  }
  assert.equal(entries.length, 2, 'limit=2');
  entries.sort((a, b) => (BigInt(b[0]) > BigInt(a[0]) ? 1 : -1));
  assert.equal(entries[0][1], 'level=info msg="ok again" status=200');
  assertStats(r.json.data.stats);
  assert.ok(r.json.data.stats.summary.totalLinesProcessed >= 2);
});

test('query_range forward direction and categorize-labels', async () => {
  const r = await get('/loki/api/v1/query_range',
    { query: '{service_name="api"} | logfmt', ...range(), direction: 'forward' },
    { 'X-Loki-Response-Encoding-Flags': 'categorize-labels' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.data.encodingFlags, ['categorize-labels']);
  const [stream] = r.json.data.result;
  assert.deepEqual(stream.stream, { deployment_environment: 'prod', service_name: 'api' });
  assert.equal(stream.values.length, 3);
  assert.ok(BigInt(stream.values[0][0]) < BigInt(stream.values[1][0]), 'forward: oldest first');
  const [, line, meta] = stream.values[1];
  assert.equal(line, 'level=error msg="boom" status=500');
  assert.equal(meta.structuredMetadata.severity_text, 'ERROR');
  assert.equal(meta.structuredMetadata.detected_level, 'error');
  assert.equal(meta.structuredMetadata.trace_id, '0af7651916cd43dd8448eb211c80319c');
  assert.equal(meta.structuredMetadata.process_pid, '42');
  assert.equal(meta.structuredMetadata.scope_name, 'test-scope');
  assert.deepEqual(meta.parsed, { level: 'error', msg: 'boom', status: '500' });
});

test('query instant metric: vector shape', async () => {
  const r = await get('/loki/api/v1/query', {
    query: 'sum by (service_name) (count_over_time({deployment_environment=~".+"}[5m]))',
    time: String(nowNs),
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.data.resultType, 'vector');
  const byService = {};
  for (const s of r.json.data.result) {
    assert.deepEqual(Object.keys(s).sort(), ['metric', 'value']);
    assertLabelMap(s.metric);
    assert.equal(typeof s.value[0], 'number');
    assert.equal(typeof s.value[1], 'string');
    byService[s.metric.service_name] = Number(s.value[1]);
  }
  assert.deepEqual(byService, { api: 3, web: 1 });
  assertStats(r.json.data.stats);
});

test('query_range metric: matrix shape with steps', async () => {
  const r = await get('/loki/api/v1/query_range', {
    query: 'sum(count_over_time({service_name="api"}[1s]))', start: String(t0), end: String(t0 + 4000000000n), step: '1s',
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.data.resultType, 'matrix');
  const [series] = r.json.data.result;
  assert.deepEqual(Object.keys(series).sort(), ['metric', 'values']);
  assert.deepEqual(series.metric, {});
  assert.equal(series.values.length, 3);
  for (const [t, v] of series.values) {
    assert.equal(typeof t, 'number');
    assert.equal(v, '1');
  }
});

test('Grafana health check and scalars', async () => {
  const r = await get('/loki/api/v1/query', { query: 'vector(1)+vector(1)' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.data.result[0].value[1], '2');
  const s = await get('/loki/api/v1/query', { query: '1+1', time: '1700000000' });
  assert.equal(s.json.data.resultType, 'scalar');
  assert.deepEqual(s.json.data.result, [1700000000, '2']);
});

test('labels and label values', async () => {
  const labels = await get('/loki/api/v1/labels', range());
  assert.equal(labels.status, 200);
  assert.deepEqual(labels.json, { status: 'success', data: ['deployment_environment', 'service_name'] });
  const values = await get('/loki/api/v1/label/service_name/values', range());
  assert.deepEqual(values.json, { status: 'success', data: ['api', 'web'] });
  const filtered = await get('/loki/api/v1/label/service_name/values', { ...range(), query: '{deployment_environment="dev"}' });
  assert.deepEqual(filtered.json.data, ['web']);
});

test('series with GET and with a POST form body', async () => {
  const g = await get('/loki/api/v1/series', { 'match[]': '{service_name=~".+"}', ...range() });
  assert.equal(g.status, 200);
  assert.deepEqual(g.json, { status: 'success', data: [
    { deployment_environment: 'dev', service_name: 'web' },
    { deployment_environment: 'prod', service_name: 'api' },
  ] });
  const p = await postForm('/loki/api/v1/series', [['match[]', '{service_name="api"}'], ['match[]', '{service_name="web"}'],
    ['start', range().start], ['end', range().end]]);
  assert.equal(p.status, 200);
  assert.equal(p.json.data.length, 2);
  const missing = await get('/loki/api/v1/series', range());
  assert.equal(missing.status, 400);
});

test('index stats, volume and volume_range', async () => {
  const stats = await get('/loki/api/v1/index/stats', { query: '{service_name="api"}', ...range() });
  assert.equal(stats.status, 200, stats.text);
  assert.deepEqual(Object.keys(stats.json).sort(), ['bytes', 'chunks', 'entries', 'streams']);
  assert.equal(stats.json.streams, 1);
  assert.equal(stats.json.entries, 3);
  const volume = await get('/loki/api/v1/index/volume', { query: '{service_name=~".+"}', ...range() });
  assert.equal(volume.json.status, 'success');
  assert.equal(volume.json.data.resultType, 'vector');
  assert.deepEqual(volume.json.data.result.map((s) => s.metric), [{ service_name: 'api' }, { service_name: 'web' }]);
  assert.equal(typeof volume.json.data.result[0].value[0], 'number');
  const byLabels = await get('/loki/api/v1/index/volume', { query: '{service_name=~".+"}', ...range(), aggregateBy: 'labels' });
  assert.deepEqual(byLabels.json.data.result.map((s) => s.metric).sort((a, b) => Object.keys(a)[0].localeCompare(Object.keys(b)[0])),
    [{ deployment_environment: '' }, { service_name: '' }]);
  const vr = await get('/loki/api/v1/index/volume_range', { query: '{service_name=~".+"}', ...range(), step: '10s' });
  assert.equal(vr.json.data.resultType, 'matrix');
  assert.equal(vr.json.data.result.length, 2);
});

test('detected labels and fields', async () => {
  const labels = await get('/loki/api/v1/detected_labels', { ...range() });
  assert.equal(labels.status, 200);
  const names = labels.json.detectedLabels.map((l) => l.label);
  assert.deepEqual(names, ['deployment_environment', 'service_name']);
  assert.equal(labels.json.detectedLabels[1].cardinality, 2);
  const fields = await get('/loki/api/v1/detected_fields', { query: '{service_name="api"}', ...range() });
  assert.equal(fields.status, 200, fields.text);
  assert.equal(fields.json.limit, 1000);
  const status = fields.json.fields.find((f) => f.label === 'status');
  assert.deepEqual(status, { label: 'status', type: 'int', cardinality: 2, parsers: ['logfmt'] });
  const sev = fields.json.fields.find((f) => f.label === 'severity_text');
  assert.equal(sev.parsers, null);
  const values = await get('/loki/api/v1/detected_field/status/values', { query: '{service_name="api"}', ...range() });
  assert.deepEqual(values.json, { values: ['200', '500'], limit: 1000 });
});

test('buildinfo, format_query, patterns', async () => {
  const b = await get('/loki/api/v1/status/buildinfo');
  assert.deepEqual(Object.keys(b.json).sort(), ['branch', 'buildDate', 'buildUser', 'goVersion', 'revision', 'version']);
  const f = await get('/loki/api/v1/format_query', { query: '{foo=   "bar"}' });
  assert.deepEqual(f.json, { status: 'success', data: '{foo="bar"}' });
  const p = await get('/loki/api/v1/patterns', { query: '{service_name="api"}' });
  assert.equal(p.status, 404);
});

test('errors are 400 with Loki-style plain text', async () => {
  const r = await get('/loki/api/v1/query_range', { query: '{service_name="api"', ...range() });
  assert.equal(r.status, 400);
  assert.match(r.type, /text\/plain/);
  assert.equal(r.text, 'parse error at line 1, col 20: syntax error: unexpected $end, expecting } or ,');
  const instant = await get('/loki/api/v1/query', { query: '{service_name="api"}' });
  assert.equal(instant.status, 400);
  assert.match(instant.text, /log queries are not supported as an instant query type/);
  const badStep = await get('/loki/api/v1/query_range', { query: 'rate({a="b"}[1m])', ...range(), step: 'abc' });
  assert.equal(badStep.status, 400);
});

test('tenants are kept apart by X-Scope-OrgID', async () => {
  const mine = await get('/loki/api/v1/query_range', { query: '{service_name=~".+"}', ...range() }, { 'X-Scope-OrgID': 'tenant-b' });
  assert.equal(mine.json.data.result.length, 1);
  assert.equal(mine.json.data.result[0].values[0][1], 'private');
  const other = await get('/loki/api/v1/query_range', { query: '{service_name="other-tenant-svc"}', ...range() });
  assert.equal(other.json.data.result.length, 0);
});
