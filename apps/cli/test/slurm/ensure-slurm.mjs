#!/usr/bin/env node
// Makes sure Debian's Slurm (slurmctld, slurmd, the client commands) and munge are installed,
// installing them with apt-get when missing, like apps/docs/scripts/ensure-chromium.mjs does for
// Chromium. stdout carries nothing but the final "ok" line: apt-get's own output goes to stderr.
// The apt-get call itself is scripts/apt-get-install.mjs, shared with ensure-chromium.
import { pathToFileURL } from 'node:url';
import { aptGet, commandExists } from '../../../../scripts/apt-get-install.mjs';

/** The commands the Slurm end-to-end test runs, and the Debian packages that provide them. */
export const slurmCommands = ['slurmctld', 'slurmd', 'sbatch', 'squeue', 'scancel', 'scontrol', 'munged'];
export const slurmPackages = ['slurmctld', 'slurmd', 'slurm-client', 'munge'];

/**
 * Installs the missing Slurm and munge packages. Returns the seconds spent installing
 * (0 when everything was there). Throws an Error with a one-line message when it cannot.
 */
export function ensureSlurm() {
  const missing = slurmCommands.filter((command) => !commandExists(command));
  if (missing.length === 0) return 0;
  const manualFix = `Install them yourself (Debian/Ubuntu: \`sudo apt-get install -y --no-install-recommends ${slurmPackages.join(' ')}\`).`;
  const apt = aptGet(`Slurm is missing (${missing.join(', ')})`, manualFix);
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
