// Crash test: acknowledged log records survive SIGKILL, exactly once.
//
// Four clients send OTLP/JSON log batches continuously; every record has a unique id
// (attribute crash.id) and a unique body. At random moments (seeded; the seed is printed) the
// server is SIGKILLed, sometimes again during its startup, and restarted on the same data dir
// and ports. Failed requests are not retried. At the end weft is stopped gracefully (SIGTERM,
// while the clients are still sending) and restarted, and every acknowledged id must be
// present exactly once; no id may appear twice, and no batch may be half present (one request
// is one unit).
//
// Run: WEFT_BIN=build/weft node --test --test-reporter=spec tests/crash/crash.test.mjs
// Knobs: CRASH_SEED (reproduce a run), CRASH_DURATION_S (default 30), CRASH_KILLS (default 6).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';

import { getJson, removeDataDir, startWeft } from '../lib/weft_server.mjs';

const seed = Number(process.env.CRASH_SEED ?? (randomBytes(4).readUInt32LE(0)));
const DURATION_MS = Number(process.env.CRASH_DURATION_S ?? 30) * 1000;
const KILLS = Number(process.env.CRASH_KILLS ?? 6);
const CLIENTS = 4;
console.log(`# crash test seed: ${seed} (rerun with CRASH_SEED=${seed})`);

// mulberry32: a small seeded PRNG.
function prng(a) {
  return () => {
    a |= 0; a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const runId = randomBytes(3).toString('hex');
const BASE_NS = (BigInt(Date.now()) - 3600000n) * 1000000n; // an hour ago
const FILLER = 'GET /api/orders/{id} completed in {ms} ms by worker {w} upstream=10.0.3.17:8080 ';

let server;
after(async () => {
  if (server) {
    await server.kill();
    removeDataDir(server.dataDir);
  }
});

const bodyOf = (client, seq) => `crash ${runId} c${client} #${seq} ${FILLER}`;
const timeOf = (client, seq) => BASE_NS + BigInt(seq) * 16n + BigInt(client);

// One client: sends batches one at a time until stop() is called.
function runClient(client, rand, state) {
  const svc = `crash-${runId}-c${client}`;
  let seq = 0;
  let batchNo = 0;
  const stats = { client, svc, sent: 0, acked: 0, failed: 0, statuses: {}, errors: {} };
  const acked = new Set(); // ids
  const batchOf = new Map(); // batchNo -> [first seq, count] for every batch sent
  const done = (async () => {
    while (!state.stop) {
      const n = 50 + Math.floor(rand() * 151); // 50..200
      const first = seq;
      const b = batchNo++;
      const recs = [];
      for (let i = 0; i < n; i++, seq++) {
        recs.push({
          timeUnixNano: timeOf(client, seq).toString(),
          severityNumber: 9,
          severityText: 'INFO',
          body: { stringValue: bodyOf(client, seq) },
          attributes: [
            { key: 'crash.id', value: { stringValue: `${client}-${seq}` } },
            { key: 'crash.batch', value: { intValue: b } },
          ],
        });
      }
      batchOf.set(b, [first, n]);
      const body = JSON.stringify({
        resourceLogs: [{
          resource: { attributes: [{ key: 'service.name', value: { stringValue: svc } }] },
          scopeLogs: [{ scope: { name: 'crash-test' }, logRecords: recs }],
        }],
      });
      stats.sent += n;
      let ok = false;
      try {
        const res = await fetch(`${server.otlpUrl}/v1/logs`, {
          method: 'POST', body, headers: { 'content-type': 'application/json' },
          signal: AbortSignal.timeout(10000),
        });
        await res.arrayBuffer();
        stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
        ok = res.status === 200;
      } catch (e) {
        const code = e.cause?.code || e.name || 'error';
        stats.errors[code] = (stats.errors[code] ?? 0) + 1;
      }
      if (ok) {
        for (let s = first; s < first + n; s++) acked.add(s);
        stats.acked += n;
      } else {
        stats.failed += n;
        await sleep(20 + rand() * 30);
      }
      await sleep(rand() * 15);
    }
  })();
  return { client, svc, stats, acked, batchOf, done, sentSeqs: () => seq };
}

// Every record of a service, paging newest-first with limit=5000 and a moving end time.
async function readAll(svc, maxRecords) {
  const out = [];
  let end = null;
  const maxPages = Math.ceil(maxRecords / 5000) + 5;
  for (let page = 0; page < maxPages; page++) {
    const u = new URL('/api/v1/logs', server.apiUrl);
    u.searchParams.set('service', svc);
    u.searchParams.set('limit', '5000');
    if (end !== null) u.searchParams.set('end', end.toString());
    const r = await getJson(u.toString());
    assert.equal(r.status, 200, `GET ${u}: ${r.text.slice(0, 500)}`);
    const recs = r.json.records;
    if (recs.length < 5000) {
      out.push(...recs);
      return out;
    }
    // Full page: the oldest time may continue on the next page. Take everything newer than
    // it, and fetch that exact nanosecond on its own (duplicates share a time).
    const oldest = BigInt(recs[recs.length - 1].time_unix_nano);
    out.push(...recs.filter((x) => BigInt(x.time_unix_nano) !== oldest));
    const e = new URL('/api/v1/logs', server.apiUrl);
    e.searchParams.set('service', svc);
    e.searchParams.set('limit', '5000');
    e.searchParams.set('start', oldest.toString());
    e.searchParams.set('end', oldest.toString());
    const exact = await getJson(e.toString());
    assert.equal(exact.status, 200, exact.text.slice(0, 500));
    out.push(...exact.json.records);
    end = oldest - 1n;
  }
  throw new Error(`more than ${maxPages} pages for ${svc}`);
}

test('acknowledged records survive SIGKILL exactly once', { timeout: 150000 }, async () => {
  const t0 = Date.now();
  const rand = prng(seed);
  server = await startWeft();
  console.log(`# weft pid ${server.pid}, data dir ${server.dataDir}, otlp ${server.otlpUrl}`);

  const state = { stop: false };
  const clients = Array.from({ length: CLIENTS }, (_, c) => runClient(c, prng(seed + 1000 + c), state));

  // The killer: KILLS kills spread over DURATION_MS.
  const mean = DURATION_MS / (KILLS + 1);
  const kills = [];
  for (let k = 0; k < KILLS; k++) {
    const wait = Math.round(mean * (0.4 + rand() * 1.2));
    await sleep(wait);
    const acked = clients.reduce((a, c) => a + c.stats.acked, 0);
    const r = await server.kill();
    const midStartup = rand() < 0.3;
    kills.push({ at: Date.now() - t0, afterMs: wait, ackedSoFar: acked, exit: r?.signal, midStartup });
    console.log(`# kill ${k + 1}/${KILLS} at +${Date.now() - t0} ms (acked so far ${acked})${midStartup ? ', then again during startup' : ''}`);
    if (midStartup) {
      // Kill it again while it is starting (replaying the WAL).
      await server.start({ waitReady: false });
      await sleep(Math.round(rand() * 150));
      await server.kill();
    }
    await server.start({ readyTimeoutMs: 60000 });
  }
  await sleep(1000);

  // Graceful stop while the clients are still sending (in-flight requests must finish or be
  // refused; whatever was acknowledged must be durable), then a fresh start.
  const stopResult = await server.stop();
  state.stop = true;
  await Promise.all(clients.map((c) => c.done));
  assert.equal(stopResult.code, 0, `SIGTERM under load: exit ${JSON.stringify(stopResult)}\n${server.tail()}`);
  await server.start({ readyTimeoutMs: 60000 });
  console.log(`# load phase ${Date.now() - t0} ms; verifying`);

  let totalAcked = 0;
  let totalFound = 0;
  const problems = [];
  for (const c of clients) {
    const st = c.stats;
    totalAcked += c.acked.size;
    console.log(`# client ${c.client}: sent ${st.sent}, acked ${st.acked}, failed ${st.failed}, ` +
      `statuses ${JSON.stringify(st.statuses)}, errors ${JSON.stringify(st.errors)}`);
    assert.ok(c.acked.size > 0, `client ${c.client} got no acknowledgement at all`);

    const recs = await readAll(c.svc, st.sent);
    totalFound += recs.length;
    const count = new Map();
    for (const r of recs) {
      const id = r.attributes?.['crash.id'];
      const m = typeof id === 'string' && /^(\d+)-(\d+)$/.exec(id);
      if (!m || Number(m[1]) !== c.client) {
        problems.push(`client ${c.client}: unexpected record ${JSON.stringify(r).slice(0, 300)}`);
        continue;
      }
      const s = Number(m[2]);
      if (r.body !== bodyOf(c.client, s) || r.time_unix_nano !== timeOf(c.client, s).toString()) {
        problems.push(`client ${c.client}: record ${id} has wrong body/time: ${JSON.stringify(r).slice(0, 300)}`);
      }
      count.set(s, (count.get(s) ?? 0) + 1);
    }
    const dups = [...count].filter(([, n]) => n > 1);
    if (dups.length) problems.push(`client ${c.client}: ${dups.length} ids present more than once, e.g. ${dups.slice(0, 5).map(([s, n]) => `${c.client}-${s} x${n}`).join(', ')}`);
    const missing = [...c.acked].filter((s) => !count.has(s));
    if (missing.length) problems.push(`client ${c.client}: ${missing.length} acknowledged ids missing, e.g. ${missing.slice(0, 10).map((s) => `${c.client}-${s}`).join(', ')}`);
    const neverSent = [...count.keys()].filter((s) => s >= c.sentSeqs());
    if (neverSent.length) problems.push(`client ${c.client}: ids never sent: ${neverSent.slice(0, 5)}`);
    // One request is one unit: a batch is present completely or not at all.
    let torn = 0;
    for (const [b, [first, n]] of c.batchOf) {
      let present = 0;
      for (let s = first; s < first + n; s++) if (count.has(s)) present++;
      if (present !== 0 && present !== n) {
        torn++;
        if (torn <= 3) problems.push(`client ${c.client}: batch ${b} partially present (${present}/${n})`);
      }
    }
    const unacked = [...count.keys()].filter((s) => !c.acked.has(s)).length;
    console.log(`#   found ${recs.length} records (${unacked} from unacknowledged requests), torn batches ${torn}`);

    // The services endpoint counts the same records.
    const sv = await getJson(`${server.apiUrl}/api/v1/services`);
    const entry = sv.json?.services?.find((s) => s.name === c.svc);
    if (!entry || entry.records !== recs.length) {
      problems.push(`client ${c.client}: /api/v1/services says ${JSON.stringify(entry)}, query found ${recs.length}`);
    }
  }
  console.log(`# kills ${kills.length}, acked ${totalAcked}, found ${totalFound}, total ${Date.now() - t0} ms`);
  assert.ok(kills.length >= 5, 'at least five kills');
  assert.deepEqual(problems, [], `crash consistency violated (seed ${seed})`);

  const r = await server.stop();
  assert.equal(r.code, 0, `final SIGTERM exit ${JSON.stringify(r)}`);
  removeDataDir(server.dataDir);
  server = null;
});
