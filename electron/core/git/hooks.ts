/**
 * The repository's own hooks around the app's commits. Off unless the clone's config says
 * `merge-sprint.runHooks = true` (hooks are per clone, so the setting is too); when on, the
 * rename engine runs them the way `git commit -m` does, through `git hook run`.
 */
import { readConfigBool, unsetLocalConfig, writeLocalConfig } from './config';
import { GitError } from './errors';
import { git } from './exec';

export const RUN_HOOKS_KEY = 'merge-sprint.runHooks';

/** The hooks `git commit` runs, the only ones the app runs itself (update-ref runs reference-transaction). */
export type CommitHook = 'pre-commit' | 'prepare-commit-msg' | 'commit-msg' | 'post-commit';

/** Whether the app's commits run the repository's hooks: off unless the config says true (in any spelling git reads as true). */
export async function readRunHooks(repo: string): Promise<boolean> {
  return (await readConfigBool(repo, RUN_HOOKS_KEY)) === true;
}

/**
 * Turns the setting on or off in the clone's own config (.git/config) and returns what is now in
 * effect. Off removes the key; only when a global or system config still says true does the
 * clone get an explicit false.
 */
export async function writeRunHooks(repo: string, on: boolean): Promise<boolean> {
  if (on) {
    await writeLocalConfig(repo, RUN_HOOKS_KEY, 'true', { type: 'bool' });
    return readRunHooks(repo);
  }
  await unsetLocalConfig(repo, RUN_HOOKS_KEY);
  if (await readRunHooks(repo)) await writeLocalConfig(repo, RUN_HOOKS_KEY, 'false', { type: 'bool' });
  return readRunHooks(repo);
}

export type HookRun = { passed: true } | { passed: false; exitCode: number | null; output: string };

/**
 * Runs one of the repository's hooks, if it has it: `git hook run --ignore-missing NAME -- ARGS`.
 * git exits with the hook's own exit code (0 when there is no hook) and sends everything the hook
 * printed to stderr. A non-zero exit is the hook's answer (a refusal), reported with its output.
 * `env` is for GIT_INDEX_FILE: the index the commit is made from, as `git commit` sets it.
 */
export async function runHook(repo: string, name: CommitHook, args: readonly string[], env: Record<string, string> = {}): Promise<HookRun> {
  const argv = ['hook', 'run', '--ignore-missing', name, ...(args.length > 0 ? ['--', ...args] : [])];
  try {
    // No editor is opened for the app's messages; `git commit -m` tells its hooks the same way.
    await git(repo, argv, { operation: 'hook run', env: { GIT_EDITOR: ':', ...env } });
    return { passed: true };
  } catch (error) {
    if (error instanceof GitError) return { passed: false, exitCode: error.exitCode, output: error.stderr };
    throw error;
  }
}

/**
 * A commit message cleaned as `git commit` cleans one it did not open an editor for
 * (`--cleanup=whitespace`): trailing spaces, leading and trailing blank lines and runs of blank
 * lines go. `git stripspace` reads the message on stdin and prints it, ending in "\n" ("" when
 * nothing is left).
 */
export async function cleanMessage(repo: string, message: string): Promise<string> {
  const out = await git(repo, ['stripspace'], { input: message });
  return out.stdout;
}
