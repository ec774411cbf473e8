// Live tail over a real WebSocket (the `ws` client, as Grafana and logcli speak it) against a
// real `weft serve`: the first message holds the recent entries, later messages the new ones,
// and a second holding more than `limit` entries reports the rest as dropped_entries.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { startWeft, stopWeft } from '../lib/weft_server.mjs';

let weft;

function otlp(lines, atNs) {
  return {
    resourceLogs: [{
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'tail-svc' } }] },
      scopeLogs: [{ logRecords: lines.map((body, i) => ({
        timeUnixNano: String(atNs + BigInt(i)), severityNumber: 9, body: { stringValue: body },
      })) }],
    }],
  };
}

async function ingest(lines, atNs = BigInt(Date.now()) * 1000000n) {
  const res = await fetch(`${weft.apiUrl}/v1/logs`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(otlp(lines, atNs)),
  });
  assert.equal(res.status, 200);
}

// Opens a tail and collects its messages.
function openTail(params) {
  const url = new URL(weft.apiUrl.replace('http', 'ws') + '/loki/api/v1/tail');
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const ws = new WebSocket(url);
  const messages = [];
  const waiters = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(data.toString()));
    for (const w of waiters.splice(0)) w();
  });
  const opened = new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  async function waitFor(pred, ms = 10000) {
    const deadline = Date.now() + ms;
    while (!pred(messages)) {
      if (Date.now() > deadline) throw new Error(`timed out; messages: ${JSON.stringify(messages)}`);
      await new Promise((r) => { waiters.push(r); setTimeout(r, 200); });
    }
  }
  return { ws, messages, opened, waitFor };
}

const lines = (messages) => messages.flatMap((m) => m.streams.flatMap((s) => s.values.map((v) => v[1])));

before(async () => { weft = await startWeft(); });
after(async () => { await stopWeft(weft); });

test('tail sends recent entries, then new ones, oldest first', async () => {
  await ingest(['before-1', 'before-2']);
  const tail = openTail({ query: '{service_name="tail-svc"} |= "-"', limit: '10' });
  await tail.opened;
  await tail.waitFor((m) => lines(m).length >= 2);
  assert.deepEqual(lines(tail.messages), ['before-1', 'before-2']);
  const first = tail.messages[0];
  assert.deepEqual(Object.keys(first), ['streams']);
  assert.equal(first.streams[0].stream.service_name, 'tail-svc');
  assert.match(first.streams[0].values[0][0], /^\d{19}$/);
  await ingest(['live-1', 'live-2', 'ignored']);
  await tail.waitFor((m) => lines(m).length >= 4);
  assert.deepEqual(lines(tail.messages), ['before-1', 'before-2', 'live-1', 'live-2']);
  tail.ws.close();
});

test('a burst over the limit reports dropped entries', async () => {
  const tail = openTail({ query: '{service_name="tail-svc"} |= "burst"', limit: '3', delay_for: '1' });
  await tail.opened;
  await new Promise((r) => setTimeout(r, 300));
  await ingest(Array.from({ length: 8 }, (_, i) => `burst-${i}`));
  await tail.waitFor((m) => m.some((x) => x.dropped_entries));
  const message = tail.messages.find((x) => x.dropped_entries);
  assert.deepEqual(lines([message]), ['burst-0', 'burst-1', 'burst-2']);
  assert.equal(message.dropped_entries.length, 5);
  for (const d of message.dropped_entries) {
    assert.deepEqual(Object.keys(d).sort(), ['labels', 'timestamp']);
    assert.equal(d.labels.service_name, 'tail-svc');
    assert.match(d.timestamp, /^\d{19}$/);
  }
  tail.ws.close();
});

test('a bad query closes the socket with the parse error', async () => {
  const tail = openTail({ query: '{service_name="tail-svc"' });
  const closed = new Promise((resolve) => tail.ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const { code, reason } = await closed;
  assert.equal(code, 1000);
  assert.match(reason, /parse error at line 1, col 25/);
});

test('a plain GET without the upgrade is a 400', async () => {
  const res = await fetch(`${weft.apiUrl}/loki/api/v1/tail?query=${encodeURIComponent('{a="b"}')}`);
  assert.equal(res.status, 400);
});

test('an open tail does not hold a graceful stop up', async () => {
  const tail = openTail({ query: '{service_name="tail-svc"}' });
  await tail.opened;
  const closed = new Promise((resolve) => tail.ws.on('close', (code) => resolve(code)));
  const stopped = await weft.stop();
  assert.equal(stopped.code, 0);
  assert.equal(await closed, 1000);  // closed with a close frame, not cut
});
