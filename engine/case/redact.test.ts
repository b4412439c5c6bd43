/**
 * Redaction without services: consistent, deterministic pseudonyms; names, ids, phones, addresses,
 * ID hashes, e-mails, certificates and document authors masked in tables, evidence text and data,
 * triage notes and the drawing; organisation names and the markup left intact.
 */
import { caseHtml } from './index';
import { guardHtml, letters, pseudonymsOf, redactCase } from './redact';
import { sampleModel } from './test-model';

const SECRETS = [
  '张三',
  '李四',
  '王五',
  'PER-1',
  'PER-2',
  'PER-3',
  'PER-4',
  'EXP-1',
  '13800000001',
  '13700000002',
  '13900000009',
  '037100000001',
  '河南省郑州市金水路1号',
  '郑州市二七路8号3单元',
  'zhangsan@example.cn',
  'f'.repeat(64),
  '豫241000001',
  '6222000011112222',
];

test('letters count A…Z, then AA, AB', () => {
  expect([0, 1, 25, 26, 27, 51, 52].map(letters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
});

test('pseudonyms are deterministic, consistent per person, and shared by an expert and its person', () => {
  const a = pseudonymsOf(sampleModel());
  const b = pseudonymsOf(sampleModel());
  expect([...a.entries()]).toEqual([...b.entries()]);
  expect(a.get('PER-1')).toBe('人员A/Person A');
  expect(a.get('张三')).toBe(a.get('PER-1'));
  expect(a.get('李四')).toBe(a.get('PER-2'));
  expect(a.get('EXP-1')).toBe('专家A/Expert A');
  expect(a.get('PER-4')).toBe(a.get('EXP-1'));
  expect(a.get('王五')).toBe(a.get('EXP-1'));
  expect(a.get('PER-3')).toMatch(/^人员[A-Z]\/Person [A-Z]$/);
  expect(a.get('13800000001')).toMatch(/^电话\d+\/Phone \d+$/);
  // An entity's raw address and its normalised form get one pseudonym.
  expect(a.get('河南省郑州市金水路1号')).toMatch(/^地址\d+\/Address \d+$/);
  expect(a.get('甲建设有限公司')).toBeUndefined();
});

test('the redacted model keeps no secret in any string, and keeps organisation names', () => {
  const { model } = redactCase(sampleModel());
  const json = JSON.stringify(model);
  for (const secret of SECRETS) expect(json).not.toContain(secret);
  expect(json).toContain('甲建设有限公司');
  expect(model.redacted).toBe(true);
  expect(model.flag?.evidence[0].text).toContain('人员A/Person A');
  expect(model.flag?.triage[0].note).toContain('人员A/Person A');
  // Evidence data keeps its field names; the cited person is the same pseudonym as on the bids.
  expect(model.flag?.evidence[1].data?.kind).toBe('contact_person');
  expect(model.flag?.evidence[1].data?.value).toBe(model.lots[0].bids[0].people.contact_person);
});

test('the redacted HTML shows no secret anywhere, drawing included, and is the same bytes twice', () => {
  const { html } = caseHtml(sampleModel(), true);
  for (const secret of SECRETS) expect(html).not.toContain(secret);
  expect(html).toContain('甲建设有限公司');
  expect(html).toContain('人员A/Person A');
  expect(html).toContain('<svg class="graph"');
  expect(caseHtml(sampleModel(), true).html).toBe(html);
  // The plain file does show them (the test would prove nothing otherwise).
  const plain = caseHtml(sampleModel(), false).html;
  for (const secret of ['张三', 'PER-1', '13800000001', '郑州市二七路8号3单元']) expect(plain).toContain(secret);
});

test('Latin values are masked as whole tokens only, and the guard never touches markup', () => {
  const pseudonyms = new Map([
    ['PER-1', '人员A/Person A'],
    ['table', '作者1/Author 1'],
  ]);
  const html = '<table class="x"><tr><td>PER-1 and PER-12, table</td></tr></table><style>table{}</style>';
  expect(guardHtml(html, pseudonyms)).toBe(
    '<table class="x"><tr><td>人员A/Person A and PER-12, 作者1/Author 1</td></tr></table><style>table{}</style>',
  );
});
