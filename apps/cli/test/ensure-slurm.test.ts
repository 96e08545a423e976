import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./slurm/ensure-slurm.mjs', import.meta.url));
const commands = ['slurmctld', 'slurmd', 'sbatch', 'squeue', 'scancel', 'scontrol', 'munged'];

/**
 * A PATH holding only `sh`, `chmod` and, optionally, a fake `apt-get` that prints progress to stdout
 * (as the real one does) and "installs" stubs of the Slurm commands.
 */
function scratchPath(withAptGet: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'benignlab-ensure-slurm-'));
  for (const tool of ['sh', 'chmod']) symlinkSync(`/bin/${tool}`, join(root, tool));
  if (withAptGet) {
    const stubs = commands.map(
      (name) => `printf '#!/bin/sh\\n' > '${root}/${name}'; chmod 755 '${root}/${name}'`,
    );
    writeFileSync(
      join(root, 'apt-get'),
      `#!/bin/sh\necho "Reading package lists... Done"\necho "Setting up slurmd ..."\n${stubs.join('\n')}\n`,
    );
    chmodSync(join(root, 'apt-get'), 0o755);
  }
  return root;
}

function run(path: string) {
  return spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    env: { PATH: path, BENIGNLAB_TEST_UID: '0' },
  });
}

describe('test/slurm/ensure-slurm.mjs', () => {
  const scratch: string[] = [];
  afterEach(() => {
    for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('installs with apt-get, whose stdout goes to stderr: stdout is only the result line', () => {
    const path = scratchPath(true);
    scratch.push(path);
    const result = run(path);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^installed in \d+\.\d s\n$/);
    expect(result.stderr).toContain('Setting up slurmd ...');
    expect(run(path).stdout).toBe('already installed\n');
  });

  it('fails with one line naming what is missing when apt-get is not there', () => {
    const path = scratchPath(false);
    scratch.push(path);
    const result = run(path);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(
      `ensure-slurm: Slurm is missing (${commands.join(', ')}) and apt-get is not available.`,
    );
  });
});
