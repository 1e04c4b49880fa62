// `npm start`: opens the board in Electron. Builds dist/ first when it is missing or older than
// the sources. The first run downloads Electron's binary for this machine (the electron package
// has no install step of its own any more). Where there is no binary and it cannot be had (no
// network, or ELECTRON_SKIP_BINARY_DOWNLOAD=1 set to not try), says so in one line, names the
// browser way in, and exits 0: no hang, no stack trace.
// Arguments after `npm start --` go to the app (`npm start -- --repo PATH`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadElectron, electronPackageDir, electronVersion, installedElectron } from './electron-binary.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The repository after `--repo` (or `--repo=`), as the user typed it, or null. */
function repoArgument(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--repo' && i + 1 < args.length) return args[i + 1];
    if (args[i].startsWith('--repo=')) return args[i].slice('--repo='.length);
  }
  return null;
}

/** A word the shell reads back as itself: single quotes unless it needs none. */
const shellWord = (text) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`);

/**
 * The browser way in: for `npm start -- --repo X`, the exact command that serves X (npm run room
 * serves the demo, not X); else npm run room. npm runs scripts in the project's folder, so a
 * relative X is taken from where npm was started (INIT_CWD).
 */
function browserWayIn(args, cwd = process.env.INIT_CWD ?? process.cwd()) {
  const repo = repoArgument(args);
  if (repo === null) return 'Open the same board in a browser: npm run room (then open the address it prints).';
  const command = `node ${shellWord(path.join(root, 'bin', 'merge-sprint.mjs'))} serve --repo ${shellWord(path.resolve(cwd, repo))}`;
  return `Open the same board of ${repo} in a browser: ${command} (then open the address it prints).`;
}

const BROWSER_WAY_IN = browserWayIn(process.argv.slice(2));

/** The binary to launch, or null once the one line saying why there is none has been printed. */
function electronToLaunch() {
  const installed = installedElectron(root);
  if (installed !== null) return installed;
  if (electronPackageDir(root) === null) {
    console.log(`Electron is not installed on this machine (no electron package: run npm ci), so no window can open. ${BROWSER_WAY_IN}`);
    return null;
  }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log(`Electron is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded), so no window can open. ${BROWSER_WAY_IN}`);
    return null;
  }
  const version = electronVersion(root);
  console.log(`Downloading Electron${version ? ` ${version}` : ''} for this machine (once, about 100 MB)...`);
  const downloaded = downloadElectron(root);
  if (downloaded.ok) return downloaded.binary;
  console.log(`Electron is not installed on this machine and could not be downloaded (${downloaded.reason}), so no window can open. ${BROWSER_WAY_IN}`);
  return null;
}

const OUTPUTS = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];
const SOURCES = ['electron', 'shared', 'renderer', 'scripts/build.mjs', 'scripts/bundles.mjs', 'scripts/cjs-import-meta-url.mjs', 'vite.config.ts', 'package.json'];

function newestMtime(entry) {
  let stat;
  try {
    stat = statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry, { withFileTypes: true })) {
    if (child.name === 'node_modules' || child.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child.name)));
  }
  return newest;
}

function distIsStale() {
  let oldestOutput = Infinity;
  for (const output of OUTPUTS) {
    const file = path.join(root, output);
    if (!existsSync(file)) return true;
    oldestOutput = Math.min(oldestOutput, statSync(file).mtimeMs);
  }
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > oldestOutput);
}

const electron = electronToLaunch();
if (electron === null) process.exit(0);

if (distIsStale()) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed (its messages are above); fix them and run npm start again.');
    process.exit(1);
  }
}

// ELECTRON_RUN_AS_NODE (set by some editors' terminals) would make Electron run as plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
child.on('error', (error) => {
  console.error(`Electron could not be started (${error.message}). Open the same board in a browser: npm run room.`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
