#!/usr/bin/env node
// Bundles the investigator viewer (viz/src) with esbuild into dist/viz/ (index.html, app.js,
// style.css), which the API serves at `/`, and the render benchmark page (viz/bench) into
// dist/viz-bench/. Run by scripts/bootstrap.js and `npm run build`; `--watch` rebuilds on change.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');

const targets = [
  { entry: 'viz/src/main.ts', outDir: 'dist/viz', files: ['viz/index.html', 'viz/style.css'] },
  { entry: 'viz/bench/render-page.ts', outDir: 'dist/viz-bench', files: ['viz/bench/index.html'] },
];

function options(target) {
  return {
    absWorkingDir: root,
    entryPoints: [target.entry],
    outfile: path.join(root, target.outDir, 'app.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  };
}

function copyStatic(target) {
  for (const file of target.files) {
    fs.copyFileSync(path.join(root, file), path.join(root, target.outDir, path.basename(file)));
  }
}

async function main() {
  const watch = process.argv.includes('--watch');
  for (const target of targets) {
    fs.mkdirSync(path.join(root, target.outDir), { recursive: true });
    copyStatic(target);
    if (watch) await (await esbuild.context(options(target))).watch();
    else await esbuild.build(options(target));
  }
  if (watch) process.stderr.write('viz: watching viz/ for changes\n');
}

main().catch((error) => {
  process.stderr.write(`viz: build failed: ${error.message}\n`);
  process.exit(1);
});
