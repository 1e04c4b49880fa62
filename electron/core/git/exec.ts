/**
 * The one place that runs git. Every call names its operation, passes user text only after
 * `--` or `--end-of-options`, and declares which non-zero exit codes are expected (and why, at
 * the call site). Any other failure becomes a GitError carrying the operation, the arguments
 * and git's own message.
 */
import { simpleGit, type SimpleGit } from 'simple-git';
import { spawn } from 'node:child_process';

export class GitError extends Error {
  constructor(
    readonly operation: string,
    readonly args: string[],
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`git ${operation} failed${exitCode === null ? '' : ` (exit ${exitCode})`}: ${stderr.trim() || 'no message'}`);
    this.name = 'GitError';
  }
}

export interface GitRunOptions {
  /** Exit codes besides 0 that are an answer, not a failure (for example 1 from `diff --quiet`). */
  okExitCodes?: number[];
  /** Extra environment, for example GIT_INDEX_FILE for a temporary index. */
  env?: Record<string, string>;
  /** Text for git's standard input. */
  input?: string | Buffer;
}

export interface GitOutput {
  stdout: string;
  exitCode: number;
}

/**
 * Variables simple-git refuses to pass on (it would throw before running git). npm sets EDITOR for
 * every script it runs, so they are dropped rather than refused. No pager is needed: git only
 * pages when its output is a terminal, and here it is a pipe.
 */
const REFUSED_BY_SIMPLE_GIT = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

/**
 * simple-git's environment guard refuses any GIT_* variable it is not told about. baseEnv drops
 * the inherited ones, so every GIT_* variable left was set by this module or its caller (a
 * temporary index, a committer): those are the ones allowed.
 */
const ownGitVariables = (env: Record<string, string>): string[] => Object.keys(env).filter((k) => k.toUpperCase().startsWith('GIT_'));

/** Environment every git call gets: no prompts, no pager, no locale-dependent messages, no user config surprises. */
const baseEnv = (): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.toUpperCase().startsWith('GIT_') && !REFUSED_BY_SIMPLE_GIT.has(k.toLowerCase().trim())) env[k] = v;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  env.LC_ALL = 'C';
  env.GIT_OPTIONAL_LOCKS = '0';
  return env;
};

const clients = new Map<string, SimpleGit>();

/** Runs `git <args>` in `repo` and returns its standard output as text. */
export async function runGit(repo: string, operation: string, args: string[], opts: GitRunOptions = {}): Promise<GitOutput> {
  if (opts.input !== undefined) return runGitWithInput(repo, operation, args, opts);
  const okCodes = opts.okExitCodes ?? [];
  let exitCode = 0;
  let stderr = '';
  const env = { ...baseEnv(), ...(opts.env ?? {}) };
  const git = simpleGit({
    baseDir: repo,
    allowEnvironment: ownGitVariables(env),
    // The app's own writes switch the repository's hooks off with `-c core.hooksPath=/dev/null`
    // (see NO_HOOKS); simple-git refuses that setting unless allowed.
    unsafe: { allowUnsafeHooksPath: true },
    maxConcurrentProcesses: 6,
    trimmed: false,
    errors(error, result) {
      exitCode = result.exitCode;
      stderr = Buffer.concat(result.stdErr).toString('utf8');
      if (result.exitCode === 0 || okCodes.includes(result.exitCode)) return undefined;
      return error ?? new Error(stderr);
    },
  }).env(env);
  try {
    const stdout = await git.raw(args);
    return { stdout, exitCode };
  } catch (error) {
    const message = stderr || (error instanceof Error ? error.message : String(error));
    throw new GitError(operation, args, message, exitCode || null);
  }
}

/** Same as runGit, for the few commands that read standard input (mktree, apply, am, hash-object --stdin). */
export function runGitWithInput(repo: string, operation: string, args: string[], opts: GitRunOptions): Promise<GitOutput> {
  const okCodes = opts.okExitCodes ?? [];
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: repo, env: { ...baseEnv(), ...(opts.env ?? {}) }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new GitError(operation, args, e.message, null)));
    child.on('close', (code) => {
      const exitCode = code ?? -1;
      const stdout = Buffer.concat(out).toString('utf8');
      if (exitCode === 0 || okCodes.includes(exitCode)) resolve({ stdout, exitCode });
      else reject(new GitError(operation, args, Buffer.concat(err).toString('utf8'), exitCode));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input);
  });
}

/** A simple-git client for the repository, for the few typed helpers it offers (status, log). */
export function gitClient(repo: string): SimpleGit {
  let client = clients.get(repo);
  if (!client) {
    const env = baseEnv();
    client = simpleGit({ baseDir: repo, allowEnvironment: ownGitVariables(env), maxConcurrentProcesses: 6, trimmed: false }).env(env);
    clients.set(repo, client);
  }
  return client;
}

/** Splits NUL-terminated `-z` output into its records (the final empty record is dropped). */
export function splitNul(out: string): string[] {
  const parts = out.split('\0');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
