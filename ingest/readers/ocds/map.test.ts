/**
 * Mapping a compiled release onto canonical records, on the road-works release of
 * test-documents.ts (tender in lots, Bids extension, an active award, planning budget and
 * project), and on variants: one lot, procedures, references to no party, other currencies.
 */
import { mapRelease } from './map';
import { BUREAU_USCC, FIRM_A_USCC, roadRelease } from './test-documents';
import { UnmappedCounter } from './unmapped';

const OCID = 'ocds-213czf-zz-0001';
const records = (release: Record<string, unknown>) => mapRelease(release).map((m) => m.record);
const ofType = (release: Record<string, unknown>, type: string) => records(release).filter((r) => r.type === type);

test('parties become organisations: identifier, address, telephones and e-mail', () => {
  const mapped = mapRelease(roadRelease());
  expect(mapped.filter((m) => m.record.type === 'organization')).toEqual([
    {
      from: 'parties[0]',
      record: {
        type: 'organization',
        id: 'ORG-T',
        name: '郑州市金水区交通运输局',
        uscc: BUREAU_USCC,
        address: '郑州市花园路1号',
        region: '410105',
        phones: ['0371-63001234', '0371-63005678'],
        emails: ['jt@example.cn'],
      },
    },
    { from: 'parties[1]', record: { type: 'organization', id: 'ORG-AG', name: '河南中原招标代理有限公司' } },
    { from: 'parties[2]', record: { type: 'organization', id: 'ORG-SUP', name: '郑州市金水区住房和城乡建设局' } },
    {
      from: 'parties[3]',
      record: { type: 'organization', id: 'ORG-A', name: '郑州宏达建设工程有限公司', uscc: FIRM_A_USCC },
    },
    {
      from: 'parties[4]',
      record: {
        type: 'organization',
        id: 'ORG-B',
        name: 'Beta Build Co.',
        identifier: 'CN-SAIC-410105000012345',
        address: '1 Culture Road, Zhengzhou',
      },
    },
  ]);
});

test('the tender becomes a project with its tenderer, agent, supervisor, budget, code and events', () => {
  expect(mapRelease(roadRelease()).find((m) => m.record.type === 'project')).toEqual({
    from: 'tender',
    record: {
      type: 'project',
      id: OCID,
      name: '金水区道路改造工程',
      tenderer: 'ORG-T',
      agent: 'ORG-AG',
      supervisor: 'ORG-SUP',
      procedure: 'open',
      budget: 2_000_000,
      currency: 'CNY',
      category: 'works',
      project_code: '2024-410105-48-01-012345',
      events: { announced: '2024-02-28', docs_from: '2024-03-01', bid_deadline: '2024-03-25T09:30:00+08:00' },
    },
  });
});

test('lots get their ceilings, bids their lot, bidder, price and status, the active award its winner', () => {
  const release = roadRelease();
  const mapped = mapRelease(release);
  expect(mapped.filter((m) => m.record.type === 'lot')).toEqual([
    {
      from: 'tender.lots[0]',
      record: {
        type: 'lot',
        id: `${OCID}/1`,
        project: OCID,
        name: '第一标段',
        ceiling_price: 1_000_000,
        events: { awarded: '2024-04-10', contract_signed: '2024-04-20' },
      },
    },
    {
      from: 'tender.lots[1]',
      record: { type: 'lot', id: `${OCID}/2`, project: OCID, name: '第二标段', ceiling_price: 800_000 },
    },
  ]);
  const bid = (id: string, lot: string, bidder: string, price: number, more: object) => ({
    type: 'bid',
    id: `${OCID}/${id}`,
    lot: `${OCID}/${lot}`,
    bidder,
    price,
    ...more,
  });
  expect(mapped.filter((m) => m.record.type === 'bid')).toEqual([
    {
      from: 'bids.details[0]',
      record: bid('b1', '1', 'ORG-A', 950_000, {
        submitted_at: '2024-03-24T16:05:00+08:00',
        status: 'valid',
        won: true,
      }),
    },
    { from: 'bids.details[1]', record: bid('b2', '1', 'ORG-B', 960_000, { status: 'rejected', won: false }) },
    // lot 2's award is pending: no winner yet, and no loser either
    { from: 'bids.details[2]', record: bid('b3', '2', 'ORG-B', 780_000, { status: 'valid' }) },
  ]);
});

test('what no record took is counted by path, positions folded', () => {
  const release = roadRelease();
  mapRelease(release);
  const counter = new UnmappedCounter();
  counter.addLeaves('releases[]', release);
  expect(counter.summary()).toEqual({
    paths: {
      'releases[].tender.items[].classification.id': 2,
      'releases[].tender.items[].classification.scheme': 2,
      'releases[].tender.items[].id': 2,
      'releases[].tender.items[].relatedLot': 2,
      // the pending award
      'releases[].awards[].id': 1,
      'releases[].awards[].relatedLots': 1,
      'releases[].awards[].status': 1,
      'releases[].awards[].suppliers[].id': 1,
      'releases[].awards[].suppliers[].name': 1,
      // the active award's value repeats the winning bid's price
      'releases[].awards[].value.amount': 1,
      'releases[].awards[].value.currency': 1,
      // the invited supplier, who made no bid
      'releases[].bids.details[].id': 1,
      'releases[].bids.details[].status': 1,
      'releases[].bids.details[].tenderers[].id': 1,
      'releases[].bids.details[].tenderers[].name': 1,
      'releases[].bids.statistics[].id': 1,
      'releases[].bids.statistics[].measure': 1,
      'releases[].bids.statistics[].value': 1,
      'releases[].contracts[].status': 1,
      'releases[].language': 1,
      'releases[].parties[].address.countryName': 1,
      'releases[].parties[].contactPoint.name': 1,
      // the whole tender's value, when its lots have their own
      'releases[].tender.value.amount': 1,
      'releases[].tender.value.currency': 1,
    },
    more: 0,
  });
});

test('a tender without lots has one lot, which its bids and award fall to', () => {
  const release = roadRelease('ocds-x-1');
  const tender = release.tender as Record<string, unknown>;
  delete tender.lots;
  tender.value = { amount: 1_800_000, currency: 'CNY' };
  const bids = (release.bids as { details: Record<string, unknown>[] }).details;
  bids.forEach((detail) => delete detail.relatedLots);
  (release.awards as Record<string, unknown>[]).forEach((award) => delete award.relatedLots);
  const all = records(release);
  expect(all.filter((r) => r.type === 'lot')).toEqual([
    {
      type: 'lot',
      id: 'ocds-x-1/1',
      project: 'ocds-x-1',
      ceiling_price: 1_800_000,
      events: { awarded: '2024-04-10', contract_signed: '2024-04-20' },
    },
  ]);
  const bidsOut = all.filter((r) => r.type === 'bid');
  expect(bidsOut.map((b) => [b.id, b.lot, b.won])).toEqual([
    ['ocds-x-1/b1', 'ocds-x-1/1', true],
    ['ocds-x-1/b2', 'ocds-x-1/1', false],
    ['ocds-x-1/b3', 'ocds-x-1/1', false],
  ]);
});

test('procedures: details naming a Chinese procedure win, else the method decides', () => {
  const procedure = (method?: string, details?: string) => {
    const release = roadRelease();
    Object.assign(release.tender as object, { procurementMethod: method, procurementMethodDetails: details });
    return ofType(release, 'project')[0].procedure;
  };
  expect(procedure('limited', '询价')).toBe('inquiry');
  expect(procedure('limited', '竞争性磋商')).toBe('negotiation');
  expect(procedure('limited', 'Negotiated without publication')).toBe('negotiation');
  expect(procedure('selective')).toBe('invited');
  expect(procedure('direct')).toBe('single_source');
  expect(procedure('other')).toBeUndefined();
});

test('canonical lot and bid ids are kept; a code of another shape is kept as a property', () => {
  const release = roadRelease('PRJ000045');
  const tender = release.tender as { lots: Record<string, unknown>[] };
  tender.lots[0].id = 'LOT000123';
  const details = (release.bids as { details: Record<string, unknown>[] }).details;
  details[0].id = 'BID0001234';
  details[0].relatedLots = ['LOT000123'];
  details[1].relatedLots = ['LOT000123'];
  (release.awards as Record<string, unknown>[])[0].relatedLots = ['LOT000123'];
  ((release.planning as Record<string, unknown>).budget as Record<string, unknown>).projectID = 'XM-2024-17';
  const all = records(release);
  expect(all.filter((r) => r.type === 'lot').map((r) => r.id)).toEqual(['LOT000123', 'PRJ000045/2']);
  expect(all.find((r) => r.id === 'BID0001234')).toMatchObject({ lot: 'LOT000123', won: true });
  expect(all.find((r) => r.type === 'project')).toMatchObject({ planning_project_id: 'XM-2024-17' });
  expect(all.find((r) => r.type === 'project')).not.toHaveProperty('project_code');
});

test('references to no party make organisations; relatedBids name winners; other currencies stay', () => {
  const release = roadRelease();
  release.parties = [];
  delete release.buyer;
  const details = (release.bids as { details: Record<string, unknown>[] }).details;
  details[2].value = { amount: 100_000, currency: 'USD' };
  const awards = release.awards as Record<string, unknown>[];
  awards[1] = { id: 'a2', status: 'active', relatedBids: ['b3'], relatedLots: ['2'], suppliers: [] };
  const all = records(release);
  expect(all.filter((r) => r.type === 'organization')).toEqual([
    { type: 'organization', id: 'ORG-AG', name: '河南中原招标代理有限公司' },
    { type: 'organization', id: 'ORG-A', name: '郑州宏达建设工程有限公司' },
    { type: 'organization', id: 'ORG-B', name: 'Beta Build Co.' },
  ]);
  expect(all.find((r) => r.type === 'project')).toMatchObject({ tenderer: 'ORG-AG', currency: 'CNY' });
  expect(all.find((r) => r.type === 'project')).not.toHaveProperty('agent');
  expect(all.find((r) => r.id === `${OCID}/b3`)).toMatchObject({ price: 100_000, currency: 'USD', won: true });
});
