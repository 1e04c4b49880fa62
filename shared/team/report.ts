/**
 * The standup report (`merge-sprint report --since 1d`): what moved on the board, who landed
 * what on the sprint branch, what is blocked, which Done cards git does not confirm, and each
 * person's load. Built from the plan's event log and what the core read from git.
 */
import { emptyPlan, type CardState, type Plan } from '../model';
import type { PlanEvent } from '../plan/events';
import { foldOnto } from '../plan/fold';
import { waitingPerCard } from '../pickup/lands';
import type { PickupCommit } from '../pickup/model';
import type { LinesOf } from './lines';
import { personLoads } from './load';
import { describeVerdict, type TeamStatus } from './status';

/** A commit on the sprint branch, with the files it changed. */
export interface LandedCommit {
  commit: string;
  author: string;
  date: string;
  subject: string;
  files: string[];
}

export interface StandupReport {
  since: string;
  until: string;
  moved: { card: string; from: CardState | null; to: CardState; by: string; at: string }[];
  landed: { author: string; commits: number; cards: string[] }[];
  blocked: { card: string; owner: string | null; reason: string }[];
  notVerified: { card: string; why: string }[];
  people: { name: string; lines: number; inProgress: number; limit: number | null; over: boolean }[];
  pickUp: WaitingForPickUp;
}

/** What waits for pick-up on the fork's live ref, from the pick-up list; or why it is not known (`note`). */
export interface WaitingForPickUp {
  /** The fork's live ref, or null when none is set. */
  ref: string | null;
  /** Commits waiting (those whose change is there already not counted), and of them those in conflict. */
  waiting: number;
  conflicts: number;
  /** Cards whose files waiting commits touch, with how many. */
  cards: { card: string; commits: number }[];
  note: string | null;
}

export interface ReportInput {
  /** The whole log in fold order. */
  events: readonly PlanEvent[];
  plan: Plan;
  since: Date;
  now: Date;
  /** Commits on the sprint branch since `since`, newest first. */
  landed: readonly LandedCommit[];
  status: TeamStatus | null;
  linesOf: LinesOf;
  /** The pick-up list's ref and commits, or why it is not known. */
  pickUp: { ref: string; commits: readonly PickupCommit[] } | { note: string };
}

function waitingForPickUp(input: ReportInput): WaitingForPickUp {
  if ('note' in input.pickUp) return { ref: input.plan.pickup.ref, waiting: 0, conflicts: 0, cards: [], note: input.pickUp.note };
  const waiting = input.pickUp.commits.filter((c) => c.status !== 'already-there');
  const cards = input.plan.subsystemOrder.map((id) => input.plan.subsystems[id]).filter((s) => s !== undefined);
  const perCard = waitingPerCard(waiting, cards);
  return {
    ref: input.pickUp.ref,
    waiting: waiting.length,
    conflicts: waiting.filter((c) => c.status === 'conflict').length,
    cards: cards.flatMap((c) => (perCard[c.id] ? [{ card: c.name, commits: perCard[c.id] ?? 0 }] : [])),
    note: null,
  };
}

function movedCards(input: ReportInput): StandupReport['moved'] {
  const since = input.since.getTime();
  const moved: StandupReport['moved'] = [];
  let plan = foldOnto(emptyPlan(), input.events.filter((e) => Date.parse(e.at) < since)).plan;
  for (const e of input.events) {
    if (Date.parse(e.at) < since) continue;
    if (e.type === 'card.state') {
      const card = plan.subsystems[e.subsystemId];
      const from = card?.state ?? null;
      if (from !== e.state) moved.push({ card: input.plan.subsystems[e.subsystemId]?.name ?? card?.name ?? e.subsystemId, from, to: e.state, by: e.by.name, at: e.at });
    }
    plan = foldOnto(plan, [e]).plan;
  }
  return moved;
}

function landedBy(input: ReportInput): StandupReport['landed'] {
  const cardOf = new Map<string, string>();
  for (const sub of Object.values(input.plan.subsystems)) for (const f of sub.files) cardOf.set(f, sub.name);
  const byAuthor = new Map<string, { commits: number; cards: Set<string> }>();
  for (const c of input.landed) {
    const entry = byAuthor.get(c.author) ?? { commits: 0, cards: new Set<string>() };
    entry.commits += 1;
    for (const f of c.files) {
      const card = cardOf.get(f);
      if (card !== undefined) entry.cards.add(card);
    }
    byAuthor.set(c.author, entry);
  }
  return [...byAuthor.entries()].map(([author, e]) => ({ author, commits: e.commits, cards: [...e.cards].sort() }));
}

export function standupReport(input: ReportInput): StandupReport {
  const { plan } = input;
  const blocked = plan.subsystemOrder.flatMap((id) => {
    const s = plan.subsystems[id];
    return s && s.blocked !== null ? [{ card: s.name, owner: s.owner === null ? null : (plan.people[s.owner]?.name ?? s.owner), reason: s.blocked }] : [];
  });
  const notVerified = plan.subsystemOrder.flatMap((id) => {
    const verdict = input.status?.verdicts[id];
    const words = verdict ? describeVerdict(verdict) : null;
    return verdict && verdict.verified === false && words ? [{ card: plan.subsystems[id]?.name ?? id, why: words }] : [];
  });
  const people = personLoads(plan, input.linesOf).map((l) => ({ name: plan.people[l.personId]?.name ?? l.personId, lines: l.lines, inProgress: l.inProgress, limit: l.limit, over: l.over }));
  return {
    since: input.since.toISOString(),
    until: input.now.toISOString(),
    moved: movedCards(input),
    landed: landedBy(input),
    blocked,
    notVerified,
    people,
    pickUp: waitingForPickUp(input),
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function pickUpLines(p: WaitingForPickUp): string[] {
  if (p.note !== null) return [`  not known: ${p.note}`];
  if (p.waiting === 0) return [`  nothing: every commit of ${p.ref ?? 'the fork'} is on the sprint branch`];
  const conflicts = p.conflicts > 0 ? ` (${p.conflicts} in conflict)` : '';
  return [`  ${plural(p.waiting, 'fork commit')} of ${p.ref ?? 'the fork'}${conflicts}`, ...p.cards.map((c) => `  ${c.card}: ${plural(c.commits, 'commit')}`)];
}

/** The report as the command line prints it. */
export function reportLines(r: StandupReport): string[] {
  const out = [`Since ${r.since.slice(0, 16).replace('T', ' ')} UTC`, '', 'What moved:'];
  out.push(...(r.moved.length ? r.moved.map((m) => `  ${m.by} moved ${m.card} ${m.from ? `from ${m.from} ` : ''}to ${m.to}`) : ['  nothing']));
  out.push('', 'Who landed what on the sprint branch:');
  out.push(...(r.landed.length ? r.landed.map((l) => `  ${l.author}: ${plural(l.commits, 'commit')}${l.cards.length ? ` (${l.cards.join(', ')})` : ''}`) : ['  nothing']));
  out.push('', 'Blocked:');
  out.push(...(r.blocked.length ? r.blocked.map((b) => `  ${b.card}${b.owner ? ` (${b.owner})` : ''}: ${b.reason}`) : ['  nothing']));
  if (r.notVerified.length) out.push('', 'Done, not confirmed by git:', ...r.notVerified.map((n) => `  ${n.card}: ${n.why}`));
  out.push('', 'Load:');
  out.push(
    ...(r.people.length
      ? r.people.map((p) => `  ${p.name}: ${p.lines} changed lines to land, ${p.inProgress} in progress${p.limit === null ? '' : ` (limit ${p.limit}${p.over ? ', over it' : ''})`}`)
      : ['  nobody on the board']),
  );
  out.push('', 'What waits for pick-up:');
  out.push(...pickUpLines(r.pickUp));
  return out;
}
