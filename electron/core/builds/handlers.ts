/** API handlers of the build checks (build.* channels in shared/rename/api.ts). */
import type { Channel } from '../../../shared/api';
import { ok } from '../../../shared/result';
import type { Handlers } from '../context';
import { addBuild, cancelBuild, findBuild, listBuilds, removeBuild, setBuildCommand, startBuild } from '../rename/builds';

export const buildHandlers: Handlers<Extract<Channel, `build.${string}`>> = {
  'build.list': (ctx) => listBuilds(ctx),
  'build.add': (ctx, req) => addBuild(ctx, req.name, req.command),
  'build.setCommand': (ctx, req) => setBuildCommand(ctx, req.buildId, req.command),
  'build.remove': (ctx, req) => removeBuild(ctx, req.buildId),
  'build.run': async (ctx, req) => {
    const build = await findBuild(ctx, { buildId: req.buildId });
    if (!build.ok) return build;
    const started = await startBuild(ctx, build.value, {
      ...(req.timeoutMs === undefined ? {} : { timeoutMs: req.timeoutMs }),
      onLog: (chunk, runId) => ctx.push({ type: 'build.log', runId, chunk }),
    });
    if (!started.ok) return started;
    void started.value.done.then((result) => ctx.push({ type: 'build.done', result }));
    const { runId, buildId, commit } = started.value;
    return ok({ runId, buildId, commit });
  },
  'build.cancel': async (ctx, req) => ok({ cancelled: cancelBuild(ctx, req.runId) }),
};
