import { screens } from './screens';

describe('screens', () => {
  it('computes every screen of a group of bids as by hand', () => {
    const s = screens([112, 100, 111, 110]);
    expect(s.diffp).toBeCloseTo(0.1, 12); // (110 − 100) / 100
    expect(s.spread).toBeCloseTo(0.12, 12); // (112 − 100) / 100
    expect(s.rd).toBeCloseTo(10, 12); // 10 / sd([110, 111, 112]) = 10 / 1
    expect(s.cv).toBeCloseTo(Math.sqrt(92.75 / 3) / 108.25, 12);
    expect(s.ks).toBeCloseTo(0.5 + 1 / 12, 12); // F(110) = 10/12 against 1/4
    expect(s.skewness).toBeLessThan(0); // one low bid, clustered covers
    expect(s.kurtosis).toBeDefined();
  });

  it('leaves out what a group cannot define', () => {
    expect(screens([100, 200])).toEqual({});
    const three = screens([100, 105, 105]);
    expect(three.kurtosis).toBeUndefined(); // needs four bids
    expect(three.rd).toBeUndefined(); // the losing bids do not vary
    expect(three.diffp).toBeCloseTo(0.05, 12);
  });
});
