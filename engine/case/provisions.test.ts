/**
 * The rule texts a case file cites: every basis the detectors write resolves to articles (with
 * their text on file) or to a described method, and nothing a basis names is silently dropped.
 */
import { citations, PROVISIONS } from './provisions';

const articles = (basis: string) =>
  citations(basis).flatMap((c) => (c.type === 'article' ? [`${c.source.key}:${c.article}${c.items}`] : []));
const methods = (basis: string) => citations(basis).flatMap((c) => (c.type === 'method' ? [c.method.key] : []));

test('statutes and articles are read from the bases the detectors write', () => {
  expect(articles('《招标投标法实施条例》 Art. 40(1)(2); e-platform rules on identical machine codes')).toEqual([
    'tbl-regs:40(1)(2)',
  ]);
  expect(articles('《招标投标法实施条例》 Art. 34(1), Art. 41; OCP R003, R018')).toEqual([
    'tbl-regs:34(1)',
    'tbl-regs:41',
  ]);
  expect(
    articles(
      '《招标投标法实施条例》 Art. 67–68; 《政府采购法》 Art. 22, 77; 失信联合惩戒备忘录 (发改财金〔2016〕141号)',
    ),
  ).toEqual(['tbl-regs:67', 'tbl-regs:68', 'gpl:22', 'gpl:77']);
  expect(articles('《招标投标法》 Art. 4; 必须招标的工程项目规定 (国家发展改革委令第16号, 2018) Art. 5')).toEqual([
    'tbl:4',
    'must:5',
  ]);
  expect(articles('《招标投标法》 Art. 9; 国家发展改革委令第16号 Art. 5')).toEqual(['tbl:9', 'must:5']);
  expect(articles('《招标投标法》 Art. 9; 《招标投标法实施条例》 Art. 7–8')).toEqual([
    'tbl:9',
    'tbl-regs:7',
    'tbl-regs:8',
  ]);
  expect(articles('《招标投标法实施条例》 Art. 34(2); 政府采购法实施条例 Art. 18; OCP R032/R033')).toEqual([
    'tbl-regs:34(2)',
    'gpl-regs:18',
  ]);
  expect(articles('《评标委员会和评标方法暂行规定》 Art. 12; 《招标投标法》 Art. 37')).toEqual(['eval:12', 'tbl:37']);
  expect(articles('《招标投标法实施条例》 Art. 40(2)(3); MOF Order 87 Art. 37')).toEqual([
    'tbl-regs:40(2)(3)',
    'mof87:37',
  ]);
  expect(articles('《招标投标法实施条例》 Art. 54')).toEqual(['tbl-regs:54']);
  expect(articles('《招标投标法》 Art. 24')).toEqual(['tbl:24']);
  expect(articles('《招标投标法》 Art. 46')).toEqual(['tbl:46']);
});

test('every article the brief lists has its text on file, quoted or marked as a paraphrase', () => {
  const wanted = [
    'tbl-regs:34',
    'tbl-regs:39',
    'tbl-regs:40',
    'tbl-regs:41',
    'tbl-regs:67',
    'tbl-regs:68',
    'tbl:4',
    'tbl:9',
    'tbl:24',
    'tbl:37',
    'tbl:46',
    'gpl:22',
    'gpl:77',
    'eval:12',
    'must:5',
  ];
  const onFile = new Set(PROVISIONS.map((p) => `${p.source}:${p.article}`));
  for (const key of wanted) expect(onFile).toContain(key);
  for (const p of PROVISIONS) {
    expect(['quote', 'paraphrase']).toContain(p.mode);
    expect(p.text.length).toBeGreaterThan(20);
  }
  expect(PROVISIONS.find((p) => p.source === 'tbl-regs' && p.article === 40)?.text).toContain(
    '不同投标人的投标文件由同一单位或者个人编制',
  );
});

test('published methods are described with their reference', () => {
  expect(methods('Imhof 2017; Huber & Imhof 2019; Wallimann, Imhof & Huber 2023')).toEqual([
    'imhof',
    'huber-imhof',
    'wallimann',
  ]);
  expect(methods('Co-bidding communities (Wachs & Kertész 2019); 《招标投标法实施条例》 Art. 39–40')).toEqual([
    'wachs',
  ]);
  expect(methods('OCP/Cardinal R028; 《招标投标法实施条例》 Art. 40(4)')).toEqual(['ocp']);
  expect(methods('《招标投标法实施条例》 Art. 40(6); World Bank warning signs')).toEqual(['worldbank']);
  expect(methods('失信联合惩戒备忘录 (发改财金〔2016〕141号)')).toEqual(['credit141']);
  for (const c of citations('Imhof 2017; Wachs & Kertész 2019; OCP R025')) {
    if (c.type === 'method') expect(c.method.reference).toMatch(/\d{4}/);
  }
});

test('a ground the table does not know is kept as it was written', () => {
  expect(citations('某省电子招标投标交易平台管理办法')).toEqual([
    { type: 'unknown', segment: '某省电子招标投标交易平台管理办法' },
  ]);
});
