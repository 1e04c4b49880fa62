/**
 * Fixture repositories for tests and benchmarks: real git repositories in temporary folders,
 * built by helpers with pinned author and dates, never by hand.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, chmodSync, lstatSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type FileSpec = string | Buffer | { content: string | Buffer; executable: true } | { symlink: string } | null;

let clock = 0;
/** Pinned identity and a clock that ticks one minute a commit, so commit ids are reproducible. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const when = `${1_700_000_000 + clock * 60} +0000`;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return {
    ...env,
    GIT_AUTHOR_NAME: 'Ada Fixture',
    GIT_AUTHOR_EMAIL: 'ada@example.org',
    GIT_COMMITTER_NAME: 'Ada Fixture',
    GIT_COMMITTER_EMAIL: 'ada@example.org',
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_DATE: when,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    LC_ALL: 'C',
    ...extra,
  };
}

export function git(repo: string, args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}): string {
  return execFileSync('git', args, {
    cwd: repo,
    env: gitEnv(opts.env),
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** A temporary folder removed by `cleanup()`. */
export function tempDir(prefix = 'merge-sprint-'): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
}

/** An empty repository on branch `main`, with a pinned identity in its own config. */
export function makeRepo(dir = tempDir()): string {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main', dir]);
  git(dir, ['config', 'user.name', 'Ada Fixture']);
  git(dir, ['config', 'user.email', 'ada@example.org']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  return dir;
}

/** Writes the files (null deletes), stages everything and commits; returns the commit id. */
export function makeCommit(
  repo: string,
  spec: { files: Record<string, FileSpec>; message?: string; branch?: string; from?: string },
): string {
  if (spec.branch) {
    const exists = git(repo, ['branch', '--list', spec.branch]).trim() !== '';
    if (exists) git(repo, ['checkout', '-q', spec.branch]);
    else git(repo, ['checkout', '-q', '-b', spec.branch, ...(spec.from ? [spec.from] : [])]);
  }
  for (const [rel, file] of Object.entries(spec.files)) {
    const abs = path.join(repo, rel);
    if (file === null) {
      rmSync(abs, { force: true, recursive: true });
      continue;
    }
    mkdirSync(path.dirname(abs), { recursive: true });
    if (exists(abs)) rmSync(abs, { force: true });
    if (typeof file === 'string' || Buffer.isBuffer(file)) writeFileSync(abs, file);
    else if ('symlink' in file) symlinkSync(file.symlink, abs);
    else {
      writeFileSync(abs, file.content);
      chmodSync(abs, 0o755);
    }
  }
  git(repo, ['add', '-A']);
  clock += 1;
  git(repo, ['commit', '-q', '--allow-empty', '-m', spec.message ?? `commit ${clock}`]);
  return git(repo, ['rev-parse', 'HEAD']).trim();
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

export function cleanup(...dirs: string[]): void {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
