/**
 * Imports into the plan: subsystems from a MAINTAINERS file as the fork ref has it, and people
 * from the fork's commit authors. Both keep what the board already says where it still applies
 * (owners and states of subsystems that keep their id; people already there).
 */
import type { ImportReport, PlanSnapshot } from '../../../shared/api';
import type { PlanChange } from '../../../shared/plan/events';
import { subsystemsFromMaintainers } from '../../../shared/maintainers/match';
import { parseMaintainers } from '../../../shared/maintainers/parse';
import { checkRepoPath } from '../../../shared/paths';
import { fail, ok, type Result } from '../../../shared/result';
import { countSays, plural } from '../../../shared/words';
import type { RepoServices } from '../context';
import { readBlob } from '../git/cat-file';
import { resolveCommit } from '../git/refs';
import { lsPath } from '../git/trees';
import { peopleFromAuthors } from './people';
import { sprintInventory } from '../inventory/sprint-inventory';
import { changePlan } from './change';
import { NO_PLAN } from './no-plan';

/** The text of `path` as `commit` has it, or an error naming what is missing. */
async function readBlobAt(repo: string, commit: string, ref: string, path: string): Promise<Result<string>> {
  const entry = await lsPath(repo, commit, path);
  if (!entry) return fail('not-found', `The fork (${ref}) has no file "${path}": give the path of its MAINTAINERS file, or derive subsystems from folders.`);
  if (entry.type !== 'blob' || entry.mode === '120000') return fail('bad-input', `"${path}" in ${ref} is not a regular file.`);
  return ok(await readBlob(repo, entry.oid));
}

export async function importMaintainers(ctx: RepoServices, path: string): Promise<Result<ImportReport>> {
  const bad = checkRepoPath(path, 'MAINTAINERS path');
  if (bad) return fail('bad-path', bad);
  const inventory = await sprintInventory(ctx);
  if (!inventory.ok) return inventory;
  const text = await readBlobAt(ctx.repo, inventory.value.forkCommit, inventory.value.forkRef, path);
  if (!text.ok) return text;
  const parsed = parseMaintainers(text.value);
  if (parsed.sections.length === 0) {
    return fail('bad-input', `"${path}" has no sections git-style tools would read (a title line, then lines like "F:\tdrivers/xen/"): ${parsed.warnings[0] ?? 'it is empty'}.`);
  }
  const { subsystems, unmatched } = subsystemsFromMaintainers(
    parsed.sections,
    // Interim copies of rename rules go where their source goes.
    inventory.value.files.filter((f) => f.interimCopyOf === undefined).map((f) => f.path),
  );
  // Replacing the board's cards with none is never what an import means: a path or patterns that
  // miss the scope (a MAINTAINERS of another tree, a fork whose folders it does not name).
  if (subsystems.length === 0) {
    return fail('bad-input', `No section of "${path}" names a file in the sprint's scope (${plural(parsed.sections.length, 'section')} read, none of their F: patterns matches): the cards were left as they are. Check the file's path, or pair the folders its patterns name.`);
  }
  const { plan } = await ctx.plan.snapshot();
  const kept = subsystems.map((s) => {
    const before = plan.subsystems[s.id];
    return before ? { ...s, owner: before.owner, state: before.state, blocked: before.blocked } : s;
  });
  const changed = await changePlan(ctx, [{ type: 'subsystems.replace', subsystems: kept }]);
  if (!changed.ok) return changed;
  const warnings = [...parsed.warnings];
  if (unmatched.length > 0) warnings.push(`${countSays(unmatched.length, ['file'], ['matches', 'match'])} no section's F: patterns; ${unmatched.length === 1 ? 'it is listed as a file' : 'they are listed as files'} in no subsystem.`);
  return ok({ snapshot: changed.value, warnings });
}

export async function importAuthors(ctx: RepoServices, limit: number): Promise<Result<PlanSnapshot>> {
  const { plan } = await ctx.plan.snapshot();
  if (!plan.sprint) return fail('no-plan', NO_PLAN);
  const [up, fork] = await Promise.all([resolveCommit(ctx.repo, plan.sprint.upstreamRef), resolveCommit(ctx.repo, plan.sprint.forkRef)]);
  if (!up.ok) return up;
  if (!fork.ok) return fork;
  // The fork's own commits: the people who wrote what is being merged.
  const people = await peopleFromAuthors(ctx.repo, `${up.value}..${fork.value}`, Object.values(plan.people), limit);
  if (!people.ok) return people;
  const changes: PlanChange[] = people.value.map((person) => ({ type: 'person.put', person }));
  return changes.length === 0 ? ok(await ctx.plan.snapshot()) : changePlan(ctx, changes);
}
