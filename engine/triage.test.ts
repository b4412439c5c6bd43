import { Rarity } from './rarity';
import { citedValues } from './triage';

test('citedValues keeps the value kinds and values of shared-value evidence, once each', () => {
  const values = citedValues([
    { kind: 'shared-value', text: 'a', data: { kind: 'ip', value: '10.0.0.1' } },
    { kind: 'shared-value', text: 'b', data: { kind: 'ip', value: '10.0.0.1' } },
    { kind: 'shared-value', text: 'c', data: { link: 'phone', value: '0371-1234567' } },
    { kind: 'price', text: 'd', data: { kind: 'bid', value: 'x' } },
    { kind: 'screen', text: 'e' },
  ]);
  expect(values).toEqual([
    { kind: 'ip', value: '10.0.0.1' },
    { kind: 'phone', value: '0371-1234567' },
  ]);
});

test('each dismissal halves a value’s weight, statutory ones too; benign values weigh nothing', () => {
  const rarity = new Rarity(
    [{ kind: 'mac', value: 'AA' }],
    [
      { flag: 'F-1', status: 'dismissed', values: ['ip=10.0.0.1', 'machine_code=M1'] },
      { flag: 'F-2', status: 'dismissed', values: ['ip=10.0.0.1'] },
      { flag: 'F-3', status: 'confirmed', values: ['ip=10.0.0.2'] },
    ],
  );
  rarity.use('ip', '10.0.0.1', 'A');
  rarity.use('ip', '10.0.0.1', 'B');
  rarity.use('ip', '10.0.0.2', 'A');
  rarity.use('ip', '10.0.0.2', 'B');
  expect(rarity.weight('ip', '10.0.0.1')).toBeCloseTo(0.25);
  expect(rarity.weight('ip', '10.0.0.2')).toBe(1);
  expect(rarity.weight('machine_code', 'M1')).toBeCloseTo(0.5);
  expect(rarity.weight('machine_code', 'M2')).toBe(1);
  expect(rarity.weight('mac', 'AA')).toBe(0);
});
