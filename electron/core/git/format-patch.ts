/**
 * Exporting a series the way upstream takes patches: `git format-patch` into a folder, with a
 * cover letter, the version in the subject prefix, binary patches and the fork's copies of
 * upstream files as copies; its size as mail; and `git range-diff` between two exported versions.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commitTree } from './commit';
import { git } from './exec';
import { treeId } from './rev-parse';

/** One patch of the series as copy detection sees it. */
export interface PatchPaths {
  /** The patch's commit, and the commit it applies on (the previous patch's, or the base). */
  commit: string;
  parent: string;
  /** The paths the commit changes (never empty: a patch with no change is refused before). */
  changed: readonly string[];
  /** Where its copies are looked for: the paths it changes and the upstream twins of its fork files. */
  sources: readonly string[];
}

export interface FormatOptions {
  version: number;
  /** Who sends the mails: their From, and the cover letter's author; a patch by someone else starts with its author's From line. */
  sender: { name: string; email: string };
  /** The series' patches in order, each with the paths its copy detection looks among. */
  patches: readonly PatchPaths[];
  /** The Message-Id the cover letter replies to (the first version's cover letter). */
  inReplyTo?: string | null;
}

/** Settings a user's configuration could change and the files must not depend on. */
const PLAIN = ['-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'format.forceInBodyFrom=false'];
/**
 * `--find-copies-harder` over a whole Linux tree passes git's rename limit and silently finds
 * nothing, while the pairing already says which upstream file each fork copy is a twin of: copy
 * detection looks only at the paths given (`--literal-pathspecs`), and the limit is lifted
 * (`-l0`) for those few sources.
 */
const COPIES = ['-C', '--find-copies-harder', '-l0'];
const mailOptions = (sender: FormatOptions['sender']): string[] => [
  '--binary', '--full-index', '--no-signoff', `--from=${sender.name} <${sender.email}>`,
  '--no-to', '--no-cc', '--suffix=.patch', '--src-prefix=a/', '--dst-prefix=b/', '--no-color',
];
const committer = (sender: FormatOptions['sender']): Record<string, string> => ({ GIT_COMMITTER_NAME: sender.name, GIT_COMMITTER_EMAIL: sender.email });
/** Output of `format-patch -o`: one written path a line, in series order, e.g. "/tmp/out/v1-0000-cover-letter.patch\n". */
const writtenNames = (stdout: string): string[] => stdout.split('\n').filter(Boolean).map((p) => path.basename(p));

/**
 * One patch's run: the subject git's whole-series run gives it (`[PATCH v2 03/50]`, written as
 * the prefix because one commit alone would be numbered 1/1), no cover letter and no base (a
 * clone's format.coverLetter or format.useAutoBase would add them), copies among its own paths.
 */
function patchArgs(index: number, total: number, prefix: string, sender: FormatOptions['sender']): string[] {
  const number = String(index + 1).padStart(String(total).length, '0');
  return [
    '--literal-pathspecs', ...PLAIN, 'format-patch', '--no-cover-letter', '--no-base', '--no-numbered',
    `--subject-prefix=${prefix}${prefix ? ' ' : ''}${number}/${total}`, `--start-number=${index + 1}`, ...mailOptions(sender), ...COPIES,
  ];
}

/**
 * Runs `git format-patch` for the series into `dir` and returns the file names in order (cover
 * letter first, 0000-cover-letter.patch, 0001-….patch), the files being those one run over
 * `base..tip` with copy detection among every patch's paths would write. The options override
 * what a user's configuration could change (diff prefixes, numbering, sign-off, To/Cc, suffix,
 * threading). The mails are threaded to the cover letter, which ends with `base-commit:`.
 *
 * That one run is what git offers, and at Linux size (50 patches, 3,500 files, 6,500 paths with
 * the twins) it took 133 s against 12 s for a plain `format-patch -C --find-copies-harder`:
 * with `--find-copies-harder` git walks every path of the pathspec at every commit, and each of
 * the 50 walks over 6,500 paths costs seconds, while a patch's copies can only come from its
 * own twins. So it is cut the way its cost goes (8 s in all, measured by bench/series-copies.ts):
 * - each patch from a run of its own commit over its own paths and twins (tens of
 *   milliseconds each), in parallel within the git runner's limit, threaded to the cover letter;
 * - the cover letter from a run over one changed path per patch, which lists every commit as
 *   the whole run does (shortlog, `0/N`, base-commit, Message-Id) in milliseconds, with its
 *   diffstat replaced by the one git writes for base..tip over all the paths (seriesStat). That
 *   diffstat is most of the 8 s: git compares every added file with every source once, which
 *   no cut can shorten without changing what the cover letter says.
 */
export async function formatPatches(repo: string, base: string, tip: string, dir: string, options: FormatOptions): Promise<string[]> {
  const allSources = [...new Set(options.patches.flatMap((p) => p.sources))].sort();
  // The whole series' diffstat is the one long run: it starts first and runs beside the others.
  const [stat, written] = await settled([seriesStat(repo, base, tip, allSources, options.sender), coverAndPatches(repo, base, tip, dir, options)] as const);
  const prefix = `v${options.version}-`;
  const coverName = written.coverName.startsWith(prefix) ? written.coverName.slice(prefix.length) : written.coverName;
  writeFileSync(path.join(dir, coverName), withStat(written.cover, stat));
  return [coverName, ...written.names];
}

/**
 * Every run's result once all have ended, or the first failure once all have ended: a run still
 * writing into the folder after the export gave up on it would leave files in a folder the
 * export has already removed (`format-patch -o` makes its folder).
 */
async function settled<T extends readonly unknown[]>(runs: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(runs);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** The cover letter (its diffstat yet to be replaced) and the patches written into `dir`. */
async function coverAndPatches(repo: string, base: string, tip: string, dir: string, options: FormatOptions): Promise<{ cover: Buffer; coverName: string; names: string[] }> {
  const { version, sender, patches } = options;
  const env = committer(sender);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'merge-sprint-cover-'));
  let cover: Buffer;
  let coverName: string;
  try {
    const run = await git(repo, [
      '--literal-pathspecs', ...PLAIN, 'format-patch', '--cover-letter', '--numbered', `--reroll-count=${version}`, ...mailOptions(sender), ...COPIES,
      '--thread=shallow', ...(options.inReplyTo ? [`--in-reply-to=${options.inReplyTo}`] : []), `--base=${base}`,
      '-o', scratch, '--end-of-options', `${base}..${tip}`, '--', ...patches.map((p) => p.changed[0] as string),
    ], { env });
    coverName = writtenNames(run.stdout)[0] as string;
    cover = readFileSync(path.join(scratch, coverName));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const { prefix, total } = coverSubject(cover);
  if (total !== patches.length) throw new Error(`format-patch listed ${total} commits for a series of ${patches.length} patches`);
  const coverId = messageIdIn(cover);
  const names = await settled(patches.map(async (patch, i) => {
    const out = await git(repo, [
      ...patchArgs(i, total, prefix, sender), '--thread=shallow', `--in-reply-to=${coverId}`,
      '-o', dir, '--end-of-options', `${patch.parent}..${patch.commit}`, '--', ...patch.sources,
    ], { env });
    const name = writtenNames(out.stdout)[0] as string;
    if (options.inReplyTo) {
      const file = path.join(dir, name);
      writeFileSync(file, withEarlierReference(readFileSync(file), options.inReplyTo, coverId));
    }
    return name;
  }));
  return { cover, coverName, names };
}

/**
 * The diffstat and summary `format-patch` writes for base..tip with copy detection among
 * `sources`: the cover letter's, which git computes with the patches' own diff options. It is
 * read from the patch of one commit holding the whole series (the tip's tree on the base), an
 * object nothing refers to.
 */
async function seriesStat(repo: string, base: string, tip: string, sources: readonly string[], sender: FormatOptions['sender']): Promise<Buffer> {
  const identity = { GIT_AUTHOR_NAME: sender.name, GIT_AUTHOR_EMAIL: sender.email, ...committer(sender) };
  const whole = await commitTree(repo, await treeId(repo, tip), [base], 'The whole series, for its diffstat\n', { identity, unsigned: true });
  const out = await git(repo, [
    '--literal-pathspecs', ...PLAIN, 'format-patch', '--stdout', '--no-cover-letter', '--no-base', ...mailOptions(sender), ...COPIES,
    '--end-of-options', `${base}..${whole}`, '--', ...sources,
  ], { env: identity, encoding: 'latin1' });
  return statOfPatch(Buffer.from(out.stdout, 'latin1'));
}

/**
 * A patch's diffstat and summary: after the "---" line that ends its message, up to the empty
 * line before its first diff, e.g.
 *   "---\n arch/xen/i386/kernel/setup.c | 2 +-\n 1 file changed, …\n copy … (97%)\n\ndiff --git …"
 */
export function statOfPatch(mail: Buffer): Buffer {
  const start = mail.indexOf('\n---\n');
  const end = start < 0 ? -1 : mail.indexOf('\n\ndiff --git ', start);
  if (end < 0) throw new Error('format-patch wrote a patch without a diffstat');
  return mail.subarray(start + 5, end + 1);
}

/**
 * The cover letter with another diffstat. git writes the shortlog (each author's group ending
 * with an empty line), the diffstat and summary (no empty line inside), an empty line, then
 *   "\nbase-commit: 3f1c…\n"
 */
export function withStat(cover: Buffer, stat: Buffer): Buffer {
  const tail = cover.indexOf('\n\n\nbase-commit: ');
  const start = tail < 0 ? -1 : cover.lastIndexOf('\n\n', tail - 1);
  if (start < 0) throw new Error('format-patch wrote a cover letter without a diffstat before its base-commit');
  return Buffer.concat([cover.subarray(0, start + 2), stat, cover.subarray(tail + 1)]);
}

/** The subject prefix and the patch count of a cover letter's "Subject: [PATCH v2 00/50] *** SUBJECT HERE ***". */
export function coverSubject(cover: Buffer): { prefix: string; total: number } {
  const m = /^Subject: \[(?:(.*) )?0+\/(\d+)\] /m.exec(headOf(cover));
  if (!m) throw new Error('format-patch wrote a cover letter without a numbered subject');
  return { prefix: m[1] ?? '', total: Number(m[2]) };
}

const headOf = (mail: Buffer): string => {
  const end = mail.indexOf('\n\n');
  return mail.subarray(0, end < 0 ? mail.length : end).toString('latin1');
};

/** "Message-Id: <cover.1796137769.git.sam@example.org>" */
function messageIdIn(mail: Buffer): string {
  const id = /^Message-Id: (<[^>\n]+>)$/im.exec(headOf(mail))?.[1];
  if (id === undefined) throw new Error('format-patch wrote a cover letter without a Message-Id');
  return id;
}

/**
 * A patch of a later version names the first version's cover letter before its own, as the
 * whole run with `--in-reply-to` writes it:
 *   "In-Reply-To: <cover.2…>\nReferences: <cover.1…>\n\t<cover.2…>\n"
 * where a run of the patch alone wrote "References: <cover.2…>\n".
 */
export function withEarlierReference(mail: Buffer, earlier: string, cover: string): Buffer {
  const line = `\nReferences: ${cover}\n`;
  const at = mail.indexOf(line);
  const headEnd = mail.indexOf('\n\n');
  if (at < 0 || (headEnd >= 0 && at > headEnd)) return mail;
  return Buffer.concat([mail.subarray(0, at), Buffer.from(`\nReferences: ${earlier}\n\t${cover}\n`, 'latin1'), mail.subarray(at + line.length)]);
}

/**
 * The bytes `git format-patch --stdout` writes for the series: with copy detection, each patch
 * as the export writes it (its own paths and twins), without, one run over `base..tip` with
 * renames only (`-M`), as git's default export.
 */
export async function formatPatchSize(repo: string, base: string, tip: string, sender: FormatOptions['sender'], patches: readonly PatchPaths[] | null): Promise<number> {
  const env = committer(sender);
  if (patches === null) {
    const out = await git(repo, [...PLAIN, 'format-patch', '--stdout', ...mailOptions(sender), '-M', '--end-of-options', `${base}..${tip}`], { encoding: 'latin1', env });
    return out.stdout.length;
  }
  const sizes = await Promise.all(patches.map(async (patch, i) => {
    const args = [...patchArgs(i, patches.length, 'PATCH', sender), '--stdout', '--end-of-options', `${patch.parent}..${patch.commit}`, '--', ...patch.sources];
    return (await git(repo, args, { encoding: 'latin1', env })).stdout.length;
  }));
  return sizes.reduce((a, b) => a + b, 0);
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
