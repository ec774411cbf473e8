import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHistogram, durationTicks, niceStep, timeTicks } from './histogram.ts';
import { LEVELS } from './levels.ts';
import { formatDuration } from './time.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);

describe('niceStep', () => {
  it('picks the smallest nice step within the bucket budget', () => {
    assert.equal(niceStep(HOUR, 60), MIN);
    assert.equal(niceStep(HOUR, 59), 2 * MIN);
    assert.equal(niceStep(15 * MIN, 60), 15_000);
    assert.equal(niceStep(24 * HOUR, 60), 30 * MIN);
    assert.equal(niceStep(7 * 24 * HOUR, 60), 3 * HOUR);
    assert.equal(niceStep(100, 60), 2);
  });
  it('goes past the table for huge spans', () => {
    assert.equal(niceStep(3650 * 24 * HOUR, 10), 390 * 24 * HOUR);  // 13 x 30 days
  });
});

describe('buildHistogram', () => {
  it('counts points into aligned buckets stacked by level', () => {
    const points = [
      { ms: T0 + 10, level: 'error' as const },
      { ms: T0 + MIN - 1, level: 'info' as const },
      { ms: T0 + MIN, level: 'info' as const },
      { ms: T0 + 59 * MIN, level: 'unknown' as const },
      { ms: T0 - 1, level: 'info' as const },          // before the range
      { ms: T0 + HOUR + 1, level: 'info' as const },   // after it
    ];
    const h = buildHistogram(points, T0, T0 + HOUR, 60);
    assert.equal(h.stepMs, MIN);
    assert.equal(h.startMs, T0);
    assert.equal(h.totals.length, 61);
    assert.equal(h.counted, 4);
    assert.deepEqual(h.totals.slice(0, 2), [2, 1]);
    assert.equal(h.totals[59], 1);
    assert.equal(h.maxTotal, 2);
    assert.equal(h.counts[LEVELS.indexOf('error')]![0], 1);
    assert.equal(h.counts[LEVELS.indexOf('info')]![0], 1);
    assert.equal(h.counts[LEVELS.indexOf('unknown')]![59], 1);
  });
  it('aligns buckets to the local zone', () => {
    const h = buildHistogram([], T0 + 7 * MIN, T0 + 24 * HOUR, 12, 30 * MIN);  // zone UTC+00:30
    assert.equal(h.stepMs, 2 * HOUR);
    assert.equal(h.startMs, T0 - 30 * MIN);  // 10:00 local time, an even hour there
  });
  it('handles an empty range', () => {
    const h = buildHistogram([{ ms: T0, level: 'info' }], T0, T0, 60);
    assert.equal(h.totals.length, 1);
    assert.equal(h.counted, 1);
  });
});

describe('timeTicks', () => {
  it('places ticks on nice local times inside the range', () => {
    const ticks = timeTicks(T0 + 7 * MIN, T0 + HOUR, 6);
    assert.deepEqual(ticks.map((t) => t.label), ['10:10', '10:20', '10:30', '10:40', '10:50', '11:00']);
    assert.ok(ticks.every((t) => t.at >= T0 + 7 * MIN && t.at <= T0 + HOUR));
  });
  it('shows seconds, milliseconds or dates as the spacing needs', () => {
    assert.equal(timeTicks(T0, T0 + 30_000, 6)[1]!.label, '10:00:05');
    assert.equal(timeTicks(T0, T0 + 500, 5)[1]!.label, '10:00:00.100');
    assert.equal(timeTicks(T0, T0 + 7 * 24 * HOUR, 7)[0]!.label, '11-24');  // the first midnight
  });
});

describe('durationTicks', () => {
  it('uses a 1-2-5 sequence from zero', () => {
    assert.deepEqual(durationTicks(1_000_000_000, 5, formatDuration).map((t) => t.label),
      ['0 ns', '200 ms', '400 ms', '600 ms', '800 ms', '1 s']);
    assert.deepEqual(durationTicks(7_300, 4, formatDuration).map((t) => t.at), [0, 2000, 4000, 6000]);
  });
  it('has one tick for an empty trace', () => {
    assert.equal(durationTicks(0, 5, formatDuration).length, 1);
  });
});
