// End-to-end test of the storage admin features against a running weft (docs/operations.md):
//   - retention: parts past storage.retention disappear from a running server (a per-tenant
//     override keeps another tenant's);
//   - delete by query: Loki's compactor API (POST/GET /loki/api/v1/delete, as curl or Grafana
//     would call it) and the native POST /api/v1/admin/delete; covered records vanish from
//     queries at once and the request becomes "processed";
//   - backup and restore: POST /api/v1/admin/backup while records keep arriving, `weft restore`
//     into a new data directory, a server on it serves every record acknowledged before the
//     backup exactly once; a damaged backup is refused.
// Records are pushed with Loki's JSON push API (plain fetch: no client library needed).
//
// Run: WEFT_BIN=build/weft node --test --test-reporter=spec tests/integration/storage_admin.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

import { getJson, makeDataDir, removeDataDir, startWeft, stopWeft, weftBinary } from '../lib/weft_server.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const NS = 1_000_000_000n;
const nowNs = () => BigInt(Date.now()) * 1_000_000n;

async function push(server, tenant, service, lines, timeNs = nowNs()) {
  const values = lines.map((line, i) => [String(timeNs + BigInt(i)), line]);
  const res = await fetch(`${server.apiUrl}/loki/api/v1/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Scope-OrgID': tenant },
    body: JSON.stringify({ streams: [{ stream: { service_name: service }, values }] }),
  });
  assert.equal(res.status, 204, await res.text());
}

async function bodies(server, tenant, service) {
  const url = new URL('/api/v1/logs', server.apiUrl);
  url.searchParams.set('service', service);
  url.searchParams.set('start', new Date(Date.now() - 7 * 24 * 3600e3).toISOString());
  url.searchParams.set('limit', '5000');
  const r = await getJson(url.toString(), { 'X-Scope-OrgID': tenant });
  assert.equal(r.status, 200, r.text);
  return r.json.records.map((rec) => rec.body).sort();
}

async function waitFor(what, fn, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function weft(args) {
  const r = spawnSync(weftBinary(), args, { encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('retention', () => {
  test('parts past retention go away in a running server; an override keeps a tenant', async () => {
    const server = await startWeft({
      extraArgs: ['--storage-retention', '24h', '--storage-retention-per-tenant', 'keep=0s',
        '--storage-flush-interval', '2s'],
    });
    try {
      // Three days back: another day's partition, so whole parts expire (retention drops parts).
      const old = nowNs() - 3n * 24n * 3600n * NS;
      await push(server, 'acme', 'old', ['o1', 'o2'], old);
      await push(server, 'keep', 'old', ['k1'], old);
      await push(server, 'acme', 'fresh', ['f1']);
      assert.deepEqual(await bodies(server, 'acme', 'old'), ['o1', 'o2']);  // still in memory
      await waitFor('retention', async () => (await bodies(server, 'acme', 'old')).length === 0);
      assert.deepEqual(await bodies(server, 'acme', 'fresh'), ['f1']);
      assert.deepEqual(await bodies(server, 'keep', 'old'), ['k1']);
      const metrics = await getJson(`${server.apiUrl}/metrics`);
      assert.match(metrics.text, /weft_store_retention_removed_parts_total [1-9]/);
    } finally {
      await stopWeft(server);
    }
  });
});

describe('delete by query, backup and restore', () => {
  test('Loki and native delete requests, then an online backup restored elsewhere', async () => {
    const server = await startWeft({ extraArgs: ['--storage-flush-interval', '500ms'] });
    const backupDir = makeDataDir('weft-backup-');
    const restoredDir = makeDataDir('weft-restored-');
    let restored;
    try {
      const t0 = nowNs();
      await push(server, 'acme', 'a', ['a1', 'a2', 'a3'], t0);
      await push(server, 'acme', 'b', ['b1', 'secret b2', 'b3'], t0);
      await push(server, 'other', 'a', ['x1'], t0);

      // Loki's API: query, start and end in unix seconds; 204.
      const params = new URLSearchParams({ query: '{service_name="a"}',
        start: String(t0 / NS - 1n), end: String(t0 / NS + 1n) });
      let res = await fetch(`${server.apiUrl}/loki/api/v1/delete?${params}`,
        { method: 'POST', headers: { 'X-Scope-OrgID': 'acme' } });
      assert.equal(res.status, 204, await res.text());
      assert.deepEqual(await bodies(server, 'acme', 'a'), []);     // at once
      assert.deepEqual(await bodies(server, 'other', 'a'), ['x1']); // other tenants untouched

      // Native API with a line filter; a bad selector is a 400.
      res = await fetch(`${server.apiUrl}/api/v1/admin/delete`, {
        method: 'POST', headers: { 'X-Scope-OrgID': 'acme' },
        body: JSON.stringify({ selector: '{service_name="b"} |= "secret"', start: String(t0 - NS) }),
      });
      assert.equal(res.status, 200, await res.text());
      assert.deepEqual(await bodies(server, 'acme', 'b'), ['b1', 'b3']);
      res = await fetch(`${server.apiUrl}/api/v1/admin/delete`, {
        method: 'POST', body: JSON.stringify({ selector: '{service_name=}', start: '0' }) });
      assert.equal(res.status, 400);
      assert.match((await res.json()).error, /selector at position/);

      const list = await waitFor('processed', async () => {
        const r = await getJson(`${server.apiUrl}/loki/api/v1/delete`, { 'X-Scope-OrgID': 'acme' });
        assert.equal(r.status, 200, r.text);
        return r.json.length === 2 && r.json.every((d) => d.status === 'processed') && r.json;
      });
      assert.equal(list[0].query, '{service_name="a"}');
      assert.equal(list[0].start_time, Number(t0 / NS - 1n));

      // Online backup while records keep arriving; what was acknowledged before is in it.
      let stop = false;
      let n = 0;
      const acked = [];
      const writer = (async () => {
        while (!stop) {
          const line = `w${n++}`;
          await push(server, 'acme', 'w', [line]);
          acked.push(line);
        }
      })();
      await sleep(300);
      const before = [...acked];
      res = await fetch(`${server.apiUrl}/api/v1/admin/backup`,
        { method: 'POST', body: JSON.stringify({ dir: backupDir }) });
      const backup = await res.json();
      assert.equal(res.status, 200, JSON.stringify(backup));
      assert.ok(backup.parts > 0 && backup.files > backup.parts, JSON.stringify(backup));
      await sleep(200);
      stop = true;
      await writer;
      assert.ok(before.length > 5, `only ${before.length} records before the backup`);

      // Restore into a fresh directory; a non-empty one is refused without --force.
      let r = weft(['restore', '--from', backupDir, '--data-dir', restoredDir]);
      assert.equal(r.code, 0, r.out);
      r = weft(['restore', '--from', backupDir, '--data-dir', restoredDir]);
      assert.notEqual(r.code, 0);
      assert.match(r.out, /is not empty/);
      restored = await startWeft({ dataDir: restoredDir });
      const got = await bodies(restored, 'acme', 'w');
      const counts = new Map();
      for (const b of got) counts.set(b, (counts.get(b) ?? 0) + 1);
      for (const b of before) assert.equal(counts.get(b), 1, `${b} in the restored store`);
      for (const [b, c] of counts) assert.ok(acked.includes(b) && c === 1, `${b} x${c}`);
      assert.deepEqual(await bodies(restored, 'acme', 'a'), []);
      assert.deepEqual(await bodies(restored, 'acme', 'b'), ['b1', 'b3']);
      await stopWeft(restored, { removeData: false });
      restored = null;

      // Offline: a delete request and a backup of the stopped store, by the command line.
      r = weft(['delete', '--data-dir', restoredDir, '--tenant', 'acme',
        '--selector', '{service_name="w"} |= "w1"', '--start', '0']);
      assert.equal(r.code, 0, r.out);
      r = weft(['backup', '--data-dir', restoredDir, '--to', path.join(backupDir, 'offline')]);
      assert.equal(r.code, 0, r.out);
      r = weft(['restore', '--verify-only', '--from', path.join(backupDir, 'offline')]);
      assert.equal(r.code, 0, r.out);
      restored = await startWeft({ dataDir: restoredDir });
      const left = await bodies(restored, 'acme', 'w');
      assert.ok(left.length > 0 && !left.some((b) => b.includes('w1')), JSON.stringify(left));

      // A damaged backup is refused, naming the file. (Replace the file rather than edit it: on
      // one filesystem the backup's part files are hard links to the store's.)
      const partFile = findFile(path.join(backupDir, 'parts'));
      const bytes = readFileSync(partFile);
      bytes[bytes.length - 1] ^= 0xff;
      unlinkSync(partFile);
      writeFileSync(partFile, bytes);
      r = weft(['restore', '--verify-only', '--from', backupDir]);
      assert.notEqual(r.code, 0);
      assert.match(r.out, /backup damaged: .*checksum mismatch/);
    } finally {
      await stopWeft(server);
      if (restored) await stopWeft(restored, { removeData: false });
      removeDataDir(backupDir);
      removeDataDir(restoredDir);
    }
  });
});

// The first non-empty regular file under `dir` (depth first).
function findFile(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isFile() && st.size > 0) return p;
    if (st.isFile()) continue;
    const inner = findFile(p);
    if (inner) return inner;
  }
  return null;
}
