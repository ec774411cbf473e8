// End-to-end test of weft's OTLP/gRPC ingest with the real OpenTelemetry JS gRPC exporters
// (@opentelemetry/exporter-logs-otlp-grpc and exporter-trace-otlp-grpc, on @grpc/grpc-js), without
// compression and with gzip, and with the plain @grpc/grpc-js client for what the SDK never
// sends: malformed messages, records with bad ids (partial success), bad tenants, metrics, and
// load past the memory budget (RESOURCE_EXHAUSTED with google.rpc.RetryInfo).
//
// Every SDK case emits the same logs and traces as tests/integration/otel_js.test.mjs and reads
// them back through the native query API, field by field (tests/lib/otel_scenario.mjs).
//
// Run: make test-deps && WEFT_BIN=build/weft node --test --test-reporter=spec tests/integration/otlp_grpc.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  emitCase, getApi200, newRunId, recording, require, verifyCase,
} from '../lib/otel_scenario.mjs';
import { startWeft, stopWeft } from '../lib/weft_server.mjs';

const grpc = require('@grpc/grpc-js');
const { OTLPLogExporter } = require('@opentelemetry/exporter-logs-otlp-grpc');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-grpc');
const { ProtobufLogsSerializer } = require('@opentelemetry/otlp-transformer');
const { LoggerProvider, BatchLogRecordProcessor } = require('@opentelemetry/sdk-logs');

const LOGS = '/opentelemetry.proto.collector.logs.v1.LogsService/Export';
const TRACES = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';
const METRICS = '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export';
const RETRY_INFO = 'type.googleapis.com/google.rpc.RetryInfo';

const runId = newRunId();

function metadataOf(headers) {
  const metadata = new grpc.Metadata();
  for (const [k, v] of Object.entries(headers)) metadata.set(k, v);
  return metadata;
}

// The SDK's two gRPC exporters for `address`, with `headers` as metadata.
function grpcExporters(address, compression, headers) {
  const common = { url: `http://${address}`, compression, metadata: metadataOf(headers), timeoutMillis: 10000 };
  return { logExporter: new OTLPLogExporter(common), spanExporter: new OTLPTraceExporter(common) };
}

// ---------------------------------------------------------------------------------------------
// A few protobuf bytes by hand, for the plain client (the OTLP messages weft must refuse or
// partially accept cannot be produced through the SDK).

function varint(n) {
  let v = BigInt(n);
  const out = [];
  while (v >= 0x80n) { out.push(Number((v & 0x7fn) | 0x80n)); v >>= 7n; }
  out.push(Number(v));
  return Buffer.from(out);
}
const lenField = (no, payload) => Buffer.concat([varint((no << 3) | 2), varint(payload.length), Buffer.from(payload)]);
function fixed64Field(no, value) {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(value));
  return Buffer.concat([varint((no << 3) | 1), b]);
}

// ExportLogsServiceRequest { resource_logs { resource {service.name}, scope_logs { log_records } } }
function logsRequest(service, records) {
  const attr = lenField(1, Buffer.concat([lenField(1, 'service.name'), lenField(2, lenField(1, service))]));
  const items = records.map((r) => lenField(2, Buffer.concat([
    fixed64Field(1, r.ns),
    lenField(5, lenField(1, r.body)),
    ...(r.traceId ? [lenField(9, r.traceId)] : []),
  ])));
  return lenField(1, Buffer.concat([lenField(1, attr), lenField(2, Buffer.concat(items))]));
}

// Reads the fields of one protobuf message: [{no, type, value (bigint) | bytes (Buffer)}].
function readFields(buf) {
  const fields = [];
  let i = 0;
  const readVarint = () => {
    let v = 0n; let shift = 0n;
    for (;;) {
      const b = buf[i++];
      assert.ok(b !== undefined, 'truncated varint');
      v |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return v;
      shift += 7n;
    }
  };
  while (i < buf.length) {
    const tag = Number(readVarint());
    const no = tag >> 3; const type = tag & 7;
    if (type === 0) fields.push({ no, type, value: readVarint() });
    else if (type === 2) {
      const n = Number(readVarint());
      fields.push({ no, type, bytes: buf.subarray(i, i + n) });
      i += n;
    } else if (type === 1) { fields.push({ no, type, value: buf.readBigUInt64LE(i) }); i += 8; } else if (type === 5) { fields.push({ no, type, value: BigInt(buf.readUInt32LE(i)) }); i += 4; } else assert.fail(`wire type ${type}`);
  }
  return fields;
}

// google.rpc.Status from grpc-status-details-bin: {code, message, details: [{typeUrl, delayMs}]}.
function parseRpcStatus(buf) {
  const out = { code: 0, message: '', details: [] };
  for (const f of readFields(buf)) {
    if (f.no === 1) out.code = Number(f.value);
    if (f.no === 2) out.message = f.bytes.toString();
    if (f.no === 3) {
      const any = readFields(f.bytes);
      const typeUrl = any.find((x) => x.no === 1)?.bytes.toString();
      const value = any.find((x) => x.no === 2)?.bytes ?? Buffer.alloc(0);
      let delayMs;
      if (typeUrl === RETRY_INFO) {
        const duration = readFields(value).find((x) => x.no === 1)?.bytes ?? Buffer.alloc(0);
        const d = readFields(duration);
        delayMs = Number(d.find((x) => x.no === 1)?.value ?? 0n) * 1000 + Number(d.find((x) => x.no === 2)?.value ?? 0n) / 1e6;
      }
      out.details.push({ typeUrl, delayMs });
    }
  }
  return out;
}

// One unary call with the plain grpc-js client: {err, response}.
function unary(client, method, body, metadata = new grpc.Metadata()) {
  return new Promise((resolve) => {
    client.makeUnaryRequest(method, (b) => b, (b) => b, body, metadata, { deadline: Date.now() + 15000 },
      (err, response) => resolve({ err, response }));
  });
}

function plainClient(address, options = {}) {
  return new grpc.Client(address, grpc.credentials.createInsecure(), options);
}

// ---------------------------------------------------------------------------------------------

describe('weft OTLP/gRPC with the OpenTelemetry JS gRPC exporters', () => {
  let server;
  let client;
  before(async () => {
    server = await startWeft();
    client = plainClient(server.grpcAddress);
  });
  after(async () => {
    client?.close();
    await stopWeft(server);
  });

  const CASES = [
    { name: 'grpc', compression: 'none' },
    { name: 'grpc+gzip', compression: 'gzip', tenant: `itest-grpc-tenant.${runId}` },
  ];
  for (const [idx, c] of CASES.entries()) {
    test(`gRPC exporters, compression ${c.compression}${c.tenant ? ', own tenant (metadata)' : ''}`, async () => {
      const e = await emitCase({
        name: c.name, idx, runId, tenant: c.tenant,
        makeExporters: (headers) => grpcExporters(server.grpcAddress, c.compression, headers),
      });
      await verifyCase({ apiUrl: server.apiUrl, e, runId });
    });
  }

  test('a bad tenant is INVALID_ARGUMENT, also through the SDK exporter', async () => {
    const body = logsRequest(`itest-badtenant-${runId}`, [{ ns: Date.now() * 1e6, body: 'x' }]);
    const { err } = await unary(client, LOGS, body, metadataOf({ 'x-scope-orgid': 'bad/tenant' }));
    assert.equal(err?.code, grpc.status.INVALID_ARGUMENT, String(err));
    assert.match(err.details, /X-Scope-OrgID/);

    const exporter = recording(new OTLPLogExporter({
      url: `http://${server.grpcAddress}`, metadata: metadataOf({ 'X-Scope-OrgID': 'no spaces allowed' }),
    }));
    const provider = new LoggerProvider({ processors: [new BatchLogRecordProcessor({ exporter })] });
    provider.getLogger('t').emit({ body: `bad tenant ${runId}` });
    await provider.forceFlush();
    await provider.shutdown();
    assert.equal(exporter.results.length, 1);
    assert.equal(exporter.results[0].code, 1, 'the export failed');
    assert.match(exporter.results[0].error, /^3 INVALID_ARGUMENT: X-Scope-OrgID/);
  });

  test('an undecodable message is INVALID_ARGUMENT with a message, and harmless', async () => {
    for (const bad of [Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]), Buffer.from([0x0f])]) {
      for (const method of [LOGS, TRACES]) {
        const { err } = await unary(client, method, bad);
        assert.equal(err?.code, grpc.status.INVALID_ARGUMENT, `${method} ${bad.toString('hex')}: ${err}`);
        assert.ok(err.details.length > 0);
      }
    }
    const gzipClient = plainClient(server.grpcAddress, { 'grpc.default_compression_algorithm': 2 });
    const { err } = await unary(gzipClient, LOGS, Buffer.from([0x0f]));
    gzipClient.close();
    assert.equal(err?.code, grpc.status.INVALID_ARGUMENT, String(err));
    const ok = await unary(client, LOGS, logsRequest(`itest-after-bad-${runId}`, [{ ns: Date.now() * 1e6, body: 'fine' }]));
    assert.equal(ok.err, null);
  });

  test('records with bad ids are rejected as partial success', async () => {
    const mark = `grpc-partial-${runId}`;
    const now = BigInt(Date.now()) * 1000000n;
    const body = logsRequest(`itest-grpc-partial-${runId}`, [
      { ns: now, body: `${mark} good` },
      { ns: now + 1n, body: `${mark} bad`, traceId: Buffer.from([0xab, 0xcd, 0xef]) },
    ]);
    const { err, response } = await unary(client, LOGS, body);
    assert.equal(err, null, String(err));
    const decoded = ProtobufLogsSerializer.deserializeResponse(response);
    assert.equal(Number(decoded.partialSuccess?.rejectedLogRecords), 1, JSON.stringify(decoded));
    assert.match(decoded.partialSuccess.errorMessage, /trace/);
    const found = await getApi200(server.apiUrl, '/api/v1/logs', { q: mark });
    assert.deepEqual(found.records.map((r) => r.body), [`${mark} good`]);
  });

  test('metrics and unknown methods are UNIMPLEMENTED', async () => {
    const metrics = await unary(client, METRICS, Buffer.alloc(0));
    assert.equal(metrics.err?.code, grpc.status.UNIMPLEMENTED);
    assert.match(metrics.err.details, /not metrics/);
    const other = await unary(client, '/weft.Nope/Export', Buffer.alloc(0));
    assert.equal(other.err?.code, grpc.status.UNIMPLEMENTED);
  });
});

describe('weft OTLP/gRPC under backpressure', () => {
  let server;
  before(async () => {
    server = await startWeft({ extraArgs: ['--limits-memory-budget-bytes', '16MiB'] });
  });
  after(async () => {
    await stopWeft(server);
  });

  test('RESOURCE_EXHAUSTED with google.rpc.RetryInfo once the memory budget is full', async () => {
    const client = plainClient(server.grpcAddress);
    const line = 'x'.repeat(2000);
    const now = BigInt(Date.now()) * 1000000n;
    const big = logsRequest(`itest-pressure-${runId}`,
      Array.from({ length: 2000 }, (_, i) => ({ ns: now + BigInt(i), body: `${i} ${line}` })));
    let refused;
    for (let i = 0; i < 40 && !refused; i++) {
      const { err } = await unary(client, LOGS, big);
      if (err) refused = err;
    }
    client.close();
    assert.ok(refused, 'the budget never filled');
    assert.equal(refused.code, grpc.status.RESOURCE_EXHAUSTED, String(refused));
    const [detailsBin] = refused.metadata.get('grpc-status-details-bin');
    assert.ok(Buffer.isBuffer(detailsBin), 'grpc-status-details-bin is present');
    const status = parseRpcStatus(detailsBin);
    assert.equal(status.code, grpc.status.RESOURCE_EXHAUSTED);
    assert.equal(status.message, refused.details);
    assert.deepEqual(status.details, [{ typeUrl: RETRY_INFO, delayMs: 1000 }]);

    // The SDK's exporter sees the same refusal.
    const exporter = recording(new OTLPLogExporter({ url: `http://${server.grpcAddress}` }));
    const provider = new LoggerProvider({ processors: [new BatchLogRecordProcessor({ exporter })] });
    provider.getLogger('t').emit({ body: `refused ${runId}` });
    await provider.forceFlush();
    await provider.shutdown();
    assert.equal(exporter.results.length, 1);
    assert.match(exporter.results[0].error ?? '', /^8 RESOURCE_EXHAUSTED/);

    // weft itself is unharmed: queries still answer.
    const ready = await fetch(`${server.apiUrl}/ready`);
    assert.equal(ready.status, 200);
  });
});
