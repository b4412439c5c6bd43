/**
 * Small OCDS 1.1 documents for the tests, written after the standard's schema and worked
 * examples: a works tender of a Zhengzhou bureau in two lots, run by a tendering agency, with the
 * Bids extension, an active and a pending award, a contract, planning budget and project code,
 * and fields the importer does not map (items, bid statistics, a contact name).
 */
import { usccCheckChar } from '../../normalise/uscc';

/** A valid 统一社会信用代码 from its first 17 characters. */
export const uscc = (first17: string) => first17 + usccCheckChar(first17);

export const BUREAU_USCC = uscc('11410105MB1234567');
export const FIRM_A_USCC = uscc('91410105MA1234567');

/** One release of the whole process (tender, bids, awards, contract): a fresh copy each call. */
export function roadRelease(ocid = 'ocds-213czf-zz-0001'): Record<string, unknown> {
  return {
    ocid,
    id: `${ocid}-award-1`,
    date: '2024-04-20T10:00:00+08:00',
    tag: ['award', 'contract'],
    initiationType: 'tender',
    language: 'zh',
    parties: [
      {
        id: 'ORG-T',
        name: '郑州市金水区交通运输局',
        identifier: { scheme: 'CN-USCC', id: BUREAU_USCC },
        address: { streetAddress: '花园路1号', locality: '郑州市', region: '410105', countryName: '中国' },
        contactPoint: { name: '王工', telephone: '0371-63001234，0371-63005678', email: 'jt@example.cn' },
        roles: ['buyer'],
      },
      { id: 'ORG-AG', name: '河南中原招标代理有限公司', roles: ['procuringEntity'] },
      { id: 'ORG-SUP', name: '郑州市金水区住房和城乡建设局', roles: ['reviewBody'] },
      {
        id: 'ORG-A',
        name: '郑州宏达建设工程有限公司',
        identifier: { scheme: 'CN-USCC', id: FIRM_A_USCC },
        roles: ['tenderer', 'supplier'],
      },
      {
        id: 'ORG-B',
        name: 'Beta Build Co.',
        identifier: { scheme: 'CN-SAIC', id: '410105000012345' },
        address: { streetAddress: '1 Culture Road', locality: 'Zhengzhou' },
        roles: ['tenderer'],
      },
    ],
    buyer: { id: 'ORG-T', name: '郑州市金水区交通运输局' },
    planning: {
      budget: { amount: { amount: 2_000_000, currency: 'CNY' }, projectID: '2024-410105-48-01-012345' },
    },
    tender: {
      id: ocid,
      title: '金水区道路改造工程',
      datePublished: '2024-02-28T00:00:00+08:00',
      procurementMethod: 'open',
      procurementMethodDetails: '公开招标',
      mainProcurementCategory: 'works',
      procuringEntity: { id: 'ORG-AG', name: '河南中原招标代理有限公司' },
      tenderPeriod: { startDate: '2024-03-01T00:00:00+08:00', endDate: '2024-03-25T09:30:00+08:00' },
      value: { amount: 1_800_000, currency: 'CNY' },
      lots: [
        { id: '1', title: '第一标段', value: { amount: 1_000_000, currency: 'CNY' } },
        { id: '2', title: '第二标段', value: { amount: 800_000, currency: 'CNY' } },
      ],
      items: [
        { id: '1', classification: { scheme: 'CPV', id: '45233140' }, relatedLot: '1' },
        { id: '2', classification: { scheme: 'CPV', id: '45233141' }, relatedLot: '2' },
      ],
    },
    bids: {
      statistics: [{ id: '1', measure: 'bids', value: 3 }],
      details: [
        {
          id: 'b1',
          date: '2024-03-24T16:05:00+08:00',
          status: 'valid',
          tenderers: [{ id: 'ORG-A', name: '郑州宏达建设工程有限公司' }],
          value: { amount: 950_000, currency: 'CNY' },
          relatedLots: ['1'],
        },
        {
          id: 'b2',
          status: 'disqualified',
          tenderers: [{ id: 'ORG-B', name: 'Beta Build Co.' }],
          value: { amount: 960_000, currency: 'CNY' },
          relatedLots: ['1'],
        },
        {
          id: 'b3',
          status: 'valid',
          tenderers: [{ id: 'ORG-B', name: 'Beta Build Co.' }],
          value: { amount: 780_000, currency: 'CNY' },
          relatedLots: ['2'],
        },
        { id: 'b4', status: 'invited', tenderers: [{ id: 'ORG-C', name: 'Gamma' }] },
      ],
    },
    awards: [
      {
        id: 'a1',
        status: 'active',
        date: '2024-04-10T00:00:00+08:00',
        suppliers: [{ id: 'ORG-A', name: '郑州宏达建设工程有限公司' }],
        value: { amount: 950_000, currency: 'CNY' },
        relatedLots: ['1'],
      },
      { id: 'a2', status: 'pending', suppliers: [{ id: 'ORG-B', name: 'Beta Build Co.' }], relatedLots: ['2'] },
    ],
    contracts: [{ id: 'c1', awardID: 'a1', dateSigned: '2024-04-20T00:00:00+08:00', status: 'active' }],
  };
}

/** A release package of releases, pretty-printed (one field per line) like most publishers'. */
export function releasePackage(releases: unknown[]): string {
  return JSON.stringify(
    {
      uri: 'https://example.org/ocds/2024-04.json',
      version: '1.1',
      publishedDate: '2024-05-01T00:00:00+08:00',
      publisher: { name: 'Example trading centre' },
      releases,
    },
    null,
    2,
  );
}
