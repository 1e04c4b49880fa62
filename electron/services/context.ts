/**
 * What every API handler gets: the open repository, who is calling and who is acting, the plan
 * store, and a way to push to every open board. The same handlers serve Electron IPC, the room
 * server and the CLI.
 */
import type { Client } from '../../shared/access';
import type { Channel, ParsedReq, PlanSnapshot, Push, Res } from '../../shared/api';
import type { Actor } from '../../shared/model';
import type { PlanChange } from '../../shared/plan/events';
import type { Result } from '../../shared/result';

export interface PlanStore {
  readonly repo: string;
  /** The folded plan and the recent activity, read from the plan ref. */
  snapshot(): Promise<PlanSnapshot>;
  /** Validates the change against the current plan, appends it as an event, returns the new state. */
  change(change: PlanChange, actor: Actor): Promise<Result<PlanSnapshot>>;
  /** Appends several changes as one step (all or none). */
  changeAll(changes: PlanChange[], actor: Actor): Promise<Result<PlanSnapshot>>;
  /** Called after any change to the plan ref, by this process or another (a CLI, a fetch). */
  onChange(listener: (snapshot: PlanSnapshot) => void): () => void;
  close(): void;
}

export interface SprintContext {
  repo: string;
  /**
   * The owner (window, command line) or a browser in the room; the dispatcher checks every
   * call against it (shared/access.ts) and makes a room client's chosen actor `actor`.
   */
  client: Client;
  actor: Actor;
  plan: PlanStore;
  push(push: Push): void;
}

export type Handler<C extends Channel> = (ctx: SprintContext, request: ParsedReq<C>) => Promise<Result<Res<C>>>;
export type Handlers<C extends Channel> = { [K in C]: Handler<K> };
