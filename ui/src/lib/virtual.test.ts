import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedRows, moveIndex, scrollToReveal, variableRows, visibleRange } from './virtual.ts';

describe('fixedRows', () => {
  it('places rows at multiples of the height', () => {
    const rows = fixedRows(10_000, 22);
    assert.equal(rows.total, 220_000);
    assert.equal(rows.top(100), 2200);
    assert.equal(rows.indexAt(2199), 99);
    assert.equal(rows.indexAt(2200), 100);
    assert.equal(rows.indexAt(1e9), 9999);
    assert.equal(rows.indexAt(-5), 0);
  });
});

describe('variableRows', () => {
  it('adds the overridden heights', () => {
    const rows = variableRows(5, 20, new Map([[1, 100], [3, 50]]));
    assert.equal(rows.total, 20 + 100 + 20 + 50 + 20);
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => rows.top(i)), [0, 20, 120, 140, 190]);
    assert.equal(rows.height(1), 100);
    assert.equal(rows.indexAt(119.5), 1);
    assert.equal(rows.indexAt(120), 2);
    assert.equal(rows.indexAt(209), 4);
  });
});

describe('visibleRange', () => {
  it('covers the viewport plus overscan', () => {
    const rows = fixedRows(10_000, 20);
    assert.deepEqual(visibleRange(rows, 0, 400, 0), { start: 0, end: 21 });
    assert.deepEqual(visibleRange(rows, 1000, 400, 100), { start: 45, end: 76 });
    assert.deepEqual(visibleRange(rows, 199_900, 400, 0), { start: 9995, end: 10_000 });
  });
  it('renders a bounded number of rows for 100,000 rows', () => {
    const rows = variableRows(100_000, 20, new Map([[500, 300]]));
    const { start, end } = visibleRange(rows, 50_000, 800, 200);
    assert.ok(end - start <= 62, `${end - start} rows`);
  });
  it('is empty for no rows', () => {
    assert.deepEqual(visibleRange(fixedRows(0, 20), 0, 400, 100), { start: 0, end: 0 });
  });
});

describe('scrollToReveal', () => {
  it('scrolls as little as possible', () => {
    const rows = fixedRows(100, 20);
    assert.equal(scrollToReveal(rows, 5, 0, 200), 0);       // visible already
    assert.equal(scrollToReveal(rows, 10, 0, 200), 20);      // just below: its bottom at 220
    assert.equal(scrollToReveal(rows, 2, 100, 200), 40);     // above: its top
  });
});

describe('moveIndex', () => {
  it('moves by the navigation keys within bounds', () => {
    assert.equal(moveIndex('j', 0, 10), 1);
    assert.equal(moveIndex('ArrowUp', 0, 10), 0);
    assert.equal(moveIndex('PageDown', 5, 10), 9);
    assert.equal(moveIndex('End', 0, 10), 9);
    assert.equal(moveIndex('Home', 7, 10), 0);
    assert.equal(moveIndex('x', 3, 10), null);
  });
});
