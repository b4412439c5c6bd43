/** The contract's schemas: what passes, and how each kind of bad input is worded. */
import { validateRecord } from './validate';

const problems = (value: unknown) => {
  const result = validateRecord(value);
  if (result.ok) throw new Error('expected a validation failure');
  return result.problems;
};

test('a full bid passes and keeps unknown fields', () => {
  const result = validateRecord({
    type: 'bid',
    id: 'B1',
    lot: 'L1',
    bidder: 'O1',
    price: 950000.5,
    submitted_at: '2024-03-05T09:30:00+08:00',
    ip: '10.0.0.1',
    rank: 1,
    won: true,
    status: 'valid',
    platform_note: 'kept',
  });
  expect(result).toMatchObject({ ok: true, type: 'bid', record: { price: 950000.5, platform_note: 'kept' } });
});

test('numeric ids and region codes become strings', () => {
  expect(validateRecord({ type: 'organization', id: 7, name: 'x', region: 410102 })).toMatchObject({
    ok: true,
    record: { id: '7', region: '410102' },
  });
});

test('missing and unknown types are named', () => {
  expect(problems({ id: 'x' })).toEqual([{ field: 'type', reason: 'is required' }]);
  expect(problems({ type: 'tender' })[0].reason).toMatch(/unknown record type "tender"; expected one of organization/);
  expect(problems('text')[0].reason).toBe('a record must be a JSON object');
});

test('wrong types, negative money, impossible dates and bad codes are named by field', () => {
  expect(problems({ type: 'bid', id: 'B', lot: 'L', bidder: 'O', price: 'cheap' })).toEqual([
    { field: 'bid.price', reason: 'must be a number, got "cheap"' },
  ]);
  expect(problems({ type: 'bid', id: 'B', lot: 'L', bidder: 'O', price: -1 })[0].reason).toBe(
    'must not be negative, got -1',
  );
  expect(problems({ type: 'lot', id: 'L', project: 'P', events: { opened: '2024-02-30' } })[0]).toMatchObject({
    field: 'lot.events.opened',
  });
  expect(problems({ type: 'organization', id: 'O', name: 'n', region: '4101' })[0].field).toBe('organization.region');
  expect(problems({ type: 'project', id: 'P', name: 'n', tenderer: 'T', project_code: '2017-41' })[0].field).toBe(
    'project.project_code',
  );
});

test('cross-field rules: an expert needs a person or a name; a sanction cannot end before it starts', () => {
  expect(problems({ type: 'expert', id: 'E' })[0]).toMatchObject({ field: 'expert.person' });
  expect(
    problems({ type: 'sanction', entity: 'O', kind: 'bidding_ban', date: '2024-05-01', until: '2024-01-01' }),
  ).toEqual([{ field: 'sanction.until', reason: 'must not be before date' }]);
});

test('an invalid ID number is reported without echoing it', () => {
  const [problem] = problems({ type: 'person', id: 'P', id_number: 110105194912 });
  expect(problem.field).toBe('person.id_number');
  expect(problem.reason).not.toContain('110105194912');
});

test('enumerations list their allowed values', () => {
  expect(problems({ type: 'project', id: 'P', name: 'n', tenderer: 'T', procedure: 'secret' })[0].reason).toMatch(
    /must be one of open, invited/,
  );
});
