import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compareNs, describeBound, formatClock, formatDuration, fromDatetimeLocal, msToNs, nsDiff, nsToMs,
  parseDurationMs, resolveBound, resolveRange, toDatetimeLocal,
} from './time.ts';

const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);  // tests run with TZ=UTC

describe('parseDurationMs', () => {
  it('reads every unit', () => {
    assert.equal(parseDurationMs('500ms'), 500);
    assert.equal(parseDurationMs('15m'), 15 * 60_000);
    assert.equal(parseDurationMs('1.5h'), 5_400_000);
    assert.equal(parseDurationMs('7d'), 7 * 86_400_000);
    assert.equal(parseDurationMs('2w'), 14 * 86_400_000);
  });
  it('refuses what is not a duration', () => {
    for (const bad of ['', 'm', '15', '15x', '-5m', '1h30m']) assert.equal(parseDurationMs(bad), null, bad);
  });
});

describe('resolveBound', () => {
  it('resolves relative bounds against now', () => {
    assert.equal(resolveBound('now', NOW), NOW);
    assert.equal(resolveBound('now-15m', NOW), NOW - 900_000);
    assert.equal(resolveBound('now+1h', NOW), NOW + 3_600_000);
    assert.equal(resolveBound('now-x', NOW), null);
  });
  it('reads epoch milliseconds and ISO dates', () => {
    assert.equal(resolveBound('1795428245123', NOW), 1795428245123);
    assert.equal(resolveBound('2026-11-23T10:04:05Z', NOW), Date.UTC(2026, 10, 23, 10, 4, 5));
    assert.equal(resolveBound('2026-11-23T10:04:05.5+01:00', NOW), Date.UTC(2026, 10, 23, 9, 4, 5, 500));
  });
  it('refuses garbage', () => {
    for (const bad of ['yesterday', '12345', '2026-13-45T99:00:00Z', '']) {
      assert.equal(resolveBound(bad, NOW), null, bad);
    }
  });
});

describe('resolveRange', () => {
  it('resolves both bounds', () => {
    assert.deepEqual(resolveRange('now-1h', 'now', NOW), { fromMs: NOW - 3_600_000, toMs: NOW });
  });
  it('says which bound is wrong', () => {
    assert.match((resolveRange('bad', 'now', NOW) as { error: string }).error, /start time "bad"/);
    assert.match((resolveRange('now-1h', 'bad', NOW) as { error: string }).error, /end time "bad"/);
    assert.match((resolveRange('now', 'now-1h', NOW) as { error: string }).error, /after the end/);
  });
});

describe('nanoseconds', () => {
  it('converts milliseconds to exact nanosecond strings', () => {
    assert.equal(msToNs(1795428245123), '1795428245123000000');
    assert.equal(msToNs(1795428245123.5), '1795428245123500000');
    assert.equal(msToNs(0), '0');
  });
  it('converts nanosecond strings to milliseconds with microsecond precision', () => {
    assert.equal(nsToMs('1795428245123456789'), 1795428245123.456);
    assert.equal(nsToMs('not a number'), 0);
  });
  it('subtracts beyond 2^53 exactly', () => {
    assert.equal(nsDiff('1795428245350000001', '1795428245100000000'), 250_000_001);
    assert.equal(nsDiff('1795428245100000000', '1795428245350000001'), -250_000_001);
    assert.equal(nsDiff('1795428245000999999', '1795428244999000001'), 1_999_998);
    assert.equal(nsDiff('500', '20'), 480);
  });
  it('orders nanosecond strings by value', () => {
    assert.ok(compareNs('1795428245123456790', '1795428245123456789') > 0);
    assert.ok(compareNs('999', '1000') < 0);
    assert.equal(compareNs('42', '42'), 0);
  });
});

describe('formatDuration', () => {
  it('picks a unit and three significant digits', () => {
    assert.equal(formatDuration(850), '850 ns');
    assert.equal(formatDuration(12_345), '12.3 µs');
    assert.equal(formatDuration(1_500_000), '1.5 ms');
    assert.equal(formatDuration(456_000_000), '456 ms');
    assert.equal(formatDuration(1_234_000_000), '1.23 s');
    assert.equal(formatDuration(123_000_000_000), '2m 03s');
    assert.equal(formatDuration(7_380_000_000_000), '2h 03m');
    assert.equal(formatDuration(0), '0 ns');
  });
});

describe('display of times', () => {
  it('formats local wall-clock times', () => {
    assert.equal(formatClock(Date.UTC(2026, 10, 23, 9, 4, 5, 7)), '09:04:05.007');
    assert.equal(formatClock(Date.UTC(2026, 10, 23, 9, 4, 5, 7), true), '2026-11-23 09:04:05.007');
  });
  it('round-trips datetime-local values', () => {
    const ms = Date.UTC(2026, 10, 23, 9, 4, 5);
    assert.equal(toDatetimeLocal(ms), '2026-11-23T09:04:05');
    assert.equal(fromDatetimeLocal('2026-11-23T09:04:05'), ms);
    assert.equal(fromDatetimeLocal('2026-11-23T09:04'), ms - 5000);
    assert.equal(fromDatetimeLocal('2026-11-23'), null);
  });
  it('describes bounds', () => {
    assert.equal(describeBound('now-15m'), 'now-15m');
    assert.equal(describeBound(String(Date.UTC(2026, 10, 23, 9, 4, 5))), '2026-11-23 09:04:05');
  });
});
