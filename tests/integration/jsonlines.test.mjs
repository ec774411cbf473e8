// JSON lines ingest with a real logger: pino (npm) writing straight to a TCP socket of weft's
// JSON lines listener; raw lines as `nc` would send them (zap, logrus, structlog, OTel-like
// shapes, a bad line); and POST /api/v1/push/jsonlines (plain, gzip, partial acceptance).
// Records are read back with GET /api/v1/logs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import pino from 'pino';

import { startWeft, stopWeft, getJson } from '../lib/weft_server.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const TENANT = 'jsonlines-it';

let server;

before(async () => {
  server = await startWeft({ jsonlines: true, extraArgs: ['--jsonlines-tenant', TENANT] });
});

after(async () => {
  await stopWeft(server);
});

async function recordsOf(service, count = 1, { tenant = TENANT, timeoutMs = 15000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let records = [];
  while (Date.now() < deadline) {
    const res = await getJson(`${server.apiUrl}/api/v1/logs?service=${encodeURIComponent(service)}&limit=100`,
      { 'X-Scope-OrgID': tenant });
    assert.equal(res.status, 200, res.text);
    records = res.json.records;
    if (records.length >= count) return records;
    await sleep(50);
  }
  assert.fail(`expected ${count} records of ${service}, got ${records.length}\n${server.tail()}`);
}

const byBody = (records, body) => records.find((r) => r.body === body);

async function connect() {
  const socket = net.connect(server.jsonlinesPort, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return socket;
}

async function close(socket) {
  await new Promise((resolve) => { socket.on('close', resolve); socket.end(); });
}

test('pino writing to a TCP socket', async () => {
  const socket = await connect();
  const logger = pino({ name: 'pino-tcp' }, socket);
  const started = Date.now();
  logger.info({ req: { method: 'GET', url: '/checkout' }, userId: 42 }, 'request served');
  logger.warn('slow query');
  logger.child({ component: 'payments' }).error({ err: new Error('card declined') }, 'payment failed');
  logger.debug('not logged at the default level');
  await close(socket);

  const records = await recordsOf('pino-tcp', 3);
  assert.equal(records.length, 3);
  const info = byBody(records, 'request served');
  assert.equal(info.severity, 'info');
  assert.equal(info.severity_number, 9);
  assert.equal(info.attributes['req.method'], 'GET');
  assert.equal(info.attributes['req.url'], '/checkout');
  assert.equal(info.attributes.userId, 42);
  assert.equal(info.attributes['process.pid'], process.pid);
  assert.equal(typeof info.resource.attributes['host.name'], 'string');
  const ms = Number(BigInt(info.time_unix_nano) / 1000000n);
  assert.ok(ms >= started - 1000 && ms <= Date.now() + 1000, info.time);
  assert.equal(byBody(records, 'slow query').severity_number, 13);
  const error = byBody(records, 'payment failed');
  assert.equal(error.severity, 'error');
  assert.equal(error.severity_number, 17);
  assert.equal(error.attributes.component, 'payments');
  assert.equal(error.attributes['err.message'], 'card declined');
  assert.match(error.attributes['err.stack'], /card declined/);
});

test('raw lines of other loggers, a bad line, CRLF and a last line without LF', async () => {
  const socket = await connect();
  const lines = [
    '{"level":"info","ts":1795428245.25,"caller":"main.go:12","msg":"zap line","service":"raw-lines"}',
    '{"level":"warning","msg":"logrus line","time":"2026-11-22T10:04:05+01:00","service":"raw-lines"}',
    'this is not json',
    '{"event":"structlog line","level":"critical","timestamp":"2026-11-22T10:04:05.123456Z","service":"raw-lines"}',
    '',
    '{"timestamp":"2026-11-22 10:04:05","severity":"ERROR","body":"otel line","traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","service.name":"raw-lines"}',
  ];
  socket.write(lines.join('\r\n') + '\r\n');
  socket.write('{"msg":"last line","service":"raw-lines"}');
  await close(socket);

  const records = await recordsOf('raw-lines', 5);
  assert.equal(records.length, 5);
  const zap = byBody(records, 'zap line');
  assert.equal(zap.time, '2026-11-23T10:04:05.250000000Z');
  assert.equal(zap.attributes.caller, 'main.go:12');
  assert.equal(byBody(records, 'logrus line').time, '2026-11-22T09:04:05.000000000Z');
  assert.equal(byBody(records, 'structlog line').severity_number, 18);
  const otel = byBody(records, 'otel line');
  assert.equal(otel.trace_id, '5b8efff798038103d269b633813fc60c');
  assert.equal(otel.span_id, 'eee19b7ec3c1b174');
  assert.equal(otel.severity_number, 17);
  assert.ok(byBody(records, 'last line'));

  const trace = await getJson(`${server.apiUrl}/api/v1/traces/5b8efff798038103d269b633813fc60c`, { 'X-Scope-OrgID': TENANT });
  assert.equal(trace.status, 200, trace.text);
  assert.equal(trace.json.logs.length, 1);

  const metrics = await (await fetch(`${server.apiUrl}/metrics`)).text();
  assert.match(metrics, /^weft_ingest_rejected_records_total\{endpoint="jsonlines\/tcp",reason="malformed"\} 1$/m);
});

async function push(body, headers = {}) {
  const res = await fetch(`${server.apiUrl}/api/v1/push/jsonlines`, {
    method: 'POST', body, headers: { 'Content-Type': 'application/x-ndjson', ...headers },
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
}

test('POST /api/v1/push/jsonlines: 204, gzip, tenant', async () => {
  const body = '{"msg":"pushed one","service":"pushed"}\n{"msg":"pushed two","service":"pushed"}\n';
  const plain = await push(body, { 'X-Scope-OrgID': 'push-tenant' });
  assert.equal(plain.status, 204, plain.text);
  const zipped = await push(gzipSync('{"msg":"pushed zipped","service":"pushed"}\n'),
    { 'Content-Encoding': 'gzip', 'X-Scope-OrgID': 'push-tenant' });
  assert.equal(zipped.status, 204, zipped.text);
  const records = await recordsOf('pushed', 3, { tenant: 'push-tenant', timeoutMs: 1000 });
  assert.deepEqual(records.map((r) => r.body).sort(), ['pushed one', 'pushed two', 'pushed zipped']);
});

test('POST /api/v1/push/jsonlines: partial acceptance and errors', async () => {
  const partial = await push('{"msg":"good","service":"partial"}\n{oops\n[1,2]\n');
  assert.equal(partial.status, 200, partial.text);
  assert.equal(partial.json.accepted, 1);
  assert.equal(partial.json.rejected, 2);
  assert.deepEqual(partial.json.errors.map((e) => e.line), [2, 3]);
  assert.match(partial.json.errors[0].error, /malformed JSON/);
  assert.equal(partial.json.errors[1].error, 'expected a JSON object');
  assert.equal((await recordsOf('partial', 1, { tenant: 'default', timeoutMs: 1000 }))[0].body, 'good');

  const bad = await push('nope\n');
  assert.equal(bad.status, 400);
  assert.match(bad.json.error, /^line 1: malformed JSON/);

  const badTenant = await push('{}', { 'X-Scope-OrgID': 'no spaces allowed' });
  assert.equal(badTenant.status, 400);
  assert.match(badTenant.json.error, /X-Scope-OrgID/);
});
