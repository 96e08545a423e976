import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const STUDY = fileURLToPath(new URL('../examples/study.ts', import.meta.url));

// The adopting researcher's study, kept as an example: it must stay short and must run.
describe('examples/study.ts', () => {
  it('is at most 110 lines', () => {
    expect(readFileSync(STUDY, 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(110);
  });

  it('runs end to end at small sizes and prints every part of the study', async () => {
    vi.stubEnv('STUDY_SIZE', 'small');
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.join(' '));
    });
    try {
      await import('../examples/study.ts');
    } finally {
      log.mockRestore();
      vi.unstubAllEnvs();
    }
    const output = lines.join('\n');
    if (process.env.STUDY_PRINT) process.stdout.write(`${output}\n`);
    for (const part of [
      'ℓ2 harm ratio = ',
      'GCV picks λ',
      'theory vs simulation',
      'NTK ridge λ = 0',
      'NTK after 100 GD steps',
      'network (width 64',
    ]) {
      expect(output).toContain(part);
    }
    expect(output).not.toMatch(/NaN|undefined/);
    // The interpolator is benign-ish for R yet harmful for R_α: its harm ratio exceeds 1.
    expect(Number(/ℓ2 harm ratio = ([\d.]+)/.exec(output)?.[1])).toBeGreaterThan(1);
  });

  it('type-checks under --strict', () => {
    const tsc = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));
    const project = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
    expect(() => execFileSync('node', [tsc, '-p', project, '--noEmit'], { encoding: 'utf8' })).not.toThrow();
  }, 300_000);
});
