// End-to-end test of weft's Elasticsearch-compatible endpoints with the real client,
// @elastic/elasticsearch 9 (which refuses servers without `X-Elastic-Product: Elasticsearch`):
// client.info() and ping(), client.bulk and client.helpers.bulk, each without and with
// `compression: true`; per-item errors, a whole-request error, and 429 under backpressure.
// Documents are read back through the native query API and compared field by field.
//
// Run: make test-deps && WEFT_BIN=build/weft node --test --test-reporter=spec tests/integration/elastic_bulk.test.mjs
// (or `ctest -R integration.elastic_bulk` in the build directory).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';

import { getJson, startWeft, stopWeft } from '../lib/weft_server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
if (!existsSync(path.join(here, 'node_modules', '@elastic', 'elasticsearch'))) {
  const msg = 'tests/integration/node_modules/@elastic/elasticsearch is missing: run `make test-deps`';
  console.error(msg);
  throw new Error(msg);
}
const require = createRequire(path.join(here, 'package.json'));
const { Client, errors } = require('@elastic/elasticsearch');

const runId = randomBytes(4).toString('hex');
const hex = (n) => randomBytes(n).toString('hex');

// One ECS document per level, with nested and dotted fields, ids and extra attributes.
function makeDocs(service, count, { start = Date.parse('2026-11-22T10:00:00.000Z') } = {}) {
  const levels = ['debug', 'info', 'warn', 'error'];
  return Array.from({ length: count }, (_, i) => ({
    '@timestamp': new Date(start + i * 1000).toISOString(),
    message: `${service} message ${i} ${runId}`,
    log: { level: levels[i % levels.length], logger: 'app.orders' },
    service: { name: service, environment: 'test' },
    'host.name': `host-${i % 2}`,
    'trace.id': hex(16),
    'span.id': hex(8),
    http: { request: { method: 'POST' }, response: { status_code: 200 + i } },
    tags: ['a', `n${i}`],
    retry: i % 2 === 0,
  }));
}

const SEVERITY = { debug: 5, info: 9, warn: 13, error: 17 };

// Every field of a stored record against the document it came from.
function checkRecord(record, doc, index) {
  assert.equal(record.body, doc.message);
  assert.equal(record.time, doc['@timestamp'].replace(/\.(\d{3})Z$/, '.$1000000Z'));
  assert.equal(record.severity, doc.log.level);
  assert.equal(record.severity_number, SEVERITY[doc.log.level]);
  assert.equal(record.service, doc.service.name);
  assert.equal(record.trace_id, doc['trace.id']);
  assert.equal(record.span_id, doc['span.id']);
  assert.deepEqual(record.resource.attributes, {
    'service.name': doc.service.name,
    'deployment.environment.name': doc.service.environment,
    'host.name': doc['host.name'],
  });
  assert.deepEqual(record.attributes, {
    'log.logger': doc.log.logger,
    'http.request.method': doc.http.request.method,
    'http.response.status_code': doc.http.response.status_code,
    tags: doc.tags,
    retry: doc.retry,
    'elasticsearch.index': index,
  });
}

// Body bytes weft received on /_bulk as sent on the wire (before inflating).
async function bulkWireBytes(server) {
  const res = await fetch(`${server.apiUrl}/metrics`);
  const line = (await res.text()).split('\n').find((l) => l.startsWith('weft_ingest_bytes_total{endpoint="/_bulk"}'));
  return line ? Number(line.split(' ').pop()) : 0;
}

async function storedFor(server, service, limit = 5000) {
  const res = await getJson(`${server.apiUrl}/api/v1/logs?service=${service}&limit=${limit}`);
  assert.equal(res.status, 200, res.text);
  return res.json.records;
}

async function checkStored(server, service, docs, index) {
  const records = await storedFor(server, service);
  assert.equal(records.length, docs.length, `records of ${service}`);
  const byBody = new Map(records.map((r) => [r.body, r]));
  for (const doc of docs) {
    const record = byBody.get(doc.message);
    assert.ok(record, `stored: ${doc.message}`);
    checkRecord(record, doc, index);
  }
}

describe('@elastic/elasticsearch against weft', () => {
  let server;
  before(async () => { server = await startWeft(); });
  after(async () => { await stopWeft(server); });

  for (const compression of [false, true]) {
    const label = compression ? 'with compression' : 'without compression';

    test(`info and ping (${label})`, async () => {
      const client = new Client({ node: server.apiUrl, compression });
      const info = await client.info();
      assert.equal(info.cluster_name, 'weft');
      assert.match(info.version.number, /^8\.\d+\.\d+$/);
      assert.equal(await client.ping(), true);
      await client.close();
    });

    test(`client.bulk (${label})`, async () => {
      const client = new Client({ node: server.apiUrl, compression });
      const service = `es-bulk-${compression ? 'gz' : 'plain'}-${runId}`;
      const docs = makeDocs(service, 20);
      const operations = docs.flatMap((doc, i) => [
        i % 2 ? { index: { _index: 'app-logs' } } : { create: { _index: 'app-logs' } },
        doc,
      ]);
      const bytesBefore = await bulkWireBytes(server);
      const response = await client.bulk({ operations });
      assert.equal(response.errors, false, JSON.stringify(response.items.filter((i) => Object.values(i)[0].error)));
      // With compression the body came gzipped: far fewer bytes on the wire than the NDJSON.
      const ndjsonBytes = operations.map((o) => JSON.stringify(o).length + 1).reduce((a, b) => a + b);
      const wireBytes = (await bulkWireBytes(server)) - bytesBefore;
      if (compression) assert.ok(wireBytes < ndjsonBytes / 2, `${wireBytes} bytes on the wire`);
      else assert.equal(wireBytes, ndjsonBytes);
      assert.equal(response.items.length, docs.length);
      response.items.forEach((item, i) => {
        const [op, result] = Object.entries(item)[0];
        assert.equal(op, i % 2 ? 'index' : 'create');
        assert.equal(result.status, 201);
        assert.equal(result.result, 'created');
        assert.equal(result._index, 'app-logs');
        assert.equal(result._id.length, 20);
      });
      assert.equal(new Set(response.items.map((i) => Object.values(i)[0]._id)).size, docs.length);
      await checkStored(server, service, docs, 'app-logs');
      await client.close();
    });

    test(`client.helpers.bulk (${label})`, async () => {
      const client = new Client({ node: server.apiUrl, compression });
      const service = `es-helper-${compression ? 'gz' : 'plain'}-${runId}`;
      const docs = makeDocs(service, 1500);
      const dropped = [];
      const stats = await client.helpers.bulk({
        datasource: docs,
        onDocument: () => ({ create: { _index: 'helper-logs' } }),
        onDrop: (d) => dropped.push(d),
        flushBytes: 100000, // several requests
      });
      assert.deepEqual(dropped, []);
      assert.equal(stats.total, docs.length);
      assert.equal(stats.successful, docs.length);
      assert.equal(stats.failed, 0);
      await checkStored(server, service, docs, 'helper-logs');
      await client.close();
    });
  }

  test('bad documents fail alone; helpers.bulk drops exactly them', async () => {
    const client = new Client({ node: server.apiUrl });
    const service = `es-partial-${runId}`;
    const docs = makeDocs(service, 6);
    docs[2]['@timestamp'] = 'not a date';
    docs[4]['@timestamp'] = { nested: true };
    const response = await client.bulk({
      operations: docs.flatMap((doc) => [{ index: { _index: 'partial', _id: doc['span.id'] } }, doc]),
    });
    assert.equal(response.errors, true);
    const statuses = response.items.map((i) => i.index.status);
    assert.deepEqual(statuses, [201, 201, 400, 201, 400, 201]);
    assert.equal(response.items[2].index.error.type, 'document_parsing_exception');
    assert.match(response.items[2].index.error.reason, /@timestamp/);
    assert.equal(response.items[0].index._id, docs[0]['span.id']);
    const stored = await storedFor(server, service);
    assert.equal(stored.length, 4);
    assert.ok(stored.every((r) => r.attributes['elasticsearch.id'] !== undefined));

    const dropped = [];
    const helperService = `es-partial-helper-${runId}`;
    const helperDocs = makeDocs(helperService, 5);
    helperDocs[1]['@timestamp'] = 'yesterday';
    const stats = await client.helpers.bulk({
      datasource: helperDocs,
      onDocument: () => ({ index: { _index: 'partial' } }),
      onDrop: (d) => dropped.push(d),
    });
    assert.equal(stats.successful, 4);
    assert.equal(stats.failed, 1);
    assert.equal(dropped.length, 1);
    assert.equal(dropped[0].status, 400);
    assert.equal(dropped[0].error.type, 'document_parsing_exception');
    assert.equal(dropped[0].document.message, helperDocs[1].message);
    assert.equal((await storedFor(server, helperService)).length, 4);
    await client.close();
  });

  test('a malformed action line is a 400 in Elasticsearch\'s error shape', async () => {
    const client = new Client({ node: server.apiUrl });
    await assert.rejects(
      client.transport.request({
        method: 'POST',
        path: '/_bulk',
        bulkBody: '{"index":{"_index":"x"}}\n{"message":"m"}\n{"explode":{}}\n{}\n',
      }),
      (err) => {
        assert.ok(err instanceof errors.ResponseError, String(err));
        assert.equal(err.meta.statusCode, 400);
        assert.equal(err.meta.headers['x-elastic-product'], 'Elasticsearch');
        assert.equal(err.meta.body.status, 400);
        assert.equal(err.meta.body.error.type, 'illegal_argument_exception');
        assert.equal(err.meta.body.error.root_cause[0].type, 'illegal_argument_exception');
        assert.match(err.meta.body.error.reason, /line \[3\]/);
        return true;
      },
    );
    await client.close();
  });
});

describe('@elastic/elasticsearch under backpressure', () => {
  let server;
  // The smallest memory budget weft allows (16 MiB): a few large bulks fill it.
  before(async () => { server = await startWeft({ extraArgs: ['--limits-memory-budget-bytes', '16MiB'] }); });
  after(async () => { await stopWeft(server); });

  test('a full store answers 429 es_rejected_execution_exception to the whole request', async () => {
    const client = new Client({ node: server.apiUrl, maxRetries: 0 });
    const big = 'x'.repeat(64 * 1024);
    const operations = [];
    for (let i = 0; i < 50; i++) operations.push({ create: { _index: 'big' } }, { message: big, n: i });
    let refused = null;
    for (let round = 0; round < 40 && !refused; round++) {
      try {
        const response = await client.bulk({ operations });
        assert.equal(response.errors, false);
      } catch (err) {
        refused = err;
      }
    }
    assert.ok(refused, 'the store never filled up');
    assert.ok(refused instanceof errors.ResponseError, String(refused));
    assert.equal(refused.meta.statusCode, 429);
    assert.equal(refused.meta.headers['x-elastic-product'], 'Elasticsearch');
    assert.equal(refused.meta.headers['retry-after'], '1');
    assert.equal(refused.meta.body.error.type, 'es_rejected_execution_exception');
    assert.equal(refused.meta.body.status, 429);
    await client.close();
  });
});
