import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';

const script = fileURLToPath(new URL('../scripts/ensure-chromium.mjs', import.meta.url));

function run(env: Record<string, string>) {
  return spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, ...env } });
}

function writeExecutable(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

/**
 * A scratch directory with a fake `apt-get` (and `sudo`) first on PATH. Like the real one, the
 * fake apt-get prints progress to stdout; its `install` creates a stub executable where the
 * script looks for Chromium. The fake sudo records its arguments and runs the rest.
 */
function fakeInstaller() {
  const root = mkdtempSync(join(tmpdir(), 'benignlab-ensure-chromium-'));
  const chromium = join(root, 'chromium');
  const log = join(root, 'calls.log');
  writeExecutable(
    join(root, 'apt-get'),
    `#!/bin/sh
echo "apt-get $*" >> '${log}'
echo "Reading package lists... Done"
echo "(Reading database ... 5%"
if [ "$1" = install ]; then printf '#!/bin/sh\\nexit 0\\n' > '${chromium}'; chmod 755 '${chromium}'; fi
exit 0
`,
  );
  writeExecutable(
    join(root, 'sudo'),
    `#!/bin/sh
echo "sudo $*" >> '${log}'
echo "[sudo] chatter on stdout"
[ "$1" = -n ] || exit 1
shift
exec "$@"
`,
  );
  return {
    root,
    chromium,
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
    env: (uid: number) => ({
      PATH: `${root}:${process.env.PATH}`,
      CHROMIUM_PATH: '',
      BENIGNLAB_TEST_CHROMIUM_PATH: chromium,
      BENIGNLAB_TEST_UID: String(uid),
    }),
  };
}

describe('scripts/ensure-chromium.mjs', () => {
  const scratch: string[] = [];
  afterEach(() => {
    for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

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

  it('as root, installs with apt-get and prints exactly the path: the installer’s stdout goes to stderr', () => {
    const fake = fakeInstaller();
    scratch.push(fake.root);
    const result = run(fake.env(0));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${fake.chromium}\n`);
    expect(result.stderr).toContain('(Reading database ... 5%');
    expect(fake.calls()).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
  });

  it('when not root, installs with `sudo -n apt-get` and prints exactly the path', () => {
    const fake = fakeInstaller();
    scratch.push(fake.root);
    const result = run(fake.env(1000));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${fake.chromium}\n`);
    expect(result.stderr).toContain('[sudo] chatter on stdout');
    expect(fake.calls()).toEqual([
      'sudo -n apt-get update -qq',
      'apt-get update -qq',
      'sudo -n apt-get install -y -qq chromium',
      'apt-get install -y -qq chromium',
    ]);
  });
});
