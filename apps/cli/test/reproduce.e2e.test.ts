import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli, startCli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'benignlab-e2e-'));
const outA = join(root, 'a');
let runA: CliResult;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function readJson(path: string) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every output in `dir` is complete: no temporary files, JSON parses, PNGs and HTML are whole. */
function expectIntact(dir: string): void {
  const files = readdirSync(dir);
  expect(files.filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
  for (const file of files) {
    const path = join(dir, file);
    if (file.endsWith('.json')) expect(() => readJson(path)).not.toThrow();
    if (file.endsWith('.png')) expect([...readFileSync(path).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    if (file.endsWith('.svg')) expect(readFileSync(path, 'utf8').trimEnd().endsWith('</svg>')).toBe(true);
    if (file.endsWith('.html')) expect(readFileSync(path, 'utf8').trimEnd().endsWith('</html>')).toBe(true);
    if (file.endsWith('.csv')) expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true);
  }
}

beforeAll(async () => {
  runA = await runCli([
    'reproduce',
    '--quick',
    '--only',
    'e1,e2,e3',
    '--out',
    outA,
    '--seed',
    '7',
    '--workers',
    '2',
  ]);
  if (runA.code !== 0) throw new Error(`reproduce failed (${runA.code}): ${runA.stderr}`);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('benignlab reproduce --quick --only e1,e2,e3 (spawned CLI)', () => {
  it('writes every output file, complete, with no temporary files left', () => {
    const files = readdirSync(outA).sort();
    for (const id of ['e1', 'e2', 'e3']) {
      for (const ext of ['json', 'csv', 'svg', 'png']) expect(files).toContain(`${id}.${ext}`);
    }
    expect(files).toContain('report.html');
    expect(files).toContain('e1-harm.png');
    expect(files).toContain('e2-prices.svg');
    expectIntact(outA);
  });

  it('e1: R falls while ‖θ̂‖² and the absolute-budget harm ratio grow (log-log slopes)', () => {
    const e1 = readJson(join(outA, 'e1.json'));
    expect(Object.keys(e1)).toEqual(expect.arrayContaining(['config', 'rows', 'summary']));
    expect(e1.summary.slopes.risk).toBeLessThan(0);
    expect(e1.summary.slopes.norm2).toBeGreaterThan(0);
    expect(e1.summary.slopes.advRisk).toBeGreaterThan(0);
    expect(e1.summary.absoluteSlopes.harmRatio).toBeGreaterThan(0);
    expect(e1.config.alphaRelative).toBe(0.05);
    expect(e1.rows).toHaveLength(e1.config.ns.length * e1.config.replicates);
  });

  it('e2: on the trade-off design the best compromise G grows with n and every price is ≥ 1; verdicts name their deciding number', () => {
    const e2 = readJson(join(outA, 'e2.json'));
    const trade = e2.summary.simulated.filter((p: { design: string }) => p.design === 'trade-off');
    expect(trade.length).toBeGreaterThanOrEqual(2);
    expect(e2.summary.slopes['trade-off'].compromise).toBeGreaterThan(0);
    for (const p of e2.summary.simulated) {
      expect(p.priceOfRobustness).toBeGreaterThanOrEqual(1);
      expect(p.priceOfAccuracy).toBeGreaterThanOrEqual(1);
    }
    const [tradeoff] = e2.summary.verdicts;
    expect(tradeoff.budget).toBe('absolute');
    expect(tradeoff.truthAdversarialRisk).toBeCloseTo(0.25, 12);
    expect(tradeoff.decidedBy.comparison).toBe('>');
    expect(tradeoff.falsifiedBy).toMatch(/\S/);
  });

  it('e3: the NTK interpolator’s R falls while its input-gradient norms and harm ratio grow', () => {
    const e3 = readJson(join(outA, 'e3.json'));
    for (const layers of ['first', 'both']) {
      expect(e3.summary.slopes[layers].risk).toBeLessThan(0);
      expect(e3.summary.slopes[layers].gradNorm2).toBeGreaterThan(0);
      expect(e3.summary.slopes[layers].harmFirstOrder).toBeGreaterThan(0);
    }
  });

  it('writes tidy CSV rows matching the JSON rows', () => {
    const e1 = readJson(join(outA, 'e1.json'));
    const lines = readFileSync(join(outA, 'e1.csv'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(e1.rows.length + 1);
    const header = (lines[0] as string).split(',');
    expect(header).toEqual(Object.keys(e1.rows[0]));
    // Numbers parse back as numbers; text columns (the sampler) stay text.
    const first = (lines[1] as string)
      .split(',')
      .map((cell) => (Number.isNaN(Number(cell)) ? cell : Number(cell)));
    expect(first).toEqual(Object.values(e1.rows[0]));
  });

  it('writes a self-contained, well-formed report with every figure inline', () => {
    const html = readFileSync(join(outA, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src="http|href="http/i);
    const { document } = parseHTML(html);
    expect(document.querySelector('head > meta[charset="utf-8"]')).not.toBeNull();
    expect(document.querySelector('title')?.textContent).toContain('benignlab');
    for (const id of ['e1', 'e2', 'e3']) {
      const section = document.querySelector(`section#${id}`);
      expect(section).not.toBeNull();
      expect(section?.querySelectorAll('figure svg').length).toBeGreaterThan(0);
      expect(section?.querySelector('table.config')).not.toBeNull();
      expect(section?.textContent).toContain('seed');
    }
    const svgs = document.querySelectorAll('figure > svg');
    const svgFiles = readdirSync(outA).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBe(svgFiles.length);
    expect(document.querySelectorAll('table.verdicts tr.yes, table.verdicts tr.no').length).toBeGreaterThan(
      10,
    );
    expect(html).toContain('@benignlab/experiments');
    // Every verdict row shows the deciding number, R_α(θ*) and what would falsify the claim.
    expect(html).toContain('<th scope="col">decided by</th>');
    expect(html).toContain('<th scope="col">what would falsify it</th>');
    expect(html).toMatch(/needs (&gt;|&lt;)=? /);
    // Balanced structure: every opened section, figure and table is closed.
    for (const tag of ['section', 'figure', 'table', 'details']) {
      expect((html.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length).toBe(
        (html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length,
      );
    }
  });

  it('prints the verdict table, no colour and no progress bar when piped', () => {
    expect(runA.stdout).toContain('claims supported');
    expect(runA.stdout).toMatch(/e1 +✔ supported/);
    expect(runA.stdout).not.toContain('\u001b[');
    expect(runA.stderr).toBe('');
  });

  it('gives bit-identical rows and summaries with one worker', async () => {
    const outB = join(root, 'b');
    const runB = await runCli([
      'reproduce',
      '--quick',
      '--only',
      'e1',
      '--out',
      outB,
      '--seed',
      '7',
      '--workers',
      '1',
    ]);
    expect(runB.code).toBe(0);
    expect(readFileSync(join(outB, 'e1.json'), 'utf8')).toBe(readFileSync(join(outA, 'e1.json'), 'utf8'));
    expect(readFileSync(join(outB, 'e1.csv'), 'utf8')).toBe(readFileSync(join(outA, 'e1.csv'), 'utf8'));
  });
});

describe('an interrupted run', () => {
  it('SIGTERM during the computation exits 143 and leaves the previous outputs untouched', async () => {
    const dir = join(root, 'interrupt-compute');
    cpSync(outA, dir, { recursive: true });
    const before = readFileSync(join(dir, 'e1.json'), 'utf8');
    // Default sizes on one worker: start-up takes under 2 s even on a loaded machine and the
    // computation well over 10 s, so the signal lands mid-run, after the handlers are set.
    const { child, done } = startCli([
      'reproduce',
      '--only',
      'e1',
      '--out',
      dir,
      '--seed',
      '8',
      '--workers',
      '1',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(143);
    expect(result.stderr).toContain('interrupted by SIGTERM');
    expect(readFileSync(join(dir, 'e1.json'), 'utf8')).toBe(before);
    expectIntact(dir);
  });

  it('SIGINT as soon as the first file is replaced leaves only complete files', async () => {
    const dir = join(root, 'interrupt-write');
    cpSync(outA, dir, { recursive: true });
    const stamp = statSync(join(dir, 'e1.json')).mtimeMs;
    const { child, done } = startCli(['reproduce', '--quick', '--only', 'e1', '--out', dir, '--seed', '9']);
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    while (!finished && statSync(join(dir, 'e1.json')).mtimeMs === stamp) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGINT');
    const result = await done;
    // Writes are synchronous, so the signal lands between files (exit 130), after the last
    // (exit 0), or after the handler is released on the way out (killed by SIGINT: seen on
    // Node 24). Whichever, the files are whole.
    const outcome = result.code ?? result.signal;
    expect([0, 130, 'SIGINT']).toContain(outcome);
    expectIntact(dir);
    expect(readJson(join(dir, 'e1.json')).seed).toBe(9);
  });
});
