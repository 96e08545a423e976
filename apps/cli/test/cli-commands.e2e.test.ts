import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const at = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const reference = JSON.parse(readFileSync(at('numpy-reference.json'), 'utf8')) as {
  minNorm: number[];
  ridge: number[];
  risks: Record<string, number>;
};
const ntk = JSON.parse(readFileSync(at('ntk.json'), 'utf8')) as {
  regression: { both: { ridgeless: { predictions: number[] } } };
};
const scratch = mkdtempSync(join(tmpdir(), 'benignlab-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function expectClose(actual: number[], expected: number[], relative = 1e-9) {
  expect(actual).toHaveLength(expected.length);
  const scale = Math.max(...expected.map(Math.abs));
  actual.forEach((v, k) => {
    expect(Math.abs(v - (expected[k] as number))).toBeLessThanOrEqual(relative * scale);
  });
}

describe('benignlab fit (spawned CLI)', () => {
  it.each([
    ['X.csv', 'y.csv'],
    ['X.npy', 'y.npy'],
  ])('min-norm on %s/%s --json matches numpy and prints only JSON', async (x, y) => {
    const result = await runCli(['fit', '--x', at(x), '--y', at(y), '--model', 'minnorm', '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(Object.keys(parsed)).toEqual(['coef']);
    expectClose(parsed.coef, reference.minNorm);
  });

  it('ridge and NTK predictions, and the plain output is a readable CSV column', async () => {
    const ridge = await runCli([
      'fit',
      '--x',
      at('X.npy'),
      '--y',
      at('y.csv'),
      '--model',
      'ridge',
      '--lambda',
      '0.1',
    ]);
    expect(ridge.code).toBe(0);
    const lines = ridge.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('coef');
    expectClose(lines.slice(1).map(Number), reference.ridge);
    expect(ridge.stderr).toContain('ridge λ = 0.1, n = 12, p = 40');
    const kernel = await runCli([
      'fit',
      '--x',
      at('ntk-train.npy'),
      '--y',
      at('ntk-y.npy'),
      '--model',
      'ntk',
      '--predict',
      at('ntk-test.csv'),
      '--json',
    ]);
    expect(kernel.code).toBe(0);
    expectClose(JSON.parse(kernel.stdout).predictions, ntk.regression.both.ridgeless.predictions, 1e-8);
  });

  it('risks with --theta-star and --covariance', async () => {
    const result = await runCli([
      'fit',
      '--x',
      at('X.csv'),
      '--y',
      at('y.csv'),
      '--model',
      'minnorm',
      '--theta-star',
      at('theta-star.csv'),
      '--covariance',
      at('sigma-full.npy'),
      '--json',
    ]);
    expect(result.code).toBe(0);
    const { risks } = JSON.parse(result.stdout);
    expect(risks.standard).toBeCloseTo(reference.risks.standardFull as number, 9);
    expect(risks.adversarial).toBeCloseTo(reference.risks.adversarialFull as number, 9);
  });

  it('malformed files → exit 2 with one line naming the file, row and column', async () => {
    const cases: [string, string, string][] = [
      ['--x', 'bad-ragged.csv', 'bad-ragged.csv: row 3, column 3: has 2 fields; expected 3'],
      ['--x', 'bad-text.csv', 'bad-text.csv: row 2, column 2: "abc" is not a number'],
      ['--x', 'bad-nan.csv', 'bad-nan.csv: row 3, column 2: is NaN'],
      ['--x', 'bad-nan.npy', 'bad-nan.npy: row 2, column 1: is Infinity'],
      ['--y', 'y-short.csv', 'y-short.csv: has 11 values; expected 12'],
    ];
    const results = await Promise.all(
      cases.map(([flag, name]) => {
        const files: Record<string, string> = { '--x': at('X.csv'), '--y': at('y.csv'), [flag]: at(name) };
        return runCli([
          'fit',
          '--x',
          files['--x'] as string,
          '--y',
          files['--y'] as string,
          '--model',
          'minnorm',
        ]);
      }),
    );
    results.forEach((result, k) => {
      const [flag, , expected] = cases[k] as [string, string, string];
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`benignlab: ${flag}: `);
      expect(lines[0]).toContain(expected);
    });
  });
});

describe('usage errors of the other commands (spawned CLI)', () => {
  it('bad flags and values → exit 2 with one line naming them', async () => {
    const cases: [string[], string][] = [
      [
        ['fit', '--x', 'a.csv', '--y', 'b.csv', '--model', 'lasso'],
        '--model: got "lasso"; expected one of minnorm',
      ],
      [['fit', '--x', 'a.csv', '--y', 'b.csv', '--model', 'ridge'], '--lambda: is required'],
      [['fit', '--oops'], '--oops: unknown option for "benignlab fit"'],
      [['theory', '--n', '10', '--lambda', '0'], '--covariance: is required'],
      [
        ['theory', '--covariance', 'spiked:p=5', '--n', 'ten', '--lambda', '0'],
        '--n: got "ten"; expected an integer ≥ 1',
      ],
      [['describe', 'e42'], '<id>: got "e42"; expected one of e1'],
      [['run', 'e1', '--set', 'ns=5'], '--set ns: e1.ns: got [5]; expected a list of integers'],
      [['run', 'e1', '--set', 'colour=red'], '--set colour: unknown setting of e1; expected one of ns'],
      [['run', 'e1', '--config', 'nowhere.json'], '--config: nowhere.json does not exist'],
      [['list', '--seed', '-1'], '--seed: got "-1"; expected an integer ≥ 0'],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(args)));
    results.forEach((result, k) => {
      const [args, expected] = cases[k] as [string[], string];
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]?.startsWith('benignlab: ')).toBe(true);
      expect(lines[0]).toContain(expected);
    });
  });

  it('every command’s --help shows usage and examples', async () => {
    const commands = ['list', 'describe', 'run', 'fit', 'theory'];
    const results = await Promise.all(commands.map((command) => runCli([command, '--help'])));
    results.forEach((result, k) => {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: benignlab ${commands[k]}`);
      expect(result.stdout).toContain('Examples:');
    });
  });
});

describe('--json output parses (spawned CLI)', () => {
  it('list, describe and theory', async () => {
    const list = await runCli(['list', '--json']);
    expect(JSON.parse(list.stdout).map((e: { id: string }) => e.id)).toContain('e1');
    const described = JSON.parse(
      (await runCli(['describe', 'e1', '--quick', '--json', '--seed', '7'])).stdout,
    );
    expect(described.settings.map((s: { key: string }) => s.key)).toContain('ns');
    expect(described.seed).toBe(7);
    expect(described.cells.length).toBeGreaterThan(0);
    const theory = await runCli([
      'theory',
      '--covariance',
      'spiked:p=400,s=4,tail=0.02',
      '--n',
      '60',
      '--lambdas',
      '0,0.1',
      '--json',
    ]);
    expect(theory.code).toBe(0);
    const curve = JSON.parse(theory.stdout);
    expect(curve.points[0].risk).toBeCloseTo(0.07174958770841028, 9);
    expect(curve.points[1].norm2).toBeCloseTo(1.3080173255027592, 8);
  });

  it('run writes the result files and --json prints the same result', async () => {
    const out = join(scratch, 'run');
    const args = [
      'run',
      'e1',
      '--quick',
      '--set',
      'ns=20,40',
      '--seeds',
      '2',
      '--workers',
      '2',
      '--out',
      out,
    ];
    const result = await runCli([...args, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed.config.ns).toEqual([20, 40]);
    expect(printed.config.replicates).toBe(2);
    expect(printed.rows).toHaveLength(4);
    const written = readFileSync(join(out, 'e1.json'), 'utf8');
    expect(written).toBe(result.stdout);
    expect(readFileSync(join(out, 'e1.csv'), 'utf8').split('\n')[0]).toContain('n');
    expect(readFileSync(join(out, 'e1.svg'), 'utf8')).toContain('<svg');
    // The same settings from a config file (a previous result) give the same rows, on one worker.
    const again = await runCli([
      'run',
      'e1',
      '--config',
      join(out, 'e1.json'),
      '--workers',
      '1',
      '--out',
      join(scratch, 'again'),
      '--json',
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).rows).toEqual(printed.rows);
  });
});
