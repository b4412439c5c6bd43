import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULTS as PRICE_SCREENS } from './detectors/price-screens';
import { defaultSettings, loadSettings, mergeSettings, settingsHash, settingsJson } from './settings';

test('every detector and the community layer have their documented defaults', () => {
  const settings = defaultSettings();
  expect(settings.get('price-screens')).toEqual(PRICE_SCREENS);
  expect(settings.get('cartel-community')).toBeDefined();
  expect(settings.size).toBe(18);
});

test('a file overrides only the settings it names', () => {
  const settings = mergeSettings({ 'price-screens': { minScore: 0.8 } }, 'x.json');
  expect(settings.get('price-screens')).toEqual({ ...PRICE_SCREENS, minScore: 0.8 });
  expect(defaultSettings().get('price-screens')).toEqual(PRICE_SCREENS);
});

test('unknown detectors, unknown settings and wrong types are refused with file and setting named', () => {
  expect(() => mergeSettings({ 'price-screen': {} }, 'x.json')).toThrow(/x\.json: unknown detector "price-screen"/);
  expect(() => mergeSettings({ 'price-screens': { minscore: 1 } }, 'x.json')).toThrow(
    /x\.json: "price-screens" has no setting "minscore"/,
  );
  expect(() => mergeSettings({ 'price-screens': { minScore: '0.8' } }, 'x.json')).toThrow(
    /"price-screens.minScore" must be a number/,
  );
  expect(() => mergeSettings([], 'x.json')).toThrow(/must be a JSON object/);
});

test('loadSettings reads a file, and names it when it is not JSON or missing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-'));
  const good = path.join(dir, 'good.json');
  fs.writeFileSync(good, JSON.stringify({ 'shared-ip': {} }));
  expect(loadSettings(good).size).toBe(18);
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, '{"shared-ip": ');
  expect(() => loadSettings(bad)).toThrow(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not valid JSON`));
  expect(() => loadSettings(path.join(dir, 'none.json'))).toThrow(/cannot read/);
  expect(loadSettings(undefined).get('price-screens')).toEqual(PRICE_SCREENS);
});

test('the settings hash names the content: equal settings, equal hash; any change, another', () => {
  const defaults = settingsHash(defaultSettings());
  expect(defaults).toMatch(/^[0-9a-f]{16}$/);
  expect(settingsHash(defaultSettings())).toBe(defaults);
  expect(settingsHash(mergeSettings({ 'price-screens': { minScore: 0.8 } }, 'x.json'))).not.toBe(defaults);
  const reordered = new Map([...defaultSettings().entries()].reverse());
  expect(settingsHash(reordered)).toBe(defaults);
  expect(Object.keys(settingsJson(defaultSettings()))).toEqual([...defaultSettings().keys()].sort());
});
