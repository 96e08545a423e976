import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getExperiment } from '@benignlab/experiments';
import { afterAll, describe, expect, it } from 'vitest';
import { describeExperiment } from '../src/commands/describe.js';
import { parseRunArgs, settingValue } from '../src/commands/run-options.js';
import { usageErrorOf } from './usage-error-of.js';

const scratch = mkdtempSync(join(tmpdir(), 'benignlab-run-options-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};

describe('benignlab run settings', () => {
  it('reads --set values as the schema’s types', () => {
    expect(settingValue({ type: 'integerList', default: [1], description: '' }, '50, 100')).toEqual([
      50, 100,
    ]);
    expect(settingValue({ type: 'numberList', default: [1], description: '' }, '[0.5,1e-3]')).toEqual([
      0.5, 0.001,
    ]);
    expect(settingValue({ type: 'boolean', default: true, description: '' }, 'false')).toBe(false);
    expect(settingValue({ type: 'number', default: 1, description: '' }, 'abc')).toBe('abc');
  });

  it('applies --config, then --set, then --seeds, and plans the run', () => {
    const config = file('settings.json', JSON.stringify({ ns: [30, 60, 90], replicates: 5 }));
    const { options, plan } = parseRunArgs(
      ['e1', '--quick', '--config', config, '--set', 'ns=20,40', '--seeds', '3', '--seed', '9'],
      2,
    );
    expect(options).toMatchObject({ id: 'e1', quick: true, seed: 9, workers: 2, out: 'benignlab-results' });
    expect(plan?.config.ns).toEqual([20, 40]);
    expect(plan?.config.replicates).toBe(3);
    expect(plan?.cells).toHaveLength(2 * 3);
    expect(plan?.seed).toBe(9);
  });

  it('accepts a previous result file as --config, for its own experiment only', () => {
    const result = file(
      'e1.json',
      JSON.stringify({ id: 'e1', config: { ns: [20, 40], replicates: 2 }, rows: [] }),
    );
    expect(parseRunArgs(['e1', '--config', result], 1).plan?.config.ns).toEqual([20, 40]);
    expect(usageErrorOf(() => parseRunArgs(['e2', '--config', result], 1)).message).toMatch(
      /is a result of e1; expected settings for e2/,
    );
  });

  it.each([
    [['e1', '--set', 'ns=5,10'], '--set ns', /e1\.ns: got \[5, 10\]; expected a list of integers/],
    [['e1', '--set', 'replicates=two'], '--set replicates', /got "two"; expected an? integer/],
    [['e1', '--set', 'noise'], '--set', /expected key=value with a key of ns, replicates/],
    [['e1', '--set', 'bogus=1'], '--set bogus', /unknown setting of e1; expected one of ns/],
  ])('%j → %s', (args, argument, message) => {
    const error = usageErrorOf(() => parseRunArgs(args as string[], 1));
    expect(error.argument).toBe(argument);
    expect(error.message).toMatch(message);
  });

  it('names the --config file when it is not usable', () => {
    expect(usageErrorOf(() => parseRunArgs(['e1', '--config', file('bad.json', '{ns:')], 1)).message).toMatch(
      /is not valid JSON/,
    );
    expect(usageErrorOf(() => parseRunArgs(['e1', '--config', file('list.json', '[1]')], 1)).message).toMatch(
      /holds an array/,
    );
    expect(
      usageErrorOf(() => parseRunArgs(['e1', '--config', file('key.json', '{"nss":[1]}')], 1)).message,
    ).toMatch(/e1\.nss: unknown setting/);
  });
});

describe('benignlab describe', () => {
  it('lists every schema key with its allowed values and the planned cells', () => {
    const description = describeExperiment('e1', { quick: true, seed: 5 });
    expect(description.settings.map((s) => s.key)).toEqual(Object.keys(getExperiment('e1').schema));
    const ns = description.settings.find((s) => s.key === 'ns');
    expect(ns?.allowed).toMatch(/list of integers/);
    expect(description.cells.length).toBeGreaterThan(0);
    expect(new Set(description.cells.map((c) => c.seed)).size).toBe(description.cells.length);
    expect(describeExperiment('e1', { quick: true, seed: 6 }).cells[0]?.seed).not.toBe(
      description.cells[0]?.seed,
    );
  });
});
