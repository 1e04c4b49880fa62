/**
 * The rename plan's, the build checks' and the series' events applied to the plan: plain
 * upsert / remove / reorder / propose / version semantics. The rename and series engineers
 * add their own rules on top of these; the board's rules are in apply.ts.
 */
import type { Plan } from '../model';
import type { BuildCheck, RenameRule } from '../rename/model';
import type { RenameEvent } from '../rename/events';
import { defaultSeriesSettings, type SeriesPatch, type SeriesPlan } from '../series/model';
import type { SeriesEvent } from '../series/events';
import type { PickupEvent } from '../pickup/model';
import { fail, ok, type Result } from '../result';
import { applyPatchesPut } from '../series/fold';
import { applyCover, applySignOff } from '../series/signoff';
import type { UpstreamEvent } from '../upstream/schema';
import type { TeamChange } from '../team/events';
import { applyTeamChange } from '../team/fold';
import { applyMaintainersChange, type MaintainersChange } from '../maintainers/events';
import type { CardChange } from '../card/events';
import { applyCardChange } from '../card/fold';

export type ExtensionChange = RenameEvent | SeriesEvent | UpstreamEvent | TeamChange | PickupEvent | MaintainersChange | CardChange;

export function applyExtensionChange(plan: Plan, change: ExtensionChange): Result<Plan> {
  switch (change.type) {
    case 'rename.put': {
      const { records, order } = upsert(plan.renames, plan.renameOrder, change.rule);
      return ok({ ...plan, renames: records, renameOrder: order });
    }
    case 'rename.remove': {
      const removed = remove<RenameRule>(plan.renames, plan.renameOrder, change.ruleId, 'rename rule');
      return removed.ok ? ok({ ...plan, renames: removed.value.records, renameOrder: removed.value.order }) : removed;
    }
    case 'build.put': {
      const { records, order } = upsert(plan.builds, plan.buildOrder, change.build);
      return ok({ ...plan, builds: records, buildOrder: order });
    }
    case 'build.remove': {
      const removed = remove<BuildCheck>(plan.builds, plan.buildOrder, change.buildId, 'build check');
      return removed.ok ? ok({ ...plan, builds: removed.value.records, buildOrder: removed.value.order }) : removed;
    }
    case 'series.settings': {
      // The defaults are kept as no setting at all, so undoing the first setting gives the plan back exactly.
      const { settings: _old, ...series } = plan.series;
      const isDefault = change.maxPatchKb === defaultSeriesSettings.maxPatchKb && change.wholeSupport === defaultSeriesSettings.wholeSupport;
      return ok({ ...plan, series: isDefault ? series : { ...series, settings: { maxPatchKb: change.maxPatchKb, wholeSupport: change.wholeSupport } } });
    }
    case 'series.propose':
      return proposeSeries(plan, change.target, change.base, change.patches);
    case 'series.patch.put': {
      const overlap = patchOverlap(plan.series, change.patch);
      if (overlap) return fail('conflict', overlap);
      const { records, order } = upsert(plan.series.patches, plan.series.patchOrder, change.patch);
      return ok({ ...plan, series: { ...plan.series, patches: records, patchOrder: order } });
    }
    case 'series.patch.remove': {
      const removed = remove<SeriesPatch>(plan.series.patches, plan.series.patchOrder, change.patchId, 'patch');
      if (!removed.ok) return removed;
      return ok({ ...plan, series: { ...plan.series, patches: removed.value.records, patchOrder: removed.value.order } });
    }
    case 'series.reorder': {
      const order = reorder(plan.series.patchOrder, change.order, 'patch');
      return order.ok ? ok({ ...plan, series: { ...plan.series, patchOrder: order.value } }) : order;
    }
    case 'series.patches.put': {
      const next = applyPatchesPut(plan.series, change);
      return next.ok ? ok({ ...plan, series: next.value }) : next;
    }
    case 'series.version': {
      // One record per version number, kept sorted: exporting v2 again replaces the old v2.
      const versions = [...plan.series.versions.filter((v) => v.version !== change.version.version), change.version];
      versions.sort((a, b) => a.version - b.version);
      return ok({ ...plan, series: { ...plan.series, versions } });
    }
    case 'series.cover':
      return applyCover(plan, change);
    case 'card.signOff':
      // A stored event carries its author (`by`), which decides who may sign.
      return applySignOff(plan, change);
    case 'upstream.move':
      // The pairings and the fork ref stay: only the base the sprint compares against moves.
      if (!plan.sprint) return fail('no-plan', 'No sprint has been started: the upstream ref cannot move before there is one.');
      return ok({ ...plan, sprint: { ...plan.sprint, upstreamRef: change.upstreamRef } });
    case 'card.branch':
    case 'person.wipLimit':
    case 'state.wipLimit':
      return applyTeamChange(plan, change);
    case 'card.notes':
    case 'card.checklist.put':
    case 'card.checklist.remove':
    case 'card.reviewer':
    case 'cards.set':
      return applyCardChange(plan, change);
    case 'pickup.from':
      return ok({ ...plan, pickup: { ...plan.pickup, ref: change.ref, base: change.base } });
    case 'pickup.record': {
      // Idempotent: recovery after a kill may record the same pick-ups again.
      const picked = { ...plan.pickup.picked };
      for (const p of change.picked) picked[p.from] = p.commit;
      return ok({ ...plan, pickup: { ...plan.pickup, picked } });
    }
    case 'maintainers.map':
      return applyMaintainersChange(plan, change);
    default:
      return unknownChange(change);
  }
}

/** A change from a newer version of the app (read from a merged log): refused, so the fold skips it. */
function unknownChange(change: { type: string }): Result<Plan> {
  return fail('bad-input', `This version of Merge Sprint does not know the change "${change.type}": update the app to apply it.`);
}

function upsert<T extends { id: string }>(records: Record<string, T>, order: string[], record: T): { records: Record<string, T>; order: string[] } {
  return { records: { ...records, [record.id]: record }, order: record.id in records ? order : [...order, record.id] };
}

function remove<T>(records: Record<string, T>, order: string[], id: string, what: string): Result<{ records: Record<string, T>; order: string[] }> {
  if (!(id in records)) return fail('not-found', `There is no ${what} with id "${id}": reload, someone may have removed it.`);
  const { [id]: _gone, ...rest } = records;
  return ok({ records: rest, order: order.filter((x) => x !== id) });
}

/** Listed ids first in the given order, the rest after in their old order (as for cards). */
function reorder(current: string[], wanted: string[], what: string): Result<string[]> {
  const known = new Set(current);
  const seen = new Set<string>();
  for (const id of wanted) {
    if (!known.has(id)) return fail('not-found', `There is no ${what} with id "${id}".`);
    if (seen.has(id)) return fail('refused', `The order names the ${what} "${id}" twice.`);
    seen.add(id);
  }
  return ok([...wanted, ...current.filter((id) => !seen.has(id))]);
}

function fileClash(patches: SeriesPatch[]): string | null {
  const holder = new Map<string, SeriesPatch>();
  for (const p of patches) {
    for (const f of p.files) {
      const other = holder.get(f);
      if (other) return `"${f}" would be in both "${other.subject}" and "${p.subject}": every file goes in one patch.`;
      holder.set(f, p);
    }
  }
  return null;
}

function patchOverlap(series: SeriesPlan, patch: SeriesPatch): string | null {
  const others = Object.values(series.patches).filter((p) => p.id !== patch.id);
  return fileClash([...others, patch]);
}

/** A proposal replaces the patches and their order; the versions already exported stay. */
function proposeSeries(plan: Plan, target: string, base: string, patches: SeriesPatch[]): Result<Plan> {
  const records: Record<string, SeriesPatch> = {};
  for (const p of patches) {
    if (p.id in records) return fail('refused', `Two patches have the id "${p.id}".`);
    records[p.id] = p;
  }
  const clash = fileClash(patches);
  if (clash) return fail('conflict', clash);
  return ok({ ...plan, series: { ...plan.series, target, base, patches: records, patchOrder: patches.map((p) => p.id) } });
}
