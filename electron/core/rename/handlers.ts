/** API handlers of the rename plan and the build checks (channels in shared/rename/api.ts). */
import type { renameChannels } from '../../../shared/rename/api';
import { ok } from '../../../shared/result';
import type { Handlers } from '../context';
import { readRunHooks, writeRunHooks } from '../git/hooks';
import { abandonRule } from './abandon';
import { addBuild, cancelBuild, findBuild, listBuilds, removeBuild, setBuildCommand, startBuild } from './builds';
import { copyRules } from './copy';
import { driftOf } from './drift';
import { finishRule } from './finish';
import { finishInterrupted } from './recover';
import { oldPathReferences } from './references';
import { addRule, listRules, previewRule, removeRule } from './rules';
import { syncRule } from './sync';

export const renameHandlers: Handlers<keyof typeof renameChannels> = {
  'rename.list': async (ctx) => {
    await finishInterrupted(ctx);
    const rules = await listRules(ctx);
    return rules.ok ? ok({ rules: rules.value }) : rules;
  },
  'rename.add': (ctx, req) => addRule(ctx, req.from, req.to),
  'rename.remove': (ctx, req) => removeRule(ctx, req.ruleId),
  'rename.preview': (ctx, req) => previewRule(ctx, req),
  'rename.copy': (ctx, req) => copyRules(ctx, 'all' in req ? { all: true } : { ruleIds: req.ruleIds }),
  'rename.drift': async (ctx, req) => {
    const drift = await driftOf(ctx, req.ruleId);
    return drift.ok ? ok({ rules: drift.value }) : drift;
  },
  'rename.sync': (ctx, req) => syncRule(ctx, req.ruleId, req.prefer),
  'rename.finish': (ctx, req) => finishRule(ctx, req.ruleId, req.prefer),
  'rename.abandon': (ctx, req) => abandonRule(ctx, req.ruleId, { discardDestinationChanges: req.discardDestinationChanges ?? false }),
  'rename.refs': async (ctx, req) => {
    const refs = await oldPathReferences(ctx, req.ruleId);
    return refs.ok ? ok({ rules: refs.value }) : refs;
  },
  'rename.hooks': async (ctx) => ok({ on: await readRunHooks(ctx.repo) }),
  'rename.setHooks': async (ctx, req) => ok({ on: await writeRunHooks(ctx.repo, req.on) }),
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
  'build.cancel': async (_ctx, req) => ok({ cancelled: cancelBuild(req.runId) }),
};
