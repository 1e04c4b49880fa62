/** API handlers of the rename plan (channels in shared/rename/api.ts; the build checks' are in builds/handlers.ts). */
import type { Channel } from '../../../shared/api';
import { ok } from '../../../shared/result';
import type { Handlers } from '../context';
import { readRunHooks, writeRunHooks } from '../git/hooks';
import { abandonRule } from './abandon';
import { copyRules } from './copy';
import { driftOf } from './drift';
import { finishRule } from './finish';
import { finishInterrupted } from './recover';
import { oldPathReferences } from './references';
import { addRule, listRules, previewRule, removeRule } from './rules';
import { switchReferences } from './switch-refs';
import { syncRule } from './sync';

export const renameHandlers: Handlers<Extract<Channel, `rename.${string}`>> = {
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
  'rename.switchRefsPreview': (ctx, req) => switchReferences(ctx, req, false),
  'rename.switchRefs': (ctx, req) => switchReferences(ctx, req, true),
  'rename.hooks': async (ctx) => ok({ on: await readRunHooks(ctx.repo) }),
  'rename.setHooks': async (ctx, req) => ok({ on: await writeRunHooks(ctx.repo, req.on) }),
};
