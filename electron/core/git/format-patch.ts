/**
 * Exporting a series the way upstream takes patches: `git format-patch` into a folder, with a
 * cover letter, the version in the subject prefix, binary patches and rename detection; and
 * `git range-diff` between two exported versions.
 */
import { readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { git } from './exec';

/**
 * Runs `git format-patch` for `base..tip` into `dir` and returns the file names in order
 * (cover letter first). git names them "v2-0001-subject.patch"; the version prefix is dropped
 * so the folder reads 0000-cover-letter.patch, 0001-….patch. The options override what a
 * user's configuration could change (prefixes, sign-off, To/Cc, suffix). The cover letter is
 * from `sender` (git takes it from the committer identity).
 */
export async function formatPatches(
  repo: string,
  base: string,
  tip: string,
  dir: string,
  version: number,
  sender: { name: string; email: string },
): Promise<string[]> {
  const out = await git(repo, [
    '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false',
    'format-patch', '--cover-letter', `--reroll-count=${version}`, '--binary', '--full-index', '-M', '--no-signoff',
    '--no-to', '--no-cc', '--suffix=.patch', '--src-prefix=a/', '--dst-prefix=b/', '--no-color', '-o', dir, '--end-of-options', `${base}..${tip}`,
  ], { env: { GIT_COMMITTER_NAME: sender.name, GIT_COMMITTER_EMAIL: sender.email } });
  // Output: one written path a line, in series order, e.g. "/tmp/out/v1-0000-cover-letter.patch\n".
  const written = out.stdout.split('\n').filter(Boolean).map((p) => path.basename(p));
  const prefix = `v${version}-`;
  const names: string[] = [];
  for (const name of written) {
    const plain = name.startsWith(prefix) ? name.slice(prefix.length) : name;
    if (plain !== name) renameSync(path.join(dir, name), path.join(dir, plain));
    names.push(plain);
  }
  return names.length > 0 ? names : readdirSync(dir).filter((n) => n.endsWith('.patch')).sort();
}

/** `git range-diff` between two versions of the series (each `base..tip`), without colour. */
export async function rangeDiff(repo: string, from: { base: string; tip: string }, to: { base: string; tip: string }): Promise<string> {
  // range-diff (git 2.39) does not take --end-of-options; the ranges are commit ids, checked here.
  for (const id of [from.base, from.tip, to.base, to.tip]) {
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(id)) throw new Error(`range-diff takes commit ids, not "${id}"`);
  }
  const out = await git(repo, ['range-diff', '--no-color', `${from.base}..${from.tip}`, `${to.base}..${to.tip}`]);
  return out.stdout;
}
