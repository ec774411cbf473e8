// End-to-end test of weft's authentication and authorization (docs/security.md): tokens made
// with `weft token create`, a real `weft serve` with auth on, and every role against ingest,
// query, admin and public endpoints, each protocol's own error shapes (Loki plain text, OTLP
// google.rpc.Status, Elasticsearch error JSON, Splunk HEC), tenants bound to tokens (a reader
// of one tenant cannot read another), Basic auth as Grafana sends it, revocation without a
// restart, and the real OpenTelemetry JS exporters (OTLP/HTTP and OTLP/gRPC) sending a Bearer
// token.
//
// Run: make test-deps && WEFT_BIN=build/weft node --test --test-reporter=spec tests/integration/security_auth.test.mjs
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { emitCase, newRunId, require } from '../lib/otel_scenario.mjs';
import {
  getJson, makeDataDir, removeDataDir, startWeft, stopWeft, weftBinary,
} from '../lib/weft_server.mjs';

const grpc = require('@grpc/grpc-js');
const { OTLPLogExporter: LogExporterJson } = require('@opentelemetry/exporter-logs-otlp-http');
const { OTLPTraceExporter: TraceExporterJson } = require('@opentelemetry/exporter-trace-otlp-http');
const { OTLPLogExporter: LogExporterGrpc } = require('@opentelemetry/exporter-logs-otlp-grpc');
const { OTLPTraceExporter: TraceExporterGrpc } = require('@opentelemetry/exporter-trace-otlp-grpc');

const runId = newRunId();
const A = `acme-${runId}`;
const B = `beta-${runId}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Runs `weft token ...` on the data dir; returns stdout.
function weftToken(dataDir, ...args) {
  return execFileSync(weftBinary(), ['token', ...args, '--data-dir', dataDir], { encoding: 'utf8' });
}

function createToken(dataDir, role, tenants, name) {
  const text = weftToken(dataDir, 'create', '--role', role, '--tenant', tenants, '--name', name).trim();
  assert.match(text, /^weft_[0-9a-f]{12}_[0-9a-f]{64}$/, `token text: ${text}`);
  return { text, id: text.split('_')[1], bearer: { Authorization: `Bearer ${text}` } };
}

const basic = (user, password) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

async function request(url, { method = 'GET', headers = {}, body } = {}) {
  const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(15000) });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json };
}

const lokiBody = (line) => JSON.stringify({
  streams: [{ stream: { service_name: `auth-${runId}` }, values: [[`${BigInt(Date.now()) * 1000000n}`, line]] }],
});

describe('weft with auth on', () => {
  let dataDir;
  let server;
  let admin; let writer; let reader; let readerB; let multi;

  before(async () => {
    dataDir = makeDataDir('weft-auth-');
    admin = createToken(dataDir, 'admin', '*', 'ops');
    writer = createToken(dataDir, 'writer', A, 'collector');
    reader = createToken(dataDir, 'reader', A, 'grafana');
    readerB = createToken(dataDir, 'reader', B, 'other team');
    multi = createToken(dataDir, 'reader', `${A},${B}`, 'both');
    server = await startWeft({
      dataDir, extraArgs: ['--auth-enabled', 'true', '--audit-file', path.join(dataDir, 'audit.jsonl')],
    });
  });

  after(async () => {
    await stopWeft(server);
    if (dataDir) removeDataDir(dataDir);
  });

  test('weft token list shows ids and roles, never secrets', () => {
    const out = weftToken(dataDir, 'list');
    for (const t of [admin, writer, reader, readerB]) {
      assert.ok(out.includes(t.id), `list names ${t.id}: ${out}`);
      assert.ok(!out.includes(t.text.split('_')[2]), 'list never shows a secret');
    }
    assert.match(out, new RegExp(`${writer.id}\\twriter\\t${A}\\t`));
  });

  test('starting with auth on and no tokens is a clear error', () => {
    const empty = makeDataDir('weft-auth-empty-');
    try {
      const r = spawnSync(weftBinary(), ['serve', '--data-dir', empty, '--auth-enabled', 'true',
        '--listen', '127.0.0.1:0', '--otlp-http-listen', '', '--otlp-grpc-listen', '',
        '--syslog-listen', '', '--jsonlines-listen', ''], { encoding: 'utf8', timeout: 20000 });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /holds no tokens/);
      assert.match(r.stderr, /weft token create/);
    } finally {
      removeDataDir(empty);
    }
  });

  test('public endpoints need no token', async () => {
    assert.equal((await request(`${server.apiUrl}/ready`)).status, 200);
    assert.equal((await request(`${server.apiUrl}/services/collector/health`)).status, 200);
  });

  test('ingest: writers and admins only, answers in each protocol\'s error shape', async () => {
    const push = (headers) => request(`${server.apiUrl}/loki/api/v1/push`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: lokiBody(`written by writer ${runId}`),
    });
    assert.equal((await push(writer.bearer)).status, 204);
    const none = await push({});
    assert.equal(none.status, 401, none.text);
    assert.match(none.headers.get('www-authenticate') || '', /Bearer/);
    assert.match(none.headers.get('content-type') || '', /text\/plain/);  // Loki's shape
    const bogus = await push({ Authorization: `Bearer weft_000000000000_${'0'.repeat(64)}` });
    assert.equal(bogus.status, 401, bogus.text);
    const asReader = await push(reader.bearer);
    assert.equal(asReader.status, 403, asReader.text);
    assert.match(asReader.text, /reader token may not use this ingest endpoint/);
    const otherTenant = await push({ ...writer.bearer, 'X-Scope-OrgID': B });
    assert.equal(otherTenant.status, 403, otherTenant.text);

    // OTLP/HTTP JSON: google.rpc.Status with PERMISSION_DENIED / UNAUTHENTICATED.
    const otlp = (headers) => request(`${server.otlpUrl}/v1/logs`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"resourceLogs":[]}',
    });
    const otlpReader = await otlp(reader.bearer);
    assert.equal(otlpReader.status, 403, otlpReader.text);
    assert.equal(otlpReader.json.code, 7, otlpReader.text);
    const otlpNone = await otlp({});
    assert.equal(otlpNone.status, 401);
    assert.equal(otlpNone.json.code, 16, otlpNone.text);
    assert.equal((await otlp(writer.bearer)).status, 200);

    // Elasticsearch _bulk: an Elasticsearch error document.
    const bulk = await request(`${server.apiUrl}/_bulk`, {
      method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{"index":{}}\n{"message":"x"}\n',
    });
    assert.equal(bulk.status, 401, bulk.text);
    assert.equal(bulk.json.error.type, 'security_exception', bulk.text);
    assert.equal(bulk.json.status, 401);

    // Splunk HEC: Authorization: Splunk <token>.
    const hec = (auth) => request(`${server.apiUrl}/services/collector/event`, {
      method: 'POST', headers: { Authorization: auth }, body: JSON.stringify({ event: `hec ${runId}` }),
    });
    const hecOk = await hec(`Splunk ${writer.text}`);
    assert.equal(hecOk.status, 200, hecOk.text);
    assert.deepEqual(hecOk.json, { text: 'Success', code: 0 });
    const hecBad = await hec('Splunk not-a-token');
    assert.equal(hecBad.status, 401, hecBad.text);
    assert.deepEqual(hecBad.json, { text: 'Invalid token', code: 4 });
    const hecReader = await hec(`Splunk ${reader.text}`);
    assert.equal(hecReader.status, 403, hecReader.text);
    assert.equal(hecReader.json.code, 4);
  });

  test('query: readers and admins only, each within its tenants', async () => {
    const logs = (headers) => request(`${server.apiUrl}/api/v1/logs?service=auth-${runId}`, { headers });
    const own = await logs(reader.bearer);  // one tenant: the token's, without a header
    assert.equal(own.status, 200, own.text);
    assert.ok(own.json.records.some((r) => r.body === `written by writer ${runId}`), own.text);
    const none = await logs({});
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') || '', /Basic/);
    assert.equal((await logs(writer.bearer)).status, 403);
    // A reader of tenant A naming tenant B.
    const cross = await logs({ ...reader.bearer, 'X-Scope-OrgID': B });
    assert.equal(cross.status, 403, cross.text);
    assert.equal(typeof cross.json.error, 'string');
    // The reader of tenant B sees nothing of A.
    const other = await logs(readerB.bearer);
    assert.equal(other.status, 200, other.text);
    assert.deepEqual(other.json.records, []);
    // A token of several tenants must name one.
    assert.equal((await logs(multi.bearer)).status, 403);
    assert.equal((await logs({ ...multi.bearer, 'X-Scope-OrgID': A })).json.records.length, own.json.records.length);
    // Admin: any tenant it names.
    const asAdmin = await logs({ ...admin.bearer, 'X-Scope-OrgID': A });
    assert.equal(asAdmin.json.records.length, own.json.records.length);
    // Services and traces are query endpoints too.
    assert.equal((await request(`${server.apiUrl}/api/v1/services`, { headers: writer.bearer })).status, 403);
    assert.equal((await request(`${server.apiUrl}/api/v1/services`, { headers: reader.bearer })).status, 200);
  });

  test('Basic auth with the token as password, as Grafana data sources send it', async () => {
    const r = await request(`${server.apiUrl}/api/v1/logs?service=auth-${runId}`, { headers: basic('grafana', reader.text) });
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.records.length > 0);
    const wrong = await request(`${server.apiUrl}/api/v1/logs`, { headers: basic('grafana', 'secret') });
    assert.equal(wrong.status, 401);
  });

  test('the Loki query API and its live tail need a reader token', async () => {
    const q = encodeURIComponent(`{service_name="auth-${runId}"}`);
    const range = (headers) => request(`${server.apiUrl}/loki/api/v1/query_range?query=${q}&since=1h`, { headers });
    assert.equal((await range({})).status, 401);
    assert.equal((await range(writer.bearer)).status, 403);
    const ok = await range(basic('grafana', reader.text));
    assert.equal(ok.status, 200, ok.text);
    // A WebSocket upgrade is refused before the handshake (HTTP 401), and accepted with a token.
    const upgrade = (headers) => new Promise((resolve, reject) => {
      const req = http.request(`${server.apiUrl}/loki/api/v1/tail?query=${q}`, {
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': Buffer.from('weft-auth-test-k').toString('base64'), ...headers },
      });
      req.on('upgrade', (res, socket) => { socket.destroy(); resolve(res.statusCode); });
      req.on('response', (res) => { res.resume(); resolve(res.statusCode); });
      req.on('error', reject);
      req.end();
    });
    assert.equal(await upgrade({}), 401);
    assert.equal(await upgrade(writer.bearer), 403);
    assert.equal(await upgrade(reader.bearer), 101);
  });

  test('delete requests are for admins only', async () => {
    const del = (headers) => request(`${server.apiUrl}/loki/api/v1/delete`, { headers });
    assert.equal((await del({})).status, 401);
    assert.equal((await del(reader.bearer)).status, 403);
    assert.equal((await del({ ...admin.bearer, 'X-Scope-OrgID': A })).status, 200);
  });

  test('admin endpoints: admin tokens only', async () => {
    assert.equal((await request(`${server.apiUrl}/metrics`)).status, 401);
    assert.equal((await request(`${server.apiUrl}/metrics`, { headers: reader.bearer })).status, 403);
    assert.equal((await request(`${server.apiUrl}/metrics`, { headers: writer.bearer })).status, 403);
    const m = await request(`${server.apiUrl}/metrics`, { headers: admin.bearer });
    assert.equal(m.status, 200);
    assert.match(m.text, /reason="unauthorized"/);  // refusals are counted
  });

  test('the OpenTelemetry JS OTLP/HTTP exporters with a Bearer token', async () => {
    const makeExporters = (headers) => {
      const common = { headers: { ...headers, ...writer.bearer }, timeoutMillis: 10000 };
      return {
        logExporter: new LogExporterJson({ url: `${server.otlpUrl}/v1/logs`, ...common }),
        spanExporter: new TraceExporterJson({ url: `${server.otlpUrl}/v1/traces`, ...common }),
      };
    };
    const e = await emitCase({ name: 'auth-http', idx: 0, runId, tenant: A, makeExporters });
    const r = await request(`${server.apiUrl}/api/v1/logs?service=${e.svc}`, { headers: reader.bearer });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.records.length, e.expectedLogs.length);
    const t = await request(`${server.apiUrl}/api/v1/traces/${e.traceA}`, { headers: reader.bearer });
    assert.equal(t.status, 200, t.text);
    const tb = await request(`${server.apiUrl}/api/v1/traces/${e.traceA}`, { headers: readerB.bearer });
    assert.equal(tb.status, 404, 'tenant B does not see tenant A\'s trace');
  });

  test('the OpenTelemetry JS OTLP/gRPC exporters with a Bearer token in metadata', async () => {
    const metadata = (headers) => {
      const m = new grpc.Metadata();
      for (const [k, v] of Object.entries(headers)) m.set(k.toLowerCase(), v);
      return m;
    };
    const exporters = (headers) => {
      const common = { url: `http://${server.grpcAddress}`, metadata: metadata(headers), timeoutMillis: 10000 };
      return { logExporter: new LogExporterGrpc(common), spanExporter: new TraceExporterGrpc(common) };
    };
    const e = await emitCase({
      name: 'auth-grpc', idx: 1, runId, tenant: A,
      makeExporters: (headers) => exporters({ ...headers, authorization: `Bearer ${writer.text}` }),
    });
    const r = await request(`${server.apiUrl}/api/v1/logs?service=${e.svc}`, { headers: reader.bearer });
    assert.equal(r.json.records.length, e.expectedLogs.length, r.text);

    // Without a token, with a reader's, for another tenant: UNAUTHENTICATED / PERMISSION_DENIED.
    const client = new grpc.Client(server.grpcAddress, grpc.credentials.createInsecure());
    const call = (headers) => new Promise((resolve) => {
      client.makeUnaryRequest('/opentelemetry.proto.collector.logs.v1.LogsService/Export',
        (x) => x, (x) => x, Buffer.alloc(0), metadata(headers), (err) => resolve(err));
    });
    try {
      assert.equal((await call({}))?.code, grpc.status.UNAUTHENTICATED);
      assert.equal((await call({ authorization: `Bearer ${reader.text}` }))?.code, grpc.status.PERMISSION_DENIED);
      assert.equal((await call({ authorization: `Bearer ${writer.text}`, 'x-scope-orgid': B }))?.code,
        grpc.status.PERMISSION_DENIED);
      assert.equal(await call({ authorization: `Bearer ${writer.text}` }), null);
    } finally {
      client.close();
    }
  });

  test('the audit log records queries and refusals; only admins read it, nobody writes it', async () => {
    const marker = `auditmarker${runId}`;
    assert.equal((await request(`${server.apiUrl}/api/v1/logs?q=${marker}`, { headers: reader.bearer })).status, 200);
    assert.equal((await request(`${server.apiUrl}/api/v1/logs?q=${marker}`, { headers: writer.bearer })).status, 403);
    const asAdmin = { ...admin.bearer, 'X-Scope-OrgID': '_audit' };
    let records = [];
    for (let i = 0; i < 100 && records.length < 2; i++) {
      const r = await request(`${server.apiUrl}/api/v1/logs?service=weft-audit&q=${marker}`, { headers: asAdmin });
      assert.equal(r.status, 200, r.text);
      records = r.json.records;
      if (records.length < 2) await sleep(50);
    }
    const byToken = (id) => records.find((r) => r.attributes['audit.token_id'] === id);
    const read = byToken(reader.id);
    assert.ok(read, `the reader's query is audited: ${JSON.stringify(records)}`);
    assert.equal(read.attributes['audit.tenant'], A);
    assert.equal(read.attributes['audit.endpoint'], '/api/v1/logs');
    assert.equal(read.attributes['audit.target'], `/api/v1/logs?q=${marker}`);
    assert.equal(read.attributes['audit.status'], 200);
    assert.equal(typeof read.attributes['audit.duration_ms'], 'number');
    assert.equal(byToken(writer.id)?.attributes['audit.status'], 403, 'refusals are audited');

    // Readers cannot read it, even of every tenant; nobody can ingest into it.
    const star = createToken(dataDir, 'reader', '*', 'all tenants');
    await sleep(1100);
    for (const t of [reader, star]) {
      const r = await request(`${server.apiUrl}/api/v1/logs?service=weft-audit`, { headers: { ...t.bearer, 'X-Scope-OrgID': '_audit' } });
      assert.equal(r.status, 403, r.text);
    }
    for (const t of [writer, admin]) {
      const r = await request(`${server.apiUrl}/loki/api/v1/push`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...t.bearer, 'X-Scope-OrgID': '_audit' }, body: lokiBody('forged'),
      });
      assert.equal(r.status, 403, r.text);
    }

    // The audit file has the same entries, one JSON object a line.
    const lines = readFileSync(path.join(dataDir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const fromFile = lines.find((l) => l.token_id === reader.id && l.target.includes(marker));
    assert.ok(fromFile, 'the reader\'s query is in the audit file');
    assert.equal(fromFile.tenant, A);
    assert.equal(fromFile.status, 200);
  });

  test('a revoked token stops working without a restart', async () => {
    const temp = createToken(dataDir, 'reader', A, 'temporary');
    await sleep(1100);  // the server re-reads the file at most once a second
    assert.equal((await request(`${server.apiUrl}/api/v1/services`, { headers: temp.bearer })).status, 200);
    weftToken(dataDir, 'revoke', temp.id);
    await sleep(1100);
    assert.equal((await request(`${server.apiUrl}/api/v1/services`, { headers: temp.bearer })).status, 401);
    assert.equal((await request(`${server.apiUrl}/api/v1/services`, { headers: reader.bearer })).status, 200);
  });
});
