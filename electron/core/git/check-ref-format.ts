/**
 * Is a name a plain branch name that a new branch may take? git decides what a ref name may
 * hold (`git check-ref-format --branch`); on top of that, a name that git would read as
 * something else (a full ref, a shorthand of HEAD, a previous branch `@{-1}`) is not one.
 */
import { git } from './exec';

/**
 * Names that git accepts but that do not make `refs/heads/<name>` the branch a person meant:
 * `refs/heads/x` would become `refs/heads/refs/heads/x`, `heads/x` and `tags/x` shadow other
 * refs when git resolves a short name, and `@` is git's shorthand for HEAD.
 */
const MISLEADING = /^(refs|heads|tags|remotes)\//;

/**
 * Why `name` is not a plain branch name, or null when it is.
 *
 * `git check-ref-format --branch NAME` prints the branch name it understood and exits 0:
 *   "review/v1\n"
 * It expands `@{-N}` to the branch checked out N switches ago ("@{-1}" prints "main\n"), so an
 * answer that differs from the name means git read it as another branch. An invalid name
 * exits 128: "fatal: 'a..b' is not a valid branch name\n".
 */
export async function checkBranchName(repo: string, name: string): Promise<string | null> {
  const advice = 'choose a plain branch name such as "review/v2" (letters, digits, "/", "-", "." and "_").';
  // Before git sees it: a leading "-" would be read as an option.
  if (name.startsWith('-')) return `The branch name "${name}" starts with "-": ${advice}`;
  if (name === '@' || name === 'HEAD') return `"${name}" names the checked-out commit, not a new branch: ${advice}`;
  if (MISLEADING.test(name)) return `"${name}" looks like a full ref name; the export creates refs/heads/<name> itself: ${advice}`;
  const out = await git(repo, ['check-ref-format', '--branch', name], { successExitCodes: [128] });
  if (out.exitCode !== 0) return `"${name}" is not a valid branch name (git check-ref-format refuses it): ${advice}`;
  const understood = out.stdout.replace(/\n$/, '');
  if (understood !== name) return `git reads "${name}" as the existing branch "${understood}": ${advice}`;
  return null;
}
