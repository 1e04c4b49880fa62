/**
 * A stand-in for the main process in store tests: it keeps a plan, applies `plan.change` with
 * the shared engine, records events, can be told to refuse, and can hold answers back so a
 * test decides when (and in which order) answers and pushes arrive. Other channels answer what
 * the test tells them to, and every request is counted.
 */
import type { Channel, PlanSnapshot, Push, Req, Res } from '../../shared/api';
import { emptyPlan, type Plan } from '../../shared/model';
import { applyChange } from '../../shared/plan/apply';
import type { PlanChange, PlanEvent } from '../../shared/plan/events';
import { fail, ok, type Result } from '../../shared/result';
import type { ConnectionState, RendererClient } from '../../renderer/src/api/client';

export class FakeServer {
  plan: Plan;
  activity: PlanEvent[] = [];
  received: PlanChange[] = [];
  refuseNext: string | null = null;
  /** Hold requests: the server neither commits nor answers until `release()`. */
  holdAnswers = false;
  /** Commit (and push) at once, but deliver the answer only at `release()`. */
  delayDelivery = false;
  /** Pushes of this board's own changes are lost (its socket is down): only the answer tells of them. */
  losePushes = false;
  /** Every request, by channel, in the order it came. */
  calls: Channel[] = [];
  /** Channels whose answers (made when asked) wait for `deliver`. */
  holding = new Set<Channel>();
  private held: (() => void)[] = [];
  private waiting: { channel: Channel; send: () => void }[] = [];
  private replies = new Map<Channel, (request: unknown) => Result<unknown>>();
  private listeners = new Set<(p: Push) => void>();
  private clock = Date.parse('2025-01-01T10:00:00Z');
  private pushedHead: string;
  private pushedEvents = 0;

  constructor(plan: Plan = emptyPlan()) {
    this.plan = plan;
    this.pushedHead = plan.head;
  }

  snapshot(): PlanSnapshot {
    return { plan: this.plan, activity: [...this.activity] };
  }

  /** A change made elsewhere (the CLI, another window): applied and pushed (or, `lost`, pushed while this board's socket was down). */
  changeElsewhere(change: PlanChange, by = 'Grace', opts: { lost?: boolean } = {}): void {
    this.commit(change, by);
    this.push(opts);
  }

  /** The events since the last push, from the head that push went to, as the main process pushes them. */
  push(opts: { lost?: boolean } = {}): void {
    const events = this.activity.slice(0, this.activity.length - this.pushedEvents).reverse();
    const push: Push = { type: 'plan.events', from: this.pushedHead, to: this.plan.head, events: structuredClone(events) };
    this.pushedHead = this.plan.head;
    this.pushedEvents = this.activity.length;
    if (!opts.lost) this.send(push);
  }

  /** Any push, as the main process sends it (`repo.changed` after a commit outside the app). */
  send(push: Push): void {
    for (const l of this.listeners) l(push);
  }

  /** How `channel` answers from now on. */
  answer<C extends Channel>(channel: C, reply: (request: Req<C>) => Result<Res<C>>): void {
    this.replies.set(channel, reply as (request: unknown) => Result<unknown>);
  }

  count(channel: Channel): number {
    return this.calls.filter((c) => c === channel).length;
  }

  /** Sends the held answers of `channel` (all, or the first `howMany`), the oldest first or the newest. */
  deliver(channel: Channel, order: 'newest-first' | 'oldest-first' = 'oldest-first', howMany = Infinity): void {
    const mine = this.waiting.filter((w) => w.channel === channel);
    const sent = (order === 'newest-first' ? mine.reverse() : mine).slice(0, howMany);
    this.waiting = this.waiting.filter((w) => !sent.includes(w));
    for (const w of sent) w.send();
  }

  release(): void {
    const held = this.held;
    this.held = [];
    for (const answer of held) answer();
  }

  private commit(change: PlanChange, by: string): Result<PlanSnapshot> {
    const next = applyChange(this.plan, change);
    if (!next.ok) return next;
    this.clock += 1000;
    const at = new Date(this.clock).toISOString();
    this.plan = { ...next.value, head: `commit-${this.activity.length + 1}` };
    this.activity.unshift({ ...change, id: `${at}-x`, at, by: { name: by, email: '' } } as PlanEvent);
    return ok(structuredClone(this.snapshot()));
  }

  client(): RendererClient {
    const handle = (channel: Channel, request: unknown): Result<unknown> => {
      const reply = this.replies.get(channel);
      if (reply) return structuredClone(reply(request));
      if (channel === 'plan.get') return ok(structuredClone(this.snapshot()));
      if (channel === 'plan.change') {
        const { change } = request as Req<'plan.change'>;
        this.received.push(change);
        if (this.refuseNext) {
          const message = this.refuseNext;
          this.refuseNext = null;
          return fail('refused', message);
        }
        const from = this.plan.head;
        const res = this.commit(change, 'Ada');
        if (!res.ok) return res;
        this.push({ lost: this.losePushes });
        return ok({ type: 'plan.events', from, to: this.plan.head, events: structuredClone(this.activity.slice(0, 1)) });
      }
      return fail('not-found', `The fake server does not answer ${channel}.`);
    };
    return {
      call: <C extends Channel>(channel: C, request: Req<C>) =>
        new Promise<Result<Res<C>>>((resolve) => {
          this.calls.push(channel);
          if (this.holding.has(channel)) {
            const result = handle(channel, request) as Result<Res<C>>;
            this.waiting.push({ channel, send: () => resolve(result) });
            return;
          }
          if (this.delayDelivery) {
            const result = handle(channel, request) as Result<Res<C>>;
            this.held.push(() => resolve(result));
            return;
          }
          const answer = () => resolve(handle(channel, request) as Result<Res<C>>);
          if (this.holdAnswers) this.held.push(answer);
          else queueMicrotask(answer);
        }),
      subscribe: (l) => {
        this.listeners.add(l);
        return () => this.listeners.delete(l);
      },
      onConnection: (l: (s: ConnectionState) => void) => {
        l('open');
        return () => {};
      },
    };
  }
}

/** A plan with two people and three unassigned subsystems in Backlog. */
export function boardPlan(): Plan {
  const plan = emptyPlan();
  plan.sprint = { upstreamRef: 'v2.6.12', forkRef: 'xen', pairings: [{ fork: 'arch/xen/i386', upstream: 'arch/i386' }] };
  plan.people = {
    ada: { id: 'ada', name: 'Ada', email: 'ada@example.org', color: '#1f77b4' },
    bob: { id: 'bob', name: 'Bob', email: 'bob@example.org', color: '#ff7f0e' },
  };
  plan.personOrder = ['ada', 'bob'];
  for (const [id, files] of [
    ['net', ['drivers/xen/net/netfront.c', 'drivers/xen/net/netback.c']],
    ['blk', ['drivers/xen/blk/blkfront.c']],
    ['core', ['arch/xen/kernel/evtchn.c']],
  ] as const) {
    plan.subsystems[id] = { id, name: id, files: [...files], source: { kind: 'manual' }, owner: null, state: 'Backlog', blocked: null };
    plan.subsystemOrder.push(id);
  }
  return plan;
}
