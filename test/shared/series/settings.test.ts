/** The series' size setting as a plan change: stored, undone to what it was, and checked. */
import { describe, expect, it } from 'vitest';
import { emptyPlan } from '../../../shared/model';
import { applyChange } from '../../../shared/plan/apply';
import { inverseOf } from '../../../shared/plan/inverse';
import { clientCommandSchema } from '../../../shared/plan/schema';
import { seriesSettingsOf } from '../../../shared/series/model';

describe('series.settings', () => {
  it('is stored in the plan, and its undo puts back the setting before it (the defaults at first)', () => {
    const plan = emptyPlan();
    expect(seriesSettingsOf(plan.series)).toEqual({ maxPatchKb: 100, wholeSupport: false });
    const change = { type: 'series.settings' as const, maxPatchKb: 40, wholeSupport: true };
    const next = applyChange(plan, change);
    if (!next.ok) throw new Error(next.error.message);
    expect(next.value.series.settings).toEqual({ maxPatchKb: 40, wholeSupport: true });
    const undo = inverseOf(plan, change);
    expect(undo).toEqual({ type: 'series.settings', maxPatchKb: 100, wholeSupport: false });
    const back = applyChange(next.value, undo as NonNullable<typeof undo>);
    expect(back.ok && seriesSettingsOf(back.value.series)).toEqual({ maxPatchKb: 100, wholeSupport: false });
  });

  it('refuses a limit that is not a whole number of KB, 4 or more', () => {
    for (const maxPatchKb of [0, 3, 1.5, -100]) {
      expect(clientCommandSchema.safeParse({ type: 'series.settings', maxPatchKb, wholeSupport: false }).success).toBe(false);
    }
    expect(clientCommandSchema.safeParse({ type: 'series.settings', maxPatchKb: 100, wholeSupport: false }).success).toBe(true);
  });
});
