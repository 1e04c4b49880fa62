/**
 * Exporting a series the way upstream takes patches: `git format-patch` into a folder, with a
 * cover letter, the version in the subject prefix, binary patches and rename detection; and
 * `git range-diff` between two exported versions.
 */
import { readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { git } from './exec';

export interface FormatOptions {
  version: number;
  /** Who sends the mails: their From, and the cover letter's author; a patch by someone else starts with its author's From line. */
  sender: { name: string; email: string };
  /**
   * Detect copies (`-C --find-copies-harder`) among these paths only: every changed path and the
   * upstream twins a fork copy may come from. Null: renames only (`-M`), as git's default export.
   */
  copySources?: readonly string[] | null;
  /** The Message-Id the cover letter replies to (the first version's cover letter). */
  inReplyTo?: string | null;
}

/**
 * Runs `git format-patch` for `base..tip` into `dir` and returns the file names in order
 * (cover letter first). git names them "v2-0001-subject.patch"; the version prefix is dropped
 * so the folder reads 0000-cover-letter.patch, 0001-….patch. The options override what a
 * user's configuration could change (prefixes, sign-off, To/Cc, suffix, threading). The mails
 * are threaded to the cover letter and end it with `base-commit:` (`--base`).
 *
 * Copy detection looks only at the paths given: `--find-copies-harder` over a whole Linux tree
 * passes git's rename limit and silently finds nothing, while the pairing already says which
 * upstream file each fork copy is a twin of. The limit is lifted (`-l0`) for those few sources.
 */
export async function formatPatches(repo: string, base: string, tip: string, dir: string, options: FormatOptions): Promise<string[]> {
  const { version, sender } = options;
  const sources = options.copySources ?? null;
  const out = await git(repo, [
    ...(sources ? ['--literal-pathspecs'] : []),
    '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'format.forceInBodyFrom=false',
    'format-patch', '--cover-letter', `--reroll-count=${version}`, '--binary', '--full-index', '--no-signoff',
    ...(sources ? ['-C', '--find-copies-harder', '-l0'] : ['-M']),
    '--thread=shallow', ...(options.inReplyTo ? [`--in-reply-to=${options.inReplyTo}`] : []), `--base=${base}`, `--from=${sender.name} <${sender.email}>`,
    '--no-to', '--no-cc', '--suffix=.patch', '--src-prefix=a/', '--dst-prefix=b/', '--no-color', '-o', dir, '--end-of-options', `${base}..${tip}`,
    ...(sources ? ['--', ...sources] : []),
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

/** The bytes `git format-patch --stdout` writes for `base..tip`, with copy detection among `copySources` or renames only. */
export async function formatPatchSize(repo: string, base: string, tip: string, copySources: readonly string[] | null): Promise<number> {
  const out = await git(repo, [
    ...(copySources ? ['--literal-pathspecs'] : []),
    '-c', 'diff.noprefix=false', 'format-patch', '--stdout', '--binary', '--full-index', '--no-signoff', '--no-color',
    ...(copySources ? ['-C', '--find-copies-harder', '-l0'] : ['-M']),
    '--end-of-options', `${base}..${tip}`, ...(copySources ? ['--', ...copySources] : []),
  ]);
  return Buffer.byteLength(out.stdout, 'utf8');
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
