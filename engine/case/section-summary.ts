/**
 * The first two sections of a case file: the summary (what was found, how strongly, its status,
 * the lots and parties involved) and the rule or method cited with the texts of the articles and a
 * paragraph on each published method.
 */
import { Content, decimal, facts, fragment, Html, label, table, tag, when } from './html';
import type { CaseModel } from './model';
import { citations } from './provisions';

const FEATURE_LABELS: Record<string, [string, string]> = {
  size: ['成员数', 'members'],
  meetings: ['共同投标标段', 'lots where members met'],
  cohesion: ['凝聚度', 'cohesion'],
  exclusivity: ['排他性', 'exclusivity'],
  rotation: ['轮流中标', 'win rotation'],
  cover: ['陪标', 'cover bidding'],
  flagDensity: ['线索密度', 'flag density'],
};

export function summarySection(model: CaseModel): Html {
  const { flag, community } = model;
  const names = new Map(model.entities.map((e) => [e.id, e]));
  const parts: Content[] = [tag('h2', { id: 'summary' }, label('摘要', 'Summary'))];
  if (flag) {
    parts.push(
      tag('p', { class: 'finding' }, flag.summary),
      facts([
        [label('线索编号', 'Flag'), flag.id],
        [label('检测器', 'Detector'), flag.detector],
        [label('分值', 'Score'), decimal(flag.score)],
        [label('等级', 'Severity'), flag.severity],
        [label('状态', 'Status'), `${flag.status}${flag.active ? '' : ' (inactive 已失效)'}`],
        [label('首次发现', 'First seen'), when(flag.firstSeen)],
        [label('最近确认', 'Last seen'), when(flag.lastSeen)],
        [label('最近变化', 'Changed'), when(flag.changedAt)],
        [label('失效时间', 'Retired'), when(flag.retiredAt)],
      ]),
    );
  }
  if (community) {
    parts.push(
      tag('h3', {}, label('社群', 'Community')),
      facts([
        [label('社群编号', 'Community'), community.id],
        [label('分值', 'Score'), decimal(community.score)],
        [label('成员', 'Members'), community.members.join(', ')],
        [label('共同投标标段', 'Lots where members met'), String(community.meetings)],
        [label('首次发现', 'First seen'), when(community.firstSeen)],
        [label('最近确认', 'Last seen'), when(community.lastSeen)],
        ...Object.entries(community.features)
          .filter(([k]) => k !== 'size' && k !== 'meetings')
          .map(([k, v]): [Content, Content] => [label(...(FEATURE_LABELS[k] ?? [k, k])), decimal(v)]),
      ]),
    );
    if (!flag)
      parts.push(
        tag(
          'p',
          { class: 'note' },
          '此社群未达到线索阈值，无线索。 The community scores below the flag threshold: no cartel-community flag.',
        ),
      );
  }
  const lots = model.lots.map((l) => [
    l.id,
    l.name ?? '',
    l.project.id,
    l.project.name ?? '',
    [l.project.region, l.project.sector].filter(Boolean).join(' · '),
    l.risk === undefined ? '' : decimal(l.risk),
  ]);
  parts.push(
    tag('h3', {}, label('涉及标段', 'Lots involved')),
    table(
      [
        label('标段', 'Lot'),
        label('名称', 'Name'),
        label('项目', 'Project'),
        label('项目名称', 'Project name'),
        label('地区·行业', 'Region · sector'),
        label('风险', 'Risk'),
      ],
      lots,
    ),
  );
  if (model.lotsOmitted > 0) {
    parts.push(
      tag(
        'p',
        { class: 'note' },
        `另有 ${model.lotsOmitted} 个标段未在本案卷中展开。 ${model.lotsOmitted} more lots are not shown in full in this file.`,
      ),
    );
  }
  const involved = [...new Set([...(flag?.entities ?? []), ...(community?.members ?? [])])].sort();
  parts.push(
    tag('h3', {}, label('涉及当事方', 'Parties involved')),
    table(
      [label('编号', 'Id'), label('类型', 'Type'), label('名称', 'Name'), label('角色', 'Roles')],
      involved.map((id) => {
        const e = names.get(id);
        return [id, e?.kind ?? '', e?.name ?? '', (e?.roles ?? []).join(', ')];
      }),
    ),
  );
  return fragment(parts);
}

export function basisSection(model: CaseModel): Html {
  const basis = model.flag?.basis ?? 'Co-bidding communities (Wachs & Kertész 2019); 《招标投标法实施条例》 Art. 39–40';
  const cites = citations(basis);
  const articles = cites.flatMap((c) =>
    c.type === 'article'
      ? [
          [
            tag(
              'span',
              { class: 'src' },
              c.source.title,
              tag('br', {}),
              tag('span', { class: 'en' }, c.source.english),
            ),
            `第${c.article}条 Art. ${c.article}${c.items}`,
            c.provision
              ? [
                  tag(
                    'span',
                    { class: `mode ${c.provision.mode}` },
                    c.provision.mode === 'quote' ? '原文 quote' : 'paraphrase 摘要',
                  ),
                  ' ',
                  c.provision.text,
                ]
              : tag(
                  'span',
                  { class: 'note' },
                  '本案卷未收录条文，请查阅公布文本。 Text not on file: see the official text.',
                ),
          ],
        ]
      : [],
  );
  const methods = cites.flatMap((c) =>
    c.type === 'method'
      ? [
          tag(
            'div',
            { class: 'method' },
            tag('h4', {}, c.method.title),
            tag('p', {}, c.method.description),
            tag('p', { class: 'ref' }, c.method.reference),
          ),
        ]
      : [],
  );
  const unknown = cites.flatMap((c) => (c.type === 'unknown' ? [tag('li', {}, c.segment)] : []));
  return fragment(
    tag('h2', { id: 'basis' }, label('依据', 'Rule or method cited')),
    tag('p', { class: 'basis' }, basis),
    articles.length
      ? table([label('法规', 'Source'), label('条款', 'Article'), label('条文', 'Text')], articles, 'provisions')
      : '',
    methods,
    unknown.length ? [tag('p', {}, label('其他依据', 'Other grounds cited')), tag('ul', {}, unknown)] : '',
    tag(
      'p',
      { class: 'note' },
      '条文供对照阅读，以公布文本为准；线索是供人工核查的线索，不是结论。 The texts are for reference; the official gazette text prevails. A flag is a lead for a person, never a verdict.',
    ),
  );
}
