// End-to-end test of weft with the real OpenTelemetry JS SDK and its four OTLP/HTTP exporters
// (logs and traces, JSON and protobuf), each without compression and with gzip.
//
// Every case sends logs and spans through the SDK (batch processors, force flush), then reads
// them back through the native query API and compares every field with what was emitted.
//
// Run: make test-deps && WEFT_BIN=build/weft node --test --test-reporter=spec tests/integration/otel_js.test.mjs
// (or `ctest -L integration` in the build directory).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';

import {
  assertLogs, assertSpans, emitCase, getApi200, newRunId, require, verifyCase,
} from '../lib/otel_scenario.mjs';
import { getJson, startWeft, stopWeft } from '../lib/weft_server.mjs';

const { OTLPLogExporter: LogExporterJson } = require('@opentelemetry/exporter-logs-otlp-http');
const { OTLPLogExporter: LogExporterProto } = require('@opentelemetry/exporter-logs-otlp-proto');
const { OTLPTraceExporter: TraceExporterJson } = require('@opentelemetry/exporter-trace-otlp-http');
const { OTLPTraceExporter: TraceExporterProto } = require('@opentelemetry/exporter-trace-otlp-proto');

const runId = newRunId();
let server;
const api200 = (pathname, params = {}, headers = {}) => getApi200(server.apiUrl, pathname, params, headers);

const CASES = [
  { name: 'json', encoding: 'json', compression: 'none' },
  { name: 'json+gzip', encoding: 'json', compression: 'gzip' },
  { name: 'protobuf', encoding: 'protobuf', compression: 'none' },
  { name: 'protobuf+gzip', encoding: 'protobuf', compression: 'gzip', tenant: `itest-tenant.${runId}` },
];

// The case's two OTLP/HTTP exporters, in its encoding and compression, sending `headers`.
function httpExporters(c, headers) {
  const common = { compression: c.compression, headers, timeoutMillis: 10000 };
  const LogExporter = c.encoding === 'json' ? LogExporterJson : LogExporterProto;
  const TraceExporter = c.encoding === 'json' ? TraceExporterJson : TraceExporterProto;
  return {
    logExporter: new LogExporter({ url: `${server.otlpUrl}/v1/logs`, ...common }),
    spanExporter: new TraceExporter({ url: `${server.otlpUrl}/v1/traces`, ...common }),
  };
}

// ---------------------------------------------------------------------------------------------

describe('weft with the OpenTelemetry JS SDK', () => {
  const emitted = [];

  before(async () => {
    server = await startWeft();
  });

  after(async () => {
    await stopWeft(server);
  });

  for (const [idx, c] of CASES.entries()) {
    test(`${c.encoding} exporters, compression ${c.compression}${c.tenant ? ', own tenant' : ''}`, async () => {
      const e = await emitCase({
        name: c.name, idx, runId, tenant: c.tenant, makeExporters: (headers) => httpExporters(c, headers),
      });
      emitted.push({ c, e });
      await verifyCase({ apiUrl: server.apiUrl, e, runId });
    });
  }

  test('query API errors', async () => {
    const cases = [
      ['/api/v1/logs?limit=abc', 400, 'limit'],
      ['/api/v1/logs?limit=0', 400, 'limit'],
      ['/api/v1/logs?limit=5001', 400, 'limit'],
      ['/api/v1/logs?severity=loud', 400, 'severity'],
      ['/api/v1/logs?start=yesterday', 400, 'start'],
      ['/api/v1/logs?trace_id=xyz', 400, 'trace_id'],
      ['/api/v1/traces/not-hex', 400, undefined],
      [`/api/v1/traces/${'0123456789abcdef'.repeat(2)}`, 404, undefined],
      ['/api/v1/nope', 404, undefined],
    ];
    for (const [p, status, parameter] of cases) {
      const r = await getJson(`${server.apiUrl}${p}`);
      assert.equal(r.status, status, `${p}: ${r.text}`);
      assert.equal(typeof r.json?.error, 'string', `${p}: error message: ${r.text}`);
      if (parameter) assert.equal(r.json.parameter, parameter, `${p}: parameter`);
    }
    const nf = await getJson(`${server.apiUrl}/api/v1/traces/${'0123456789abcdef'.repeat(2)}`);
    assert.deepEqual(nf.json, { error: 'trace not found' });
    const badTenant = await getJson(`${server.apiUrl}/api/v1/services`, { 'X-Scope-OrgID': 'bad/tenant' });
    assert.equal(badTenant.status, 400, badTenant.text);
    const wrongMethod = await fetch(`${server.apiUrl}/api/v1/logs`, { method: 'DELETE' });
    assert.equal(wrongMethod.status, 405);
    assert.equal(typeof (await wrongMethod.json()).error, 'string');
  });

  test('bad ingest payloads are rejected and the server is unharmed', async () => {
    const post = async (p, body, headers) => {
      const res = await fetch(`${server.otlpUrl}${p}`, { method: 'POST', body, headers, signal: AbortSignal.timeout(15000) });
      const buf = Buffer.from(await res.arrayBuffer());
      return { status: res.status, headers: res.headers, buf, text: buf.toString() };
    };
    const JSONH = { 'content-type': 'application/json' };
    const PROTOH = { 'content-type': 'application/x-protobuf' };

    // Structurally wrong JSON: 400 with google.rpc.Status {code: 3}.
    for (const [p, body] of [
      ['/v1/logs', '{"resourceLogs": 5}'],
      ['/v1/logs', '{"resourceLogs": [{"scopeLogs": [{"logRecords": [{"timeUnixNano": {}}]}]}]}'],
      ['/v1/logs', '{"resourceLogs": ['],
      ['/v1/traces', '{"resourceSpans": "x"}'],
      ['/v1/traces', 'not json at all'],
    ]) {
      const r = await post(p, body, JSONH);
      assert.equal(r.status, 400, `${p} ${body}: ${r.text}`);
      const j = JSON.parse(r.text);
      assert.equal(j.code, 3, `${p} ${body}: ${r.text}`);
      assert.equal(typeof j.message, 'string');
      assert.ok(j.message.length > 0);
    }
    // Gzip of a bad JSON payload.
    {
      const r = await post('/v1/logs', gzipSync('{"resourceLogs": 5}'), { ...JSONH, 'content-encoding': 'gzip' });
      assert.equal(r.status, 400, r.text);
      assert.equal(JSON.parse(r.text).code, 3);
    }
    // Malformed protobuf: 400 with a protobuf google.rpc.Status (field 1 = code 3).
    for (const body of [
      Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]), // length beyond the end
      Buffer.from([0x0a, 0x05, 0x12, 0x03, 0x0a]), // truncated nested message
      Buffer.from([0x0f]), // wire type 7
    ]) {
      const r = await post('/v1/logs', body, PROTOH);
      assert.equal(r.status, 400, `protobuf ${body.toString('hex')}: ${r.text}`);
      assert.match(r.headers.get('content-type') || '', /application\/x-protobuf/);
      assert.ok(r.buf.length >= 2 && r.buf[0] === 0x08 && r.buf[1] === 0x03,
        `protobuf Status with code 3 expected, got ${r.buf.toString('hex')}`);
    }
    // Corrupt gzip: 400.
    {
      const r = await post('/v1/logs', Buffer.from('definitely not gzip'), { ...JSONH, 'content-encoding': 'gzip' });
      assert.equal(r.status, 400, r.text);
    }
    // Unsupported content type and encoding: 415.
    for (const headers of [
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/xml' },
      { ...JSONH, 'content-encoding': 'br' },
    ]) {
      const r = await post('/v1/logs', '{"resourceLogs": []}', headers);
      assert.equal(r.status, 415, `${JSON.stringify(headers)}: ${r.text}`);
    }
    // Over limits.max_request_bytes (default 20 MiB), plainly or once inflated: 413.
    {
      const big = Buffer.alloc(21 << 20, 0x20);
      const r = await post('/v1/logs', big, JSONH);
      assert.equal(r.status, 413, r.text.slice(0, 300));
      const bomb = gzipSync(Buffer.alloc(30 << 20, 0x20));
      assert.ok(bomb.length < 1 << 20);
      const r2 = await post('/v1/logs', bomb, { ...JSONH, 'content-encoding': 'gzip' });
      assert.equal(r2.status, 413, r2.text.slice(0, 300));
    }
    // Wrong method on an ingest path.
    {
      const r = await fetch(`${server.otlpUrl}/v1/logs`);
      assert.equal(r.status, 405);
    }

    // Partial success: a record with a 3-byte trace id is rejected, the other is stored.
    const pmark = `partial-${runId}`;
    const now = BigInt(Date.now()) * 1000000n;
    const partial = {
      resourceLogs: [{
        resource: { attributes: [{ key: 'service.name', value: { stringValue: `itest-partial-${runId}` } }] },
        scopeLogs: [{
          scope: { name: 's' },
          logRecords: [
            { timeUnixNano: now.toString(), body: { stringValue: `${pmark} good` }, severityNumber: 9 },
            { timeUnixNano: (now + 1n).toString(), body: { stringValue: `${pmark} bad` }, traceId: 'abcdef' },
          ],
        }],
      }],
    };
    {
      const r = await post('/v1/logs', JSON.stringify(partial), JSONH);
      assert.equal(r.status, 200, r.text);
      const j = JSON.parse(r.text);
      assert.ok(j.partialSuccess, `partialSuccess expected: ${r.text}`);
      assert.equal(Number(j.partialSuccess.rejectedLogRecords), 1, r.text);
      assert.equal(typeof j.partialSuccess.errorMessage, 'string');
      assert.ok(j.partialSuccess.errorMessage.length > 0, r.text);
    }

    // The server is still healthy and still ingests.
    const ready = await fetch(`${server.apiUrl}/ready`);
    assert.equal(ready.status, 200);
    const good = await api200('/api/v1/logs', { q: pmark });
    assert.deepEqual(good.records.map((r) => r.body), [`${pmark} good`]);
    const ok = await post('/v1/logs', JSON.stringify({ resourceLogs: [] }), JSONH);
    assert.equal(ok.status, 200, ok.text);
    const metrics = await fetch(`${server.apiUrl}/metrics`);
    assert.equal(metrics.status, 200);
    const mtext = await metrics.text();
    assert.match(mtext, /# HELP /);
  });

  test('everything survives a graceful restart', async () => {
    assert.ok(emitted.length > 0, 'no case ran');
    const r = await server.stop();
    assert.deepEqual({ code: r.code, signal: r.signal, timedOut: r.timedOut }, { code: 0, signal: null, timedOut: undefined },
      `SIGTERM exit: ${server.tail()}`);
    await server.start();
    for (const { c, e } of emitted) {
      const all = await api200('/api/v1/logs', { service: e.svc }, e.headers);
      assertLogs(all.records, e.expectedLogs, `${c.name} after restart`);
      const ta = await api200(`/api/v1/traces/${e.traceA}`, {}, e.headers);
      assertSpans(ta.spans, e.expectedTraceA, `${c.name} trace A after restart`);
      const sv = await api200('/api/v1/services', {}, e.headers);
      assert.deepEqual(sv.services.filter((s) => s.name === e.svc),
        [{ name: e.svc, records: e.expectedLogs.length, spans: 5 }], `${c.name} services after restart`);
    }
  });
});
