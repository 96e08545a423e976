#!/usr/bin/env node
// Makes sure a Chromium the browser tests can drive exists: Debian's /usr/bin/chromium,
// installed with apt-get when missing. Prints the executable path on success, and nothing else
// on stdout: the installer's own output goes to stderr, since callers read stdout as the path.
// CHROMIUM_PATH overrides the location (e.g. a distribution that names it differently).
// BENIGNLAB_TEST_CHROMIUM_PATH and BENIGNLAB_TEST_UID let this script's own tests stand in
// for /usr/bin/chromium and the user id (to take the `sudo -n` route without being non-root).
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const defaultChromiumPath = process.env.BENIGNLAB_TEST_CHROMIUM_PATH || '/usr/bin/chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function commandExists(command) {
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
 * Returns the path of an executable Chromium, installing Debian's package when needed.
 * Throws an Error that says what to do when it cannot install.
 */
export function ensureChromium() {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (isExecutable(override)) return override;
    throw new Error(`CHROMIUM_PATH=${override} is not an executable file`);
  }
  if (isExecutable(defaultChromiumPath)) return defaultChromiumPath;
  const manualFix =
    'Install it yourself (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.';
  if (!commandExists('apt-get')) {
    throw new Error(`${defaultChromiumPath} is missing and apt-get is not available. ${manualFix}`);
  }
  const uid = process.env.BENIGNLAB_TEST_UID
    ? Number(process.env.BENIGNLAB_TEST_UID)
    : typeof process.getuid === 'function'
      ? process.getuid()
      : undefined;
  const isRoot = uid === 0;
  const prefix = isRoot ? [] : commandExists('sudo') ? ['sudo', '-n'] : null;
  if (prefix === null) {
    throw new Error(
      `${defaultChromiumPath} is missing and installing it needs root (no sudo found). ${manualFix}`,
    );
  }
  const apt = (args) =>
    prefix.length ? run(prefix[0], [...prefix.slice(1), 'apt-get', ...args]) : run('apt-get', args);
  console.error(
    `[ensure-chromium] ${defaultChromiumPath} not found: installing Debian's chromium with apt-get…`,
  );
  try {
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', 'chromium']);
  } catch (error) {
    throw new Error(`installing chromium with apt-get failed (${error.message}). ${manualFix}`);
  }
  if (!isExecutable(defaultChromiumPath)) {
    throw new Error(`apt-get finished but ${defaultChromiumPath} is still missing. ${manualFix}`);
  }
  return defaultChromiumPath;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(`ensure-chromium: ${error.message}`);
    process.exit(1);
  }
}
