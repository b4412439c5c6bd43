#!/usr/bin/env node
// Entry point of the `collusion` command: runs the compiled CLI from dist/.
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'index.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('collusion: not built yet; run `npm run build` (npm start and npm test build it for you)\n');
  process.exit(1);
}
require(entry).main(process.argv);
