/**
 * Which series patches no longer apply on the sprint's upstream, by file: the series drift
 * check (series/drift.ts), kept per series base, target commit and upstream commit. While
 * upstream has not moved from the series' base every patch applies, and git is not asked.
 */
import { createHash } from 'node:crypto';
import type { Plan } from '../../../shared/model';
import { ok, type Result } from '../../../shared/result';
import type { RepoServices } from '../context';
import { resolveCommit } from '../git/refs';
import { seriesDrift } from '../series/drift';
import { loadSeries } from '../series/load';

export type FailingPatches = Map<string, { subject: string; reason: string }>;

export async function failingPatchesByFile(ctx: Pick<RepoServices, 'repo' | 'caches'>, plan: Plan): Promise<Result<FailingPatches>> {
  if (!plan.sprint || plan.series.patchOrder.length === 0) return ok(new Map());
  const input = await loadSeries(ctx.repo, plan);
  if (!input.ok) return input;
  const upstream = await resolveCommit(ctx.repo, plan.sprint.upstreamRef);
  if (!upstream.ok) return upstream;
  const series = input.value;
  const patchKey = series.patches.map((p) => `${p.id}:${p.files.join('\0')}`).join('\n');
  const key = createHash('sha256').update(`${series.base}\0${series.targetCommit}\0${upstream.value}\0${patchKey}`).digest('hex');
  const byFile = ctx.caches.seriesApplies.getOrCompute(key, async () => {
    const drift = await seriesDrift(series, upstream.value);
    const failing: FailingPatches = new Map();
    if (!drift.ok) return failing;
    for (const p of drift.value.patches) {
      if (p.applies) continue;
      const patch = series.plan.series.patches[p.patchId];
      for (const f of patch?.files ?? []) failing.set(f, { subject: p.subject, reason: p.reason ?? 'it does not apply' });
    }
    return failing;
  });
  return ok(await byFile);
}
