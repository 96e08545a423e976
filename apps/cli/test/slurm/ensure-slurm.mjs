#!/usr/bin/env node
// Makes sure Debian's Slurm (slurmctld, slurmd, the client commands) and munge are installed,
// installing them with apt-get when missing, like apps/docs/scripts/ensure-chromium.mjs does for
// Chromium. stdout carries nothing but the final "ok" line: apt-get's own output goes to stderr.
// BENIGNLAB_TEST_UID stands in for the user id in this script's tests (the `sudo -n` route).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** The commands the Slurm end-to-end test runs, and the Debian packages that provide them. */
export const slurmCommands = ['slurmctld', 'slurmd', 'sbatch', 'squeue', 'scancel', 'scontrol', 'munged'];
export const slurmPackages = ['slurmctld', 'slurmd', 'slurm-client', 'munge'];

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  // fd 2 for the child's stdout too: the installer's progress never reaches our stdout.
  const result = spawnSync(command, args, {
    stdio: ['ignore', 2, 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw new Error(`could not start ${command}: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`\`${command} ${args.join(' ')}\` exited with status ${result.status}`);
}

/**
 * Installs the missing Slurm and munge packages. Returns the seconds spent installing
 * (0 when everything was there). Throws an Error with a one-line message when it cannot.
 */
export function ensureSlurm() {
  const missing = slurmCommands.filter((command) => !commandExists(command));
  if (missing.length === 0) return 0;
  const manualFix = `Install them yourself (Debian/Ubuntu: \`sudo apt-get install -y --no-install-recommends ${slurmPackages.join(' ')}\`).`;
  if (!commandExists('apt-get')) {
    throw new Error(`Slurm is missing (${missing.join(', ')}) and apt-get is not available. ${manualFix}`);
  }
  const uid = process.env.BENIGNLAB_TEST_UID
    ? Number(process.env.BENIGNLAB_TEST_UID)
    : typeof process.getuid === 'function'
      ? process.getuid()
      : undefined;
  const prefix = uid === 0 ? [] : commandExists('sudo') ? ['sudo', '-n'] : null;
  if (prefix === null) {
    throw new Error(
      `Slurm is missing (${missing.join(', ')}) and installing it needs root (no sudo found). ${manualFix}`,
    );
  }
  const apt = (args) =>
    prefix.length ? run(prefix[0], [...prefix.slice(1), 'apt-get', ...args]) : run('apt-get', args);
  console.error(
    `[ensure-slurm] ${missing.join(', ')} not found: installing ${slurmPackages.join(' ')} with apt-get…`,
  );
  const started = performance.now();
  // Waits for another apt-get (e.g. the Chromium install of the docs tests) instead of failing.
  const install = [
    '-o',
    'DPkg::Lock::Timeout=300',
    'install',
    '-y',
    '-qq',
    '--no-install-recommends',
    ...slurmPackages,
  ];
  try {
    // A fresh machine may have no package lists yet; update only when install fails.
    try {
      apt(install);
    } catch {
      apt(['update', '-qq']);
      apt(install);
    }
  } catch (error) {
    throw new Error(`installing Slurm with apt-get failed (${error.message}). ${manualFix}`);
  }
  const still = slurmCommands.filter((command) => !commandExists(command));
  if (still.length > 0)
    throw new Error(`apt-get finished but ${still.join(', ')} are still missing. ${manualFix}`);
  return (performance.now() - started) / 1000;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const seconds = ensureSlurm();
    console.log(seconds > 0 ? `installed in ${seconds.toFixed(1)} s` : 'already installed');
  } catch (error) {
    console.error(`ensure-slurm: ${error.message}`);
    process.exit(1);
  }
}
