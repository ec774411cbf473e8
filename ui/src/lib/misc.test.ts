import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { levelOf } from './levels.ts';
import { normalizeTraceId } from './trace_id.ts';
import { assignColors, PALETTE } from './service_colors.ts';
import { barOf } from './waterfall.ts';
import { attributeFields, environmentOf, formatValue } from './fields.ts';

describe('levelOf', () => {
  it('ranks by severity number', () => {
    assert.deepEqual([1, 4, 5, 9, 12, 13, 17, 20, 21, 24].map((n) => levelOf(n, '')),
      ['trace', 'trace', 'debug', 'info', 'info', 'warn', 'error', 'error', 'fatal', 'fatal']);
  });
  it('falls back to the severity text', () => {
    assert.deepEqual(['WARNING', 'Err', 'CRITICAL', 'notice', 'panic', 'x', ''].map((t) => levelOf(0, t)),
      ['warn', 'error', 'fatal', 'info', 'fatal', 'unknown', 'unknown']);
  });
});

describe('normalizeTraceId', () => {
  it('accepts pasted forms', () => {
    assert.equal(normalizeTraceId(' 5B8EFFF7-9803-8103-D269-B633813FC60C '), '5b8efff798038103d269b633813fc60c');
    assert.equal(normalizeTraceId('d269b633813fc60c'), '0000000000000000d269b633813fc60c');
  });
  it('refuses what is not an id', () => {
    for (const bad of ['', 'xyz', '0'.repeat(32), 'a'.repeat(33)]) assert.equal(normalizeTraceId(bad), null, bad);
  });
});

describe('assignColors', () => {
  it('is stable and gives distinct colours to a small set', () => {
    const a = assignColors(['gateway', 'orders', 'payment', 'inventory', 'shipping', 'notification']);
    const b = assignColors(['notification', 'shipping', 'inventory', 'payment', 'orders', 'gateway']);
    assert.deepEqual([...a.entries()].sort(), [...b.entries()].sort());
    assert.equal(new Set(a.values()).size, 6);
    for (const color of a.values()) assert.ok(PALETTE.includes(color));
  });
  it('repeats colours past the palette size', () => {
    const many = assignColors(Array.from({ length: 30 }, (_, i) => `s${i}`));
    assert.equal(many.size, 30);
  });
});

describe('barOf', () => {
  it('places bars as fractions of the trace', () => {
    assert.deepEqual(barOf(25, 50, 100), { left: 0.25, width: 0.5, label: 'right' });
    assert.deepEqual(barOf(50, 40, 100), { left: 0.5, width: 0.4, label: 'left' });
    assert.deepEqual(barOf(0, 0, 0), { left: 0, width: 1, label: 'right' });
    assert.deepEqual(barOf(90, 50, 100), { left: 0.9, width: 0.09999999999999998, label: 'left' });
  });
});

describe('fields', () => {
  it('formats attribute values', () => {
    assert.equal(formatValue('text'), 'text');
    assert.equal(formatValue(42), '42');
    assert.equal(formatValue({ a: [1, true, null] }), '{"a":[1,true,null]}');
    assert.deepEqual(attributeFields({ b: 1, a: 'x' }, 'resource.'),
      [{ name: 'resource.a', value: 'x' }, { name: 'resource.b', value: '1' }]);
  });
  it('reads the environment under either attribute name', () => {
    assert.equal(environmentOf({ attributes: { 'deployment.environment.name': 'prod' } }), 'prod');
    assert.equal(environmentOf({ attributes: { 'deployment.environment': 'staging' } }), 'staging');
    assert.equal(environmentOf({ attributes: {} }), '');
  });
});
