/** Channels of the rename plan and build checks (see shared/api.ts). */
import { z } from 'zod';
import { channel } from '../channel';
import type {
  AbandonResult,
  BuildCheck,
  BuildRunResult,
  FinishResult,
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
  builds: BuildCheck[];
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
  'rename.hooks': channel<HooksSetting>()(empty),
  'rename.setHooks': channel<HooksSetting>()(z.object({ on: z.boolean() })),
  'build.list': channel<BuildList>()(empty),
  'build.add': channel<BuildCheck>()(z.object({ name: z.string().min(1).max(200), command: z.string().min(1).max(10000) })),
  /** Starts the run and answers at once; the log and the result come as pushes. */
  'build.run': channel<BuildStarted>()(
    z.object({ buildId: z.string().min(1).max(200), timeoutMs: z.number().int().min(1000).max(24 * 3600 * 1000).optional() }),
  ),
  'build.cancel': channel<{ cancelled: boolean }>()(z.object({ runId: z.string().min(1).max(200) })),
} as const;

export type RenamePush =
  | { type: 'build.log'; runId: string; chunk: string }
  | { type: 'build.done'; result: BuildRunResult };
