#!/usr/bin/env node
// What `npm start`, `npm test` and `npm run bench:*` run first on any checkout, fresh or not:
// install the npm dependencies when package-lock.json is newer than node_modules, compile the
// TypeScript, bundle the viewer (viz/build.js → dist/viz), then hand over. Plain Node with no dependencies, since it runs before they exist.
// The embedded Neo4j's jars and redis-server are set up by the code that starts them.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const root = path.resolve(__dirname, '..');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) {
    process.stderr.write(`bootstrap: could not run ${command}: ${result.error.message}\n`);
    process.exit(3);
  }
  return result.status ?? 1;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function ensureDependencies() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (mtime(installed) >= mtime(path.join(root, 'package-lock.json'))) return;
  process.stderr.write('bootstrap: installing npm dependencies (npm ci)…\n');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) {
    process.stderr.write('bootstrap: npm ci failed; check network access to the npm registry and try again\n');
    process.exit(3);
  }
}

function build() {
  let status = run(process.execPath, [
    path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    'tsconfig.build.json',
  ]);
  if (status !== 0) process.exit(status);
  status = run(process.execPath, [path.join(root, 'viz', 'build.js')]);
  if (status !== 0) process.exit(status);
}

function node(args) {
  return run(process.execPath, args);
}

/**
 * Type check, lint and formatting first, then jest whatever they said (so one run shows every
 * problem), then jest's own summary and one plain line that any CI log reader understands.
 */
function test(extraArgs) {
  const bin = (name) => path.join(root, 'node_modules', '.bin', name);
  const failedChecks = [];
  for (const [label, command, args] of [
    [
      'typecheck',
      process.execPath,
      [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit'],
    ],
    [
      'typecheck viz',
      process.execPath,
      [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'viz/tsconfig.json', '--noEmit'],
    ],
    ['eslint', bin('eslint'), ['.']],
    ['prettier', bin('prettier'), ['--check', '.', '--log-level', 'warn']],
  ]) {
    process.stderr.write(`bootstrap: ${label}…\n`);
    if (run(command, args) !== 0) failedChecks.push(label);
  }
  const resultsFile = path.join(os.tmpdir(), `collusion-jest-${process.pid}.json`);
  let status = run(bin('jest'), ['--runInBand', '--json', `--outputFile=${resultsFile}`, ...extraArgs]);
  if (failedChecks.length > 0) {
    process.stderr.write(`bootstrap: ${failedChecks.join(', ')} failed (npm run format fixes formatting)\n`);
    status = status || 1;
  }
  try {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    fs.rmSync(resultsFile, { force: true });
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0) + failedChecks.length;
    process.stdout.write(
      `\ntests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  } catch {
    process.stdout.write('\ntests: 0 passed, 1 failed\n');
    return status === 0 ? 1 : status;
  }
  return status;
}

const [command, ...rest] = process.argv.slice(2);
ensureDependencies();
switch (command) {
  case 'start':
    build();
    process.exit(node([path.join(root, 'bin', 'collusion.js'), 'start', ...rest]));
    break;
  case 'test':
    build(); // the bull sandboxed processor runs from dist/, the browser tests load dist/viz
    process.exit(test(rest));
    break;
  case 'bench':
    build();
    process.exit(node([path.join(root, 'dist', 'bench', `${rest[0]}.js`), ...rest.slice(1)]));
    break;
  default:
    process.stderr.write('usage: node scripts/bootstrap.js start|test|bench <name>\n');
    process.exit(2);
}
