/**
 * A board of the size the speed targets name, through a real room server: an upstream of
 * 1,000 folders, a fork that changes one file in each, four people and 1,000 cards spread over
 * people and states, seeded over the room's HTTP API as a browser in the room would.
 */
import { spawnSync } from 'node:child_process';
import type { Actor, Subsystem } from '../../shared/model';
import type { PlanChange } from '../../shared/plan/events';
import { makeCommit, makeRepo } from './repo';

export const CARDS = 1_000;
const FILES_PER_CARD = 3;
export const PEOPLE = ['Ada', 'Grace', 'Linus', 'Keir'];

const folder = (i: number) => `drivers/gen/d${String(i).padStart(4, '0')}`;

/** An upstream with 1,000 three-file (or `filesPerCard`-file) folders, and a fork that changes one file in each. */
export function makeBoardRepo(dir: string, filesPerCard = FILES_PER_CARD): string {
  const repo = makeRepo(dir);
  const upstream: Record<string, string> = {};
  for (let i = 0; i < CARDS; i++)
    for (let f = 0; f < filesPerCard; f++) upstream[`${folder(i)}/f${f}.c`] = `int f${i}_${f}(void)\n{\n\treturn ${i + f};\n}\n`;
  makeCommit(repo, { files: upstream, message: 'upstream' });
  spawnSync('git', ['-C', repo, 'branch', 'upstream'], { stdio: 'ignore' });
  const fork: Record<string, string> = {};
  for (let i = 0; i < CARDS; i++) fork[`${folder(i)}/f0.c`] = `int f${i}_0(void)\n{\n\treturn hypercall(${i});\n}\n`;
  makeCommit(repo, { files: fork, message: 'fork', branch: 'fork' });
  return repo;
}

/** Who seeds the plan and drags the cards: the room signs nothing with the server's git user. */
export const BENCH_ACTOR: Actor = { name: 'Ada', email: 'ada@example.org' };

/** The headers of a client that has the room's token and said who it is (its session cookie). */
export async function joinRoom(url: string): Promise<Record<string, string>> {
  const token = new URL(url).searchParams.get('token') ?? '';
  const res = await fetch(new URL('/api/session', url), { method: 'POST', headers: { 'x-merge-sprint-token': token }, body: JSON.stringify({ actor: BENCH_ACTOR }) });
  if (!res.ok) throw new Error(`Joining the room failed with HTTP ${res.status}.`);
  return { 'x-merge-sprint-token': token, cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

export async function post(base: string, channel: string, body: unknown, joined: Record<string, string>): Promise<unknown> {
  const res = await fetch(new URL(`/api/${channel}`, base), { method: 'POST', headers: { 'content-type': 'application/json', ...joined }, body: JSON.stringify(body) });
  const result = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? 'failed'}`);
  return result.value;
}

/** Four people and 1,000 cards: a quarter unassigned, the rest spread over people and states; a rename rule over them. */
export async function seedPlan(base: string, filesPerCard = FILES_PER_CARD): Promise<string> {
  const joined = await joinRoom(base);
  const ids = PEOPLE.map((name) => `person-${name.toLowerCase()}`);
  for (const [i, name] of PEOPLE.entries()) {
    const change: PlanChange = { type: 'person.put', person: { id: ids[i] as string, name, email: `${name.toLowerCase()}@example.org`, color: ['#1f6feb', '#b0361e', '#1a7f37', '#8250df'][i] as string } };
    await post(base, 'plan.change', { change }, joined);
  }
  const states = ['Backlog', 'In progress', 'Review', 'Done'] as const;
  const subsystems: Subsystem[] = Array.from({ length: CARDS }, (_, i) => ({
    id: `card-${i}`,
    name: folder(i),
    files: Array.from({ length: filesPerCard }, (_, f) => `${folder(i)}/f${f}.c`),
    source: { kind: 'folder', folder: folder(i) },
    owner: i % 4 === 0 ? null : (ids[i % PEOPLE.length] ?? null),
    state: states[i % states.length] as Subsystem['state'],
    blocked: i % 50 === 7 ? 'Waiting for the upstream review' : null,
  }));
  await post(base, 'plan.change', { change: { type: 'subsystems.replace', subsystems } }, joined);
  // A rename rule over every card's folder: a badge on each of the 1,000 cards.
  await post(base, 'rename.add', { from: 'drivers/gen', to: 'drivers/generated' }, joined);
  return ((await post(base, 'app.info', {}, joined)) as { repoPath: string }).repoPath;
}

