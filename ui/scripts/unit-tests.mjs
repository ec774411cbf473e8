// Runs the UI's unit tests: compiles src/**/*.test.ts (and what they import) with tsc into
// $WEFT_UI_TEST_OUT (default .test-out), then runs them with node's test runner in UTC.
//   npm test            (or: node scripts/unit-tests.mjs)
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.env.WEFT_UI_TEST_OUT || path.join(ui, '.test-out'));

function run(args) {
  const result = spawnSync(process.execPath, args, {
    cwd: ui, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync(out, { recursive: true, force: true });
const tsc = path.join(ui, 'node_modules', 'typescript', 'bin', 'tsc');
run([tsc, '-p', path.join(ui, 'tsconfig.test.json'), '--outDir', out]);
const tests = readdirSync(out, { recursive: true })
  .filter((f) => f.endsWith('.test.js'))
  .map((f) => path.join(out, f))
  .sort();
if (tests.length === 0) {
  console.error(`no compiled tests found in ${out}`);
  process.exit(1);
}
run(['--test', '--test-reporter=spec', ...tests]);
