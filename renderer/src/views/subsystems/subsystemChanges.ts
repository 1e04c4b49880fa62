/** Plan changes the Subsystems view builds from the user's selections. */
import type { Plan, Subsystem } from '../../../../shared/model';
import type { ClientCommand } from '../../../../shared/plan/events';
import { newId } from '../../../../shared/plan/ids';

/**
 * Moves several files into `to` as one change (one undo step): `subsystems.put` with the
 * records that lose files and the one that gains them.
 */
export function moveFilesChange(plan: Plan, files: string[], to: string): ClientCommand | null {
  const target = plan.subsystems[to];
  if (!target || files.length === 0) return null;
  const moving = new Set(files.filter((f) => !target.files.includes(f)));
  if (moving.size === 0) return null;
  const changed: Subsystem[] = [];
  for (const id of plan.subsystemOrder) {
    const s = plan.subsystems[id];
    if (!s || id === to || !s.files.some((f) => moving.has(f))) continue;
    changed.push({ ...s, files: s.files.filter((f) => !moving.has(f)) });
  }
  changed.push({ ...target, files: [...target.files, ...moving] });
  return { type: 'subsystems.put', subsystems: changed, remove: [] };
}

export function splitChange(plan: Plan, from: string, files: string[], name: string): ClientCommand | string {
  const source = plan.subsystems[from];
  if (!source) return 'That subsystem no longer exists.';
  if (files.length === 0) return 'Tick the files that go into the new subsystem first.';
  if (files.length === source.files.length) return 'A split must leave at least one file behind: untick one, or rename the subsystem instead.';
  if (!name.trim()) return 'Name the new subsystem.';
  return { type: 'subsystem.split', subsystemId: from, newId: newId('subsystem'), name: name.trim(), files };
}

export function mergeChange(selected: string[], into: string): ClientCommand | string {
  if (selected.length < 2) return 'Tick at least two subsystems to merge.';
  if (!selected.includes(into)) return 'Choose which of the ticked subsystems keeps its name.';
  return { type: 'subsystem.merge', subsystemIds: selected, into };
}
