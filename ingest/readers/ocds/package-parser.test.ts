/**
 * The package parser: elements and fields with their lines, any chunking, syntax errors with line
 * and column, and streaming (an element comes out before the package has been read to the end).
 */
import { PassThrough } from 'node:stream';
import { packageEntries } from './entries';
import { PackageEvent, PackageParser } from './package-parser';

const PACKAGE = [
  '{',
  '  "uri": "https://example.org/p.json",',
  '  "publisher": {"name": "Centre"},',
  '  "releases": [',
  '    {"ocid": "ocds-1", "tender": {"title": "A \\"quoted\\" [title] {x}"}},',
  '    {"ocid": "ocds-2",',
  '     "tag": ["tender"]}',
  '  ],',
  '  "version": "1.1",',
  '  "count": 2',
  '}',
].join('\n');

function parseAll(chunks: string[]): PackageEvent[] {
  const parser = new PackageParser();
  return [...chunks.flatMap((chunk) => parser.feed(chunk)), ...parser.end()];
}

test('elements and top-level fields come out with the line they start on', () => {
  expect(parseAll([PACKAGE])).toEqual([
    { kind: 'field', key: 'uri', line: 2, value: 'https://example.org/p.json' },
    { kind: 'field', key: 'publisher', line: 3, value: { name: 'Centre' } },
    { kind: 'array', name: 'releases', line: 4 },
    {
      kind: 'element',
      name: 'releases',
      index: 0,
      line: 5,
      value: { ocid: 'ocds-1', tender: { title: 'A "quoted" [title] {x}' } },
    },
    { kind: 'element', name: 'releases', index: 1, line: 6, value: { ocid: 'ocds-2', tag: ['tender'] } },
    { kind: 'field', key: 'version', line: 9, value: '1.1' },
    { kind: 'field', key: 'count', line: 10, value: 2 },
  ]);
});

test('the result does not depend on where chunks are cut', () => {
  const whole = parseAll([PACKAGE]);
  expect(parseAll([...PACKAGE])).toEqual(whole);
  for (let cut = 1; cut < PACKAGE.length; cut += 7)
    expect(parseAll([PACKAGE.slice(0, cut), PACKAGE.slice(cut)])).toEqual(whole);
});

test('a BOM, an empty package and a record package parse', () => {
  expect(parseAll(['\uFEFF{}'])).toEqual([]);
  expect(parseAll(['{"records": [{"ocid": "x", "compiledRelease": {}}]}'])).toEqual([
    { kind: 'array', name: 'records', line: 1 },
    { kind: 'element', name: 'records', index: 0, line: 1, value: { ocid: 'x', compiledRelease: {} } },
  ]);
});

function errorOf(text: string) {
  const last = parseAll([text]).pop();
  if (last?.kind !== 'error') throw new Error(`expected a syntax error for ${text}`);
  return last.error;
}

test('syntax errors say line, column and the element being read', () => {
  const missingComma = '{"releases": [\n  {"ocid": "a"}\n  {"ocid": "b"}\n]}';
  expect(errorOf(missingComma)).toMatchObject({
    line: 3,
    column: 3,
    reason: expect.stringMatching(/expected "," or "\]" after releases\[0\]/),
  });
  const badValue = '{"releases": [\n  {"ocid": "a"},\n  {"ocid": "b",\n   "tender": {"value": 12 13}}\n]}';
  expect(errorOf(badValue)).toMatchObject({ line: 4, column: 27, path: 'releases[1]' });
  expect(errorOf(badValue).message).toMatch(/^not valid JSON at line 4, column 27 \(in releases\[1\]\): expected ','/i);
  const badLiteral = '{"releases": [{"ocid": "a", "x": tru}]}';
  expect(errorOf(badLiteral)).toMatchObject({ line: 1, column: 37, reason: "unexpected token '}'" });
  const mismatch = '{"releases": [{"ocid": "a", "x": [1, 2}]}';
  expect(errorOf(mismatch)).toMatchObject({ line: 1, column: 39, path: 'releases[0]' });
  expect(errorOf('{"releases": [{"ocid": "a"},]}').reason).toMatch(/expected releases\[1\]/);
  expect(errorOf('{"releases": [{"ocid": "a"}').reason).toMatch(/ends before the package is complete/);
  expect(errorOf('{"releases": [{"ocid": "a"').reason).toMatch(/ends inside releases\[0\]/);
  expect(errorOf('{"releases": []} {"releases": []}')).toMatchObject({ line: 1, column: 18 });
  expect(errorOf('[{"ocid": "a"}]').reason).toMatch(/starting with "\{"/);
});

test('a release comes out before the rest of the package has been read', async () => {
  const input = new PassThrough();
  input.setEncoding('utf8');
  const entries = packageEntries(input);
  input.write('{"uri": "u", "releases": [\n{"ocid": "ocds-1", "tender": {"title": "first"}},\n{"ocid": "oc');
  const first = await entries.next();
  expect(first.value).toMatchObject({ kind: 'metadata', key: 'uri' });
  const second = await entries.next();
  expect(second.value).toMatchObject({ kind: 'release', line: 2, path: 'releases[0]', value: { ocid: 'ocds-1' } });
  expect(input.writableEnded).toBe(false);
  input.end('ds-2"}]}');
  const third = await entries.next();
  expect(third.value).toMatchObject({ kind: 'release', path: 'releases[1]', value: { ocid: 'ocds-2' } });
  expect((await entries.next()).done).toBe(true);
});
