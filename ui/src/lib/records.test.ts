import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LogRecord } from '../api/types.ts';
import { dropOlderThan, mergeNewest, recordTimeNs } from './records.ts';

function rec(time: number, body = `line ${time}`, observed = 0): LogRecord {
  return {
    time: '', time_unix_nano: String(time), observed_time_unix_nano: String(observed),
    severity: 'INFO', severity_number: 9, body, service: 's', trace_id: '', span_id: '', flags: 0,
    event_name: '', attributes: {}, dropped_attributes_count: 0,
    resource: { attributes: {}, dropped_attributes_count: 0, schema_url: '' },
    scope: { name: '', version: '', attributes: {}, dropped_attributes_count: 0, schema_url: '' },
  };
}
const bodies = (records: LogRecord[]) => records.map((r) => r.body);

describe('recordTimeNs', () => {
  it('falls back to the observed time', () => {
    assert.equal(recordTimeNs(rec(5)), '5');
    assert.equal(recordTimeNs(rec(0, 'x', 7)), '7');
  });
});

describe('mergeNewest', () => {
  it('adds new records in time order and skips those already shown', () => {
    const shown = [rec(50), rec(40), rec(30)];
    const incoming = [rec(60), rec(50), rec(45), rec(40)];  // overlaps, and a late one (45)
    const { records, added } = mergeNewest(shown, incoming, 100);
    assert.equal(added, 2);
    assert.deepEqual(bodies(records), ['line 60', 'line 50', 'line 45', 'line 40', 'line 30']);
  });
  it('keeps the newest max', () => {
    const { records } = mergeNewest([rec(3), rec(2), rec(1)], [rec(4)], 2);
    assert.deepEqual(bodies(records), ['line 4', 'line 3']);
  });
  it('compares nanosecond times beyond 2^53 exactly', () => {
    const a = { ...rec(0), time_unix_nano: '1795428245123456789', body: 'a' };
    const b = { ...rec(0), time_unix_nano: '1795428245123456790', body: 'b' };
    assert.deepEqual(bodies(mergeNewest([a], [b], 10).records), ['b', 'a']);
  });
});

describe('dropOlderThan', () => {
  it('cuts the old tail', () => {
    assert.deepEqual(bodies(dropOlderThan([rec(30), rec(20), rec(10)], '20')), ['line 30', 'line 20']);
    assert.deepEqual(dropOlderThan([rec(5)], '10'), []);
  });
});
