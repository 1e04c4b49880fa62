/**
 * Reading what a series is cut from: the files that differ between the upstream commit and the
 * target, the folders upstream has, renames inside one patch, and a file's text at a commit.
 */
import type { ChangedFile, ChangeStatus } from '../../../shared/series/changes';
import { git, splitNul } from './exec';
import { literalPathspec } from './trees';

const STATUSES: ReadonlySet<string> = new Set(['A', 'D', 'M', 'T']);

/**
 * Parses `git diff-tree -r -z --raw --no-renames A B`: a header, then the path, per record:
 *   ":000000 100644 0000000000000000000000000000000000000000 3e75765... A\0new file.c\0"
 *   ":100644 000000 422c2b7... 0000000000000000000000000000000000000000 D\0gone.c\0"
 * The target side's mode and id are what the series writes for the file (zeros: removed).
 */
export function parseDiffTreeRaw(out: string): ChangedFile[] {
  const fields = splitNul(out);
  const changes: ChangedFile[] = [];
  for (let i = 0; i < fields.length; i += 2) {
    const header = fields[i] as string;
    const [, newMode, , newOid, status] = header.slice(1).split(' ');
    const path = fields[i + 1];
    if (!header.startsWith(':') || !newMode || !newOid || !status || !STATUSES.has(status) || path === undefined) {
      throw new Error(`Unexpected diff-tree raw record: ${JSON.stringify(header)}`);
    }
    changes.push({ path, status: status as ChangeStatus, mode: newMode, oid: newOid });
  }
  return changes;
}

/** Every file that differs between two commits, renames not followed (a move is a removal and an addition). */
export async function diffTreeChanges(repo: string, base: string, target: string): Promise<ChangedFile[]> {
  const out = await git(repo, ['diff-tree', '-r', '-z', '--raw', '--no-renames', '--no-ext-diff', '--end-of-options', base, target]);
  return parseDiffTreeRaw(out.stdout);
}

/** The tree id of a commit. Output: "<tree id>\n". */
export async function treeOfCommit(repo: string, commit: string): Promise<string> {
  const out = await git(repo, ['rev-parse', '--verify', '--end-of-options', `${commit}^{tree}`]);
  return out.stdout.trim();
}

/**
 * Every folder of a commit's tree. `git ls-tree -r -d --name-only -z` lists trees only:
 *   "arch\0arch/i386\0arch/i386/kernel\0"
 */
export async function listTreeDirs(repo: string, commit: string): Promise<Set<string>> {
  const out = await git(repo, ['ls-tree', '-r', '-d', '--name-only', '-z', '--full-tree', '--end-of-options', commit]);
  return new Set(splitNul(out.stdout));
}

export interface DetectedRename {
  from: string;
  to: string;
  /** git's similarity index, 0..100. */
  similarity: number;
}

/**
 * Parses renames out of `git diff-tree -r -z --raw -M<n>%`: a rename's header ends in R and
 * the similarity, and two paths follow (the others have one):
 *   ":100644 100644 1a2b... 3c4d... R042\0old/name.c\0new/name.c\0:100644 100644 ... M\0x.c\0"
 */
export function parseRenames(out: string): DetectedRename[] {
  const fields = splitNul(out);
  const renames: DetectedRename[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = (fields[i] as string).split(' ')[4] ?? '';
    const twoPaths = status.startsWith('R') || status.startsWith('C');
    if (status.startsWith('R')) {
      renames.push({ from: fields[i + 1] as string, to: fields[i + 2] as string, similarity: Number(status.slice(1)) });
    }
    i += twoPaths ? 3 : 2;
  }
  return renames;
}

/**
 * Renames git finds among `files` between two commits, down to `minSimilarity` percent: what
 * `format-patch -M` shows and what `git log --follow` can follow (at 50% and above).
 */
export async function detectRenames(repo: string, base: string, target: string, files: readonly string[], minSimilarity: number): Promise<DetectedRename[]> {
  if (files.length === 0) return [];
  const out = await git(repo, [
    'diff-tree', '-r', '-z', '--raw', `-M${minSimilarity}%`, '--no-ext-diff', '--end-of-options', base, target, '--', ...files.map(literalPathspec),
  ]);
  return parseRenames(out.stdout);
}
