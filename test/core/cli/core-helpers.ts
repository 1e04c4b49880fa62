/**
 * Running the real command line as a separate process, the way a script or CI would, and a
 * fixture fork to run it on.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { git, makeCommit, makeRepo } from '../../helpers/repo';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CLI = path.join(ROOT, 'electron', 'core', 'cli', 'main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `merge-sprint ARGS` from the sources (tsx), in `cwd` (default: the project). */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`missing ${CLI}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, ...(opts.env ?? {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Everything git would show as a change or a ref move: to prove a failed command wrote nothing. */
export function repoState(repo: string): string {
  return [
    git(repo, ['for-each-ref', '--format=%(refname) %(objectname)']),
    git(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored']),
    // HEAD as a file: it may name a branch with no commit yet (an empty repository).
    readFileSync(path.join(repo, '.git', 'HEAD'), 'utf8'),
  ].join('\n--\n');
}

export const FORK_LINES = Array.from({ length: 12 }, (_, i) => `line ${i}`).join('\n');

/**
 * A small fork: `main` is upstream, `fork` pairs `xen/i386` with `arch/i386` and changes a file
 * in place. Holds every status, a binary file and awkward file names.
 */
export function makeForkRepo(): string {
  const repo = makeRepo();
  makeCommit(repo, {
    files: {
      'arch/i386/setup.c': `${FORK_LINES}\n`,
      'arch/i386/same.c': 'int same;\n',
      'arch/i386/only-upstream.c': 'int up;\n',
      'arch/i386/logo.bin': Buffer.from([0, 1, 2, 3, 0, 255]),
      'arch/i386/with space "q".c': 'a\nb\n',
      'kernel/sched.c': 'int sched;\nint x;\n',
      'kernel/untouched.c': 'int u;\n',
      'README': 'upstream\n',
    },
    message: 'upstream',
  });
  git(repo, ['tag', 'v1']);
  makeCommit(repo, {
    branch: 'fork',
    files: {
      'xen/i386/setup.c': `${FORK_LINES.replace('line 3', 'xen line 3')}\nxen extra\n`,
      'xen/i386/same.c': 'int same;\n',
      'xen/i386/logo.bin': Buffer.from([0, 1, 2, 9, 0, 255, 7]),
      'xen/i386/with space "q".c': 'a\nB\nc\n',
      'xen/i386/fork-only.c': 'int f;\nint g;\nint h;\n',
      'xen/i386/ünï\ncode.c': 'x\n',
      'kernel/sched.c': 'int sched;\nint xen_hook;\n',
      'drivers/xen/core.c': 'int core;\n',
    },
    message: 'fork',
  });
  git(repo, ['checkout', '-q', 'main']);
  return repo;
}
