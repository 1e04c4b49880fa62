/**
 * The room server and the command line as child processes, for the end-to-end test and the
 * board benchmark: the real `merge-sprint` the user runs, built into dist/ by `npm run build`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(PROJECT, 'bin', 'merge-sprint.mjs');

export function assertBuilt(): void {
  for (const built of ['dist/cli.mjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(PROJECT, built))) throw new Error(`${built} is missing: run \`npm run build\` before the end-to-end tests and the benchmark.`);
  }
}

export interface Room {
  /** The address the server printed (with ?token= when it needs one). */
  url: string;
  /** The repository it serves (printed for --demo; else the --repo given). */
  repo: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `merge-sprint serve ARGS` and resolves once it prints the address to open. */
export function startRoom(args: string[], timeoutMs = 120_000): Promise<Room> {
  assertBuilt();
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const repoArg = args.indexOf('--repo');
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise<Room>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`merge-sprint serve printed no address within ${timeoutMs} ms.\nstdout:\n${out}\nstderr:\n${err}`));
    }, timeoutMs);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /^Open (\S+)$/m.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      const repo = /^Demo repository: (.+)$/m.exec(out)?.[1] ?? (repoArg >= 0 ? args[repoArg + 1] : undefined);
      if (!repo) return reject(new Error(`Could not tell which repository the server serves:\n${out}`));
      resolve({ url, repo, output: () => out + err, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`merge-sprint serve exited with ${code} before it was ready.\nstdout:\n${out}\nstderr:\n${err}`));
    });
  });
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `merge-sprint ARGS` as its own process, as a script would. */
export function runCli(args: string[]): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
