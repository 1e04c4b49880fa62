/**
 * The API contract, declared once: channel names with their request schema and response type.
 * Electron's preload exposes exactly these channels; the room server serves the same over HTTP
 * (POST /api/<channel>) with pushes over a WebSocket; the renderer only sees `ApiClient`.
 */
import { z } from 'zod';
import type { Actor, Inventory, PairingSuggestion } from './model';
import type { PlanSnapshot } from './plan/snapshot';
import type { PlanEvent } from './plan/events';
import type { PlanHistory } from './plan/history';
import type { Result } from './result';
import { clientCommandSchema, pairingSchema, refSchema, repoPathSchema } from './plan/schema';
import { renameChannels, type RenamePush } from './rename/api';
import { seriesChannels, type SeriesPush } from './series/api';
import { syncChannels, type SyncPush } from './sync/api';
import { upstreamChannels } from './upstream/api';
import { teamChannels } from './team/api';
import { pickupChannels } from './pickup/api';
import { maintainersChannels } from './maintainers/api';
import { channel } from './channel';

export { channel, type ChannelDef } from './channel';

export interface AppInfo {
  mode: 'electron' | 'room';
  /** The open repository, or null before one is opened. */
  repoPath: string | null;
  /** Recently opened repositories (Electron only). */
  recent: string[];
  /** Who this client's changes are by; null for a browser in the room that has not said who it is. */
  actor: Actor | null;
  /** Whether this client may open another repository (the room server serves one). */
  canOpen: boolean;
  /** Whether this client may run the repository's named operations (shared/access.ts): a room only with --allow-repo-changes. */
  allowRepoChanges: boolean;
}

export interface RepoSummary {
  path: string;
  name: string;
  /** Current branch, or null when HEAD is detached. */
  branch: string | null;
  branches: string[];
  tags: string[];
  hasPlan: boolean;
}

export interface FileDiff {
  path: string;
  upstreamPath: string;
  binary: boolean;
  /** Unified diff text of the upstream twin against the fork file (empty when identical). */
  text: string;
  /** True when the diff was cut at the size limit. */
  truncated: boolean;
  /** An upstream file in a pairing that the sparse fork does not copy: no diff, nothing to do. */
  inherited: boolean;
}

// Declared beside the plan model, so that each feature's contract (series/api.ts) can name it without importing this file.
export type { PlanSnapshot } from './plan/snapshot';

export interface ImportReport {
  snapshot: PlanSnapshot;
  /** Lines that were skipped, with the reason (for example malformed MAINTAINERS lines). */
  warnings: string[];
}

const empty = z.object({});

export const coreChannels = {
  'app.info': channel<AppInfo>()(empty),
  'repo.open': channel<RepoSummary>()(z.object({ path: z.string().min(1).max(4096) })),
  'repo.openDemo': channel<RepoSummary>()(empty),
  'repo.summary': channel<RepoSummary>()(empty),
  'pairs.suggest': channel<PairingSuggestion[]>()(z.object({ upstreamRef: refSchema, forkRef: refSchema })),
  'sprint.init': channel<PlanSnapshot>()(
    z.object({ upstreamRef: refSchema, forkRef: refSchema, pairings: z.array(pairingSchema) }),
  ),
  'inventory.get': channel<Inventory>()(empty),
  'inventory.diff': channel<FileDiff>()(z.object({ path: repoPathSchema })),
  'plan.get': channel<PlanSnapshot>()(empty),
  /** Board and series edits only: engine events are the services' to write (shared/plan/schema.ts). */
  'plan.change': channel<PlanEventsPush>()(z.object({ change: clientCommandSchema })),
  /** The calling person's undo and redo steps, derived from the plan's log (shared/plan/history.ts). */
  'plan.history': channel<PlanHistory>()(empty),
  'subsystems.derive': channel<PlanSnapshot>()(
    z.object({ depth: z.number().int().min(1).max(10).optional(), minFiles: z.number().int().min(1).optional() }),
  ),
  'subsystems.importMaintainers': channel<ImportReport>()(z.object({ path: repoPathSchema.optional() })),
  'people.importAuthors': channel<PlanSnapshot>()(z.object({ limit: z.number().int().min(1).max(200).optional() })),
} as const;

export const contract = { ...coreChannels, ...renameChannels, ...seriesChannels, ...upstreamChannels, ...teamChannels, ...pickupChannels, ...syncChannels, ...maintainersChannels } as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type Req<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedReq<C extends Channel> = z.output<Contract[C]['request']>;
export type Res<C extends Channel> = NonNullable<Contract[C]['response']>;

/**
 * A plan change as pushed: the events a board whose plan is at head `from` folds on top
 * (shared/plan/fold.ts `foldOnto`) to be at head `to`. A board at another head missed a push
 * (a reconnection) and asks for a snapshot (`plan.get`); so does every board when `from` is
 * null: the log was folded again (a merge whose events interleave, a rewritten ref) and no
 * list of events leads from any head to `to`.
 */
export interface PlanEventsPush {
  type: 'plan.events';
  from: string | null;
  to: string;
  events: PlanEvent[];
}

/**
 * What a write to the plan leads to: the new state, and the events it appended on top of the
 * head it was built on. `plan.change` answers with the events alone, which the board folds as
 * it folds a push.
 */
export interface PlanWritten extends PlanSnapshot {
  news: PlanEventsPush;
}

/** What the main process or room server pushes to every open board. */
export type Push =
  | PlanEventsPush
  /** Branches, tags or HEAD moved outside the app (a commit, a checkout, a fetch): what depends on them is stale. */
  | { type: 'repo.changed' }
  | RenamePush
  | SeriesPush
  | SyncPush;

/** The renderer's view of the API: the same whether Electron or the room server answers. */
export interface ApiClient {
  call<C extends Channel>(channel: C, request: Req<C>): Promise<Result<Res<C>>>;
  subscribe(listener: (push: Push) => void): () => void;
}

export const isChannel = (name: string): name is Channel => Object.prototype.hasOwnProperty.call(contract, name);
