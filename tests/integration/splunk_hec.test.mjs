// End-to-end test of weft's Splunk HTTP Event Collector with the real client, splunk-logging
// (which sends JSON as application/x-www-form-urlencoded, and batches as objects with no
// separator): one event per request (its default) and batches (maxBatchCount > 1), string and
// object messages, an error answered in Splunk's shape, 503 "Server is busy" under
// backpressure; plus the raw endpoint, gzip and the token rules over plain fetch. Events are
// read back through the native query API and compared field by field.
//
// Run: make test-deps && WEFT_BIN=build/weft node --test --test-reporter=spec tests/integration/splunk_hec.test.mjs
// (or `ctest -R integration.splunk_hec` in the build directory).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';

import { getJson, startWeft, stopWeft } from '../lib/weft_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
if (!existsSync(path.join(here, 'node_modules', 'splunk-logging'))) {
  const msg = 'tests/integration/node_modules/splunk-logging is missing: run `make test-deps`';
  console.error(msg);
  throw new Error(msg);
}
const require = createRequire(path.join(here, 'package.json'));
const SplunkLogger = require('splunk-logging').Logger;

const runId = randomBytes(4).toString('hex');
const TOKEN = '00000000-1111-2222-3333-444444444444';
const LEVELS = { debug: 5, info: 9, warn: 13, error: 17 };

function newLogger(server, config = {}) {
  const logger = new SplunkLogger({ token: TOKEN, url: server.apiUrl, ...config });
  logger.errors = [];
  logger.error = (err) => { logger.errors.push(err); };
  return logger;
}

// send() with a callback: resolves {err, status, body} once the request is answered.
function send(logger, payload) {
  return new Promise((resolve) => {
    logger.send(payload, (err, resp, body) => resolve({ err, status: resp?.statusCode, body }));
  });
}

function flush(logger) {
  return new Promise((resolve) => {
    logger.flush((err, resp, body) => resolve({ err, status: resp?.statusCode, body }));
  });
}

// Payloads with every kind of message, at known times (splunk-logging keeps milliseconds).
function makePayloads(source, count) {
  const start = Date.parse('2026-11-22T10:00:00.000Z');
  const levels = Object.keys(LEVELS);
  return Array.from({ length: count }, (_, i) => ({
    message: i % 3 === 2 ? { text: `object ${i} ${runId}`, order: i } : `message ${i} ${runId}`,
    severity: levels[i % levels.length],
    metadata: { source, sourcetype: '_json', host: `host-${i % 2}`, index: 'main', time: new Date(start + i * 1500) },
  }));
}

async function storedFor(server, source) {
  const res = await getJson(`${server.apiUrl}/api/v1/logs?service=${encodeURIComponent(source)}&limit=5000`);
  assert.equal(res.status, 200, res.text);
  return res.json.records;
}

// Every field of the stored records against the payloads, oldest first.
async function checkStored(server, source, payloads) {
  const records = (await storedFor(server, source)).reverse();
  assert.equal(records.length, payloads.length, `records of ${source}`);
  records.forEach((record, i) => {
    const p = payloads[i];
    const expectedBody = typeof p.message === 'string' ? p.message : JSON.stringify(p.message);
    assert.equal(record.body, expectedBody);
    assert.equal(record.time, p.metadata.time.toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z'));
    assert.equal(record.severity, p.severity);
    assert.equal(record.severity_number, LEVELS[p.severity]);
    assert.equal(record.service, source);
    assert.deepEqual(record.resource.attributes, {
      'service.name': source,
      'host.name': p.metadata.host,
      'com.splunk.source': source,
      'com.splunk.sourcetype': '_json',
      'com.splunk.index': 'main',
    });
    assert.deepEqual(record.attributes, {});
  });
}

describe('splunk-logging against weft', () => {
  let server;
  before(async () => { server = await startWeft(); });
  after(async () => { await stopWeft(server); });

  test('one event per request (the default)', async () => {
    const logger = newLogger(server);
    const source = `hec-single-${runId}`;
    const payloads = makePayloads(source, 6);
    for (const payload of payloads) {
      const r = await send(logger, payload);
      assert.equal(r.err, null);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, { text: 'Success', code: 0 });
    }
    assert.deepEqual(logger.errors, []);
    await checkStored(server, source, payloads);
  });

  test('batches of concatenated events (maxBatchCount 4)', async () => {
    const logger = newLogger(server, { maxBatchCount: 4 });
    const source = `hec-batch-${runId}`;
    const payloads = makePayloads(source, 10);
    const answers = [];
    for (const payload of payloads) {
      // The callback only fires when the batch is sent.
      answers.push(send(logger, payload));
    }
    const last = await flush(logger); // the two events left in the queue
    assert.deepEqual(last.body, { text: 'Success', code: 0 });
    const sent = await Promise.race([Promise.all(answers.filter((_, i) => i % 4 === 3)), new Promise((r) => setTimeout(() => r('timeout'), 10000))]);
    assert.notEqual(sent, 'timeout');
    for (const r of sent) {
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, { text: 'Success', code: 0 });
    }
    assert.deepEqual(logger.errors, []);
    await checkStored(server, source, payloads);
  });

  test('an invalid event is answered in Splunk\'s shape, and the client reports it', async () => {
    const logger = newLogger(server);
    logger.eventFormatter = () => ''; // a blank event
    const r = await send(logger, { message: 'ignored' });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, { text: 'Event field cannot be blank', code: 13, 'invalid-event-number': 0 });
    assert.equal(logger.errors.length, 1);
    assert.equal(logger.errors[0].code, 13);
    assert.equal(logger.errors[0].message, 'Event field cannot be blank');
  });

  test('tokens: required, in the Splunk scheme', async () => {
    const post = (headers) => fetch(`${server.apiUrl}/services/collector/event`, {
      method: 'POST', headers, body: '{"event":"x"}',
    }).then(async (res) => ({ status: res.status, body: await res.json() }));
    assert.deepEqual(await post({}), { status: 401, body: { text: 'Token is required', code: 2 } });
    assert.deepEqual(await post({ Authorization: `Bearer ${TOKEN}` }),
      { status: 401, body: { text: 'Invalid authorization', code: 3 } });
    assert.deepEqual(await post({ Authorization: `Splunk ${TOKEN}` }),
      { status: 200, body: { text: 'Success', code: 0 } });
    const health = await getJson(`${server.apiUrl}/services/collector/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(health.json, { text: 'HEC is healthy', code: 17 });
  });

  test('raw endpoint with gzip: one event per line', async () => {
    const source = `hec-raw-${runId}`;
    const lines = ['GET /a 200', 'GET /b 404', 'POST /c 500'];
    const res = await fetch(`${server.apiUrl}/services/collector/raw?source=${source}&host=edge-1&sourcetype=access`, {
      method: 'POST',
      headers: { Authorization: `Splunk ${TOKEN}`, 'Content-Encoding': 'gzip' },
      body: gzipSync(lines.join('\n') + '\n'),
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { text: 'Success', code: 0 });
    const records = await storedFor(server, source);
    assert.deepEqual(records.map((r) => r.body).sort(), [...lines].sort());
    assert.ok(records.every((r) => r.resource.attributes['host.name'] === 'edge-1'));
  });
});

describe('splunk-logging under backpressure', () => {
  let server;
  // The smallest memory budget weft allows (16 MiB): a few large events fill it.
  before(async () => { server = await startWeft({ extraArgs: ['--limits-memory-budget-bytes', '16MiB'] }); });
  after(async () => { await stopWeft(server); });

  test('a full store answers 503 "Server is busy" (code 9)', async () => {
    const logger = newLogger(server, { maxBatchCount: 20 });
    const big = 'x'.repeat(64 * 1024);
    let busy = null;
    for (let round = 0; round < 40 && !busy; round++) {
      for (let i = 0; i < 19; i++) logger.send({ message: big });
      const r = await send(logger, { message: big });
      if (r.status !== 200) busy = r;
    }
    assert.ok(busy, 'the store never filled up');
    assert.equal(busy.status, 503);
    assert.deepEqual(busy.body, { text: 'Server is busy', code: 9 });
    assert.ok(logger.errors.some((e) => e.code === 9));
  });
});
