/**
 * What every API handler gets: one repository's services (RepoServices), the same whichever way
 * the call came in (Electron IPC, the room server, the command line). A call sees them with its
 * own `client` and acting `actor`; everything else is the repository's, shared by every caller
 * and disposed when the repository closes.
 */
import type { Client } from '../../shared/access';
import type { Channel, ParsedReq, PlanEventsPush, PlanSnapshot, PlanWritten, Push, Res } from '../../shared/api';
import type { Actor, Inventory, InventoryFile } from '../../shared/model';
import type { ClientCommand, PlanChange, PlanEvent } from '../../shared/plan/events';
import type { PlanHistory } from '../../shared/plan/history';
import type { Result } from '../../shared/result';
import type { TreeChange } from './git/diff-tree';
import type { TreeEntry } from './git/trees';
import type { Lru } from './host/lru';
import type { RunRegistry } from './host/runs';
import type { PlanSync } from './plan/sync-service';
import type { RecoveryReport } from './rename/recovery-report';
import type { BranchWork } from '../../shared/team/status';

export interface PlanStore {
  readonly repo: string;
  /** The folded plan and the recent activity, read from the plan ref. */
  snapshot(): Promise<PlanSnapshot>;
  /**
   * A client's command (`plan.change`): refused unless it is a client command whose paths pass
   * the path rules (shared/plan/schema.ts), then checked against the current plan and appended
   * as an event; returns the new state and the events appended.
   */
  change(command: ClientCommand, actor: Actor): Promise<Result<PlanWritten>>;
  /** `actor`'s undo and redo steps, replayed from the whole log (shared/plan/history.ts). */
  history(actor: Actor): Promise<PlanHistory>;
  /** Several commands as one step (all or none). */
  changeAll(commands: ClientCommand[], actor: Actor): Promise<Result<PlanWritten>>;
  /**
   * The services' own write path: any change the plan knows, engine events included (rename
   * phases, build checks and results, series proposals and versions), checked against the plan.
   */
  record(change: PlanChange, actor: Actor): Promise<Result<PlanWritten>>;
  /** Several changes as one step (all or none). */
  recordAll(changes: PlanChange[], actor: Actor): Promise<Result<PlanWritten>>;
  /** Called after any change to the plan ref, by this process or another (a CLI, a fetch), with the events since the last call. */
  onChange(listener: (snapshot: PlanSnapshot, news: PlanEventsPush) => void): () => void;
  close(): void;
}

/** A build check running in a temporary worktree. */
export interface RunningBuild {
  runId: string;
  buildId: string;
  commit: string;
}

/**
 * Answers kept per repository, keyed by commit ids (which never change), so that a plan push
 * and the answer to the change that caused it do not ask git twice. Cleared on dispose.
 */
export interface RepoCaches {
  /** The inventory's files per upstream commit, fork commit and pairings. */
  inventoryFiles: Lru<InventoryFile[]>;
  /** Inventories being computed, per refs as typed and pairings, shared by callers that ask at once. */
  inventoriesInFlight: Map<string, Promise<Result<Inventory>>>;
  /** Which paths under copied rules' folders a fork commit holds. */
  forkPaths: Lru<Set<string>>;
  /** What a rule's destination held before its copy, per copy commit and folder. */
  destinationBefore: Lru<TreeEntry[]>;
  /** `git diff --numstat` of a series, per base and target commit. */
  seriesNumstat: Lru<Promise<Map<string, TreeChange>>>;
  /** Each changed file's diff in bytes (series sizes), per base and target commit. */
  seriesFileBytes: Lru<Promise<Map<string, number> | null>>;
  /** What each card's branch holds (team/status.ts), per sprint commit, then per branch tip and files. */
  teamWork: Lru<Map<string, Promise<BranchWork>>>;
  /** Which series patches no longer apply on upstream, per series base, target and upstream commit. */
  seriesApplies: Lru<Promise<Map<string, { subject: string; reason: string }>>>;
  /** The plan's whole event log in fold order, per plan head (the burndown and the report read it). */
  planEvents: Lru<Promise<PlanEvent[]>>;
}

/** One open repository and everything kept for it; `dispose` stops watchers, cancels runs, clears caches. */
export interface RepoServices {
  readonly repo: string;
  /**
   * The owner (window, command line) or a browser in the room; the host checks every call
   * against it (shared/access.ts). The services themselves are opened as the owner.
   */
  readonly client: Client;
  /** Who acts: the repository's git identity, or in a call from the room the person the browser chose. */
  readonly actor: Actor;
  readonly plan: PlanStore;
  /** Sends a push to every board showing the repository. */
  push(push: Push): void;
  /** Adds a listener for pushes (the refs watcher runs while any listens); returns its remover. */
  subscribe(listener: (push: Push) => void): () => void;
  readonly builds: RunRegistry<Omit<RunningBuild, 'runId'>>;
  readonly seriesRuns: RunRegistry<Record<string, never>>;
  readonly caches: RepoCaches;
  /** The plan's sync through the clone's git remote, and its timer. */
  readonly sync: PlanSync;
  /** What recovery of the rename plan did on opening; null when it could not run (it never stops the open). */
  readonly recovery: RecoveryReport | null;
  dispose(): void;
}

/** The part of the services the rename engine and the plan writers need (tests give it a plan in memory). */
export type PlanAccess = Pick<RepoServices, 'repo' | 'actor' | 'plan'>;

export type Handler<C extends Channel> = (ctx: RepoServices, request: ParsedReq<C>) => Promise<Result<Res<C>>>;
export type Handlers<C extends Channel> = { [K in C]: Handler<K> };
