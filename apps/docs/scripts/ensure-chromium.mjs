#!/usr/bin/env node
// Makes sure a Chromium the browser tests can drive exists: Debian's /usr/bin/chromium,
// installed with apt-get when missing. Prints the executable path on success, and nothing else
// on stdout: the installer's own output goes to stderr, since callers read stdout as the path.
// CHROMIUM_PATH overrides the location (e.g. a distribution that names it differently).
// BENIGNLAB_TEST_CHROMIUM_PATH and BENIGNLAB_TEST_UID let this script's own tests stand in
// for /usr/bin/chromium and the user id (to take the `sudo -n` route without being non-root;
// see scripts/apt-get-install.mjs).
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { aptGet } from '../../../scripts/apt-get-install.mjs';

export const defaultChromiumPath = process.env.BENIGNLAB_TEST_CHROMIUM_PATH || '/usr/bin/chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
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
  const apt = aptGet(`${defaultChromiumPath} is missing`, manualFix);
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
