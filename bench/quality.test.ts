/** The quality measures on cases small enough to compute by hand. */
import { benignFlaggedShare, familyQuality, precisionAtK, rocAuc } from './quality';

const truth = {
  schemes: [
    { id: 'S1', family: 'shared-ip', lots: ['L1'], entities: ['A', 'B'] },
    { id: 'S2', family: 'shared-ip', lots: ['L2'], entities: ['C', 'D'] },
  ],
  benign: [{ id: 'B1', kind: 'public-terminal', lots: [], entities: ['X', 'Y', 'Z'] }],
};

test('recall and precision per family', () => {
  const q = familyQuality(
    'shared-ip',
    [
      { detector: 'shared-ip', score: 0.9, lots: ['L1'], entities: ['A', 'B'] },
      { detector: 'shared-ip', score: 0.9, lots: ['L9'], entities: ['X', 'Y'] },
    ],
    truth,
  );
  expect(q).toMatchObject({ planted: 2, found: 1, recall: 0.5, flags: 2, precision: 0.5 });
});

test('a benign look-alike counts as flagged only when a strong flag lands on two of its parties', () => {
  expect(benignFlaggedShare([{ detector: 'shared-ip', score: 0.9, lots: ['L5'], entities: ['X', 'Y'] }], truth)).toBe(
    1,
  );
  expect(benignFlaggedShare([{ detector: 'shared-ip', score: 0.3, lots: ['L5'], entities: ['X', 'Y'] }], truth)).toBe(
    0,
  );
  expect(benignFlaggedShare([{ detector: 'shared-ip', score: 0.9, lots: ['L5'], entities: ['X', 'Q'] }], truth)).toBe(
    0,
  );
});

test('ROC-AUC: perfect, inverted, ties', () => {
  const perfect = [
    { score: 0.9, positive: true },
    { score: 0.1, positive: false },
  ];
  expect(rocAuc(perfect)).toBe(1);
  expect(rocAuc(perfect.map((s) => ({ ...s, positive: !s.positive })))).toBe(0);
  expect(
    rocAuc([
      { score: 0.5, positive: true },
      { score: 0.5, positive: false },
    ]),
  ).toBe(0.5);
  expect(precisionAtK([...perfect, { score: 0.8, positive: false }], 2)).toBe(0.5);
});
