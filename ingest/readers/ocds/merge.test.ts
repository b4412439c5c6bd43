/** Merging releases of one ocid: date order, null removal, merge by id, whole-list replacement. */
import { mergeReleases } from './merge';

test('later releases override earlier ones, whatever their order in the file', () => {
  const tender = {
    ocid: 'A',
    id: '1',
    date: '2024-01-01T00:00:00Z',
    tender: { id: 'T', title: 'Old', status: 'active' },
  };
  const award = { ocid: 'A', id: '2', date: '2024-03-01T00:00:00Z', tender: { status: 'complete' } };
  const amend = { ocid: 'A', id: '3', date: '2024-02-01T00:00:00+08:00', tender: { title: 'New' } };
  expect(mergeReleases([award, tender, amend])).toEqual({
    ocid: 'A',
    id: '2',
    date: '2024-03-01T00:00:00Z',
    tender: { id: 'T', title: 'New', status: 'complete' },
  });
});

test('dates compare as instants, an undated release comes first, equal dates keep file order', () => {
  const nineInBeijing = { date: '2024-01-01T09:00:00+08:00', v: '01:00Z' };
  const twoUtc = { date: '2024-01-01T02:00:00Z', v: '02:00Z' };
  expect(mergeReleases([twoUtc, nineInBeijing]).v).toBe('02:00Z');
  expect(mergeReleases([{ date: '2024-01-01', v: 'dated' }, { v: 'undated' }]).v).toBe('dated');
  expect(
    mergeReleases([
      { date: 'x', v: 1 },
      { date: 'x', v: 2 },
    ]).v,
  ).toBe(2);
});

test('null removes a field; lists of objects with ids merge by id, other lists are replaced', () => {
  const first = {
    date: '2024-01-01',
    tender: { title: 'T', description: 'gone later' },
    parties: [
      { id: 'O1', name: 'Buyer', roles: ['buyer'] },
      { id: 'O2', name: 'Firm', roles: ['tenderer'] },
    ],
    tag: ['tender'],
    items: [{ description: 'no id' }],
  };
  const second = {
    date: '2024-02-01',
    tender: { description: null },
    parties: [
      { id: 'O2', roles: ['tenderer', 'supplier'] },
      { id: 'O3', name: 'New' },
    ],
    tag: ['award'],
    items: [{ description: 'replaced' }],
  };
  const compiled = mergeReleases([second, first]);
  expect(compiled).toEqual({
    date: '2024-02-01',
    tender: { title: 'T' },
    parties: [
      { id: 'O1', name: 'Buyer', roles: ['buyer'] },
      { id: 'O2', name: 'Firm', roles: ['tenderer', 'supplier'] },
      { id: 'O3', name: 'New' },
    ],
    tag: ['award'],
    items: [{ description: 'replaced' }],
  });
  expect(first.parties[1].roles).toEqual(['tenderer']); // inputs untouched
  compiled.tag = [];
  expect(second.tag).toEqual(['award']);
});
