/**
 * The lots of a case file: each lot's bids against its ceiling (chart, table, price screens), the
 * procedure's dates against the legal time limits, and a timeline of the project's events and the
 * bids. Screens come from engine/stats/screens.ts, the limits from the process-timing settings in
 * force, so the file reads the same numbers the detectors used.
 */
import { screens, SCREEN_NAMES } from '../stats/screens';
import { priceChart, timelineChart, timeOf, TimelineEvent } from './charts';
import { Content, decimal, facts, fragment, Html, label, money, table, tag, when } from './html';
import type { CaseBid, CaseLot, CaseModel } from './model';
import type { Sources } from './provenance';

const EVENT_LABELS: Record<string, string> = {
  approved: '批准 approved',
  announced: '公告 announced',
  docs_from: '发售文件 documents from',
  bid_deadline: '投标截止 bid deadline',
  opened: '开标 opened',
  evaluated: '评标 evaluated',
  candidates_published: '候选人公示 candidates published',
  candidates_until: '公示截止 publicity until',
  awarded: '中标通知 awarded',
  contract_signed: '签订合同 contract signed',
  completed: '完成 completed',
};

const SCREEN_LABELS: Record<string, string> = {
  cv: '变异系数 CV',
  spread: '极差比 spread',
  diffp: '最低两价差 DIFFP',
  rd: '相对距离 RD',
  skewness: '偏度 skewness',
  kurtosis: '峰度 kurtosis',
  ks: 'KS',
};

/** The values a bid shares with another bidder's bid in the same lot, as "kind value". */
function sharedWithin(lot: CaseLot): Map<string, string[]> {
  const users = new Map<string, Set<string>>();
  const key = (field: string, value: string) => `${field} ${value}`;
  for (const bid of lot.bids) {
    for (const [field, value] of [...Object.entries(bid.values), ...Object.entries(bid.people)]) {
      if (!value) continue;
      const k = key(field, value);
      users.set(k, (users.get(k) ?? new Set<string>()).add(bid.bidder));
    }
  }
  const out = new Map<string, string[]>();
  for (const bid of lot.bids) {
    const shared = [...Object.entries(bid.values), ...Object.entries(bid.people)]
      .filter(([field, value]) => value && (users.get(key(field, value))?.size ?? 0) > 1)
      .map(([field, value]) => key(field, value as string))
      .sort();
    out.set(bid.id, shared);
  }
  return out;
}

function bidsTable(lot: CaseLot, sources: Sources): Html {
  const shared = sharedWithin(lot);
  const ratio = (b: CaseBid) => (b.price !== undefined && lot.ceiling ? decimal(b.price / lot.ceiling, 4) : '');
  return table(
    [
      label('投标', 'Bid'),
      label('投标人', 'Bidder'),
      label('报价', 'Price'),
      label('报价/限价', '÷ ceiling'),
      label('递交时间', 'Submitted'),
      label('状态', 'Status'),
      label('名次', 'Rank'),
      label('中标', 'Won'),
      label('与他人共用', 'Shared with another bidder'),
      label('来源', 'Source'),
    ],
    lot.bids.map((b) => [
      `${b.cited ? '★ ' : ''}${b.id}`,
      `${b.bidder} ${b.bidderName ?? ''}`.trim(),
      money(b.price),
      ratio(b),
      when(b.submittedAt),
      b.status ?? '',
      b.rank === undefined ? '' : String(b.rank),
      b.won ? '✓' : '',
      (shared.get(b.id) ?? []).join('; '),
      sources.cell(b.prov),
    ]),
    'bids',
  );
}

function screensTable(lot: CaseLot): Html {
  const prices = lot.bids
    .filter((b) => b.status !== 'withdrawn' && b.price !== undefined)
    .map((b) => b.price as number);
  const values = screens(prices);
  const names = SCREEN_NAMES.filter((n) => values[n] !== undefined);
  if (names.length === 0)
    return tag('p', { class: 'note' }, '报价少于三个，无筛查统计。 Fewer than three prices: no screens.');
  return table(
    names.map((n) => SCREEN_LABELS[n] ?? n),
    [names.map((n) => decimal(values[n], 4))],
    'screens',
  );
}

/** Project events overridden by the lot's own. */
export function eventsOf(lot: CaseLot): Record<string, string> {
  return { ...lot.project.events, ...lot.events };
}

function days(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  const a = Date.parse(from.slice(0, 10));
  const b = Date.parse(to.slice(0, 10));
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.round((b - a) / 86_400_000);
}

interface Limits {
  minBidWindowDays: number;
  minPublicityDays: number;
  maxContractDays: number;
}

function limitsOf(model: CaseModel): Limits {
  const s = (model.engine.settings['process-timing'] ?? {}) as Partial<Limits>;
  return {
    minBidWindowDays: typeof s.minBidWindowDays === 'number' ? s.minBidWindowDays : 20,
    minPublicityDays: typeof s.minPublicityDays === 'number' ? s.minPublicityDays : 3,
    maxContractDays: typeof s.maxContractDays === 'number' ? s.maxContractDays : 30,
  };
}

function limitsTable(lot: CaseLot, limits: Limits): Html {
  const e = eventsOf(lot);
  const start = e.docs_from ? 'docs_from' : 'announced';
  const rules: [Content, string, string | undefined, string | undefined, number, 'min' | 'max', string][] = [
    [
      label('投标文件编制时间', 'Bidding window'),
      start,
      e[start],
      e.bid_deadline,
      limits.minBidWindowDays,
      'min',
      '《招标投标法》 Art. 24',
    ],
    [
      label('中标候选人公示期', 'Candidate publicity'),
      'candidates_published',
      e.candidates_published,
      e.candidates_until,
      limits.minPublicityDays,
      'min',
      '《招标投标法实施条例》 Art. 54',
    ],
    [
      label('订立合同期限', 'Contract after award'),
      'awarded',
      e.awarded,
      e.contract_signed,
      limits.maxContractDays,
      'max',
      '《招标投标法》 Art. 46',
    ],
  ];
  return table(
    [
      label('环节', 'Stage'),
      label('起', 'From'),
      label('止', 'To'),
      label('天数', 'Days'),
      label('法定时限', 'Legal limit'),
      label('结果', 'Result'),
      label('依据', 'Basis'),
    ],
    rules.map(([stage, , from, to, limit, sense, basis]) => {
      const d = days(from, to);
      const broken = d !== undefined && (sense === 'min' ? d < limit : d > limit);
      const result =
        d === undefined
          ? '日期缺失 dates missing'
          : broken
            ? tag('strong', { class: 'breach' }, sense === 'min' ? '不足 below the minimum' : '超期 beyond the limit')
            : '符合 within';
      return [
        stage,
        when(from),
        when(to),
        d === undefined ? '' : String(d),
        `${sense === 'min' ? '≥' : '≤'} ${limit}`,
        result,
        basis,
      ];
    }),
    'limits',
  );
}

function lotSection(lot: CaseLot, model: CaseModel, sources: Sources): Html {
  const p = lot.project;
  const winner = lot.bids.find((b) => b.won);
  return fragment(
    tag('h3', { id: `lot-${lot.id}` }, `${lot.id} ${lot.name ?? ''}`.trim(), ' · ', p.id, ' ', p.name ?? ''),
    facts([
      [label('招标人', 'Tenderer'), p.tenderer ? `${p.tenderer.id} ${p.tenderer.name ?? ''}` : ''],
      [label('代理机构', 'Agent'), p.agent ? `${p.agent.id} ${p.agent.name ?? ''}` : ''],
      [label('监督部门', 'Supervisor'), p.supervisor ? `${p.supervisor.id} ${p.supervisor.name ?? ''}` : ''],
      [label('地区·行业', 'Region · sector'), [p.region, p.sector].filter(Boolean).join(' · ')],
      [label('招标方式', 'Procedure'), p.procedure ?? ''],
      [label('类别', 'Category'), p.category ?? ''],
      [label('项目代码', 'Project code'), p.projectCode ?? ''],
      [label('预算', 'Budget'), money(p.budget)],
      [label('最高投标限价', 'Ceiling price'), money(lot.ceiling)],
      [label('估算', 'Estimate'), money(lot.estimate)],
      [
        label('中标价/限价', 'Winning price ÷ ceiling'),
        winner?.price !== undefined && lot.ceiling ? decimal(winner.price / lot.ceiling, 4) : '',
      ],
      [label('交易系统', 'Trading system'), p.source ?? ''],
      [
        label('来源', 'Source'),
        fragment(
          label('标段', 'lot'),
          ' ',
          sources.cell(lot.prov),
          ' · ',
          label('项目', 'project'),
          ' ',
          sources.cell(p.prov),
        ),
      ],
    ]),
    new Html(priceChart(lot)),
    bidsTable(lot, sources),
    tag('h4', {}, label('价格筛查', 'Price screens'), ' (Imhof 2017)'),
    screensTable(lot),
    tag('h4', {}, label('程序时限', 'Process dates against legal limits')),
    limitsTable(lot, limitsOf(model)),
    lot.panel.length
      ? fragment(
          tag('h4', {}, label('评标委员会', 'Evaluation panel')),
          tag(
            'p',
            {},
            lot.panel.map((s, i) => [i ? ', ' : '', s.expert, s.chair ? ' (主任 chair)' : '']),
            lot.panel[0]?.drawnAt ? ` — 抽取 drawn ${when(lot.panel[0].drawnAt)}` : '',
          ),
        )
      : '',
  );
}

/** Events of the case's lots (and, for a few lots, every bid), the flag's first sighting and its triage. */
export function timelineEvents(model: CaseModel): (TimelineEvent & { prov?: CaseLot['prov'] })[] {
  const out: (TimelineEvent & { prov?: CaseLot['prov'] })[] = [];
  const seenProjects = new Set<string>();
  const detailed = model.lots.length <= 4;
  for (const lot of model.lots) {
    if (!seenProjects.has(lot.project.id)) {
      seenProjects.add(lot.project.id);
      for (const [key, at] of Object.entries(lot.project.events)) {
        out.push({
          at,
          what: `${lot.project.id} ${EVENT_LABELS[key] ?? key}`,
          source: 'project',
          prov: lot.project.prov,
        });
      }
    }
    for (const [key, at] of Object.entries(lot.events)) {
      out.push({ at, what: `${lot.id} ${EVENT_LABELS[key] ?? key}`, source: 'lot', prov: lot.prov });
    }
    if (detailed) {
      for (const bid of lot.bids) {
        if (!bid.submittedAt) continue;
        const price = bid.price === undefined ? '' : ` ${money(bid.price)}`;
        out.push({
          at: bid.submittedAt,
          what: `${bid.id} ${bid.bidderName ?? bid.bidder} 递交 bid${price}`,
          source: 'bid',
          emphasis: bid.cited,
          prov: bid.prov,
        });
      }
      const drawn = new Map<string, string[]>();
      for (const seat of lot.panel)
        if (seat.drawnAt) drawn.set(seat.drawnAt, [...(drawn.get(seat.drawnAt) ?? []), seat.expert]);
      for (const [at, experts] of drawn) {
        out.push({
          at,
          what: `${lot.id} 抽取专家 panel drawn: ${experts.join(', ')}`,
          source: 'panel',
          prov: lot.panel[0].prov,
        });
      }
    }
  }
  if (model.flag?.firstSeen)
    out.push({
      at: model.flag.firstSeen,
      what: `${model.flag.id} 首次发现 flag first seen`,
      source: 'flag',
      emphasis: true,
    });
  for (const t of model.flag?.triage ?? [])
    out.push({ at: t.at, what: `处置 triage: ${t.status} (${t.by})`, source: 'triage' });
  return out
    .filter((e) => Number.isFinite(timeOf(e.at)))
    .sort((a, b) => timeOf(a.at) - timeOf(b.at) || (a.what < b.what ? -1 : a.what > b.what ? 1 : 0));
}

export function timelineSection(model: CaseModel, sources: Sources): Html {
  const events = timelineEvents(model);
  if (events.length === 0) return fragment('');
  return fragment(
    tag('h2', { id: 'timeline' }, label('时间线', 'Timeline')),
    model.lots.length > 4
      ? tag(
          'p',
          { class: 'note' },
          '标段较多，只列出各标段的程序节点。 Many lots: procedure events only, bids are in each lot’s table.',
        )
      : '',
    new Html(
      timelineChart(
        events.filter((e) => e.source !== 'flag' && e.source !== 'triage'),
        `时间线 Timeline ${model.subject.id}`,
      ),
    ),
    table(
      [label('时间', 'Time'), label('事件', 'Event'), label('来源', 'Source')],
      events.map((e) => [when(e.at), e.what, sources.cell(e.prov)]),
      'events',
    ),
  );
}

export function lotsSection(model: CaseModel, sources: Sources): Html {
  if (model.lots.length === 0) return fragment('');
  return fragment(
    tag('h2', { id: 'lots' }, label('标段、报价与程序', 'Lots: prices and process')),
    model.lots.map((lot) => lotSection(lot, model, sources)),
  );
}
