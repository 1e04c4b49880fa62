/** The maintainers map's plan change, derived from its schema (./schema.ts), applied and undone. */
import type { z } from 'zod';
import type { Plan } from '../model';
import { ok, type Result } from '../result';
import { invertBindings, setBindings } from './map';
import type { maintainersSchemas } from './schema';

export type MaintainersChange = z.infer<ReturnType<typeof maintainersSchemas>[number]>;

export function applyMaintainersChange(plan: Plan, change: MaintainersChange): Result<Plan> {
  return ok({ ...plan, maintainersMap: setBindings(plan.maintainersMap, change.bindings) });
}

/** The change that puts back what `change` replaced (undo). */
export function invertMaintainersChange(before: Plan, change: MaintainersChange): MaintainersChange {
  return { type: 'maintainers.map', bindings: invertBindings(before.maintainersMap, change.bindings) };
}
