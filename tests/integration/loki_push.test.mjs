// End-to-end test of weft's Loki push endpoint with the real Loki clients of Node.js:
//   pino-loki 3.0.0 (with pino)        JSON, structured metadata from the `meta` key
//   winston-loki 6.1.7 (with winston)  protobuf + snappy with no Content-Encoding header (the
//                                      native `snappy` package is installed, pinned), and JSON
// Each client logs a few records, then they are read back through GET /api/v1/logs and every
// field is compared with what was logged: body, labels -> resource attributes, service.name,
// severity, structured metadata -> attributes, trace/span ids, time, tenant. A push with a
// too-old entry must get Loki's 400 while its valid entries are kept.
//
// Run: make test-deps && WEFT_BIN=build/weft node --test --test-reporter=spec tests/integration/loki_push.test.mjs
// (or `ctest -R integration.loki_push` in the build directory).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname as osHostname } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { getJson, startWeft, stopWeft } from '../lib/weft_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const pkg of ['pino-loki', 'winston-loki', 'snappy']) {
  if (!existsSync(path.join(here, 'node_modules', pkg))) {
    const msg = `tests/integration/node_modules/${pkg} is missing: run \`make test-deps\` ` +
      `(npm install in ${here}) before running the integration tests`;
    console.error(msg);
    throw new Error(msg);
  }
}
const require = createRequire(path.join(here, 'package.json'));
const pino = require('pino');
const { pinoLoki } = await import(path.join(here, 'node_modules', 'pino-loki', 'dist', 'index.mjs'));
const winston = require('winston');
const LokiTransport = require('winston-loki');

const runId = randomBytes(4).toString('hex');
const TRACE_ID = randomBytes(16).toString('hex');
const SPAN_ID = randomBytes(8).toString('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server;

// The records of a service (newest first), once `count` of them are there.
async function recordsOf(service, count, headers = {}) {
  const url = new URL('/api/v1/logs', server.apiUrl);
  url.searchParams.set('service', service);
  url.searchParams.set('limit', '100');
  let last;
  for (let i = 0; i < 100; i++) {
    last = await getJson(url.toString(), headers);
    assert.equal(last.status, 200, `GET ${url} -> ${last.status} ${last.text}`);
    if (last.json.records.length >= count) break;
    await sleep(100);
  }
  assert.equal(last.json.records.length, count,
    `records of ${service}: ${JSON.stringify(last.json.records, null, 1)}\n${server.tail()}`);
  return last.json.records;
}

const byBody = (records, needle) => {
  const found = records.find((r) => r.body.includes(needle));
  assert.ok(found, `no record with "${needle}" in ${JSON.stringify(records.map((r) => r.body))}`);
  return found;
};

// Milliseconds since the epoch as the unix nanoseconds weft reports.
const nsOfMs = (ms) => (BigInt(ms) * 1000000n).toString();

function assertTimes(rec, ms) {
  assert.equal(rec.time_unix_nano, nsOfMs(ms), 'time');
  assert.ok(BigInt(rec.observed_time_unix_nano) >= BigInt(rec.time_unix_nano) - 60n * 1000000000n,
    'observed time is when weft got it');
}

before(async () => {
  server = await startWeft();
});

after(async () => {
  await stopWeft(server);
});

describe('pino-loki (JSON)', () => {
  test('records come back with labels, severity, structured metadata and time', async () => {
    const app = `pino-${runId}`;
    const tenant = `loki-itest.${runId}`;
    const stream = pinoLoki({
      host: server.apiUrl,
      batching: { interval: 0.2 },
      labels: { app, env: 'itest' },
      propsToLabels: ['component'],
      headers: { 'X-Scope-OrgID': tenant },
    });
    const logger = pino({ level: 'trace' }, stream);
    logger.info({ meta: { userId: 42, session: { id: 's1' } } }, 'user logged in');
    logger.warn({ component: 'db', meta: { trace_id: TRACE_ID, span_id: SPAN_ID } }, 'slow query');
    logger.error({ err: 'card declined' }, 'payment failed');
    logger.debug('cache miss');
    await new Promise((resolve) => { stream.on('close', resolve); stream.end(); });

    // Another tenant sees nothing.
    const other = await getJson(`${server.apiUrl}/api/v1/logs?service=${app}`);
    assert.deepEqual(other.json.records, []);

    const records = await recordsOf(app, 4, { 'X-Scope-OrgID': tenant });
    const expected = [
      { text: 'user logged in', level: 30, severity: 'info', number: 9 },
      { text: 'slow query', level: 40, severity: 'warning', number: 13 },
      { text: 'payment failed', level: 50, severity: 'error', number: 17 },
      { text: 'cache miss', level: 20, severity: 'debug', number: 5 },
    ];
    for (const e of expected) {
      const rec = byBody(records, e.text);
      // The line is pino's JSON line (without hostname, which became a label).
      const line = JSON.parse(rec.body);
      assert.equal(line.msg, e.text);
      assert.equal(line.level, e.level);
      assert.equal(line.hostname, undefined);
      assertTimes(rec, line.time);
      assert.equal(rec.severity, e.severity);
      assert.equal(rec.severity_number, e.number);
      assert.equal(rec.service, app);
      const labels = {
        app, env: 'itest', hostname: osHostname(), level: e.severity, 'service.name': app,
        ...(e.text === 'slow query' ? { component: 'db' } : {}),
      };
      assert.deepEqual(rec.resource.attributes, Object.fromEntries(Object.entries(labels).sort()));
    }
    // Structured metadata: string attributes (pino-loki stringifies them), ids as ids.
    assert.deepEqual(byBody(records, 'user logged in').attributes,
      { userId: '42', session: '{"id":"s1"}' });
    const slow = byBody(records, 'slow query');
    assert.equal(slow.trace_id, TRACE_ID);
    assert.equal(slow.span_id, SPAN_ID);
    assert.deepEqual(slow.attributes, {});
    assert.equal(byBody(records, 'payment failed').trace_id, '');

    // The trace id finds the record.
    const byTrace = await getJson(`${server.apiUrl}/api/v1/logs?trace_id=${TRACE_ID}`,
      { 'X-Scope-OrgID': tenant });
    assert.equal(byTrace.json.records.length, 1);
  });
});

// A winston logger over winston-loki; returns the logger, the transport and the errors seen.
function winstonLogger({ app, json }) {
  const errors = [];
  const transport = new LokiTransport({
    host: server.apiUrl,
    json,
    labels: { app },
    interval: 0.2,
    replaceTimestamp: false,
    gracefulShutdown: false,
    clearOnError: true,
    onConnectionError: (err) => errors.push(err),
  });
  const logger = winston.createLogger({ level: 'debug', transports: [transport] });
  return { logger, transport, errors };
}

for (const mode of ['protobuf', 'json']) {
  describe(`winston-loki (${mode})`, () => {
    test('records come back with labels, severity, line and time', async () => {
      const app = `winston-${mode}-${runId}`;
      const { logger, transport, errors } = winstonLogger({ app, json: mode === 'json' });
      // The real wire format: protobuf mode needs the native snappy package to have loaded,
      // or winston-loki silently falls back to JSON.
      assert.equal(transport.batcher.contentType,
        mode === 'json' ? 'application/json' : 'application/x-protobuf');

      const t0 = Date.now() - 5000;
      logger.info('user logged in', { userId: 42, timestamp: new Date(t0).toISOString() });
      logger.warn('slow query', { labels: { component: 'db' }, durationMs: 1532,
        timestamp: new Date(t0 + 1).toISOString() });
      logger.error('payment failed', { timestamp: new Date(t0 + 2).toISOString() });
      logger.debug('cache miss', { timestamp: new Date(t0 + 3).toISOString() });
      await sleep(100);
      await transport.flush();
      assert.deepEqual(errors.map((e) => e.message), []);

      const records = await recordsOf(app, 4);
      const expected = [
        { text: 'user logged in', level: 'info', number: 9, ms: t0, rest: { userId: 42 } },
        { text: 'slow query', level: 'warn', number: 13, ms: t0 + 1, rest: { durationMs: 1532 } },
        { text: 'payment failed', level: 'error', number: 17, ms: t0 + 2, rest: {} },
        { text: 'cache miss', level: 'debug', number: 5, ms: t0 + 3, rest: {} },
      ];
      for (const e of expected) {
        const rec = byBody(records, e.text);
        // winston-loki's line: "<message> <JSON of the other fields, level included>".
        assert.ok(rec.body.startsWith(`${e.text} {`), rec.body);
        assert.deepEqual(JSON.parse(rec.body.slice(e.text.length + 1)), { level: e.level, ...e.rest });
        assertTimes(rec, e.ms);
        assert.equal(rec.severity, e.level);
        assert.equal(rec.severity_number, e.number);
        assert.equal(rec.service, app);
        const labels = { app, level: e.level, 'service.name': app,
          ...(e.text === 'slow query' ? { component: 'db' } : {}) };
        assert.deepEqual(rec.resource.attributes, Object.fromEntries(Object.entries(labels).sort()));
        // Structured metadata: only JSON mode sends it (every value stringified).
        const metadata = mode === 'json'
          ? Object.fromEntries(Object.entries({ level: e.level, ...e.rest })
            .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
          : {};
        assert.deepEqual(rec.attributes, metadata);
      }
      await transport.close();
    });

    test('an entry too old gets Loki\'s 400 and the rest of the push is kept', async () => {
      const app = `winston-${mode}-old-${runId}`;
      const { logger, transport, errors } = winstonLogger({ app, json: mode === 'json' });
      const old = Date.now() - 30 * 86400 * 1000;
      logger.info('kept entry', { timestamp: new Date().toISOString() });
      logger.info('ancient entry', { timestamp: new Date(old).toISOString() });
      await sleep(100);
      await transport.flush().catch(() => {});
      for (let i = 0; i < 50 && errors.length === 0; i++) await sleep(100);
      assert.equal(errors.length, 1, `errors: ${errors.map((e) => e.message)}`);
      assert.equal(errors[0].statusCode, 400);
      const oldText = new Date(old).toISOString().slice(0, 19) + 'Z';
      assert.match(errors[0].responseBody,
        new RegExp(`^entry for stream '\\{app="${app}", level="info", service_name="${app}"\\}' ` +
          `has timestamp too old: ${oldText}, oldest acceptable timestamp is: \\S+Z\\n$`));
      const records = await recordsOf(app, 1);
      assert.match(records[0].body, /^kept entry /);
      await transport.close();
    });
  });
}
