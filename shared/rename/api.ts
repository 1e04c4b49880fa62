/** Channels of the rename plan and build checks (see shared/api.ts). */
import { z } from 'zod';
import { channel } from '../channel';
import { newBuildNameSchema } from './schema';
import type { RefsSwitch } from './switch-refs';
import type {
  AbandonResult,
  BuildRunResult,
  FinishResult,
  LocalBuildCheck,
  RenameRule,
  RuleCheck,
  RuleDrift,
  RuleReferences,
  RuleSummary,
  SyncResult,
} from './model';

const empty = z.object({});
const ruleId = z.string().min(1).max(200);
/** Paths are checked by the handlers (shared/paths.ts), which say what is wrong in words. */
const rulePath = z.string().min(1).max(4096);
const side = z.enum(['source', 'destination']);
const buildId = z.string().min(1).max(200);
const buildCommand = z.string().min(1).max(10000);

export interface RenameList {
  rules: RuleSummary[];
}

export interface CopyResponse {
  copies: { ruleId: string; commit: string }[];
}

/** Whether the app's own commits run the repository's git hooks (per clone, off by default). */
export interface HooksSetting {
  on: boolean;
}

export interface BuildList {
  /** The plan's build checks, each with this clone's command for it (null: not defined on this machine). */
  builds: LocalBuildCheck[];
  running: { runId: string; buildId: string; commit: string }[];
}

export interface BuildStarted {
  runId: string;
  buildId: string;
  commit: string;
}

export const renameChannels = {
  'rename.list': channel<RenameList>()(empty),
  'rename.add': channel<{ rule: RenameRule; check: RuleCheck }>()(z.object({ from: rulePath, to: rulePath })),
  'rename.remove': channel<{ ruleId: string }>()(z.object({ ruleId })),
  /** A stored rule by id, or a draft that is not written yet. */
  'rename.preview': channel<RuleCheck>()(z.union([z.object({ ruleId }), z.object({ from: rulePath, to: rulePath })])),
  'rename.copy': channel<CopyResponse>()(z.union([z.object({ ruleIds: z.array(ruleId).min(1) }), z.object({ all: z.literal(true) })])),
  'rename.drift': channel<{ rules: RuleDrift[] }>()(z.object({ ruleId: ruleId.optional() })),
  'rename.sync': channel<SyncResult>()(z.object({ ruleId, prefer: side.optional() })),
  'rename.finish': channel<FinishResult>()(z.object({ ruleId, prefer: side.optional() })),
  'rename.abandon': channel<AbandonResult>()(z.object({ ruleId, discardDestinationChanges: z.boolean().optional() })),
  'rename.refs': channel<{ rules: RuleReferences[] }>()(z.object({ ruleId: ruleId.optional() })),
  /** What "Switch references" would commit (its diff), apart from making it: the preview writes no commit. */
  'rename.switchRefsPreview': channel<RefsSwitch>()(z.object({ ruleId: ruleId.optional(), includeCopied: z.boolean().optional() })),
  'rename.switchRefs': channel<RefsSwitch>()(z.object({ ruleId: ruleId.optional(), includeCopied: z.boolean().optional() })),
  'rename.hooks': channel<HooksSetting>()(empty),
  'rename.setHooks': channel<HooksSetting>()(z.object({ on: z.boolean() })),
  'build.list': channel<BuildList>()(empty),
  /**
   * Defining or changing what a build check runs is its own channel, apart from running one: the
   * command goes into this clone's git config, only the name into the plan.
   */
  'build.add': channel<LocalBuildCheck>()(z.object({ name: newBuildNameSchema, command: buildCommand })),
  'build.setCommand': channel<LocalBuildCheck>()(z.object({ buildId, command: buildCommand })),
  'build.remove': channel<{ buildId: string }>()(z.object({ buildId })),
  /** Starts the run and answers at once; the log and the result come as pushes. */
  'build.run': channel<BuildStarted>()(
    z.object({ buildId, timeoutMs: z.number().int().min(1000).max(24 * 3600 * 1000).optional() }),
  ),
  'build.cancel': channel<{ cancelled: boolean }>()(z.object({ runId: z.string().min(1).max(200) })),
} as const;

export type RenamePush =
  | { type: 'build.log'; runId: string; chunk: string }
  | { type: 'build.done'; result: BuildRunResult };
