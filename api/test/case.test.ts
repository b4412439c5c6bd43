/**
 * Case files (案卷) over real HTTP, the real CLI, Neo4j, Redis and Debian's Chromium: the dossier of
 * the sample's planted same-machine flag (truth scheme S0004: LOT000096, ORG000160 and ORG000206)
 * carries its evidence, rule text and provenance; the HTML references nothing outside itself and
 * renders; the PDF has A4 pages with page numbers and its Chinese set in embedded Noto CJK glyphs;
 * `case verify` accepts what the system produced and refuses a one-byte change; a redacted copy
 * shows no person's name, phone, address or ID hash; jurisdiction and unknown ids answer 404.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { run } from '../../cli';
import { externalReferences } from '../../engine/case/test-model';
import { rescore } from '../../engine/rescore';
import { loadPaths } from '../../ingest/load';
import { IdHasher } from '../../ingest/normalise/id-number';
import { TestApi } from '../../test/api';
import { collusion } from '../../test/cli';
import { emptyGraph } from '../../test/graph';
import { distinctColours } from '../../test/png';
import { launchChromium } from '../../tools/chromium';

const SAMPLE = path.join(__dirname, '..', '..', 'fixtures', 'sample', 'trading.ndjson');
/** fixtures/sample/truth.json, scheme S0004: two members of one lot share a machine code. */
const PLANTED = {
  lot: 'LOT000096',
  entities: ['ORG000160', 'ORG000206'],
  bids: ['BID0000420', 'BID0000423'],
  machine: '94657C20E0EAF776CA3A4CC2B1EFEE90',
};
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'case-files-'));

type SampleRecord = Record<string, unknown> & { type: string; id?: string };
const records: SampleRecord[] = fs
  .readFileSync(SAMPLE, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as SampleRecord);

let api: TestApi;
let browser: Browser;
let admin: string;
let adminName: string;
let flagId: string;
let communityId: string;
let batch: { file: string; checksum: string };
let html: Buffer;
let pdf: Buffer;
let reportDir: string;

/** GET with the raw bytes of the answer (TestApi.call reads text). */
async function fetchBytes(urlPath: string, key: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
  const response = await fetch(`${api.url}${urlPath}`, { headers: { authorization: `Bearer ${key}` } });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Distinct colours of a PNG, on a page of its own. */
async function coloursOf(png: Buffer): Promise<number> {
  const page = await browser.newPage();
  try {
    return await distinctColours(page, png);
  } finally {
    await page.close();
  }
}

/** Runs `collusion` in-process (as test/cli.ts does) and keeps what it wrote on stdout and stderr. */
async function collusionWithErrors(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const errors: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    errors.push(String(chunk));
    return true;
  });
  try {
    const code = await run(['node', 'collusion', ...args]);
    return { code, stdout: out.join('\n'), stderr: errors.join('') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  browser = await launchChromium('case file tests');
  api = await TestApi.start();
  const graph = api.server.deps.graph;
  await emptyGraph(graph);
  reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'case-load-'));
  await loadPaths(graph, [SAMPLE], new IdHasher(Buffer.from('test-key')), { reportDir });
  await rescore(graph, { full: true });
  admin = await api.key('admin');
  adminName = (await api.server.deps.findKey(admin))?.name ?? '';
  const flags = await api.get(`/api/v1/flags?detector=shared-fingerprint&limit=100`, admin);
  const planted = (flags.body.items as { id: string; lots: string[]; entities: string[] }[]).find(
    (f) => f.lots.includes(PLANTED.lot) && PLANTED.entities.every((e) => f.entities.includes(e)),
  );
  if (!planted) throw new Error('case tests: the planted shared-fingerprint flag of LOT000096 was not raised');
  flagId = planted.id;
  const communities = await api.get('/api/v1/communities?limit=100', admin);
  const ring = (communities.body.items as { id: string; members: string[] }[]).find((c) =>
    PLANTED.entities.every((e) => c.members.includes(e)),
  );
  if (!ring) throw new Error('case tests: no community holds the planted ring');
  communityId = ring.id;
  const [row] = await graph.read('admin/load-batches');
  batch = row.batch as { file: string; checksum: string };
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  for (const dir of [out, reportDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the case file of the planted flag carries its evidence, the rule text and the provenance', async () => {
  const answer = await fetchBytes(`/api/v1/flags/${flagId}/case`, admin);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toContain('text/html');
  expect(answer.headers.get('content-disposition')).toContain(`case-${flagId}.html`);
  html = answer.body;
  expect(answer.headers.get('x-content-sha256')).toBe(sha256(html));
  const text = html.toString('utf8');
  for (const fact of [
    flagId,
    'shared-fingerprint',
    PLANTED.lot,
    PLANTED.machine,
    ...PLANTED.bids,
    ...PLANTED.entities,
  ]) {
    expect(text).toContain(fact);
  }
  // The shared value with the bids that carried it, the rule's text, prices against the ceiling.
  expect(text).toContain('共用值及其投标');
  expect(text).toMatch(new RegExp(`<code>${PLANTED.machine}</code></td><td>ORG000160[^<]*</td><td>BID0000420`));
  expect(text).toContain('不同投标人的投标文件由同一单位或者个人编制');
  expect(text).toContain('最高投标限价 ceiling 4,014,100');
  // Provenance: the sample's file name and checksum from its LoadBatch, and the data "as of".
  expect(text).toContain(path.basename(batch.file));
  expect(text).toContain(batch.checksum);
  expect(text).toContain('数据截至');
  expect(text).toMatch(/collusion-engine \d+\.\d+\.\d+/);
  // Bilingual labels.
  expect(text).toContain('证据 <span class="en">Evidence</span>');
  // The audit entry of the request names who produced it, what, the format and the hash.
  const lines = fs.readFileSync(api.server.deps.audit.file, 'utf8').trim().split('\n');
  const entry = lines.map((l) => JSON.parse(l)).find((e) => e.params.sha256 === sha256(html));
  expect(entry).toMatchObject({
    key: adminName,
    route: '/api/v1/flags/:id/case',
    status: 200,
    params: { id: flagId, case: 'flag', format: 'html', redact: false },
  });
});

test('the HTML references nothing outside itself and renders in Chromium without a request', async () => {
  const text = html.toString('utf8');
  expect(externalReferences(text)).toEqual([]);
  expect(text).not.toMatch(/<link\b|<script\b|https?:\/\//i);
  const file = path.join(out, 'case.html');
  fs.writeFileSync(file, html);
  const page: Page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`file://${file}`);
  const shot = await page.screenshot({ fullPage: false });
  await page.close();
  expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  expect(await coloursOf(shot)).toBeGreaterThan(20);
});

test('the PDF has A4 pages with page numbers, and its Chinese in embedded Noto CJK glyphs', async () => {
  const answer = await fetchBytes(`/api/v1/flags/${flagId}/case?format=pdf`, admin);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('application/pdf');
  pdf = answer.body;
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(answer.headers.get('x-content-sha256')).toBe(sha256(pdf));
  const file = path.join(out, 'case.pdf');
  fs.writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(1);
  expect(info).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
  execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', file, path.join(out, 'page')]);
  const png = fs.readdirSync(out).find((f) => f.startsWith('page') && f.endsWith('.png'));
  expect(png).toBeDefined();
  expect(await coloursOf(fs.readFileSync(path.join(out, png as string)))).toBeGreaterThan(8);
  // Fonts: every font embedded with a Unicode map; Chromium (Skia) embeds OpenType-CFF fonts such as
  // Noto CJK as Type 3 glyph programs, whose descriptors name the font: pdffonts lists them as
  // "Type 3 … emb yes … uni yes", and the descriptor says NotoSansCJKsc.
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line).toMatch(/\byes\s+(?:yes|no)\s+yes\s+\d+\s+\d+$/);
  expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansCJKsc-(Regular|Bold)/);
  // The glyphs are CJK characters (text comes back), not boxes; the footer numbers the pages.
  const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' });
  expect(page1).toContain('案卷');
  expect(page1).toContain('摘要');
  expect(page1).toMatch(/第 1 \/ \d+ 页/);
});

test('case verify accepts the files the system produced and refuses a one-byte change', async () => {
  const htmlFile = path.join(out, 'verify.html');
  const pdfFile = path.join(out, 'verify.pdf');
  fs.writeFileSync(htmlFile, html);
  fs.writeFileSync(pdfFile, pdf);
  const ok = await collusion('case', 'verify', htmlFile);
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain(`produced by ${adminName}`);
  expect(ok.stdout).toContain(`flag ${flagId}, html`);
  const okPdf = await collusion('case', 'verify', pdfFile);
  expect(okPdf.code).toBe(0);
  expect(okPdf.stdout).toContain('pdf');
  const changed = Buffer.from(html);
  changed[changed.length - 2] ^= 1;
  const bad = path.join(out, 'changed.html');
  fs.writeFileSync(bad, changed);
  const refused = await collusionWithErrors('case', 'verify', bad);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('not a case file this system produced, or it was changed');
  // The CLI writes its own file into the same audit log, with who produced it.
  const cliFile = path.join(out, 'cli.html');
  const made = await collusion('case', flagId, '--out', cliFile, '--by', 'inspector-wang');
  expect(made.code).toBe(0);
  expect(fs.readFileSync(cliFile, 'utf8')).toContain(PLANTED.machine);
  const cliVerify = await collusion('case', 'verify', cliFile);
  expect(cliVerify.code).toBe(0);
  expect(cliVerify.stdout).toContain('produced by inspector-wang (cli)');
  const audit = await collusion('audit', 'verify');
  expect(audit.code).toBe(0);
});

test('a redacted case file shows no person’s name, phone, address, id or ID hash anywhere', async () => {
  // A triage note that names a person and a phone: kept in the plain file, masked in the copy.
  const note = '与联系人陈莉（PER0000445，13569852172）核实：同一台电脑制作投标文件';
  expect(
    (await api.call('PATCH', `/api/v1/flags/${flagId}`, { key: admin, body: { status: 'confirmed', note } })).status,
  ).toBe(200);
  const plain = (await fetchBytes(`/api/v1/flags/${flagId}/case`, admin)).body.toString('utf8');
  expect(plain).toContain(note);
  expect(plain).toContain('处置记录');
  const answer = await fetchBytes(`/api/v1/flags/${flagId}/case?redact=true`, admin);
  expect(answer.status).toBe(200);
  const redacted = answer.body.toString('utf8');
  expect(redacted).toContain('同一台电脑制作投标文件');
  for (const secret of ['陈莉', 'PER0000445', '13569852172']) expect(redacted).not.toContain(secret);
  const persons = records.filter((r) => r.type === 'person');
  const byId = new Map(persons.map((p) => [p.id, p]));
  // The persons the flag's lot names: contact persons, project managers, agents, legal representatives.
  const lotBids = records.filter((r) => r.type === 'bid' && r.lot === PLANTED.lot);
  const involved = new Set<string>();
  for (const bid of lotBids) {
    for (const field of ['contact_person', 'project_manager', 'agent_person'])
      if (bid[field]) involved.add(String(bid[field]));
  }
  for (const org of records.filter((r) => r.type === 'organization' && PLANTED.entities.includes(String(r.id)))) {
    if (org.legal_rep) involved.add(String(org.legal_rep));
  }
  expect(involved.size).toBeGreaterThan(5);
  const secretsOf = (p: SampleRecord | undefined) =>
    [p?.id, p?.name, p?.address, ...((p?.phones as string[] | undefined) ?? [])].filter(
      (v): v is string => typeof v === 'string' && v !== '',
    );
  for (const id of involved) {
    const secrets = secretsOf(byId.get(id));
    expect(secrets.length).toBeGreaterThan(1);
    for (const secret of secrets) {
      expect(plain).toContain(id); // the plain file does name them: the check below means something
      expect(redacted).not.toContain(secret);
    }
  }
  // Every person of the graph whose name, phone or id the plain file shows is masked in the copy.
  let shown = 0;
  for (const p of persons) {
    for (const secret of secretsOf(p)) {
      if (!plain.includes(secret)) continue;
      shown += 1;
      expect({ person: p.id, leaked: redacted.includes(secret) ? secret : null }).toEqual({
        person: p.id,
        leaked: null,
      });
    }
  }
  expect(shown).toBeGreaterThan(20);
  // ID hashes, document authors; organisation names stay; pseudonyms are consistent.
  for (const hash of plain.match(/<code class="hash">[0-9a-f]{64}<\/code>/g) ?? []) {
    if (!hash.includes(batch.checksum)) expect(redacted).not.toContain(hash);
  }
  expect(redacted).toContain('河南运润路桥工程有限责任公司');
  expect(redacted).toMatch(/人员A\/Person A/);
  expect(redacted).toContain('脱敏 redacted');
  expect(externalReferences(redacted)).toEqual([]);
});

test('the community case file draws its members and co-bidding; jurisdiction and unknown ids answer 404', async () => {
  const community = await fetchBytes(`/api/v1/communities/${communityId}/case`, admin);
  expect(community.status).toBe(200);
  const text = community.body.toString('utf8');
  for (const member of PLANTED.entities) expect(text).toContain(member);
  expect(text).toContain('共同投标 Co-bid');
  expect(text).toContain(communityId);

  const elsewhere = await api.key('auditor', { regions: ['4199'] });
  for (const url of [`/api/v1/flags/${flagId}/case`, `/api/v1/communities/${communityId}/case`]) {
    const outside = await api.get(url, elsewhere);
    expect(outside.status).toBe(404);
    expect(outside.headers.get('content-type')).toContain('application/problem+json');
  }
  const unknown = await api.get('/api/v1/flags/F-00000000000000000000/case', admin);
  expect(unknown.status).toBe(404);
  expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  expect(unknown.body).toMatchObject({ status: 404, detail: 'flag F-00000000000000000000 was not found' });
  const outside = await api.get(`/api/v1/flags/${flagId}/case`, elsewhere);
  expect(outside.body.detail).toBe(`flag ${flagId} was not found`);
  expect((await api.get(`/api/v1/flags/${flagId}/case?format=docx`, admin)).status).toBe(400);
  expect((await api.get(`/api/v1/flags/${flagId}/case`, await api.key('operator'))).status).toBe(403);

  const doc = (await api.get('/api/openapi.json')).body;
  expect(Object.keys(doc.paths['/api/v1/flags/{id}/case'].get.responses['200'].content)).toEqual([
    'text/html',
    'application/pdf',
  ]);
  expect(doc.paths['/api/v1/communities/{id}/case'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
    'id',
    'format',
    'redact',
  ]);
});

test('the CLI names an unknown id and what to do, and refuses what is no flag or community id', async () => {
  const unknown = await collusionWithErrors('case', 'F-00000000000000000000');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('no flag F-00000000000000000000');
  expect(unknown.stderr).toContain('collusion flags');
  const community = await collusionWithErrors('case', 'C-0000000000000000');
  expect(community.code).toBe(1);
  expect(community.stderr).toContain('no community C-0000000000000000');
  const neither = await collusionWithErrors('case', 'LOT000096');
  expect(neither.code).toBe(2);
  expect(neither.stderr).toContain('neither a flag id');
  const missing = await collusionWithErrors('case', 'verify', path.join(out, 'nothing.html'));
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('no file');
});
