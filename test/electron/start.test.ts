/**
 * `npm start` (scripts/start.mjs): one clear line and exit 0 where Electron's binary is missing;
 * otherwise build when dist/ is missing or older than the sources, then launch Electron on the
 * project with the user's arguments. Runs the real script in a copy of the project's layout with
 * a stand-in Electron (a shell script recording its arguments) and a stand-in build script.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

function expectOneCleanLine(run: SpawnSyncReturns<string>): void {
  expect(run.signal, 'start.mjs was killed: it hung').toBeNull();
  expect(run.status).toBe(0);
  const lines = run.stdout.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/Electron is not installed/);
  expect(lines[0]).toMatch(/npm run room/);
  expect(run.stderr.trim()).toBe('');
  expect(run.stdout + run.stderr).not.toMatch(/Error|\n\s+at /);
}

function write(file: string, text: string, mtime = OLD): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, mtime, mtime);
}

/** A project folder laid out like this one: package.json, scripts/start.mjs, sources, dist. */
function makeProject(dir: string, opts: { dist: 'fresh' | 'stale' | 'missing'; electron: 'present' | 'dangling' | 'absent'; buildFails?: boolean }): void {
  write(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', main: 'dist/electron/main.cjs' }));
  mkdirSync(path.join(dir, 'scripts'), { recursive: true });
  copyFileSync(path.join(root, 'scripts', 'start.mjs'), path.join(dir, 'scripts', 'start.mjs'));
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
  const binary = path.join(dir, 'electron-binary');
  write(path.join(dir, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  write(path.join(dir, 'node_modules', 'electron', 'index.js'), `module.exports = ${JSON.stringify(binary)};\n`);
  if (opts.electron === 'present') {
    write(binary, '#!/bin/sh\nprintf "%s\\n" "$@" > electron-args\nprintf "%s" "${ELECTRON_RUN_AS_NODE-unset}" > electron-env\nexit 7\n');
    chmodSync(binary, 0o755);
  }
}

describe('npm start', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('merge-sprint-start-');
  });
  afterEach(() => cleanup(dir));

  it('where require("electron") throws, prints one line naming the browser way in and exits 0', () => {
    makeProject(dir, { dist: 'missing', electron: 'absent' });
    expectOneCleanLine(start(dir));
    expect(existsSync(path.join(dir, 'build-ran'))).toBe(false);
  });

  it('where require("electron") names a binary that is not there, does the same', () => {
    makeProject(dir, { dist: 'fresh', electron: 'dangling' });
    expectOneCleanLine(start(dir, ['--repo', '/somewhere']));
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

/** This project itself, on a machine without Electron's binary (this one): the README's first run. */
function electronBinaryMissing(): boolean {
  try {
    const binary: unknown = createRequire(path.join(root, 'package.json'))('electron');
    return typeof binary !== 'string' || !existsSync(binary);
  } catch {
    return true;
  }
}

describe.skipIf(!electronBinaryMissing())('npm start in this project without an Electron binary', () => {
  it('prints one line and exits 0 without building or hanging', () => {
    expectOneCleanLine(start(root));
  });
});
