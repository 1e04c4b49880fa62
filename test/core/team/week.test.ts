import { afterEach, describe, expect, it } from 'vitest';
import type { RepoServices } from '../../../electron/core/context';
import { callRepo } from '../../../electron/core/host';
import { openRepoServices } from '../../../electron/core/host/services';
import { commitPlanEvents, updatePlanRef } from '../../../electron/core/plan/plan-ref';
import { writeEmptyTree } from '../../../electron/core/git/trees';
import { burndownOf } from '../../../electron/core/team/week';
import type { Actor, Subsystem } from '../../../shared/model';
import type { PlanChange, PlanEvent } from '../../../shared/plan/events';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, git } from '../../helpers/repo';
import { runCli } from '../cli/core-helpers';
import { callOk } from '../series/series-fixture';
import { makeSparseFork } from './fixture';

const made: string[] = [];
const open: RepoServices[] = [];
afterEach(() => {
  for (const ctx of open.splice(0)) ctx.dispose();
  cleanup(...made.splice(0));
});

const ADA: Actor = { name: 'Ada Organiser', email: 'ada@example.org' };
const KEIR: Actor = { name: 'Keir Fraser', email: 'keir@example.org' };
const DAY = 86_400_000;
/** Noon UTC of today: the burndown's days are whole UTC days, so its events are placed from noon. */
const NOON = Date.parse(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`);

let seq = 0;
const event = (when: string, change: PlanChange, by: Actor = ADA): PlanEvent => ({ ...change, id: `${when}-${String(seq++).padStart(6, '0')}`, at: when, by }) as PlanEvent;
const card = (id: string, files: string[]): Subsystem => ({ id, name: `xen/i386/${id}`, files, source: { kind: 'manual' }, owner: null, state: 'Backlog', blocked: null });

/** A sparse fork whose plan ref holds three days of a sprint, written as the store writes events, with their times. */
async function sprintWeek(anchor: number): Promise<RepoServices> {
  const daysAgo = (d: number, minutes = 0): string => new Date(anchor - d * DAY + minutes * 60_000).toISOString();
  const { repo, mmFiles, kernelFiles } = makeSparseFork();
  made.push(repo);
  const events = [
    event(daysAgo(2), { type: 'sprint.init', upstreamRef: 'upstream', forkRef: 'sprint', pairings: [{ fork: 'arch/xen/i386', upstream: 'arch/i386' }] }),
    event(daysAgo(2, 1), { type: 'person.put', person: { id: 'keir', name: 'Keir Fraser', email: KEIR.email, color: '#3366cc' } }),
    event(daysAgo(2, 2), { type: 'subsystems.replace', subsystems: [card('mm', mmFiles), card('kernel', kernelFiles)] }),
    event(daysAgo(2, 3), { type: 'card.assign', subsystemId: 'mm', owner: 'keir' }),
    event(daysAgo(1, -60), { type: 'card.state', subsystemId: 'mm', state: 'In progress' }, KEIR),
    event(daysAgo(0, -60), { type: 'card.state', subsystemId: 'mm', state: 'Done' }, KEIR),
    event(daysAgo(0, -50), { type: 'card.block', subsystemId: 'kernel', reason: 'waiting for the irq hooks review' }),
  ];
  const head = await commitPlanEvents(repo, events, '', await writeEmptyTree(repo));
  expect(await updatePlanRef(repo, head, '')).toBe('updated');
  const opened = await openRepoServices(repo, { actor: ADA, push: () => undefined, log: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  open.push(opened.value);
  return opened.value;
}

describe('the week at a glance', () => {
  it('draws the burndown from the plan ref and the inventory: each card of the sparse fork counts its changed lines until it is Done', async () => {
    const ctx = await sprintWeek(NOON);
    const numstat = (dir: string): number =>
      // Modified and fork-only files only: an upstream file the sparse fork does not copy is inherited.
      git(ctx.repo, ['diff', '--numstat', '--diff-filter=AM', 'upstream:arch/i386', `sprint:arch/xen/i386`, '--', dir])
        .split('\n')
        .filter(Boolean)
        .reduce((n, line) => n + Number(line.split('\t')[0]) + Number(line.split('\t')[1]), 0);
    const mm = numstat('mm');
    const kernel = numstat('kernel');
    expect(mm).toBeGreaterThan(0);
    const result = await burndownOf(ctx, NOON + 3 * 3_600_000);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.problem).toBeNull();
    expect(result.value.days.map((d) => d.day)).toEqual([2, 1, 0].map((d) => new Date(NOON - d * DAY).toISOString().slice(0, 10)));
    expect(result.value.days.map((d) => d.linesToLand)).toEqual([mm + kernel, mm + kernel, kernel]);
    expect(result.value.days.map((d) => [d.cards.Backlog, d.cards['In progress'], d.cards.Done, d.blocked])).toEqual([[2, 0, 0, 0], [1, 1, 0, 0], [1, 0, 1, 1]]);
  });

  it('merge-sprint report --since 1d says what moved, who landed what on the sprint branch, what is blocked', async () => {
    // Its events an hour ago, yesterday and the day before: "1d" takes in the last hour only.
    const ctx = await sprintWeek(Date.now() - 2 * 3_600_000);
    // A commit of ten minutes ago, dated as git dates it (the fixtures' clock is pinned in 2023).
    writeFileSync(path.join(ctx.repo, 'arch/xen/i386/mm/f0.c'), 'landed\n');
    git(ctx.repo, ['commit', '-qam', 'xen/mm: land the pte work'], { env: { GIT_AUTHOR_DATE: new Date(Date.now() - 600_000).toISOString(), GIT_COMMITTER_DATE: new Date(Date.now() - 600_000).toISOString() } });
    ctx.dispose();
    open.splice(0);
    const text = await runCli(['report', '--repo', ctx.repo, '--since', '1d']);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Keir Fraser moved xen/i386/mm from In progress to Done');
    expect(text.stdout).not.toContain('from Backlog to In progress');
    expect(text.stdout).toContain('Ada Fixture: 1 commit (xen/i386/mm)');
    expect(text.stdout).toContain('xen/i386/kernel: waiting for the irq hooks review');
    expect(text.stdout).toContain("What waits for pick-up:\n  not known: no fork's live ref is set");
    const json = await runCli(['report', '--repo', ctx.repo, '--since', '3d', '--json']);
    const report = JSON.parse(json.stdout) as { moved: { to: string }[]; landed: { author: string; commits: number }[] };
    expect(report.moved.map((m) => m.to)).toEqual(['In progress', 'Done']);
    expect(report.landed).toEqual([{ author: 'Ada Fixture', commits: 1, cards: ['xen/i386/mm'] }]);
  });

  it('refuses a --since it cannot read, with exit code 2 and what to write', async () => {
    const ctx = await sprintWeek(NOON);
    const res = await callRepo(ctx, 'team.report', { since: 'last week' });
    expect(res.ok ? null : res.error).toMatchObject({ code: 'bad-input', message: expect.stringMatching(/not a span or a date: write a span such as "1d"/) });
    const cli = await runCli(['report', '--repo', ctx.repo, '--since', '5x']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/^merge-sprint: --since "5x" is not a span or a date/);
    expect((await callOk(ctx, 'team.burndown', {})).days.length).toBeGreaterThanOrEqual(3);
  });
});
