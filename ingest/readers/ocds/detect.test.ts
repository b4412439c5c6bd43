/** Detection by content: packages, JSON Lines, gzip, and canonical NDJSON left alone. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openSource } from '..';
import { detectOcds, detectOcdsFile } from './detect';
import { releasePackage, roadRelease } from './test-documents';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-ocds-detect-'));

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

test('a release package, pretty-printed or on one line, is recognised whatever comes before its releases', () => {
  expect(detectOcds(releasePackage([roadRelease()]), true)).toBe('release-package');
  expect(detectOcds(JSON.stringify({ uri: 'u', releases: [roadRelease()] }), true)).toBe('release-package');
  const long = `{"publisher": {"name": "${'x'.repeat(5000)}"},\n "releases": [\n`; // cut before the end
  expect(detectOcds(long, false)).toBe('release-package');
});

test('a record package is recognised', () => {
  const records = { uri: 'u', records: [{ ocid: 'ocds-1', compiledRelease: roadRelease('ocds-1') }] };
  expect(detectOcds(JSON.stringify(records, null, 2), true)).toBe('record-package');
});

test('JSON Lines of releases or records are recognised by an ocid on the first line', () => {
  const lines = [roadRelease('ocds-1'), roadRelease('ocds-2')].map((r) => JSON.stringify(r)).join('\n');
  expect(detectOcds(`\uFEFF\n${lines}\n`, true)).toBe('json-lines');
  expect(detectOcds(JSON.stringify({ ocid: 'ocds-1', releases: [roadRelease('ocds-1')] }), true)).toBe('json-lines');
});

test('canonical NDJSON is not OCDS, even with fields named ocid or records', () => {
  const ndjson = [
    { type: 'organization', id: 'O1', name: 'A', ocid: 'x' },
    { type: 'project', id: 'P', name: 'n', tenderer: 'O1', records: [] },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n');
  expect(detectOcds(ndjson, true)).toBeUndefined();
  expect(detectOcds('{"type": "lot",\n "id": "L", "records": [1]}', true)).toBeUndefined();
  expect(detectOcds('id,name\n1,a\n', true)).toBeUndefined();
  expect(detectOcds('[{"ocid": "x"}]', true)).toBeUndefined();
});

test('gzip files are read for detection, and openSource picks the OCDS reader by content', () => {
  const gz = file('releases.data', zlib.gzipSync(releasePackage([roadRelease()])));
  expect(detectOcdsFile(gz)).toBe('release-package');
  expect(openSource(gz).format).toBe('ocds');
  const ndjson = file('plain.json', zlib.gzipSync('{"type":"lot","id":"L","project":"P"}\n'));
  expect(openSource(ndjson).format).toBe('ndjson');
  expect(openSource(file('empty.ndjson', '')).format).toBe('ndjson');
});
