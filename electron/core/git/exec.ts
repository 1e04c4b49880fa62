/**
 * The one place that runs git: `git(repo, args, options)`. Every call passes user text only after
 * `--` or `--end-of-options`, and declares which non-zero exit codes are an answer rather than a
 * failure (and why, at the call site). Any other failure is a GitError whose kind errors.ts
 * decides. Only files of this folder import this module (eslint.config.js).
 *
 * Each repository has one simple-git instance, kept for the life of the process (a handful of
 * clones at most), and one limit on the git processes running there at once, which counts the
 * calls simple-git starts and those started with their own environment alike.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { GitError as SimpleGitError, simpleGit, type SimpleGit } from 'simple-git';
import { spawn } from 'node:child_process';
import { GitError } from './errors';

export interface GitOptions {
  /** Exit codes besides 0 that are an answer, not a failure (for example 1 from `diff --quiet`). */
  successExitCodes?: readonly number[];
  /** Text for git's standard input. */
  input?: string | Buffer;
  /** Extra environment for this call, for example GIT_INDEX_FILE for a temporary index. */
  env?: Record<string, string>;
  /** The name errors use; the git command itself when not given. */
  operation?: string;
  /**
   * How standard output is decoded. 'latin1' keeps one character per byte, so output that
   * counts bytes (`cat-file --batch` sizes, a diff's length) is read exactly, whatever the bytes.
   */
  encoding?: 'utf8' | 'latin1';
}

export interface GitOutput {
  stdout: string;
  exitCode: number;
  /** git's standard error, kept for an accepted non-zero exit (a refused push says why there). */
  stderr?: string;
}

/** At most this many git processes run at once in one repository. */
const MAX_PROCESSES = 6;

/**
 * Variables simple-git refuses to pass on (it would throw before running git). npm sets EDITOR for
 * every script it runs, so they are dropped rather than refused. No pager is needed: git only
 * pages when its output is a terminal, and here it is a pipe.
 */
const REFUSED_BY_SIMPLE_GIT = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

/**
 * simple-git's environment guard refuses any GIT_* variable it is not told about. baseEnv drops
 * the inherited ones, so every GIT_* variable left was set by this module: those are allowed.
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

/** The command's name for errors: the first word after the `-c key=value` pairs. */
const commandOf = (args: readonly string[]): string => {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c') i++;
    else if (!args[i]!.startsWith('-')) return args[i]!;
  }
  return 'git';
};

/**
 * simple-git hands the instance's `input` hook the command's arguments only, so a call with input
 * carries its id as a setting git ignores (`-c merge-sprint.call=N`), by which the hook finds
 * that call's input whatever order the processes start in.
 */
const CALL_KEY = 'merge-sprint.call=';
let nextCall = 0;

/** A non-zero exit, carried out of simple-git whole (its GitError class is passed through as it is). */
class ExitFailure extends SimpleGitError {
  constructor(
    readonly exitCode: number | null,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(undefined, stderr);
  }
}

interface Client {
  git: SimpleGit;
  inputs: Map<string, string | Buffer>;
  /** Every git process in the repository, simple-git's and those started with their own environment, counts against one limit. */
  limit: LimitFunction;
  /** Answers git gives once per repository (the empty tree's id, which depends on its hash). */
  kept: Map<string, Promise<unknown>>;
}

const clients = new Map<string, Client>();

function clientFor(repo: string): Client {
  const existing = clients.get(repo);
  if (existing) return existing;
  const env = baseEnv();
  const inputs = new Map<string, string | Buffer>();
  const git = simpleGit({
    baseDir: repo,
    allowEnvironment: ownGitVariables(env),
    // The app's own writes switch the repository's hooks off with `-c core.hooksPath=/dev/null`
    // (see NO_HOOKS); simple-git refuses that setting unless allowed.
    unsafe: { allowUnsafeHooksPath: true },
    maxConcurrentProcesses: MAX_PROCESSES,
    trimmed: false,
    // Finished when the process's streams close, which is when all its output has arrived.
    completion: { onClose: true, onExit: false },
    input(commands) {
      const tag = commands.find((c) => c.startsWith(CALL_KEY));
      return tag === undefined ? undefined : inputs.get(tag);
    },
    errors(error, result) {
      if (result.exitCode === 0) return undefined;
      const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
      const stderr = text(result.stdErr) || (error instanceof Error ? error.message : '');
      // A process stopped by a signal reports no exit code (null, or -1 when it never closed).
      const code: number | null = result.exitCode;
      return new ExitFailure(typeof code === 'number' && code >= 0 ? code : null, text(result.stdOut), stderr);
    },
  }).env(env);
  // simple-git waits a fixed 50 ms before it reports a command that printed nothing (its
  // completion plugin does so whatever `completion` says), and many of git's answers are
  // silent (an unset config key, a clean status, read-tree). An empty chunk when standard
  // output ends counts as "printed", so such a command is reported as soon as it closes.
  git.outputHandler((_command, stdout) => {
    stdout.once('end', () => stdout.emit('data', Buffer.alloc(0)));
  });
  const client = { git, inputs, limit: pLimit(MAX_PROCESSES), kept: new Map<string, Promise<unknown>>() };
  clients.set(repo, client);
  return client;
}

/** Forgets the repository's simple-git instance (its queue is empty once its calls have ended). */
export function releaseRepository(repo: string): void {
  clients.delete(repo);
}

/**
 * `ask`'s answer, asked of git once per repository and kept with its runner (forgotten by
 * releaseRepository); a failed ask is not kept, so the next call asks again.
 */
export function keptForRepository<T>(repo: string, key: string, ask: () => Promise<T>): Promise<T> {
  const { kept } = clientFor(repo);
  const known = kept.get(key) as Promise<T> | undefined;
  if (known) return known;
  const asked = ask();
  kept.set(key, asked);
  asked.catch(() => kept.delete(key));
  return asked;
}

async function viaSimpleGit(client: Client, args: readonly string[], input: string | Buffer | undefined): Promise<GitOutput> {
  if (input === undefined) return { stdout: await client.git.raw([...args]), exitCode: 0 };
  const tag = `${CALL_KEY}${nextCall++}`;
  client.inputs.set(tag, input);
  try {
    return { stdout: await client.git.raw(['-c', tag, ...args]), exitCode: 0 };
  } finally {
    client.inputs.delete(tag);
  }
}

/**
 * A call with its own environment (a temporary index, a commit's identity, a git folder) starts
 * git itself, with the same environment, input, exit-code and error rules. simple-git keeps one
 * environment per instance and reads it when the process starts, so two calls sharing the
 * repository's instance with different environments would race; an instance per call is what
 * this runner exists to avoid.
 */
function viaSpawn(repo: string, args: readonly string[], env: Record<string, string>, input: string | Buffer | undefined, encoding: 'utf8' | 'latin1' = 'utf8'): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: repo, env: { ...baseEnv(), ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(new ExitFailure(null, '', e.message)));
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString(encoding);
      if (code === 0) resolve({ stdout, exitCode: 0 });
      else reject(new ExitFailure(code, stdout, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** Runs `git <args>` in `repo` and returns its standard output as text. */
export async function git(repo: string, args: readonly string[], opts: GitOptions = {}): Promise<GitOutput> {
  try {
    // simple-git writes no input of zero length and then never closes git's standard input, so
    // a command given empty input (mktree for the empty tree) would wait for it forever.
    // simple-git decodes output as UTF-8 only, so a byte-exact read starts git itself.
    const own = opts.env !== undefined || (opts.input !== undefined && opts.input.length === 0) || opts.encoding === 'latin1';
    const client = clientFor(repo);
    return await client.limit(() => (own ? viaSpawn(repo, args, opts.env ?? {}, opts.input, opts.encoding) : viaSimpleGit(client, args, opts.input)));
  } catch (error) {
    const operation = opts.operation ?? commandOf(args);
    if (!(error instanceof ExitFailure)) throw new GitError(operation, [...args], error instanceof Error ? error.message : String(error), null);
    if (error.exitCode !== null && (opts.successExitCodes ?? []).includes(error.exitCode)) return { stdout: error.stdout, exitCode: error.exitCode, stderr: error.stderr };
    throw new GitError(operation, [...args], error.stderr, error.exitCode);
  }
}

/** Splits NUL-terminated `-z` output into its records (the final empty record is dropped). */
export function splitNul(out: string): string[] {
  const parts = out.split('\0');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
