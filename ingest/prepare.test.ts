/** Records become statement rows: normalised values, hashed ID numbers, stable content hashes. */
import { IdHasher } from './normalise/id-number';
import { prepareRecord } from './prepare';
import { RecordType, TradingRecord } from './records/schemas';
import { validateRecord } from './records/validate';

const hasher = new IdHasher(Buffer.from('test'));

function prepare(value: Record<string, unknown>) {
  const v = validateRecord(value);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return prepareRecord(v.type as RecordType, v.record as TradingRecord, hasher);
}

test('a person keeps only the keyed hash of the ID number, also under an unknown field', () => {
  const result = prepare({
    type: 'person',
    id: 'P',
    name: '张伟',
    id_number: '11010519491231002X',
    card: '11010519491231002X',
  });
  if (!result.ok) throw new Error('expected ok');
  const props = result.prepared.row.props as Record<string, unknown>;
  expect(props.id_number).toBeUndefined();
  expect(props.card).toBeUndefined();
  expect(props.id_hash).toBe(hasher.hash('11010519491231002X'));
  expect(props.card_hash).toBe(props.id_hash);
  expect(JSON.stringify(result.prepared.row)).not.toContain('11010519491231002X');
});

test('a bid row carries normalised shared values as lists for the load statement', () => {
  const result = prepare({
    type: 'bid',
    id: 'B',
    lot: 'L',
    bidder: 'O',
    price: 1,
    ip: '010.0.0.1',
    mac: 'AA-BB-CC-DD-EE-FF',
    doc_author: ' Administrator ',
    contact_phone: '+86 13800138000',
    bond_payer: 'O9',
  });
  if (!result.ok) throw new Error('expected ok');
  expect(result.prepared.row).toMatchObject({
    ip: ['10.0.0.1'],
    mac: ['aa:bb:cc:dd:ee:ff'],
    author: ['administrator'],
    phone: ['13800138000'],
    machine: [],
    payer: 'O9',
    contact: [],
  });
  expect((result.prepared.row.props as Record<string, unknown>).mac).toBe('aa:bb:cc:dd:ee:ff');
});

test('bad shared values are field problems', () => {
  const result = prepare({ type: 'bid', id: 'B', lot: 'L', bidder: 'O', price: 1, ip: '999.1.1.1', mac: 'nope' });
  expect(result).toEqual({
    ok: false,
    problems: [
      { field: 'bid.ip', reason: '"999.1.1.1" is not an IP address' },
      { field: 'bid.mac', reason: '"nope" is not a MAC address (12 hex digits)' },
    ],
  });
});

test('events flatten to events_<name>; nested unknown values become JSON text', () => {
  const result = prepare({ type: 'lot', id: 'L', project: 'P', events: { opened: '2024-03-05' }, meta: { a: 1 } });
  if (!result.ok) throw new Error('expected ok');
  expect(result.prepared.row.props).toMatchObject({ events_opened: '2024-03-05', meta: '{"a":1}' });
});

test('the content hash ignores key order and changes with content', () => {
  const a = prepare({ type: 'lot', id: 'L', project: 'P', ceiling_price: 5, name: 'n' });
  const b = prepare({ name: 'n', ceiling_price: 5, project: 'P', id: 'L', type: 'lot' });
  const c = prepare({ type: 'lot', id: 'L', project: 'P', ceiling_price: 6, name: 'n' });
  if (!a.ok || !b.ok || !c.ok) throw new Error('expected ok');
  expect(a.prepared.row.hash).toBe(b.prepared.row.hash);
  expect(a.prepared.row.hash).not.toBe(c.prepared.row.hash);
});

test('ties resolve the sides the kind fixes; sanctions without id get a stable one', () => {
  const tie = prepare({ type: 'tie', kind: 'legal_rep', from: 'P1', to: 'O1' });
  const share = prepare({ type: 'tie', kind: 'shareholder', from: 'X', to: 'O1', share: 0.4 });
  if (!tie.ok || !share.ok) throw new Error('expected ok');
  expect(tie.prepared.row).toMatchObject({ fromLabel: 'Person', toLabel: 'Organization' });
  expect(share.prepared.row).toMatchObject({ fromLabel: null, toLabel: 'Organization', props: { share: 0.4 } });
  const s1 = prepare({ type: 'sanction', entity: 'O1', kind: 'bidding_ban', date: '2024-01-01' });
  const s2 = prepare({ type: 'sanction', entity: 'O1', kind: 'bidding_ban', date: '2024-01-01' });
  if (!s1.ok || !s2.ok) throw new Error('expected ok');
  expect(s1.prepared.key).toBe(s2.prepared.key);
  expect(s1.prepared.key).toMatch(/^SAN-/);
});
