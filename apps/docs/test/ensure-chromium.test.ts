import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/ensure-chromium.mjs', import.meta.url));

function run(env: Record<string, string>) {
  return spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('scripts/ensure-chromium.mjs', () => {
  it('prints the Chromium it found', () => {
    const result = run({ CHROMIUM_PATH: inject('chromiumPath') });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(inject('chromiumPath'));
  });

  it('fails with a message naming the problem when CHROMIUM_PATH is not executable', () => {
    const result = run({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CHROMIUM_PATH=/nonexistent/chromium is not an executable file');
  });
});
