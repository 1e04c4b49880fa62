/**
 * Sync of a copied rule, as one commit built like every other: a change on one side is carried
 * to the other copy; changes on both sides are merged three-way and the clean result written to
 * both; conflicts are not written but returned with their hunks (or, when the user chose a
 * side, that side wins).
 */
import type { DriftFile, FileVersion, PreferredSide, RenameRule, SyncConflict, SyncResult } from '../../../shared/rename/model';
import { ok, type Result } from '../../../shared/result';
import { rm } from 'node:fs/promises';
import { editIndex, type IndexEdit } from '../git/staging-index';
import { commitStep } from './atomic';
import type { PlanAccess } from '../context';
import { ruleDrift } from './drift';
import { checkRepoState, checkTouchedPaths } from './guard';
import { scratchDir } from './journal';
import { mergeBothSides } from './merge';
import { withRenameLock } from './recover';
import { findRule } from './rules';

export const syncMessage = (rule: Pick<RenameRule, 'from' | 'to'>): string => `Sync interim copy: ${rule.from} <-> ${rule.to}`;

const setTo = (path: string, version: FileVersion | null): IndexEdit => (version ? { path, ...version } : { path, remove: true });

interface Resolution {
  edits: IndexEdit[];
  carried: DriftFile[];
  merged: string[];
  conflicts: SyncConflict[];
}

/** What the sync writes for each drifting file. */
async function resolve(repo: string, gitDir: string, files: DriftFile[], prefer: PreferredSide | undefined): Promise<Resolution> {
  const out: Resolution = { edits: [], carried: [], merged: [], conflicts: [] };
  const scratch = await scratchDir(gitDir);
  try {
    for (const f of files) {
      if (f.kind === 'source') {
        out.edits.push(setTo(f.destinationPath, f.source));
        out.carried.push(f);
      } else if (f.kind === 'destination') {
        out.edits.push(setTo(f.sourcePath, f.destination));
        out.carried.push(f);
      } else {
        const outcome = await mergeBothSides(repo, gitDir, scratch, f);
        if ('merged' in outcome) {
          out.edits.push(setTo(f.sourcePath, outcome.merged), setTo(f.destinationPath, outcome.merged));
          out.merged.push(f.rel);
        } else if (prefer) {
          const winner = prefer === 'source' ? f.source : f.destination;
          out.edits.push(setTo(prefer === 'source' ? f.destinationPath : f.sourcePath, winner));
          out.carried.push(f);
        } else {
          out.conflicts.push(outcome.conflict);
        }
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return out;
}

export async function syncRule(ctx: PlanAccess, ruleId: string, prefer?: PreferredSide): Promise<Result<SyncResult>> {
  return withRenameLock(ctx, async (gitDir) => {
    const state = await checkRepoState(ctx.repo);
    if (!state.ok) return state;
    const found = await findRule(ctx, ruleId, { phase: 'copied', why: 'only the two copies of a copied rule are synced.' });
    if (!found.ok) return found;
    const rule = found.value;
    const drift = await ruleDrift(ctx.repo, rule, state.value.head);
    const r = await resolve(ctx.repo, gitDir, drift, prefer);
    const result: SyncResult = { ruleId, commit: null, carried: r.carried, merged: r.merged, conflicts: r.conflicts };
    if (r.edits.length === 0) return ok(result);
    const paths = r.edits.map((e) => e.path);
    const touched = await checkTouchedPaths(ctx.repo, paths, { ignoredInTheWay: true });
    if (!touched.ok) return touched;
    const made = await commitStep(ctx, state.value, {
      op: 'sync',
      ruleId,
      message: syncMessage(rule),
      paths,
      build: (index) => editIndex(ctx.repo, index, r.edits),
      // With every file resolved the copies are equal again: this commit is the base from now on.
      ruleAfter: (commit) => (r.conflicts.length === 0 ? { ...rule, syncCommit: commit } : rule),
    });
    if (!made.ok) return made;
    return ok({ ...result, commit: made.value.commit });
  });
}
