/** API handlers of the patch series (channels in shared/series/api.ts). */
import { randomUUID } from 'node:crypto';
import type { seriesChannels } from '../../../shared/series/api';
import type { Handlers } from '../context';
import { archiveFromPlan, checkFromPlan, coverFromPlan, driftFromPlan, exportFromPlan, proposeInPlan, rangeDiffFromPlan, seriesState } from './service';

export const seriesHandlers: Handlers<keyof typeof seriesChannels> = {
  'series.propose': async (ctx, { target }) => proposeInPlan(ctx, target),
  'series.get': async (ctx) => seriesState(ctx),
  'series.check': async (ctx, request) =>
    checkFromPlan(ctx, {
      runId: request.runId ?? randomUUID(),
      build: request.build ?? null,
      lineLimit: request.lineLimit ?? null,
      each: request.each ?? false,
    }),
  'series.cancel': async (ctx, { runId }) => ({ ok: true, value: { canceled: ctx.seriesRuns.cancel(runId) } }),
  'series.export': async (ctx, request) => exportFromPlan(ctx, request),
  'series.archive': async (ctx, request) => archiveFromPlan(ctx, request),
  'series.drift': async (ctx) => driftFromPlan(ctx),
  'series.cover': async (ctx) => coverFromPlan(ctx),
  'series.rangeDiff': async (ctx, { from, to }) => rangeDiffFromPlan(ctx, from, to),
};
