import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_EXPLORE, exploreQuery, formatExploreState, parseExploreState } from './explore_state.ts';
import { logsUrl } from '../api/logs.ts';

const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);

describe('explore state in the URL', () => {
  it('round-trips every field', () => {
    const state = {
      from: 'now-6h', to: 'now', service: 'payment', env: 'prod', level: 'error' as const,
      text: 'card declined', traceId: '5b8efff798038103d269b633813fc60c', limit: 5000, live: true,
    };
    const search = formatExploreState(state);
    assert.equal(search,
      '?from=now-6h&service=payment&env=prod&level=error&q=card+declined&trace=5b8efff798038103d269b633813fc60c&limit=5000&live=1');
    assert.deepEqual(parseExploreState(search), state);
  });
  it('leaves defaults out', () => {
    assert.equal(formatExploreState(DEFAULT_EXPLORE), '');
    assert.deepEqual(parseExploreState(''), DEFAULT_EXPLORE);
  });
  it('ignores values it does not know', () => {
    const state = parseExploreState('?level=loud&limit=7&live=yes');
    assert.equal(state.level, '');
    assert.equal(state.limit, DEFAULT_EXPLORE.limit);
    assert.equal(state.live, false);
  });
});

describe('exploreQuery', () => {
  it('resolves the range to nanoseconds and keeps only the filters set', () => {
    const result = exploreQuery({ ...DEFAULT_EXPLORE, service: 'payment', level: 'warn', traceId: ' ABC ' }, NOW);
    assert.ok(!('error' in result));
    assert.deepEqual(result.range, { fromMs: NOW - 3_600_000, toMs: NOW });
    assert.deepEqual(result.query, {
      startNs: '1795424400000000000', endNs: '1795428000000000000', limit: 1000,
      service: 'payment', severity: 'warn', traceId: 'abc',
    });
    assert.equal(logsUrl(result.query),
      '/api/v1/logs?service=payment&severity=warn&start=1795424400000000000&end=1795428000000000000&trace_id=abc&limit=1000');
  });
  it('reports a bad range', () => {
    assert.deepEqual(exploreQuery({ ...DEFAULT_EXPLORE, from: 'soon' }, NOW), { error: 'cannot read the start time "soon"' });
  });
});
