// Installs Debian packages with apt-get for the test helpers that bring in real parts
// (apps/docs/scripts/ensure-chromium.mjs, apps/cli/test/slurm/ensure-slurm.mjs): as root
// directly, otherwise through `sudo -n`. The installer's stdout goes to our stderr, never our
// stdout, which those helpers keep for their result (e.g. the executable path).
// BENIGNLAB_TEST_UID stands in for the user id in their tests (to take the `sudo -n` route).
import { spawnSync } from 'node:child_process';

/** Whether a command is on PATH. */
export function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  // fd 2 for the child's stdout too: apt-get's progress must never reach our stdout.
  const result = spawnSync(command, args, {
    stdio: ['ignore', 2, 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw new Error(`could not start ${command}: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`\`${command} ${args.join(' ')}\` exited with status ${result.status}`);
}

/**
 * Returns a function running `apt-get <args>` as root (directly or with `sudo -n`), or throws
 * an Error whose one-line message starts with `what` and ends with `manualFix`.
 */
export function aptGet(what, manualFix) {
  if (!commandExists('apt-get')) throw new Error(`${what} and apt-get is not available. ${manualFix}`);
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: a test-only override, not a build input.
  const testUid = process.env.BENIGNLAB_TEST_UID;
  const uid = testUid ? Number(testUid) : typeof process.getuid === 'function' ? process.getuid() : undefined;
  const prefix = uid === 0 ? [] : commandExists('sudo') ? ['sudo', '-n'] : null;
  if (prefix === null) throw new Error(`${what} and installing it needs root (no sudo found). ${manualFix}`);
  return (args) =>
    prefix.length ? run(prefix[0], [...prefix.slice(1), 'apt-get', ...args]) : run('apt-get', args);
}
