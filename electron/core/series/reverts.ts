/**
 * The series never undoes upstream: where the series' base is newer than what the target was
 * built on (their merge base), upstream changed files after the fork last took upstream in; a
 * patch that carries such a file as the target has it, without upstream's change, would revert
 * that change while the check still passes. Each such file is named with the upstream commit
 * that made the change. Whether the target has the change is a three-way merge of upstream's
 * change into the target's file (the twin port of ../upstream/port.ts): it has it when the
 * merge changes nothing.
 */
import { rm } from 'node:fs/promises';
import type { SeriesWarning } from '../../../shared/series/reports';
import { mergeBase } from '../git/merge-base';
import { diffTreeRaw } from '../git/diff-tree';
import { commitsTouching } from '../git/log';
import { gitDir } from '../git/rev-parse';
import { scratchDir } from '../rename/journal';
import { portTwinChange } from '../upstream/port';
import type { SeriesInput } from './load';

const side = (mode: string, oid: string) => (/^0+$/.test(mode) ? null : { mode, oid });

export async function revertWarnings(input: SeriesInput): Promise<SeriesWarning[]> {
  const since = await mergeBase(input.repo, input.base, input.targetCommit);
  if (since === null || since === input.base) return [];
  const patchOf = new Map(input.patches.flatMap((p) => p.files.map((f) => [f, p] as const)));
  const target = new Map(input.changes.map((c) => [c.path, c]));
  const upstream = (await diffTreeRaw(input.repo, since, input.base, [...target.keys()])).filter((c) => patchOf.has(c.path));
  if (upstream.length === 0) return [];
  const dir = await gitDir(input.repo);
  const scratch = await scratchDir(dir);
  const warnings: SeriesWarning[] = [];
  try {
    for (const change of upstream) {
      const t = target.get(change.path);
      const patch = patchOf.get(change.path);
      if (!t || !patch) continue;
      const copy = side(t.mode, t.oid);
      const port = copy
        ? (await portTwinChange(input.repo, dir, scratch, { path: change.path, twin: change.path, copy, oldTwin: side(change.oldMode, change.oldOid), newTwin: side(change.newMode, change.newOid) })).port
        : null;
      if (port?.alreadyThere) continue;
      const [commit] = await commitsTouching(input.repo, since, input.base, [change.path]);
      const named = commit ? `${commit.commit.slice(0, 12)} ("${commit.subject}")` : `a commit after ${since.slice(0, 12)}`;
      warnings.push({
        kind: 'reverts-upstream',
        patchId: patch.id,
        path: change.path,
        upstreamCommit: commit?.commit ?? null,
        message:
          `"${patch.subject}" would undo upstream's change to ${change.path} made in ${named}: the target was built on an older upstream there. ` +
          'Bring the new upstream into the target first (upstream apply), then propose the series again.',
      });
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return warnings;
}
