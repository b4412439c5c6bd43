/**
 * Test helpers of the case file: a small case model for the unit tests (no database: one lot of
 * three bids, two of them from one machine, with the persons, phones and addresses a redaction
 * must mask), and the check that a document references nothing outside itself.
 */
import type { CaseModel } from './model';

export function sampleModel(): CaseModel {
  const prov = { load: 'load-aaaa', firstLoad: 'load-aaaa' };
  const project = {
    id: 'PRJ-1',
    name: '测试道路工程',
    region: '410102',
    sector: 'construction',
    procedure: 'open',
    category: 'works',
    budget: 1_000_000,
    events: { announced: '2023-12-20', docs_from: '2023-12-20', bid_deadline: '2024-01-15T09:00:00+08:00' },
    tenderer: { id: 'ORG-T', name: '测试区人民政府', prov },
    prov,
  };
  const bid = (
    id: string,
    bidder: string,
    name: string,
    price: number,
    extra: Partial<CaseModel['lots'][0]['bids'][0]>,
  ) => ({
    id,
    lot: 'LOT-1',
    bidder,
    bidderName: name,
    price,
    submittedAt: '2024-01-14T10:00:00+08:00',
    status: 'valid',
    won: false,
    values: {},
    people: {},
    cited: false,
    prov,
    ...extra,
  });
  return {
    subject: { kind: 'flag', id: 'F-0001' },
    flag: {
      id: 'F-0001',
      detector: 'shared-fingerprint',
      score: 0.95,
      severity: 'high',
      status: 'open',
      active: true,
      basis: '《招标投标法实施条例》 Art. 40(1)(2); e-platform rules on identical machine codes',
      summary: 'Shared upload fingerprint found in lot LOT-1: ORG-A and ORG-B share machine code',
      evidence: [
        {
          kind: 'shared-value',
          text: 'ORG-A (BID-A) and ORG-B (BID-B) share machine code ABCDEF0123; contact 张三 (PER-1) phone 13800000001',
          data: { kind: 'machine_code', value: 'ABCDEF0123', bids: { 'ORG-A': ['BID-A'], 'ORG-B': ['BID-B'] } },
        },
        {
          kind: 'shared-value',
          text: 'ORG-A and ORG-B name the same contact person PER-1',
          data: { kind: 'contact_person', value: 'PER-1', bids: { 'ORG-A': ['BID-A'], 'ORG-B': ['BID-B'] } },
        },
      ],
      lot: 'LOT-1',
      project: 'PRJ-1',
      lots: ['LOT-1'],
      entities: ['ORG-A', 'ORG-B', 'PER-1'],
      bids: ['BID-A', 'BID-B'],
      firstSeen: '2024-03-01T00:00:00.000Z',
      lastSeen: '2024-03-01T00:00:00.000Z',
      triage: [
        {
          status: 'confirmed',
          by: 'alice',
          at: '2024-03-02T00:00:00.000Z',
          note: '张三 confirmed by phone 13800000001',
        },
      ],
    },
    related: [],
    lots: [
      {
        id: 'LOT-1',
        name: '第一标段',
        ceiling: 1_000_000,
        events: { opened: '2024-01-15T09:00:00+08:00', awarded: '2024-01-30', contract_signed: '2024-02-05' },
        project,
        bids: [
          bid('BID-A', 'ORG-A', '甲建设有限公司', 900_000, {
            cited: true,
            won: true,
            values: { machine_code: 'ABCDEF0123', contact_phone: '13800000001', doc_author: '张三' },
            people: { contact_person: 'PER-1' },
          }),
          bid('BID-B', 'ORG-B', '乙建设有限公司', 912_345.5, {
            cited: true,
            values: { machine_code: 'ABCDEF0123', contact_phone: '13800000001' },
            people: { contact_person: 'PER-1', project_manager: 'PER-2' },
          }),
          bid('BID-C', 'ORG-C', '丙建设有限公司', 950_000, { values: { machine_code: 'FFFF0000' } }),
        ],
        panel: [{ expert: 'EXP-1', chair: true, drawnAt: '2024-01-15T08:00:00+08:00', prov }],
        prov,
      },
    ],
    lotsOmitted: 0,
    entities: [
      {
        id: 'ORG-A',
        kind: 'organization',
        name: '甲建设有限公司',
        orgKind: 'company',
        address: '河南省郑州市金水路1号',
        addresses: ['河南省郑州市金水路1号'],
        phones: ['037100000001'],
        emails: [],
        bankAccounts: ['6222000011112222'],
        certificates: [],
        legalReps: ['PER-3'],
        employers: [],
        sanctions: [],
        ties: [],
        roles: ['flagged', 'winner'],
        prov,
      },
      {
        id: 'EXP-1',
        kind: 'expert',
        name: '王五',
        person: 'PER-4',
        addresses: [],
        phones: ['13900000009'],
        emails: [],
        bankAccounts: [],
        certificates: [],
        legalReps: [],
        employers: [],
        sanctions: [],
        ties: [],
        roles: ['panel chair'],
        prov,
      },
      {
        id: 'PER-1',
        kind: 'person',
        name: '张三',
        address: '郑州市二七路8号3单元',
        addresses: ['郑州市二七路8号3单元'],
        phones: ['13800000001'],
        emails: ['zhangsan@example.cn'],
        bankAccounts: [],
        idHash: 'f'.repeat(64),
        certificates: ['豫241000001'],
        legalReps: [],
        employers: ['ORG-A'],
        sanctions: [],
        ties: [],
        roles: ['contact_person', 'flagged'],
        prov,
      },
      {
        id: 'PER-2',
        kind: 'person',
        name: '李四',
        addresses: [],
        phones: ['13700000002'],
        emails: [],
        bankAccounts: [],
        certificates: [],
        legalReps: [],
        employers: ['ORG-B'],
        sanctions: [],
        ties: [],
        roles: ['project_manager'],
        prov,
      },
      {
        id: 'PER-4',
        kind: 'person',
        name: '王五',
        addresses: [],
        phones: [],
        emails: [],
        bankAccounts: [],
        certificates: [],
        legalReps: [],
        employers: [],
        sanctions: [],
        ties: [],
        roles: ['expert person'],
        prov,
      },
    ],
    sanctions: [],
    approvals: [],
    batches: [
      {
        id: 'load-aaaa',
        file: '/data/trading.ndjson',
        checksum: 'a'.repeat(64),
        format: 'ndjson',
        status: 'loaded',
        startedAt: '2024-02-01T00:00:00.000Z',
        finishedAt: '2024-02-01T00:01:00.000Z',
        records: 10,
      },
    ],
    lastLoad: {
      id: 'load-aaaa',
      file: '/data/trading.ndjson',
      checksum: 'a'.repeat(64),
      format: 'ndjson',
      status: 'loaded',
      finishedAt: '2024-02-01T00:01:00.000Z',
    },
    engine: {
      version: '0.1.0',
      settingsHash: '0123456789abcdef',
      settings: { 'process-timing': { minBidWindowDays: 20 } },
    },
    producedAt: '2024-03-03T00:00:00.000Z',
    producedBy: 'tester',
    redacted: false,
  };
}

/** Every way a document can make a request: src, href and url() to another place, links, scripts, imports. */
export function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/\b(?:src|href|action|poster|data)\s*=\s*["']?([^"'\s>]+)/gi)) {
    if (!m[1].startsWith('#')) found.push(m[0]);
  }
  for (const m of html.matchAll(/url\(\s*['"]?([^'")]+)/gi)) if (!m[1].startsWith('#')) found.push(m[0]);
  for (const m of html.matchAll(/<(link|script|iframe|object|embed|img|base)\b[^>]*>/gi)) found.push(m[0]);
  for (const m of html.matchAll(/@import|https?:\/\/|(?<![:\w])\/\/[\w.-]+/gi)) found.push(m[0]);
  return found;
}
