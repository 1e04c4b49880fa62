// The Electron binary of this project, found and fetched without `require('electron')`.
// Since Electron 41 the electron package has no install script: the first require('electron')
// downloads the binary, printing to the terminal and throwing where there is no network. So
// what only needs to know whether a window can open (npm start, the tests) reads the package's
// own record of its download (path.txt, dist/), and the download is run where it is wanted.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The installed electron package's folder, or null when the package is not installed. */
export function electronPackageDir(projectRoot) {
  try {
    return path.dirname(createRequire(path.join(projectRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The downloaded binary's path, the one require('electron') would answer, or null when there is none. */
export function installedElectron(projectRoot) {
  const dir = electronPackageDir(projectRoot);
  if (dir === null) return null;
  let relative = null;
  try {
    relative = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    // Not downloaded yet: no record.
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative || 'electron') : relative ? path.join(dir, 'dist', relative) : null;
  return binary !== null && existsSync(binary) ? binary : null;
}

/**
 * Runs the electron package's own downloader (its install.js) once, quietly. Returns the binary,
 * or why there is none in one line (the downloader's last line, not its stack trace).
 */
export function downloadElectron(projectRoot) {
  const dir = electronPackageDir(projectRoot);
  if (dir === null) return { ok: false, reason: 'the electron package is not installed (run npm ci)' };
  const run = spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const binary = installedElectron(projectRoot);
  if (run.status === 0 && binary !== null) return { ok: true, binary };
  const lines = `${run.error?.message ?? ''}\n${run.stderr ?? ''}`.split('\n').map((l) => l.trim());
  const reason = lines.find((l) => l !== '' && !l.startsWith('at ')) ?? `the downloader exited with ${run.status ?? run.signal}`;
  return { ok: false, reason };
}

/** The electron package's version, for messages ('45.5.0'), or null. */
export function electronVersion(projectRoot) {
  const dir = electronPackageDir(projectRoot);
  if (dir === null) return null;
  try {
    const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}
