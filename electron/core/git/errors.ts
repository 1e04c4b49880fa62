/**
 * What went wrong when git failed, decided in this one place from its exit code and its own
 * message (the runner forces `LC_ALL=C`, so the messages are git's English ones). Callers check
 * `error.kind` and never match git's text themselves.
 */

export type GitErrorKind =
  /** Outside any repository: "fatal: not a git repository (or any of the parent directories): .git". */
  | 'not-a-repository'
  /** safe.directory: "fatal: detected dubious ownership in repository at '/srv/linux'". */
  | 'dubious-ownership'
  /** A ref's lock file exists: "cannot lock ref 'refs/heads/x': Unable to create '….lock': File exists." */
  | 'ref-locked'
  /**
   * Compare-and-swap lost: "cannot lock ref 'refs/heads/main': is at 55cb… but expected fa70…", or
   * "reference already exists", or (expected but gone) "unable to resolve reference 'refs/…'".
   */
  | 'ref-moved'
  /** The reference-transaction hook said no: "fatal: ref updates aborted by hook". */
  | 'hook-refused'
  /** "fatal: bad revision 'nope'", "unknown revision or path not in the working tree", "Not a valid object name nope". */
  | 'unknown-revision'
  /** "fatal: Unable to create '/srv/linux/.git/index.lock': File exists." */
  | 'index-locked'
  /** A patch that does not apply: "error: patch failed: q:1" / "error: q: patch does not apply". */
  | 'conflict'
  /** Text git cannot read as config: "error: bad config line 1 in blob 3a8d…". */
  | 'bad-config'
  /** A fetch of a ref the remote does not have: "fatal: couldn't find remote ref refs/merge-sprint/plan". */
  | 'remote-ref-missing'
  /**
   * The remote did not answer or is not a repository: "fatal: unable to connect to 127.0.0.1:",
   * "fatal: '/srv/x.git' does not appear to be a git repository", "fatal: Could not read from
   * remote repository.", "fatal: unable to access 'https://…': Could not resolve host",
   * "ssh: connect to host h port 22: Connection refused".
   */
  | 'remote-unreachable'
  /** git was stopped by a signal (no exit code), or could not be started. */
  | 'killed'
  | 'other';

/** Ordered: a ref lock names a lock file too, so it is told apart before the index lock. */
const RULES: readonly (readonly [GitErrorKind, RegExp])[] = [
  ['dubious-ownership', /^fatal: detected dubious ownership in repository/m],
  ['not-a-repository', /^fatal: not a git repository/m],
  ['hook-refused', /^fatal: ref updates aborted by hook$/m],
  ['ref-locked', /cannot lock ref '[^']*': Unable to create '[^']*\.lock': File exists/],
  ['ref-moved', /cannot lock ref '[^']*': (is at [0-9a-f]+ but expected [0-9a-f]+|reference already exists|unable to resolve reference ')/],
  ['index-locked', /^fatal: Unable to create '[^']*index\.lock': File exists/m],
  ['unknown-revision', /^fatal: (bad revision '|ambiguous argument '[^']*': unknown revision|Not a valid object name |Needed a single revision$)/m],
  ['conflict', /^error: (patch failed: |[^\n]*: patch does not apply$)/m],
  ['bad-config', /^error: bad config line \d+ in /m],
  ['remote-ref-missing', /^fatal: couldn't find remote ref /m],
  ['remote-unreachable', /^(fatal: unable to connect to |fatal: '[^\n]*' does not appear to be a git repository|fatal: Could not read from remote repository|fatal: unable to access '|ssh: |fatal: repository '[^\n]*' not found)/m],
];

/** The kind of a failed git call; `exitCode` null means git did not exit on its own. */
export function classifyGitError(exitCode: number | null, stderr: string): GitErrorKind {
  if (exitCode === null) return 'killed';
  return RULES.find(([, pattern]) => pattern.test(stderr))?.[0] ?? 'other';
}

export class GitError extends Error {
  readonly kind: GitErrorKind;

  constructor(
    readonly operation: string,
    readonly args: string[],
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`git ${operation} failed${exitCode === null ? '' : ` (exit ${exitCode})`}: ${stderr.trim() || 'no message'}`);
    this.name = 'GitError';
    this.kind = classifyGitError(exitCode, stderr);
  }
}

/** Is `error` a git failure of one of `kinds`? */
export const isGitError = (error: unknown, ...kinds: GitErrorKind[]): error is GitError =>
  error instanceof GitError && (kinds.length === 0 || kinds.includes(error.kind));
