// Starts and stops a weft server for end-to-end tests. No npm dependencies.
//
// Servers listen on 127.0.0.1 only, on free ports, with a fresh temporary data directory.
// Every started process is remembered and killed (SIGKILL) when the test process exits, so a
// failing test never leaves a server running.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const running = new Set();

process.on('exit', () => {
  for (const child of running) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    for (const child of running) {
      try { child.kill('SIGKILL'); } catch { /* already gone */ }
    }
    process.exit(130);
  });
}

// The weft binary: $WEFT_BIN, else build/weft of the repository.
export function weftBinary() {
  const bin = process.env.WEFT_BIN || path.resolve(here, '../../build/weft');
  if (!existsSync(bin)) {
    throw new Error(`weft binary not found at ${bin}: build it (make build) or set WEFT_BIN`);
  }
  return bin;
}

// A TCP port that was free a moment ago on 127.0.0.1.
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function makeDataDir(prefix = 'weft-test-') {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDataDir(dir) {
  if (process.env.WEFT_KEEP_DATA) {
    console.log(`# keeping data dir ${dir}`);
    return;
  }
  rmSync(dir, { recursive: true, force: true });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// One weft process. Create with startWeft(); restart with start() after stop()/kill().
// The syslog and JSON lines listeners are off unless their ports are given (their default
// ports are fixed, and tests run in parallel).
export class WeftServer {
  constructor({ dataDir, apiPort, otlpPort, grpcPort, syslogPort = 0, jsonlinesPort = 0, extraArgs = [] }) {
    this.bin = weftBinary();
    this.dataDir = dataDir;
    this.apiPort = apiPort;
    this.otlpPort = otlpPort;
    this.grpcPort = grpcPort;
    this.syslogPort = syslogPort;
    this.jsonlinesPort = jsonlinesPort;
    this.extraArgs = extraArgs;
    this.child = null;
    this.output = '';
    this.exitPromise = null;
    this.starts = 0;
  }

  get apiUrl() { return `http://127.0.0.1:${this.apiPort}`; }
  get otlpUrl() { return `http://127.0.0.1:${this.otlpPort}`; }
  // OTLP/gRPC ("host:port"; the exporters take it as http://host:port).
  get grpcAddress() { return `127.0.0.1:${this.grpcPort}`; }
  get pid() { return this.child?.pid; }

  args() {
    const listen = (port) => (port ? `127.0.0.1:${port}` : '');
    return ['serve', '--data-dir', this.dataDir,
      '--listen', `127.0.0.1:${this.apiPort}`,
      '--otlp-http-listen', `127.0.0.1:${this.otlpPort}`,
      // Never the well-known 4317: tests run side by side.
      '--otlp-grpc-listen', this.grpcPort ? `127.0.0.1:${this.grpcPort}` : '',
      '--syslog-listen', listen(this.syslogPort),
      '--jsonlines-listen', listen(this.jsonlinesPort),
      ...this.extraArgs];
  }

  // Last part of the server's stdout+stderr, for failure messages.
  tail(chars = 4000) {
    return this.output.length > chars ? '...' + this.output.slice(-chars) : this.output;
  }

  // Spawns the server and waits until GET /ready answers 200.
  // With waitReady false, returns right after spawning (for killing a server mid-startup).
  async start({ readyTimeoutMs = 30000, waitReady = true } = {}) {
    if (this.child) throw new Error('weft already running');
    this.starts++;
    this.output += `\n----- start #${this.starts}: ${this.bin} ${this.args().join(' ')}\n`;
    const child = spawn(this.bin, this.args(), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    running.add(child);
    const append = (d) => {
      this.output += d.toString();
      if (this.output.length > 200000) this.output = this.output.slice(-100000);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    this.exitPromise = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        running.delete(child);
        resolve({ code, signal });
      });
      child.on('error', (err) => {
        running.delete(child);
        this.output += `spawn error: ${err.message}\n`;
        resolve({ code: null, signal: null, error: err });
      });
    });
    let exited = null;
    this.exitPromise.then((r) => { exited = r; });
    if (!waitReady) return this;

    const deadline = Date.now() + readyTimeoutMs;
    let lastErr = '';
    while (Date.now() < deadline) {
      if (exited) {
        this.child = null;
        throw new Error(`weft exited during startup (code ${exited.code}, signal ${exited.signal})\n${this.tail()}`);
      }
      try {
        const res = await fetch(`${this.apiUrl}/ready`, { signal: AbortSignal.timeout(2000) });
        const body = await res.text();
        if (res.status === 200) return this;
        lastErr = `status ${res.status} ${body}`;
      } catch (e) {
        lastErr = e.cause?.code || e.message;
      }
      await sleep(50);
    }
    await this.kill();
    throw new Error(`weft not ready after ${readyTimeoutMs} ms (last: ${lastErr})\n${this.tail()}`);
  }

  // SIGTERM, then waits for the exit; returns {code, signal}. SIGKILLs after timeoutMs.
  async stop({ timeoutMs = 30000 } = {}) {
    const child = this.child;
    if (!child) return { code: null, signal: null, notRunning: true };
    child.kill('SIGTERM');
    let timer;
    const timeout = new Promise((r) => { timer = setTimeout(() => r(null), timeoutMs); });
    let result = await Promise.race([this.exitPromise, timeout]);
    clearTimeout(timer);
    if (result === null) {
      child.kill('SIGKILL');
      result = await this.exitPromise;
      result = { ...result, timedOut: true };
    }
    this.child = null;
    return result;
  }

  // SIGKILL (a crash); waits for the exit.
  async kill() {
    const child = this.child;
    if (!child) return null;
    child.kill('SIGKILL');
    const result = await this.exitPromise;
    this.child = null;
    return result;
  }
}

// Distinct free ports, `n` of them.
async function freePorts(n) {
  const ports = [];
  while (ports.length < n) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

// Starts a server on free ports with a fresh data dir (or the given one); `syslog` and
// `jsonlines` turn on those listeners (on free ports too: server.syslogPort, jsonlinesPort).
export async function startWeft({ dataDir, extraArgs = [], readyTimeoutMs, syslog = false,
  jsonlines = false } = {}) {
  const dir = dataDir ?? makeDataDir();
  const [apiPort, otlpPort, grpcPort, syslogPort, jsonlinesPort] = await freePorts(5);
  const server = new WeftServer({
    dataDir: dir, apiPort, otlpPort, grpcPort, extraArgs,
    syslogPort: syslog ? syslogPort : 0,
    jsonlinesPort: jsonlines ? jsonlinesPort : 0,
  });
  server.ownsDataDir = dataDir === undefined;
  try {
    await server.start({ readyTimeoutMs });
  } catch (e) {
    if (server.ownsDataDir) removeDataDir(dir);
    throw e;
  }
  return server;
}

// Stops gracefully and asserts a clean exit (code 0); removes the data dir it created.
export async function stopWeft(server, { removeData = true } = {}) {
  if (!server) return;
  const r = await server.stop();
  if (removeData && server.ownsDataDir) removeDataDir(server.dataDir);
  if (r.notRunning) return;
  if (r.timedOut || r.code !== 0) {
    throw new Error(`weft did not stop cleanly on SIGTERM: ${JSON.stringify(r)}\n${server.tail()}`);
  }
}

// GET helper: returns {status, headers, json, text}.
export async function getJson(url, headers = {}) {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(15000) });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}
