/** Readers: line numbers, gzip, BOM, CSV typing and nesting. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openSource } from '.';
import { InputItem } from './types';
import { toRecord } from './csv';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collusion-readers-'));

async function all(items: AsyncGenerator<InputItem>): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

test('NDJSON: blank lines are skipped but counted, bad JSON is reported at its line, BOM is ignored', async () => {
  const file = path.join(dir, 'a.ndjson');
  fs.writeFileSync(file, '\uFEFF{"type":"lot"}\n\n{oops\r\n{"type":"bid"}\n');
  const items = await all(openSource(file).items());
  expect(items.map((i) => i.line)).toEqual([1, 3, 4]);
  expect(items[0].value).toEqual({ type: 'lot' });
  expect(items[1].parseError).toMatch(/not valid JSON/);
  expect(items[1].raw).toBe('{oops');
});

test('NDJSON: gzip is recognised by content, whatever the name', async () => {
  const file = path.join(dir, 'b.data');
  fs.writeFileSync(file, zlib.gzipSync('{"type":"lot","id":"L"}\n'));
  const items = await all(openSource(file).items());
  expect(items[0].value).toEqual({ type: 'lot', id: 'L' });
});

test('CSV folder: files load in reference order, rows carry their starting line, cells are typed', async () => {
  const folder = path.join(dir, 'csv');
  fs.mkdirSync(folder);
  fs.writeFileSync(
    path.join(folder, 'bid.csv'),
    'id,lot,bidder,price,won\nB1,L1,O1,950000,true\nB2,L1,O2,"cheap",no\n',
  );
  fs.writeFileSync(path.join(folder, 'organization.csv'), 'id,name,phones\nO1,"Alpha, ""Ltd""\nGroup",138;139\n');
  const source = openSource(folder);
  expect(source.format).toBe('csv');
  const items = await all(source.items());
  expect(items.map((i) => [path.basename(i.file), i.line])).toEqual([
    ['organization.csv', 2],
    ['bid.csv', 2],
    ['bid.csv', 3],
  ]);
  expect(items[0].value).toEqual({
    type: 'organization',
    id: 'O1',
    name: 'Alpha, "Ltd"\nGroup',
    phones: ['138', '139'],
  });
  expect(items[1].value).toMatchObject({ price: 950000, won: true });
  expect(items[2].value).toMatchObject({ price: 'cheap', won: false });
});

test('CSV: dotted columns nest, empty cells disappear', () => {
  expect(toRecord('project', { id: 'P', 'events.opened': '2024-01-02', budget: '', name: 'n' })).toEqual({
    type: 'project',
    id: 'P',
    name: 'n',
    events: { opened: '2024-01-02' },
  });
});

test('CSV: a file named after no record type is an input problem', () => {
  const folder = path.join(dir, 'csv-bad');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'tenders.csv'), 'id\n1\n');
  expect(openSource(folder).problems[0].reason).toMatch(/named after no record type/);
});

test('a missing path is a clear error', () => {
  expect(() => openSource(path.join(dir, 'nope.ndjson'))).toThrow(/no such file or folder/);
});
