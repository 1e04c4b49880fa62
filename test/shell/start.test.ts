/**
 * `npm start` (scripts/start.mjs): where Electron's binary is missing, downloads it once through
 * the electron package's own downloader (unless ELECTRON_SKIP_BINARY_DOWNLOAD is set), and where
 * it cannot be had says so in one clear line and exits 0; otherwise builds when dist/ is missing
 * or older than the sources, then launches Electron on the project with the user's arguments.
 * Runs the real script in a copy of the project's layout with a stand-in electron package (its
 * downloader and its binary, a shell script recording its arguments) and a stand-in build script.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedElectron } from '../../scripts/electron-binary.mjs';
import { cleanup, tempDir } from '../helpers/repo';

const root = path.resolve(__dirname, '..', '..');
const OUTPUTS = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];
const OLD = new Date('2024-01-01T00:00:00Z');
const NEW = new Date('2024-06-01T00:00:00Z');

/** Runs start.mjs; a hang ends in a kill after 30 s, which the assertions then report. */
function start(projectRoot: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'start.mjs'), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ...env },
  });
}

/** No window: one line saying so and naming the browser way in (after the download's own line, if one was tried). */
function expectOneCleanLine(run: SpawnSyncReturns<string>, opts: { downloadTried?: boolean; why?: RegExp; wayIn?: RegExp } = {}): void {
  expect(run.signal, 'start.mjs was killed: it hung').toBeNull();
  expect(run.status).toBe(0);
  const lines = run.stdout.split('\n').filter((l) => l.trim() !== '');
  if (opts.downloadTried) expect(lines.shift()).toMatch(/^Downloading Electron 45\.0\.0 for this machine/);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/Electron is not installed/);
  expect(lines[0]).toMatch(opts.wayIn ?? /npm run room \(then open the address it prints\)/);
  if (opts.why) expect(lines[0]).toMatch(opts.why);
  expect(run.stderr.trim()).toBe('');
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
}

function write(file: string, text: string, mtime = OLD): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, mtime, mtime);
}

type ElectronState =
  /** No electron package at all. */
  | 'absent'
  /** The package, its binary downloaded. */
  | 'present'
  /** The package, its record naming a binary that is not there. */
  | 'dangling'
  /** The package, nothing downloaded; its downloader fails as it does offline. */
  | 'offline'
  /** The package, nothing downloaded; its downloader fetches the binary. */
  | 'downloadable';

/** A project folder laid out like this one: package.json, scripts/start.mjs, sources, dist, node_modules/electron. */
function makeProject(dir: string, opts: { dist: 'fresh' | 'stale' | 'missing'; electron: ElectronState; buildFails?: boolean }): void {
  write(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', main: 'dist/electron/main.cjs' }));
  mkdirSync(path.join(dir, 'scripts'), { recursive: true });
  for (const script of ['start.mjs', 'electron-binary.mjs']) copyFileSync(path.join(root, 'scripts', script), path.join(dir, 'scripts', script));
  write(
    path.join(dir, 'scripts', 'build.mjs'),
    opts.buildFails
      ? "process.exit(2);\n"
      : [
          "import { mkdirSync, writeFileSync } from 'node:fs';",
          "writeFileSync('build-ran', 'yes');",
          `for (const f of ${JSON.stringify(OUTPUTS)}) { mkdirSync(f.split('/').slice(0, -1).join('/'), { recursive: true }); writeFileSync(f, 'built'); }`,
        ].join('\n'),
  );
  write(path.join(dir, 'electron', 'main.ts'), '// main');
  write(path.join(dir, 'shared', 'api.ts'), '// api');
  write(path.join(dir, 'renderer', 'index.html'), '<!doctype html>', opts.dist === 'stale' ? NEW : OLD);
  if (opts.dist !== 'missing') for (const f of OUTPUTS) write(path.join(dir, f), 'built', opts.dist === 'fresh' ? NEW : OLD);
  if (opts.electron === 'absent') return;
  const pkg = path.join(dir, 'node_modules', 'electron');
  write(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.0.0', main: 'index.js' }));
  // Requiring the package would start Electron's own download: start.mjs must never do it.
  write(path.join(pkg, 'index.js'), "require('fs').writeFileSync(require('path').join(__dirname, 'required'), 'yes');\n");
  const binary = '#!/bin/sh\nprintf "%s\\n" "$@" > electron-args\nprintf "%s" "${ELECTRON_RUN_AS_NODE-unset}" > electron-env\nexit 7\n';
  const installer =
    opts.electron === 'offline'
      ? "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:13510:13'); process.exit(1);\n"
      : [
          "const fs = require('fs'); const path = require('path');",
          "fs.writeFileSync(path.join(__dirname, 'installer-ran'), 'yes');",
          "fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });",
          `fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ${JSON.stringify(binary)}, { mode: 0o755 });`,
          "fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');",
        ].join('\n');
  write(path.join(pkg, 'install.js'), installer);
  if (opts.electron === 'present' || opts.electron === 'dangling') write(path.join(pkg, 'path.txt'), 'electron');
  if (opts.electron === 'present') {
    write(path.join(pkg, 'dist', 'electron'), binary);
    chmodSync(path.join(pkg, 'dist', 'electron'), 0o755);
  }
}

const electronPackage = (dir: string, file: string) => path.join(dir, 'node_modules', 'electron', file);

describe('npm start', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('merge-sprint-start-');
  });
  afterEach(() => cleanup(dir));

  it('where there is no electron package, prints one line naming the browser way in and exits 0', () => {
    makeProject(dir, { dist: 'missing', electron: 'absent' });
    expectOneCleanLine(start(dir), { why: /run npm ci/ });
    expect(existsSync(path.join(dir, 'build-ran'))).toBe(false);
  });

  it('where the binary is not downloaded and ELECTRON_SKIP_BINARY_DOWNLOAD is set, does not try and says so', () => {
    makeProject(dir, { dist: 'fresh', electron: 'dangling' });
    const run = start(dir, ['--repo', '/somewhere'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    // Not npm run room, which serves the demo: the exact command that serves the repository asked for.
    expectOneCleanLine(run, { why: /ELECTRON_SKIP_BINARY_DOWNLOAD/, wayIn: new RegExp(`Open the same board of /somewhere in a browser: node ${path.join(dir, 'bin', 'merge-sprint.mjs')} serve --repo /somewhere \\(`) });
    expect(existsSync(electronPackage(dir, 'installer-ran'))).toBe(false);
    expect(existsSync(electronPackage(dir, 'required'))).toBe(false);
  });

  it('for a relative repository with a space, names it from where npm was started, quoted for the shell', () => {
    makeProject(dir, { dist: 'fresh', electron: 'dangling' });
    const run = start(dir, ['--repo=linux xen'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', INIT_CWD: '/home/ada/src' });
    const line = run.stdout.trim();
    expect(line).toContain(`serve --repo '/home/ada/src/linux xen' (then open`);
    expect(line).not.toContain('npm run room');
  });

  it('where the download fails (offline), gives its reason in the one line, without its stack trace', () => {
    makeProject(dir, { dist: 'fresh', electron: 'offline' });
    const run = start(dir, [], { ELECTRON_SKIP_BINARY_DOWNLOAD: '' });
    expectOneCleanLine(run, { downloadTried: true, why: /could not be downloaded \(TypeError: fetch failed\)/ });
    expect(existsSync(electronPackage(dir, 'required'))).toBe(false);
    expect(existsSync(path.join(dir, 'electron-args'))).toBe(false);
  });

  it('downloads the binary once through the electron package\'s downloader, then launches it', () => {
    makeProject(dir, { dist: 'fresh', electron: 'downloadable' });
    const first = start(dir, ['--repo', '/repos/linux'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '' });
    expect(first.status).toBe(7);
    expect(first.stdout).toMatch(/^Downloading Electron 45\.0\.0/);
    expect(readFileSync(path.join(dir, 'electron-args'), 'utf8')).toBe('.\n--repo\n/repos/linux\n');
    rmSync(electronPackage(dir, 'installer-ran'));
    const second = start(dir, [], { ELECTRON_SKIP_BINARY_DOWNLOAD: '' });
    expect(second.status).toBe(7);
    expect(second.stdout).not.toMatch(/Downloading/);
    expect(existsSync(electronPackage(dir, 'installer-ran'))).toBe(false);
    expect(existsSync(electronPackage(dir, 'required'))).toBe(false);
  });

  it('launches Electron on the project with the arguments given after npm start --', () => {
    makeProject(dir, { dist: 'fresh', electron: 'present' });
    const run = start(dir, ['--repo', '/repos/linux xen'], { ELECTRON_RUN_AS_NODE: '1' });
    expect(run.signal).toBeNull();
    // The stand-in Electron exits 7: start.mjs hands its exit code on.
    expect(run.status).toBe(7);
    expect(readFileSync(path.join(dir, 'electron-args'), 'utf8')).toBe('.\n--repo\n/repos/linux xen\n');
    expect(readFileSync(path.join(dir, 'electron-env'), 'utf8')).toBe('unset');
    expect(existsSync(path.join(dir, 'build-ran'))).toBe(false);
  });

  it('builds first when dist is missing', () => {
    makeProject(dir, { dist: 'missing', electron: 'present' });
    const run = start(dir);
    expect(run.status).toBe(7);
    expect(existsSync(path.join(dir, 'build-ran'))).toBe(true);
    expect(readFileSync(path.join(dir, 'electron-args'), 'utf8')).toBe('.\n');
  });

  it('builds first when a source is newer than dist', () => {
    makeProject(dir, { dist: 'stale', electron: 'present' });
    expect(start(dir).status).toBe(7);
    expect(existsSync(path.join(dir, 'build-ran'))).toBe(true);
  });

  it('stops with one message and no launch when the build fails', () => {
    makeProject(dir, { dist: 'missing', electron: 'present', buildFails: true });
    const run = start(dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/build failed/);
    expect(existsSync(path.join(dir, 'electron-args'))).toBe(false);
  });
});

/** This project itself, on a machine without Electron's binary (this one, or CI): the README's first run there. */
describe.skipIf(installedElectron(root) !== null)('npm start in this project without an Electron binary', () => {
  it('with ELECTRON_SKIP_BINARY_DOWNLOAD set, prints one line and exits 0 without building or hanging', () => {
    expectOneCleanLine(start(root, [], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }));
  });
});
