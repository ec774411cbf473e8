// Benchmark of the web UI's rendering: how long a trace of N spans and a page of 5,000 log
// records take to show, and how long each frame takes while scrolling through them.
//
//   make build test-deps && node bench/ui-render.mjs            (SPANS=1000,10000,50000)
//
// Starts `weft serve` (build/weft, or $WEFT_BIN) on free 127.0.0.1 ports with a temporary data
// dir, posts the traces and logs over OTLP/HTTP JSON, drives Debian's chromium (headless,
// playwright-core from tests/ui) and prints a table. Figures: docs/benchmarks.md.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { startWeft, stopWeft } from '../tests/lib/weft_server.mjs';
import { hex, log, logsRequest, post, span, tracesRequest } from '../tests/ui/otlp_json.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(path.join(here, '../tests/ui/package.json'))('playwright-core');
const sizes = (process.env.SPANS || '1000,10000,50000').split(',').map(Number);
const BASE_NS = BigInt(Date.now() - 120_000) * 1_000_000n;
const CHUNK = 10_000;

// A trace of n spans: a root, 100 children, the rest spread below them; one error deep inside.
async function postTrace(otlpUrl, n) {
  const traceId = hex(16);
  const root = hex(8);
  const parents = Array.from({ length: 100 }, () => hex(8));
  const all = [span({ traceId, baseNs: BASE_NS, spanId: root, name: 'root', start: 0, duration: 60_000 })];
  parents.forEach((id, i) => all.push(span({ traceId, baseNs: BASE_NS, spanId: id, parentId: root, name: `step ${i}`, start: i * 500, duration: 500 })));
  for (let i = all.length; i < n; i++) {
    const p = i % 100;
    all.push(span({ traceId, baseNs: BASE_NS, spanId: hex(8), parentId: parents[p], name: `item ${i}`,
      start: p * 500 + (i % 400), duration: 3, error: i === n - 7 ? 'rejected' : '' }));
  }
  for (let i = 0; i < all.length; i += CHUNK) await post(otlpUrl, 'traces', tracesRequest({ bench: all.slice(i, i + CHUNK) }));
  return traceId;
}

async function postLogs(otlpUrl, n) {
  const records = Array.from({ length: n }, (_, i) => log({ baseNs: BASE_NS, ms: i * 10, severity: i % 7 ? 'INFO' : 'WARN', body: `bench line ${i} ${'x'.repeat(i % 80)}` }));
  await post(otlpUrl, 'logs', logsRequest({ benchlogs: records }));
}

// Scrolls `selector` by `step` px (about 25 rows) per animation frame for `frames` frames; returns frame times.
function scrollFrames(page, selector, step, frames) {
  return page.evaluate(async ({ selector, step, frames }) => {
    const list = document.querySelector(selector);
    const times = [];
    let last = performance.now();
    for (let i = 0; i < frames; i++) {
      list.scrollTop += step;
      await new Promise((r) => requestAnimationFrame(() => r()));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  }, { selector, step, frames });
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;

// Opens `url` in a fresh tab (so no earlier page's garbage is collected during this one).
async function measure(context, url, ready, listSelector) {
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 120_000 });
  const shownMs = Date.now() - started;
  const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  const frames = await scrollFrames(page, listSelector, 600, 240);
  const rows = await page.locator(`${listSelector} .vrow`).count();
  await page.close();
  return { shownMs, longest, p50: pct(frames, 0.5), p90: pct(frames, 0.9), p99: pct(frames, 0.99), max: Math.max(...frames), rows };
}

const server = await startWeft({ extraArgs: ['--limits-memory-budget-bytes', '4GiB'] });
const browser = await chromium.launch({ executablePath: process.env.WEFT_CHROMIUM || '/usr/bin/chromium', headless: true });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Long tasks are only reported to observers registered before they happen.
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask' });
  });
  const results = [];
  for (const n of sizes) {
    const id = await postTrace(server.otlpUrl, n);
    const r = await measure(context, `${server.apiUrl}/trace/${id}`, '.span-row.selected', '.span-list');
    results.push({ what: `trace of ${n} spans`, ...r });
  }
  await postLogs(server.otlpUrl, 5000);
  results.push({ what: '5,000 log records', ...await measure(context, `${server.apiUrl}/explore?service=benchlogs&limit=5000&from=now-1d`, '.log-line', '.log-list') });
  console.log('| page | shown after (navigation to first rows, API included) | longest task | frame p50 | frame p90 | frame p99 | frame max | rows in DOM |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.what} | ${r.shownMs} ms | ${ms(r.longest)} | ${ms(r.p50)} | ${ms(r.p90)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.rows} |`);
  }
} finally {
  await browser.close();
  await stopWeft(server);
}
