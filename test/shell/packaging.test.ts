/**
 * Packaging (build/): the electron-builder configuration passes electron-builder's own schema
 * and names the targets the README promises; the icon is the 512x512 PNG its generator draws;
 * and an unpacked Linux build, made with a stand-in Electron folder (the real one cannot be
 * downloaded here), holds exactly the app's own files: no node_modules, no source maps, no CLI;
 * the demo's fixture folder whole; its binary, a stand-in carrying Electron's fuse wire as Electron
 * ships it, comes out with every fuse of Electron's security checklist flipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir } from '../helpers/repo';

const root = path.resolve(__dirname, '..', '..');
const configFile = path.join(root, 'build', 'electron-builder.yml');
const requireFromRoot = createRequire(path.join(root, 'package.json'));

interface BuilderConfig {
  appId?: string;
  productName?: string;
  /** As electron-builder normalises it: patterns, or sets of patterns under `filter`. */
  files?: Array<string | { filter?: string[] }>;
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[]; category?: string; maintainer?: string; icon?: string };
  mac?: { target?: string; hardenedRuntime?: boolean; entitlements?: string; icon?: string };
  win?: { target?: string; icon?: string };
}

/** electron-builder's own loader and schema check (the ones `electron-builder --config` runs). */
async function loadConfig(file: string): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config.js') as {
    getConfig(projectDir: string, configPath: string, options: null): Promise<BuilderConfig>;
    validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = requireFromRoot('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const config = await getConfig(root, file, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/**
 * Electron's security checklist, fuse by fuse: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or
 * --inspect; cookies encrypted; only an integrity-checked app.asar; no extra file:// privileges.
 */
const CHECKLIST_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

/**
 * Electron's fuse wire (its docs, "the hard way"): a sentinel, the wire's version (1), its length,
 * then one byte a fuse, '0' off and '1' on, in @electron/fuses' FuseV1Options order. The states
 * are Electron's defaults, and a ninth fuse (WasmTrapHandlers) that the config leaves alone.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const SHIPPED_WIRE = '111100011';
const standInBinary = (): Buffer =>
  Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in Electron\n'), Buffer.from(SENTINEL), Buffer.from([1, SHIPPED_WIRE.length]), Buffer.from(SHIPPED_WIRE), Buffer.from('\n')]);

/** The fuses of a binary by @electron/fuses' own names (RunAsNode, ...), as on or off. */
function fusesOf(binary: Buffer): Record<string, boolean> {
  const { FuseV1Options } = requireFromRoot('@electron/fuses') as { FuseV1Options: Record<number, string> };
  const at = binary.indexOf(SENTINEL) + SENTINEL.length;
  expect(binary[at]).toBe(1);
  const states = binary.subarray(at + 2, at + 2 + (binary[at + 1] ?? 0)).toString('latin1');
  return Object.fromEntries([...states].map((state, index) => [FuseV1Options[index] ?? `fuse ${index}`, state === '1']));
}

function pngSize(file: string): { width: number; height: number; colourType: number } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] ?? -1 };
}

describe('electron-builder configuration', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('merge-sprint-package-');
  });
  afterAll(() => cleanup(dir));

  it('passes electron-builder\'s schema, which refuses an unknown option', async () => {
    await expect(loadConfig(configFile)).resolves.toBeTruthy();
    const broken = path.join(dir, 'broken.yml');
    writeFileSync(broken, `${readFileSync(configFile, 'utf8')}\nlinux2: {}\n`);
    await expect(loadConfig(broken)).rejects.toThrow(/unknown property 'linux2'/);
  });

  it('packages Merge Sprint for Linux (AppImage, deb), macOS (dmg, hardened runtime) and Windows (nsis)', async () => {
    const config = await loadConfig(configFile);
    expect(config.productName).toBe('Merge Sprint');
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    const patterns = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    expect(patterns).toEqual(expect.arrayContaining(['dist/**', 'package.json', '!node_modules/**']));
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Development' });
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/);
    expect(config.mac).toMatchObject({ target: 'dmg', hardenedRuntime: true });
    expect(config.win).toMatchObject({ target: 'nsis' });
    for (const file of [config.linux?.icon, config.mac?.icon, config.win?.icon, config.mac?.entitlements]) {
      expect(existsSync(path.join(root, file ?? 'missing'))).toBe(true);
    }
    expect(config.electronFuses).toEqual(CHECKLIST_FUSES);
  });

  it('uses a 512x512 RGBA icon, exactly what build/make-icon.mjs draws', () => {
    const icon = path.join(root, 'build', 'icon.png');
    expect(pngSize(icon)).toEqual({ width: 512, height: 512, colourType: 6 });
    const redrawn = path.join(dir, 'icon.png');
    execFileSync(process.execPath, [path.join(root, 'build', 'make-icon.mjs'), redrawn]);
    expect(readFileSync(redrawn).equals(readFileSync(icon))).toBe(true);
  });
});

describe('unpacked Linux build', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('merge-sprint-unpacked-');
    const built = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/demo-fixture/history.json'].every((f) => existsSync(path.join(root, f)));
    if (!built) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  });
  afterAll(() => cleanup(dir));

  it('holds only the bundled main process, preload, renderer, the demo\'s fixture and package.json, in a binary with the checklist\'s fuses', () => {
    const electronDist = path.join(dir, 'electron-dist');
    execFileSync('mkdir', ['-p', electronDist]);
    writeFileSync(path.join(electronDist, 'electron'), standInBinary(), { mode: 0o755 });
    const out = path.join(dir, 'out');
    const cli = requireFromRoot.resolve('electron-builder/cli.js');
    execFileSync(process.execPath, [cli, '--config', configFile, '--linux', 'dir', `-c.electronDist=${electronDist}`, `-c.directories.output=${out}`], {
      cwd: root,
      stdio: 'pipe',
    });
    const asar = requireFromRoot('@electron/asar') as { listPackage(file: string): string[]; extractFile(file: string, name: string): Buffer };
    const archive = path.join(out, 'linux-unpacked', 'resources', 'app.asar');
    const files = asar.listPackage(archive).map((f) => f.replaceAll('\\', '/'));
    const outsideAssets = files.filter((f) => !f.startsWith('/dist/renderer/assets/') && !f.startsWith('/dist/demo-fixture/'));
    expect(outsideAssets.sort()).toEqual(
      ['/dist', '/dist/demo-fixture', '/dist/electron', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer', '/dist/renderer/assets', '/dist/renderer/index.html', '/package.json'].sort(),
    );
    // The demo's fixture, which the main process reads beside it at run time, whole.
    const fixture = path.join(root, 'electron', 'core', 'demo', 'fixture');
    const fixtureEntries = readdirSync(fixture, { recursive: true, encoding: 'utf8' }).map((f) => `/dist/demo-fixture/${f.replaceAll('\\', '/')}`);
    expect(files.filter((f) => f.startsWith('/dist/demo-fixture/')).sort()).toEqual(fixtureEntries.sort());
    expect(asar.extractFile(archive, 'dist/demo-fixture/history.json').equals(readFileSync(path.join(fixture, 'history.json')))).toBe(true);
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
    const packaged = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(packaged.main).toBe('dist/electron/main.cjs');
    const binary = path.join(out, 'linux-unpacked', 'merge-sprint');
    expect(existsSync(binary)).toBe(true);
    expect(fusesOf(readFileSync(path.join(electronDist, 'electron')))).toMatchObject({ RunAsNode: true, GrantFileProtocolExtraPrivileges: true });
    expect(fusesOf(readFileSync(binary))).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      'fuse 8': true,
    });
  });
});
