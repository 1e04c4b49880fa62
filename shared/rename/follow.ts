/**
 * The plan changes that make the sprint follow a finished move: pairings whose fork folder lies
 * under the moved source name its new place, and subsystems hold their files at the new paths
 * (and a subsystem named after its folder takes the folder's new name).
 * Without them the inventory of the fork ref after the move would lose every moved file (a
 * pairing whose fork folder no longer exists is refused) and the files would fall out of their
 * subsystems. Pure: the rename engine adds these to the plan update that marks the rule moved.
 */
import type { Pairing, Plan, Subsystem } from '../model';
import type { PlanChange } from '../plan/events';
import { pathAfterRenames } from './board';
import type { RenameRule } from './model';

export interface MoveRebase {
  changes: PlanChange[];
  /** Pairings whose fork folder was rebased. */
  pairings: number;
  /** Subsystems whose files changed. */
  subsystems: number;
}

function rebasePairings(pairings: readonly Pairing[], moved: readonly RenameRule[]): { pairings: Pairing[]; count: number } {
  let count = 0;
  const out = pairings.map((p) => {
    const fork = pathAfterRenames(p.fork, moved);
    if (fork === p.fork) return p;
    count += 1;
    return { ...p, fork };
  });
  return { pairings: out, count };
}

/**
 * Each subsystem's files at their paths after the move. A file at a new path that another
 * subsystem held already (an interim copy someone filed elsewhere) goes with the subsystem of
 * the file it was a copy of: every file stays in exactly one subsystem.
 */
function rebaseSubsystems(plan: Plan, moved: readonly RenameRule[]): Subsystem[] {
  const claimedBy = new Map<string, string>();
  for (const id of plan.subsystemOrder) {
    for (const f of plan.subsystems[id]?.files ?? []) {
      const next = pathAfterRenames(f, moved);
      if (next !== f) claimedBy.set(next, id);
    }
  }
  const updated: Subsystem[] = [];
  for (const id of plan.subsystemOrder) {
    const s = plan.subsystems[id];
    if (!s) continue;
    let changed = false;
    const seen = new Set<string>();
    const files: string[] = [];
    for (const f of s.files) {
      const next = pathAfterRenames(f, moved);
      const goesWithItsSource = next === f && (claimedBy.get(f) ?? id) !== id;
      if (goesWithItsSource || seen.has(next)) {
        changed = true;
        continue;
      }
      if (next !== f) changed = true;
      seen.add(next);
      files.push(next);
    }
    if (!changed) continue;
    const source = s.source.kind === 'folder' ? { kind: 'folder' as const, folder: pathAfterRenames(s.source.folder, moved) } : s.source;
    // A card still named after its folder is named after the folder's new place; a name someone chose stays.
    const name = s.source.kind === 'folder' && source.kind === 'folder' && s.name === s.source.folder ? source.folder : s.name;
    updated.push({ ...s, name, files, source });
  }
  return updated;
}

/** The changes that carry the sprint's pairings and subsystems through the move of `rule`. */
export function rebaseOntoMove(plan: Plan, rule: Pick<RenameRule, 'id' | 'from' | 'to'>): MoveRebase {
  const moved: RenameRule[] = [{ id: rule.id, from: rule.from, to: rule.to, phase: 'moved', copyCommit: null, moveCommit: null }];
  const changes: PlanChange[] = [];
  const sprint = plan.sprint;
  const rebased = sprint ? rebasePairings(sprint.pairings, moved) : { pairings: [], count: 0 };
  if (sprint && rebased.count > 0) {
    changes.push({ type: 'sprint.init', upstreamRef: sprint.upstreamRef, forkRef: sprint.forkRef, pairings: rebased.pairings });
  }
  const subsystems = rebaseSubsystems(plan, moved);
  if (subsystems.length > 0) changes.push({ type: 'subsystems.put', subsystems, remove: [] });
  return { changes, pairings: rebased.count, subsystems: subsystems.length };
}
