// Syslog ingest with real senders: logger(1) from util-linux (RFC 5424 and RFC 3164, TCP with
// octet counting and with newline framing, UDP) and Debian's rsyslogd (imfile -> omfwd over
// TCP, octet-counted RFC 5424, and over UDP in its default RFC 3164 format), run unprivileged
// in the foreground with a temporary configuration. Records are read back with
// GET /api/v1/logs. Raw TCP and UDP senders cover mixed framing and malformed messages.
//
// Skipped, with a message, when logger or rsyslogd is not installed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import dgram from 'node:dgram';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { startWeft, stopWeft, getJson } from '../lib/weft_server.mjs';

const run = promisify(execFile);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function which(candidates) {
  return candidates.find((p) => existsSync(p));
}
const LOGGER = which(['/usr/bin/logger', '/bin/logger']);
const RSYSLOGD = which(['/usr/sbin/rsyslogd']);
const TENANT = 'syslog-it';
const HOST = os.hostname();

let server;

before(async () => {
  server = await startWeft({ syslog: true, extraArgs: ['--syslog-tenant', TENANT] });
});

after(async () => {
  await stopWeft(server);
});

// The records of `service` in the syslog tenant, once there are at least `count` of them.
async function recordsOf(service, count = 1, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let records = [];
  while (Date.now() < deadline) {
    const res = await getJson(`${server.apiUrl}/api/v1/logs?service=${encodeURIComponent(service)}&limit=100`,
      { 'X-Scope-OrgID': TENANT });
    assert.equal(res.status, 200, res.text);
    records = res.json.records;
    if (records.length >= count) return records;
    await sleep(50);
  }
  assert.fail(`expected ${count} records of ${service}, got ${records.length}\n${server.tail()}`);
}

const byBody = (records, body) => records.find((r) => r.body === body);

async function logger(args) {
  await run(LOGGER, ['--server', '127.0.0.1', '--port', String(server.syslogPort), ...args]);
}

test('logger: RFC 5424 over TCP with octet counting, structured data, msgid and pid', { skip: !LOGGER && 'logger(1) not installed' }, async () => {
  await logger(['--tcp', '--rfc5424', '--octet-count', '-t', 'it-5424-tcp', '-p', 'local3.err',
    '--id=4242', '--msgid', 'ID47', '--sd-id', 'test@32473', '--sd-param', 'k="v \\"w\\""',
    'disk almost full']);
  const [r] = await recordsOf('it-5424-tcp');
  assert.equal(r.body, 'disk almost full');
  assert.equal(r.severity, 'err');
  assert.equal(r.severity_number, 17);
  assert.equal(r.attributes['syslog.facility'], 19);
  assert.equal(r.attributes['process.pid'], 4242);
  assert.equal(r.attributes['syslog.msgid'], 'ID47');
  assert.equal(r.attributes['test@32473.k'], 'v "w"');
  assert.equal(r.attributes['timeQuality.tzKnown'], '1');
  assert.equal(r.resource.attributes['host.name'], HOST);
  assert.equal(r.resource.attributes['service.name'], 'it-5424-tcp');
  const age = Date.now() * 1e6 - Number(r.time_unix_nano);
  assert.ok(age >= 0 && age < 60e9, `time ${r.time} is not about now`);
});

test('logger: newline-framed TCP, several lines in one connection', { skip: !LOGGER && 'logger(1) not installed' }, async () => {
  const child = spawn(LOGGER, ['--server', '127.0.0.1', '--port', String(server.syslogPort), '--tcp',
    '-t', 'it-lines', '-p', 'daemon.info']);
  child.stdin.end('line one\nline two\nline three\n');
  await new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`logger exited ${code}`)))));
  const records = await recordsOf('it-lines', 3);
  assert.deepEqual(records.map((r) => r.body).sort(), ['line one', 'line three', 'line two']);
  for (const r of records) {
    assert.equal(r.severity, 'info');
    assert.equal(r.attributes['syslog.facility'], 3);
  }
});

test('logger: RFC 3164 over TCP and UDP', { skip: !LOGGER && 'logger(1) not installed' }, async () => {
  await logger(['--tcp', '--rfc3164', '-t', 'it-3164', '-p', 'user.warning', 'over tcp']);
  await logger(['--udp', '--rfc3164', '-t', 'it-3164', '-i', '-p', 'auth.notice', 'over udp']);
  const records = await recordsOf('it-3164', 2);
  const tcp = byBody(records, 'over tcp');
  const udp = byBody(records, 'over udp');
  assert.ok(tcp && udp, JSON.stringify(records));
  assert.equal(tcp.severity_number, 13);
  assert.equal(tcp.resource.attributes['host.name'], HOST);
  assert.equal(udp.severity, 'notice');
  assert.equal(udp.attributes['syslog.facility'], 4);
  assert.equal(typeof udp.attributes['process.pid'], 'number');
  // A BSD timestamp is local time of this year, to the second.
  const age = Date.now() * 1e6 - Number(tcp.time_unix_nano);
  assert.ok(age > -2e9 && age < 60e9, `time ${tcp.time} is not about now (TZ=${process.env.TZ ?? ''})`);
});

test('logger: RFC 5424 over UDP', { skip: !LOGGER && 'logger(1) not installed' }, async () => {
  await logger(['--udp', '--rfc5424', '-t', 'it-5424-udp', '-p', 'local7.debug', 'datagram']);
  const [r] = await recordsOf('it-5424-udp');
  assert.equal(r.body, 'datagram');
  assert.equal(r.severity_number, 5);
  assert.equal(r.attributes['syslog.facility'], 23);
});

test('rsyslogd: imfile -> omfwd, TCP octet-counted RFC 5424 and UDP', { skip: !RSYSLOGD && 'rsyslogd not installed' }, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'weft-rsyslog-'));
  const tcpFile = path.join(dir, 'tcp.log');
  const udpFile = path.join(dir, 'udp.log');
  writeFileSync(tcpFile, 'rsyslog tcp line 1\n');
  writeFileSync(udpFile, 'rsyslog udp line 1\n');
  const port = server.syslogPort;
  writeFileSync(path.join(dir, 'rsyslog.conf'), `
global(workDirectory="${dir}")
module(load="imfile" mode="polling" PollingInterval="1")
input(type="imfile" File="${tcpFile}" Tag="it-rsyslog-tcp" Facility="local5" Severity="warning" ruleset="tcp")
input(type="imfile" File="${udpFile}" Tag="it-rsyslog-udp:" Facility="local6" Severity="err" ruleset="udp")
ruleset(name="tcp") {
  action(type="omfwd" target="127.0.0.1" port="${port}" protocol="tcp"
         TCP_Framing="octet-counted" template="RSYSLOG_SyslogProtocol23Format")
}
ruleset(name="udp") {
  action(type="omfwd" target="127.0.0.1" port="${port}" protocol="udp")
}
`);
  const rsyslog = spawn(RSYSLOGD, ['-n', '-f', path.join(dir, 'rsyslog.conf'), '-i', path.join(dir, 'rsyslogd.pid')],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  rsyslog.stdout.on('data', (d) => { output += d; });
  rsyslog.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => rsyslog.on('exit', resolve));
  try {
    await sleep(1500);
    for (let i = 2; i <= 5; i++) appendFileSync(tcpFile, `rsyslog tcp line ${i}\n`);
    appendFileSync(udpFile, 'rsyslog udp line 2\n');
    const tcp = await recordsOf('it-rsyslog-tcp', 5, 20000);
    assert.deepEqual(tcp.map((r) => r.body).sort(),
      [1, 2, 3, 4, 5].map((i) => `rsyslog tcp line ${i}`), output);
    for (const r of tcp) {
      assert.equal(r.severity, 'warning');
      assert.equal(r.attributes['syslog.facility'], 21);
      assert.equal(r.resource.attributes['host.name'], HOST);
      assert.ok(!('syslog.parse_error' in r.attributes));
    }
    const udp = await recordsOf('it-rsyslog-udp', 2, 20000);
    assert.deepEqual(udp.map((r) => r.body).sort(), ['rsyslog udp line 1', 'rsyslog udp line 2']);
    assert.equal(udp[0].severity, 'err');
    assert.equal(udp[0].attributes['syslog.facility'], 22);
  } finally {
    rsyslog.kill('SIGTERM');
    const timer = setTimeout(() => rsyslog.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('raw TCP: mixed framing in one connection, malformed messages kept whole', async () => {
  const socket = net.connect(server.syslogPort, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const octet = '<14>1 2026-11-22T10:04:05.5Z h it-raw - - - octet counted';
  socket.write(`<13>Nov 22 10:04:05 h it-raw: newline framed\n${Buffer.byteLength(octet)} ${octet}`);
  socket.write('<13>1 not-a-timestamp h it-raw - - - broken\0');
  socket.end('no syslog header at all\r\n');
  await new Promise((resolve) => socket.on('close', resolve));
  const records = await recordsOf('it-raw', 2);
  assert.ok(byBody(records, 'newline framed'));
  assert.equal(byBody(records, 'octet counted').time, '2026-11-22T10:04:05.500000000Z');
  // The unparsable ones have no service: find them among all of the tenant's records.
  const res = await getJson(`${server.apiUrl}/api/v1/logs?q=broken&limit=10`, { 'X-Scope-OrgID': TENANT });
  const broken = res.json.records.find((r) => r.body === '<13>1 not-a-timestamp h it-raw - - - broken');
  assert.ok(broken, res.text);
  assert.match(broken.attributes['syslog.parse_error'], /TIMESTAMP/);
  assert.equal(broken.severity, 'notice');
  const plain = await getJson(`${server.apiUrl}/api/v1/logs?q=no%20syslog%20header&limit=10`, { 'X-Scope-OrgID': TENANT });
  assert.equal(plain.json.records.length, 1, plain.text);
  assert.equal(plain.json.records[0].body, 'no syslog header at all');
});

test('raw UDP: one message per datagram', async () => {
  const socket = dgram.createSocket('udp4');
  const send = (text) => new Promise((resolve, reject) =>
    socket.send(text, server.syslogPort, '127.0.0.1', (err) => (err ? reject(err) : resolve())));
  await send('<30>1 - h it-udp 7 - - first\n');
  await send('<30>Nov 22 10:04:05 h it-udp[8]: second');
  socket.close();
  const records = await recordsOf('it-udp', 2);
  assert.equal(byBody(records, 'first').attributes['process.pid'], 7);
  assert.equal(byBody(records, 'second').attributes['process.pid'], 8);
});

test('metrics count syslog records per transport', async () => {
  const res = await fetch(`${server.apiUrl}/metrics`);
  const text = await res.text();
  const count = (door) => Number((text.match(new RegExp(`^weft_ingest_records_total\\{endpoint="${door}"\\} (\\d+)`, 'm')) || [])[1] ?? 0);
  assert.ok(count('syslog/tcp') > 0, text);
  assert.ok(count('syslog/udp') > 0, text);
});

test('stop stores what was read and exits 0', async () => {
  const socket = net.connect(server.syslogPort, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write('<14>1 - h it-stop - - - read before stop\n');
  await sleep(300);
  const dataDir = server.dataDir;
  const r = await server.stop();
  assert.equal(r.code, 0, server.tail());
  socket.destroy();
  // Restart on the same data: the record was durable.
  await server.start();
  const records = await recordsOf('it-stop', 1);
  assert.equal(records[0].body, 'read before stop');
  assert.equal(server.dataDir, dataDir);
});
