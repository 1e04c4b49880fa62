/** The diff of one inventory file: its upstream twin against the fork file. */
import type { FileDiff } from '../../../shared/api';
import type { SprintSettings } from '../../../shared/model';
import { checkRepoPath } from '../../../shared/paths';
import { fail, ok, type Result } from '../../../shared/result';
import { diffTreePath } from '../git/diff';
import { emptyTreeId, lsPath } from '../git/trees';
import { pairingOf } from './pairings';
import { resolveRefs } from './resolve';

/** Diffs longer than this are cut (at a line end), so the renderer stays responsive. */
export const MAX_DIFF_CHARS = 2_000_000;

/** Cuts `text` after the last whole line that fits in `max` characters. */
export function truncateDiff(text: string, max = MAX_DIFF_CHARS): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const cut = text.lastIndexOf('\n', max - 1);
  return { text: text.slice(0, cut < 0 ? max : cut + 1), truncated: true };
}

export async function fileDiff(repo: string, settings: SprintSettings, path: string): Promise<Result<FileDiff>> {
  const bad = checkRepoPath(path, 'file path');
  if (bad) return fail('bad-path', bad);
  const refs = await resolveRefs(repo, settings);
  if (!refs.ok) return refs;
  const { upstreamCommit, forkCommit } = refs.value;
  const pairing = pairingOf(refs.value.pairings, path);
  const upstreamPath = pairing ? pairing.upstream + path.slice(pairing.fork.length) : path;

  const [upstreamEntry, forkEntry] = await Promise.all([lsPath(repo, upstreamCommit, upstreamPath), lsPath(repo, forkCommit, path)]);
  if (!upstreamEntry && !forkEntry) {
    return fail('not-found', `"${path}" is in neither ref (nor is its upstream twin "${upstreamPath}"): pick a file from the inventory.`);
  }
  if (upstreamEntry?.type === 'tree' || forkEntry?.type === 'tree') {
    return fail('bad-path', `"${path}" is a folder: pick a file from the inventory.`);
  }

  // An inherited file is upstream's alone and builds from there: its "diff" would be the whole
  // file as a deletion, which is no change the fork made.
  if (pairing && upstreamEntry && !forkEntry) return ok({ path, upstreamPath, binary: false, text: '', truncated: false, inherited: true });

  let treeA: string = upstreamCommit;
  let treeB: string = forkCommit;
  let rel = path;
  if (pairing) {
    // Inside a pairing the two paths differ, so the two folders are compared at the relative
    // path; a folder missing on one side (the file exists only on the other) is the empty tree.
    const empty = emptyTreeId(upstreamCommit.length);
    treeA = upstreamEntry ? `${upstreamCommit}:${pairing.upstream}` : empty;
    treeB = forkEntry ? `${forkCommit}:${pairing.fork}` : empty;
    rel = path.slice(pairing.fork.length + 1);
  }
  const patch = await diffTreePath(repo, treeA, treeB, rel, { old: upstreamPath, new: path });
  const { text, truncated } = truncateDiff(patch.text);
  return ok({ path, upstreamPath, binary: patch.binary, text, truncated, inherited: false });
}
