/**
 * The evidence of a case file: every item the detector gave (kind, the sentence, and the facts of
 * its data as a table), the shared values with the bids that carried them, the sanction and
 * approval records the evidence cites (with provenance), and the other flags on the same lots.
 */
import type { Evidence } from '../flag';
import { Content, decimal, fragment, Html, label, money, table, tag, text, when } from './html';
import type { CaseBid, CaseModel } from './model';
import type { Sources } from './provenance';

const MAX_ROWS = 60;
const MONEY_KEYS = /price|budget|award|investment|sum|threshold|amount|ceiling/i;

/** One value of evidence data as table content: scalars, lists, small objects, lists of objects. */
export function dataValue(key: string, value: unknown, depth = 0): Content {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return MONEY_KEYS.test(key) ? money(value) : decimal(value, 4);
  if (typeof value === 'boolean') return value ? 'yes 是' : 'no 否';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return value.map((v) => text(v)).join(', ');
    if (depth > 0) return text(value);
    const rows = value.slice(0, MAX_ROWS) as Record<string, unknown>[];
    const keys = [...new Set(rows.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : [])))];
    return fragment(
      table(
        keys,
        rows.map((r) => keys.map((k) => dataValue(k, r?.[k], depth + 1))),
        'sub',
      ),
      value.length > MAX_ROWS ? tag('p', { class: 'note' }, `… ${value.length - MAX_ROWS} more`) : '',
    );
  }
  if (depth > 1) return text(value);
  return dataFacts(value as Record<string, unknown>, depth + 1);
}

/** The facts of an evidence item's data, as a two-column table. */
export function dataFacts(data: Record<string, unknown> | undefined, depth = 0): Html {
  const entries = Object.entries(data ?? {});
  if (entries.length === 0) return fragment('');
  return table(
    [],
    entries.map(([k, v]) => [tag('span', { class: 'key' }, k), dataValue(k, v, depth)]),
    'data',
  );
}

function evidenceTable(evidence: Evidence[]): Html {
  return table(
    ['#', label('类别', 'Kind'), label('说明', 'Statement'), label('事实', 'Facts')],
    evidence.map((e, i) => [String(i + 1), tag('code', {}, e.kind), e.text, dataFacts(e.data)]),
    'evidence',
  );
}

/** Evidence items that cite a shared value: kind, value, and the bids per bidder that carried it. */
function sharedValues(model: CaseModel, sources: Sources): Html {
  const bids = new Map<string, CaseBid>(model.lots.flatMap((l) => l.bids.map((b) => [b.id, b] as const)));
  const names = new Map(model.entities.map((e) => [e.id, e.name]));
  const rows: Content[][] = [];
  for (const e of model.flag?.evidence ?? []) {
    const data = e.data ?? {};
    const kind = data.kind ?? data.link;
    if (typeof kind !== 'string' || typeof data.value !== 'string') continue;
    const carried = data.bids && typeof data.bids === 'object' ? (data.bids as Record<string, unknown>) : {};
    const holders = Object.keys(carried).sort();
    if (holders.length === 0) {
      rows.push([kind, tag('code', {}, data.value), '', '', '', text(data.organizations), '']);
      continue;
    }
    for (const holder of holders) {
      const ids = Array.isArray(carried[holder]) ? (carried[holder] as unknown[]).map(String) : [];
      for (const id of ids) {
        const bid = bids.get(id);
        rows.push([
          kind,
          tag('code', {}, data.value),
          `${holder} ${names.get(holder) ?? ''}`.trim(),
          id,
          bid ? `${bid.lot} · ${when(bid.submittedAt)}` : '',
          text(data.organizations),
          sources.cell(bid?.prov),
        ]);
      }
    }
  }
  if (rows.length === 0) return fragment('');
  return fragment(
    tag('h3', { id: 'shared-values' }, label('共用值及其投标', 'Shared values and the bids that carried them')),
    table(
      [
        label('类型', 'Kind'),
        label('值', 'Value'),
        label('投标人', 'Bidder'),
        label('投标', 'Bid'),
        label('标段·递交时间', 'Lot · submitted'),
        label('全库使用单位数', 'Organisations using it'),
        label('来源', 'Source'),
      ],
      rows,
    ),
  );
}

function records(model: CaseModel, sources: Sources): Html {
  const names = new Map(model.entities.map((e) => [e.id, e.name]));
  const who = (id: string | undefined) => (id ? `${id} ${names.get(id) ?? ''}`.trim() : '');
  const parts: Content[] = [];
  if (model.sanctions.length > 0) {
    parts.push(
      tag('h3', { id: 'sanctions' }, label('信用记录（处罚）', 'Sanctions (credit platform)')),
      table(
        [
          label('编号', 'Id'),
          label('对象', 'Entity'),
          label('类别', 'Kind'),
          label('起', 'From'),
          label('止', 'Until'),
          label('范围', 'Scope'),
          label('机关', 'Authority'),
          label('事由', 'Reason'),
          label('来源系统', 'Source system'),
          label('来源', 'Load'),
        ],
        model.sanctions.map((s) => [
          s.id,
          who(s.entity),
          s.kind ?? '',
          s.date ?? '',
          s.until ?? '长期 open-ended',
          s.scope ?? 'all',
          who(s.authority),
          s.reason ?? '',
          s.source ?? '',
          sources.cell(s.prov),
        ]),
      ),
    );
  }
  if (model.approvals.length > 0) {
    parts.push(
      tag('h3', { id: 'approvals' }, label('投资审批记录', 'Investment approvals')),
      table(
        [
          label('编号', 'Id'),
          label('项目代码', 'Project code'),
          label('类别', 'Kind'),
          label('名称', 'Name'),
          label('机关', 'Authority'),
          label('批准日期', 'Approved'),
          label('批准投资', 'Investment'),
          label('招标方式', 'Tendering mode'),
          label('招标范围', 'Scope'),
          label('来源', 'Load'),
        ],
        model.approvals.map((a) => [
          a.id,
          a.projectCode ?? '',
          a.kind ?? '',
          a.name ?? '',
          who(a.authority),
          a.approvedAt ?? '',
          money(a.investment),
          a.tenderingMode ?? '未给出 none given',
          a.tenderingScope.join(', '),
          sources.cell(a.prov),
        ]),
      ),
    );
  }
  return fragment(parts);
}

function related(model: CaseModel): Html {
  if (model.related.length === 0) return fragment('');
  return fragment(
    tag('h3', { id: 'related' }, label('同标段的其他线索', 'Other active flags on these lots')),
    table(
      [
        label('线索', 'Flag'),
        label('检测器', 'Detector'),
        label('分值', 'Score'),
        label('状态', 'Status'),
        label('摘要', 'Summary'),
      ],
      model.related.map((f) => [f.id, f.detector, decimal(f.score), f.status, f.summary]),
    ),
  );
}

export function evidenceSection(model: CaseModel, sources: Sources): Html {
  const evidence = model.flag?.evidence ?? [];
  return fragment(
    tag('h2', { id: 'evidence' }, label('证据', 'Evidence')),
    evidence.length
      ? evidenceTable(evidence)
      : tag(
          'p',
          { class: 'note' },
          '无线索证据：见下方社群共同投标记录。 No flag evidence: see the co-bidding record below.',
        ),
    sharedValues(model, sources),
    records(model, sources),
    related(model),
  );
}
