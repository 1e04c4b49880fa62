/**
 * Imports into the plan: subsystems from a MAINTAINERS file as the fork ref has it (its F:/X:
 * lines, or the plan's maintainers map for a file from before 2009), and people from the fork's
 * commit authors. Both keep what the board already says where it still applies (owners and
 * states of subsystems that keep their id; people already there). An import that would leave
 * no card refuses, saying why, and the cards stay as they were; the app asks first
 * (`maintainers.preview`) before one replaces cards.
 */
import type { ImportReport, PlanSnapshot } from '../../../shared/api';
import type { ImportPreview } from '../../../shared/maintainers/api';
import type { PlanChange } from '../../../shared/plan/events';
import { hasFilePatterns, withMap } from '../../../shared/maintainers/map';
import { subsystemsFromMaintainers } from '../../../shared/maintainers/match';
import type { Subsystem } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import { countSays } from '../../../shared/words';
import type { RepoServices } from '../context';
import { resolveCommit } from '../git/refs';
import { peopleFromAuthors } from './people';
import { changePlan } from './change';
import { maintainersAtFork } from './maintainers';
import { NO_PLAN } from './no-plan';

interface PlannedImport {
  subsystems: Subsystem[];
  before: number;
  kept: number;
  unmatched: number;
  mapped: number;
  warnings: string[];
}

export const NO_F_LINES =
  'This MAINTAINERS file has no F: lines, as before 2009; map its sections to folders instead (Map sections to folders in the Subsystems view, or `merge-sprint maintainers map --suggest`). The cards stay as they were.';

/** The subsystems the file gives with the plan's map, or why it gives none. */
async function planImport(ctx: RepoServices, path: string): Promise<Result<PlannedImport>> {
  const read = await maintainersAtFork(ctx, path);
  if (!read.ok) return read;
  const { parsed, inventory } = read.value;
  const { plan } = await ctx.plan.snapshot();
  const titles = new Set(parsed.sections.map((s) => s.title));
  const mapped = plan.maintainersMap.filter((b) => titles.has(b.section) && b.folders.length > 0).length;
  if (!hasFilePatterns(parsed.sections) && mapped === 0) return fail('bad-input', NO_F_LINES);
  const { subsystems, unmatched } = subsystemsFromMaintainers(
    withMap(parsed.sections, plan.maintainersMap),
    // Interim copies of rename rules go where their source goes.
    inventory.files.filter((f) => f.interimCopyOf === undefined).map((f) => f.path),
  );
  if (subsystems.length === 0) {
    return fail(
      'bad-input',
      `No section of "${path}" covers a file in scope (${inventory.files.length} files): its F: lines${mapped > 0 ? ' and the maintainers map' : ''} name other folders. Map its sections to the sprint's folders, or derive subsystems from folders. The cards stay as they were.`,
    );
  }
  let kept = 0;
  const withBoard = subsystems.map((s) => {
    const before = plan.subsystems[s.id];
    if (!before) return s;
    kept++;
    return { ...s, owner: before.owner, state: before.state, blocked: before.blocked };
  });
  const warnings = [...parsed.warnings];
  if (unmatched.length > 0) warnings.push(`${countSays(unmatched.length, ['file'], ['matches', 'match'])} no section's F: patterns; they are listed as files in no subsystem.`);
  return ok({ subsystems: withBoard, before: plan.subsystemOrder.length, kept, unmatched: unmatched.length, mapped, warnings });
}

export async function previewMaintainersImport(ctx: RepoServices, path: string): Promise<Result<ImportPreview>> {
  const planned = await planImport(ctx, path);
  if (!planned.ok) return planned;
  const { before, kept, unmatched, mapped, warnings } = planned.value;
  return ok({ path, before, after: planned.value.subsystems.length, kept, unmatched, mapped, warnings });
}

export async function importMaintainers(ctx: RepoServices, path: string): Promise<Result<ImportReport>> {
  const planned = await planImport(ctx, path);
  if (!planned.ok) return planned;
  const changed = await changePlan(ctx, [{ type: 'subsystems.replace', subsystems: planned.value.subsystems }]);
  if (!changed.ok) return changed;
  return ok({ snapshot: changed.value, warnings: planned.value.warnings });
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
