// Grafana's own LogQL grammar (@grafana/lezer-logql, what the Loki data source's editor
// parses with) against every query of the golden tests: each query weft accepts must parse
// there without an error node, and each case named "syntax error ..." must fail there too, so
// weft's grammar and Grafana's agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parser } from '@grafana/lezer-logql';

const here = path.dirname(fileURLToPath(import.meta.url));
const goldenDir = path.join(here, 'golden');

// Every case of every golden file: {file, name, query}.
function goldenCases() {
  const cases = [];
  for (const file of readdirSync(goldenDir).filter((f) => f.endsWith('.txt')).sort()) {
    let name = null;
    for (const line of readFileSync(path.join(goldenDir, file), 'utf8').split('\n')) {
      if (line.startsWith('== case ')) name = line.slice(8);
      else if (name && line.startsWith('query: ')) cases.push({ file, name, query: line.slice(7) });
    }
  }
  return cases;
}

// The first error node of a parse, or null.
function firstError(query) {
  const tree = parser.parse(query);
  let error = null;
  tree.iterate({
    enter(node) {
      if (error) return false;
      if (node.type.isError) error = { from: node.from, to: node.to };
      return undefined;
    },
  });
  return error;
}

const cases = goldenCases();

test('the golden files hold queries', () => {
  assert.ok(cases.length >= 60, `only ${cases.length} golden queries found`);
});

for (const c of cases) {
  const expectError = c.name.startsWith('syntax error');
  test(`${c.file}: ${c.name}`, () => {
    const error = firstError(c.query);
    if (expectError) {
      assert.ok(error, `Grafana's grammar accepts a query weft rejects: ${c.query}`);
    } else {
      assert.equal(error, null, `Grafana's grammar rejects ${c.query} at ${JSON.stringify(error)}: ` +
        `"${error ? c.query.slice(error.from, error.to + 10) : ''}"`);
    }
  });
}
