/**
 * The names a copy writes, as git and other systems see them. `.git` in any spelling, and a
 * `.gitmodules`, `.gitattributes`, `.gitignore` or `.mailmap` (in any spelling) written as a
 * symbolic link, are refused: git refuses the first (core.protectNTFS, core.protectHFS) and
 * git fsck rejects both, so a hosting service that checks pushes would refuse the commit.
 * Names only Windows cannot check out are a warning: the Linux tree itself has them.
 */
import { gitDotfileAt, isGitDirName, type GitDotfile } from '../git-names';
import { quotePath, windowsOnlyReason } from '../paths';
import { SYMLINK_MODE, type PreviewFile, type RuleProblem, type RuleWarning } from './model';

/** A few examples are enough for a message; the count says how many there are. */
const EXAMPLES = 3;

export const examples = (paths: readonly string[]): string =>
  `${paths.slice(0, EXAMPLES).map(quotePath).join(', ')}${paths.length > EXAMPLES ? ` and ${paths.length - EXAMPLES} more` : ''}`;

/** A check of path components, each component looked at once however many files share it. */
function componentCheck<T>(check: (component: string) => T): (path: string) => T | undefined {
  const seen = new Map<string, T>();
  return (path) => {
    for (const part of path.split('/')) {
      if (!seen.has(part)) seen.set(part, check(part));
      const found = seen.get(part) as T;
      if (found) return found;
    }
    return undefined;
  };
}

/** What git refuses or git fsck rejects among the paths the copy writes. */
export function gitNameProblems(files: readonly PreviewFile[]): RuleProblem[] {
  const namesGit = componentCheck(isGitDirName);
  const dotgit: string[] = [];
  const links: { path: string; file: GitDotfile }[] = [];
  for (const f of files) {
    if (namesGit(f.to)) dotgit.push(f.to);
    const file = f.mode === SYMLINK_MODE ? gitDotfileAt(f.to) : null;
    if (file) links.push({ path: f.to, file });
  }
  const problems: RuleProblem[] = [];
  if (dotgit.length > 0) {
    problems.push({
      code: 'git-name',
      message: `The copy would write paths that git, Windows or macOS read as git's own folder (".git"): ${examples(dotgit)}. git refuses them and git fsck rejects a commit holding them: rename them in the source first.`,
    });
  }
  for (const { path, file } of links) {
    problems.push({
      code: 'git-name',
      message: `The copy would write ${quotePath(path)}, which git reads as ${file}, as a symbolic link: git fsck rejects a ${file} that is a link, so a hosting service that checks pushes would refuse the commit. Replace the link with a file in the source, or choose another destination.`,
    });
  }
  return problems;
}

/** The paths the copy writes that Windows cannot check out, as one warning (or none). */
export function windowsNameWarnings(files: readonly PreviewFile[]): RuleWarning[] {
  const why = componentCheck(windowsOnlyReason);
  const paths: string[] = [];
  let first: string | null = null;
  for (const f of files) {
    const reason = why(f.to);
    if (!reason) continue;
    paths.push(f.to);
    first ??= reason;
  }
  if (paths.length === 0) return [];
  const many = paths.length > 1;
  return [{
    code: 'windows-name',
    paths,
    message: `${many ? `${paths.length} paths` : 'A path'} the copy writes cannot be checked out on Windows (${first}${many ? ', among others' : ''}): ${examples(paths)}. git, Linux and macOS accept ${many ? 'them' : 'it'}, so the copy is allowed.`,
  }];
}
