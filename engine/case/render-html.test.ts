/**
 * The case file's HTML without services: one self-contained document (no external reference of any
 * kind), every section with bilingual headings, the rule texts, evidence facts, provenance with the
 * file and its checksum, prices against the ceiling, legal time limits, and the same bytes twice.
 */
import { caseHtml } from './index';
import { renderHtml } from './render-html';
import { externalReferences, sampleModel } from './test-model';

test('the document references nothing outside itself', () => {
  const html = renderHtml(sampleModel());
  expect(externalReferences(html)).toEqual([]);
  expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  expect(html).toContain('font-family: "Noto Sans CJK SC", "Noto Serif CJK SC"');
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
});

test('every section is there, with the rule text, evidence facts, provenance and the engine', () => {
  const html = renderHtml(sampleModel());
  for (const heading of [
    '摘要',
    '依据',
    '证据',
    '关系图',
    '标段、报价与程序',
    '时间线',
    '当事方',
    '处置记录',
    '数据来源',
    '引擎与设置',
    '核验',
  ]) {
    expect(html).toContain(`<h2 id=`);
    expect(html).toContain(heading);
  }
  expect(html).toContain('Summary');
  expect(html).toContain('不同投标人的投标文件由同一单位或者个人编制');
  expect(html).toContain('Art. 40(1)(2)');
  expect(html).toContain('ABCDEF0123');
  expect(html).toContain('BID-A');
  expect(html).toContain('trading.ndjson');
  expect(html).toContain('a'.repeat(64));
  expect(html).toContain('collusion-engine 0.1.0');
  expect(html).toContain('0123456789abcdef');
  expect(html).toContain('最高投标限价 ceiling 1,000,000');
  expect(html).toContain('912,345.50');
  expect(html).toContain('《招标投标法》 Art. 24');
  expect(html).toContain('confirmed');
  expect(html).toContain('alice');
});

test('a time limit broken is marked, and one kept is not', () => {
  const model = sampleModel();
  model.lots[0].project.events.docs_from = '2024-01-02';
  model.lots[0].project.events.bid_deadline = '2024-01-10T09:00:00+08:00';
  const html = renderHtml(model);
  expect(html).toContain('不足 below the minimum');
  expect(renderHtml(sampleModel())).not.toContain('不足 below the minimum');
});

test('the same model renders to the same bytes; the redacted copy says so', () => {
  expect(renderHtml(sampleModel())).toBe(renderHtml(sampleModel()));
  const { html } = caseHtml(sampleModel(), true);
  expect(html).toContain('脱敏 redacted');
  expect(externalReferences(html)).toEqual([]);
});
