/**
 * The repository's commit hooks around a rename commit, for a clone that turned them on
 * (`merge-sprint.runHooks`): what `git commit -m MESSAGE` runs, in its order, against the
 * temporary index the commit is made from. The hooks that may refuse run before the journal is
 * written and before the branch moves, so a refusal changes nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isUnder, quotePath } from '../../../shared/paths';
import { fail, ok, type Result } from '../../../shared/result';
import { diffTreeNumstat } from '../git/diff-tree';
import { cleanMessage, runHook, type CommitHook, type HookRun } from '../git/hooks';
import { writeTree, type TempIndex } from '../git/staging-index';

export const HOOKS_OFF_HINT =
  'To make the app\'s commits without this repository\'s hooks, untick "Run this repository\'s git hooks" in the Rename view or run `merge-sprint rename hooks off`.';

/** Enough of a hook's output to see why it refused, without pasting a whole build log into a message. */
const OUTPUT_LIMIT = 2000;

/** What a hook printed, quoted for a message. */
export function quoteHookOutput(output: string): string {
  const text = output.trim();
  if (text === '') return 'it printed nothing';
  const cut = text.length > OUTPUT_LIMIT ? `${text.slice(0, OUTPUT_LIMIT)}…` : text;
  return `it said: "${cut}"`;
}

const refusal = (hook: CommitHook, run: Extract<HookRun, { passed: false }>) =>
  fail(
    'refused',
    `The repository's ${hook} hook refused the commit${run.exitCode === null ? '' : ` (exit ${run.exitCode})`}; ${quoteHookOutput(run.output)}. Nothing was changed. ${HOOKS_OFF_HINT}`,
  );

export interface HookedCommit {
  /** The tree to commit: the temporary index after pre-commit, which may have changed it. */
  tree: string;
  /** The message after prepare-commit-msg and commit-msg, cleaned as git cleans it. */
  message: string;
}

export interface CommitHookInput {
  index: TempIndex;
  /** The operation's scratch folder, where the message file is written. */
  scratch: string;
  /** The temporary index's tree before the hooks. */
  tree: string;
  message: string;
  /** The operation's paths: a pre-commit hook may change files there, nowhere else. */
  paths: readonly string[];
}

/**
 * pre-commit, then prepare-commit-msg and commit-msg on a message file, then the message read
 * back and cleaned. Each sees the temporary index as GIT_INDEX_FILE, as `git commit` sets it.
 */
export async function runCommitHooks(repo: string, input: CommitHookInput): Promise<Result<HookedCommit>> {
  const env = { GIT_INDEX_FILE: input.index.file };
  const pre = await runHook(repo, 'pre-commit', [], env);
  if (!pre.passed) return refusal('pre-commit', pre);

  // Like `git commit`, commit what the index holds after pre-commit (a hook may stage fixes). Only
  // the operation's own paths follow the commit into the index and the working tree, so a change
  // anywhere else would leave the repository between two states: refused.
  const tree = await writeTree(repo, input.index);
  if (tree !== input.tree) {
    const outside = (await diffTreeNumstat(repo, input.tree, tree)).filter((c) => !input.paths.some((p) => isUnder(c.path, p)));
    if (outside.length > 0) {
      const named = outside.slice(0, 5).map((c) => quotePath(c.path)).join(', ');
      const more = outside.length > 5 ? ` and ${outside.length - 5} more` : '';
      return fail('refused', `The repository's pre-commit hook changed ${named}${more} in the commit, outside what this operation writes: nothing was changed. ${HOOKS_OFF_HINT}`);
    }
  }

  const file = path.join(input.scratch, 'COMMIT_EDITMSG');
  await writeFile(file, input.message.endsWith('\n') ? input.message : `${input.message}\n`);
  const prepare = await runHook(repo, 'prepare-commit-msg', [file, 'message'], env);
  if (!prepare.passed) return refusal('prepare-commit-msg', prepare);
  const check = await runHook(repo, 'commit-msg', [file], env);
  if (!check.passed) return refusal('commit-msg', check);

  const message = await cleanMessage(repo, await readFile(file, 'utf8'));
  if (message === '') return fail('refused', `The repository's commit hooks left the commit message empty: nothing was changed. ${HOOKS_OFF_HINT}`);
  return ok({ tree, message });
}

/** post-commit, once the commit is on the branch and in the working tree; like git, its exit code changes nothing. */
export async function runPostCommitHook(repo: string): Promise<void> {
  await runHook(repo, 'post-commit', []);
}
