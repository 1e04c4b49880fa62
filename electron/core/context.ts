/**
 * What every API handler gets: the open repository, who is calling and who is acting, the plan
 * store, and a way to push to every open board. The same handlers serve Electron IPC, the room
 * server and the CLI.
 */
import type { Client } from '../../shared/access';
import type { Channel, ParsedReq, PlanEventsPush, PlanSnapshot, Push, Res } from '../../shared/api';
import type { Actor } from '../../shared/model';
import type { ClientCommand, PlanChange } from '../../shared/plan/events';
import type { Result } from '../../shared/result';

export interface PlanStore {
  readonly repo: string;
  /** The folded plan and the recent activity, read from the plan ref. */
  snapshot(): Promise<PlanSnapshot>;
  /**
   * A client's command (`plan.change`): refused unless it is a client command whose paths pass
   * the path rules (shared/plan/schema.ts), then checked against the current plan and appended
   * as an event; returns the new state.
   */
  change(command: ClientCommand, actor: Actor): Promise<Result<PlanSnapshot>>;
  /** Several commands as one step (all or none). */
  changeAll(commands: ClientCommand[], actor: Actor): Promise<Result<PlanSnapshot>>;
  /**
   * The services' own write path: any change the plan knows, engine events included (rename
   * phases, build checks and results, series proposals and versions), checked against the plan.
   */
  record(change: PlanChange, actor: Actor): Promise<Result<PlanSnapshot>>;
  /** Several changes as one step (all or none). */
  recordAll(changes: PlanChange[], actor: Actor): Promise<Result<PlanSnapshot>>;
  /** Called after any change to the plan ref, by this process or another (a CLI, a fetch), with the events since the last call. */
  onChange(listener: (snapshot: PlanSnapshot, news: PlanEventsPush) => void): () => void;
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
