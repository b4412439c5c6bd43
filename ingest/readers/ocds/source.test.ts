/**
 * The OCDS input source: items with line and JSON path, releases of one ocid merged wherever they
 * sit, record packages (compiled or embedded releases), JSON Lines, problems where they are, the
 * unmapped count, and a record package streaming through a stream the test controls.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { openSource } from '..';
import { InputItem } from '../types';
import { OcdsReader } from './source';
import { releasePackage, roadRelease } from './test-documents';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-ocds-source-'));

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

async function all(items: AsyncGenerator<InputItem>): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const typed = (items: InputItem[], type: string) =>
  items.filter((i) => (i.value as { type?: string } | undefined)?.type === type);

test('a release package gives canonical items at the release line, with paths, and counts what it left', async () => {
  const source = openSource(file('road.json', releasePackage([roadRelease()])));
  const items = await all(source.items());
  expect(items.every((i) => i.line === 9 && i.parseError === undefined)).toBe(true);
  expect(items.map((i) => i.path)).toEqual([
    'releases[0].parties[0]',
    'releases[0].parties[1]',
    'releases[0].parties[2]',
    'releases[0].parties[3]',
    'releases[0].parties[4]',
    'releases[0].tender',
    'releases[0].tender.lots[0]',
    'releases[0].tender.lots[1]',
    'releases[0].bids.details[0]',
    'releases[0].bids.details[1]',
    'releases[0].bids.details[2]',
  ]);
  expect(JSON.parse(items[5].raw)).toEqual(items[5].value);
  const unmapped = source.unmapped!();
  expect(unmapped.paths).toMatchObject({ uri: 1, version: 1, publishedDate: 1, 'publisher.name': 1 });
  expect(unmapped.paths['releases[].tender.items[].classification.scheme']).toBe(2);
});

test('releases of one ocid merge in date order wherever they sit; a party repeated unchanged is passed on once', async () => {
  const tender: Record<string, unknown> = {
    ...roadRelease('ocds-m'),
    date: '2024-03-01T00:00:00Z',
    awards: [],
    contracts: [],
  };
  (tender.tender as Record<string, unknown>).title = 'first title';
  const award = roadRelease('ocds-m');
  const other = roadRelease('ocds-other');
  const items = await all(openSource(file('spread.json', releasePackage([award, other, tender]))).items());
  const projects = typed(items, 'project');
  expect(projects.map((p) => (p.value as { id: string }).id)).toEqual(['ocds-other', 'ocds-m']);
  expect(projects[1].value).toMatchObject({ name: '金水区道路改造工程' });
  expect(projects[1].path).toBe('releases[0].tender'); // where the first release of the ocid is
  expect(typed(items, 'bid').filter((b) => (b.value as { won?: boolean }).won)).toHaveLength(2);
  expect(typed(items, 'organization')).toHaveLength(5);
});

test('a record package uses compiledRelease, else merges the embedded releases', async () => {
  const compiled = roadRelease('ocds-c');
  const early = { ...roadRelease('ocds-e'), date: '2024-01-01T00:00:00Z', tender: { title: 'early', id: 'T' } };
  const late = { ocid: 'ocds-e', id: 'r2', date: '2024-02-01T00:00:00Z', tender: { title: 'late' } };
  const records = {
    uri: 'u',
    records: [
      { ocid: 'ocds-c', compiledRelease: compiled, releases: [{ url: 'https://example.org/r1.json', date: 'x' }] },
      { ocid: 'ocds-e', releases: [late, early] },
      { ocid: 'ocds-l', releases: [{ url: 'https://example.org/l.json' }] },
    ],
  };
  const source = openSource(file('records.json', JSON.stringify(records, null, 1)));
  const items = await all(source.items());
  const projects = typed(items, 'project');
  expect(projects.map((p) => [p.path, (p.value as { name: string }).name])).toEqual([
    ['records[0].compiledRelease.tender', '金水区道路改造工程'],
    ['records[1].tender', 'late'],
  ]);
  expect(items.filter((i) => i.parseError)).toEqual([
    expect.objectContaining({
      path: 'records[2]',
      field: 'compiledRelease',
      parseError: expect.stringMatching(/only links/),
    }),
  ]);
  expect(source.unmapped!().paths).toMatchObject({
    'records[].compiledRelease.language': 1,
    'records[].releases[].language': 1,
  });
});

test('JSON Lines: one release per line; a bad line and a release without ocid are problems at their line', async () => {
  const lines = [
    JSON.stringify(roadRelease('ocds-1')),
    '',
    '{"ocid": "ocds-2", "tender": {',
    JSON.stringify({ ...roadRelease('ocds-3'), ocid: undefined }),
    JSON.stringify(roadRelease('ocds-4')),
  ];
  const source = openSource(file('lines.jsonl.gz', zlib.gzipSync(lines.join('\n'))));
  const items = await all(source.items());
  expect(items.filter((i) => i.parseError)).toEqual([
    expect.objectContaining({ line: 3, parseError: expect.stringMatching(/^not valid JSON at column 31/) }),
    expect.objectContaining({ line: 4, field: 'ocid', parseError: expect.stringMatching(/^is required.*line 4/) }),
  ]);
  expect(typed(items, 'project').map((p) => [p.line, p.path])).toEqual([
    [1, 'tender'],
    [5, 'tender'],
  ]);
  expect(source.unmapped!().paths['language']).toBe(2);
});

test('a package release without ocid is a problem at its JSON path', async () => {
  const broken = { ...roadRelease(), ocid: '' };
  const items = await all(openSource(file('no-ocid.json', releasePackage([roadRelease('ok'), broken]))).items());
  expect(items.filter((i) => i.parseError)).toEqual([
    expect.objectContaining({
      path: 'releases[1]',
      field: 'ocid',
      parseError: expect.stringMatching(/add the ocid to releases\[1\]/),
    }),
  ]);
});

test('a record package streams: records of the first record come before the file has been read to the end', async () => {
  const input = new PassThrough();
  const reader = new OcdsReader('stream.json', 'record-package', () => input as Readable);
  const items = reader.items();
  const compiled = JSON.stringify({ ocid: 'ocds-s1', compiledRelease: roadRelease('ocds-s1') });
  input.write(`{"uri": "u", "records": [\n${compiled},\n{"ocid": "ocds-s2", "compiledRel`);
  const first = await items.next();
  expect(first.value).toMatchObject({ line: 2, path: 'records[0].compiledRelease.parties[0]' });
  expect(input.writableEnded).toBe(false);
  input.end(`ease": ${JSON.stringify(roadRelease('ocds-s2'))}}]}`);
  const rest = [];
  for (let next = await items.next(); !next.done; next = await items.next()) rest.push(next.value);
  expect(rest.filter((i) => (i.value as { type: string }).type === 'project').map((i) => i.path)).toEqual([
    'records[0].compiledRelease.tender',
    'records[1].compiledRelease.tender',
  ]);
});
