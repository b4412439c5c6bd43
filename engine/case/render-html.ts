/**
 * The case file as ONE self-contained HTML document: styles inline, drawings as inline SVG, a CJK
 * font stack of locally installed fonts (Noto Sans/Serif CJK SC, nothing fetched), and a content
 * security policy that forbids every request, so the file opens the same on an air-gapped
 * machine, in a browser and in Chromium's print to PDF. Pure: the same model gives the same bytes.
 */
import { escapeHtml, fragment, Html, label, tag, when } from './html';
import type { CaseModel } from './model';
import { Sources } from './provenance';
import { caseSvg } from './render-svg';
import { evidenceSection } from './section-evidence';
import { lotsSection, timelineSection } from './section-lots';
import { engineSection, partiesSection, sourcesSection, triageSection, verificationSection } from './section-record';
import { basisSection, summarySection } from './section-summary';

/** Fonts installed locally (Debian fonts-noto-cjk); no web font is ever fetched. */
export const FONT_STACK = '"Noto Sans CJK SC", "Noto Serif CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';

const CSS = `
@page { size: A4; margin: 16mm 12mm 18mm 12mm; }
* { box-sizing: border-box; }
body { font-family: ${FONT_STACK}; font-size: 10.5pt; line-height: 1.45; color: #1b1b1b; margin: 0 auto; max-width: 1080px; padding: 16px; }
h1 { font-size: 17pt; margin: 0 0 4px; }
h2 { font-size: 13.5pt; border-bottom: 2px solid #2f6fb3; padding-bottom: 2px; margin: 22px 0 8px; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 16px 0 6px; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 10px 0 4px; break-after: avoid; }
.en { color: #555; font-weight: normal; }
.note { color: #555; font-size: 9.5pt; }
.warning { background: #fff4e5; border-left: 4px solid #e07b39; padding: 6px 10px; }
.lead { background: #eef4fb; border-left: 4px solid #2f6fb3; padding: 6px 10px; }
.finding { font-size: 11.5pt; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; font-size: 9pt; }
th, td { border: 1px solid #c9ced6; padding: 3px 5px; vertical-align: top; text-align: left; overflow-wrap: break-word; }
th { background: #eef1f5; }
tr { break-inside: avoid; }
table.data, table.sub { margin: 0; font-size: 8.5pt; }
table.data td { border-color: #e3e6ea; }
table.data .key { color: #555; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0 10px; }
dl.facts dt { color: #444; }
dl.facts dd { margin: 0; }
code, .hash, pre { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 8.5pt; word-break: break-all; }
table.evidence td:nth-child(4) { width: 40%; }
table.settings td:first-child { white-space: nowrap; }
.mode { font-size: 8pt; padding: 0 4px; border-radius: 3px; }
.mode.quote { background: #e6f2ea; }
.mode.paraphrase { background: #fff4e5; }
.method { border-left: 3px solid #8a56b8; padding: 2px 10px; margin: 8px 0; }
.method .ref { color: #555; font-size: 9pt; }
.breach { color: #b2182b; }
.path { color: #666; font-size: 8pt; }
svg { max-width: 100%; height: auto; display: block; margin: 6px 0; }
svg text { font-family: ${FONT_STACK}; }
.figure { break-inside: avoid; }
header.case { border-bottom: 3px solid #1b1b1b; padding-bottom: 8px; margin-bottom: 10px; }
nav.toc { font-size: 9.5pt; }
nav.toc a { color: #2f6fb3; text-decoration: none; margin-right: 10px; }
@media print { body { padding: 0; max-width: none; } nav.toc { display: none; } }
`;

const SECTIONS: [string, string, string][] = [
  ['summary', '摘要', 'Summary'],
  ['basis', '依据', 'Rule'],
  ['evidence', '证据', 'Evidence'],
  ['graph', '关系图', 'Graph'],
  ['lots', '标段', 'Lots'],
  ['timeline', '时间线', 'Timeline'],
  ['parties', '当事方', 'Parties'],
  ['triage', '处置', 'Triage'],
  ['sources', '来源', 'Sources'],
  ['engine', '引擎', 'Engine'],
  ['verify', '核验', 'Verify'],
];

/**
 * The HTML document of a case (one string, no external reference).
 * @example fs.writeFileSync('case.html', renderHtml(model));
 */
export function renderHtml(model: CaseModel): string {
  const sources = new Sources(model);
  const what = model.subject.kind === 'flag' ? label('线索', 'Flag') : label('社群', 'Community');
  const title = `案卷 Case file ${model.subject.id}${model.redacted ? '（脱敏 redacted）' : ''}`;
  const body = fragment(
    tag(
      'header',
      { class: 'case' },
      tag(
        'h1',
        {},
        '案卷 ',
        tag('span', { class: 'en' }, 'Case file'),
        ' — ',
        what,
        ' ',
        model.subject.id,
        model.redacted ? ' （脱敏 redacted）' : '',
      ),
      tag(
        'p',
        { class: 'lead' },
        '线索是供人工核查的线索，不是结论：“发现某种模式”，而非“某单位串通”。 A flag is a lead for a person, never a verdict: “pattern X found”, not “company Y colluded”.',
      ),
      tag(
        'p',
        { class: 'note' },
        `生成 Produced ${when(model.producedAt)} · ${model.producedBy} · collusion-engine ${model.engine.version} · settings ${model.engine.settingsHash} · 数据截至 data as of ${when(model.lastLoad?.finishedAt ?? model.lastLoad?.startedAt) || '—'}`,
      ),
      tag(
        'nav',
        { class: 'toc' },
        SECTIONS.map(([id, zh, en]) => tag('a', { href: `#${id}` }, `${zh} ${en}`)),
      ),
    ),
    summarySection(model),
    basisSection(model),
    evidenceSection(model, sources),
    tag('h2', { id: 'graph' }, label('关系图', 'Graph of the finding')),
    tag('div', { class: 'figure' }, new Html(caseSvg(model))),
    lotsSection(model, sources),
    timelineSection(model, sources),
    partiesSection(model, sources),
    triageSection(model),
    sourcesSection(model, sources),
    engineSection(model),
    verificationSection(model),
  );
  return (
    '<!DOCTYPE html>\n' +
    '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="generator" content="collusion-engine ${escapeHtml(model.engine.version)}">\n` +
    `<title>${escapeHtml(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n` +
    body.html +
    '\n</body>\n</html>\n'
  );
}
