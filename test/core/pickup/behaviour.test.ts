/**
 * The pick-up against the team's own work and the fork's history: three-way merges that keep
 * both sides, conflicts that stop before anything is written, picking up twice, changes the
 * branch has already, merges in the fork, one card's commits.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { applyPickup } from '../../../electron/core/pickup/apply';
import { pickupList, setPickupFrom } from '../../../electron/core/pickup/list';
import { emptyPlan } from '../../../shared/model';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { lines } from '../rename/fixture';
import { renameContext } from '../rename/memory-plan';
import { DST, FORK, SRC, forkCommit, show, sprintAt, sprintCommit } from './fixture';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));
const head = (repo: string): string => git(repo, ['rev-parse', 'HEAD']).trim();
const EVT = lines(30, 'evtchn');

test("the team's edit and the fork's edit of the same moved file both survive", async () => {
  const { repo, ctx } = await sprintAt('moved', repos);
  sprintCommit(repo, { [`${DST}/evtchn.c`]: EVT.replace('evtchn 25\n', 'evtchn 25 team\n') });
  forkCommit(repo, { [`${SRC}/evtchn.c`]: EVT.replace('evtchn 2\n', 'evtchn 2 fork\n') });
  const done = await applyPickup(ctx, {});
  expect(done.ok).toBe(true);
  const text = show(repo, 'HEAD', `${DST}/evtchn.c`);
  expect(text).toContain('evtchn 25 team\n');
  expect(text).toContain('evtchn 2 fork\n');
});

test('a conflict stops the pick-up at its commit, showing the file and hunks; the commits before it are picked up', async () => {
  const { repo, ctx } = await sprintAt('moved', repos);
  sprintCommit(repo, { [`${DST}/evtchn.c`]: EVT.replace('evtchn 7\n', 'evtchn 7 team\n') });
  const clean = forkCommit(repo, { 'README': 'fork readme\n' });
  const clash = forkCommit(repo, { [`${SRC}/evtchn.c`]: EVT.replace('evtchn 7\n', 'evtchn 7 fork\n') });
  const after = forkCommit(repo, { 'kernel/sched.c': 'later\n' });
  const list = await pickupList(ctx);
  if (!list.ok) throw new Error(list.error.message);
  expect(list.value.commits.map((c) => c.status)).toEqual(['clean', 'conflict', 'clean']);
  const conflict = list.value.commits[1]?.conflicts[0];
  expect(conflict).toMatchObject({ path: `${SRC}/evtchn.c`, lands: `${DST}/evtchn.c`, reason: 'content' });
  expect(conflict?.hunks[0]).toMatchObject({ source: ['evtchn 7 team'], base: ['evtchn 7'], destination: ['evtchn 7 fork'] });
  const before = head(repo);
  const done = await applyPickup(ctx, {});
  if (!done.ok) throw new Error(done.error.message);
  expect(done.value.picked.map((p) => p.from)).toEqual([clean]);
  expect(done.value.stoppedAt?.commit).toBe(clash);
  expect(git(repo, ['rev-parse', 'HEAD~1']).trim()).toBe(before);
  expect(show(repo, 'HEAD', `${DST}/evtchn.c`)).toContain('evtchn 7 team\n');
  // Resolved on the sprint branch (the team takes the fork's line), the rest follows.
  sprintCommit(repo, { [`${DST}/evtchn.c`]: EVT.replace('evtchn 7\n', 'evtchn 7 fork\n') });
  const rest = await applyPickup(ctx, {});
  if (!rest.ok) throw new Error(rest.error.message);
  expect(rest.value.picked).toEqual([{ from: clash, commit: null }, { from: after, commit: head(repo) }]);
});

test('picking up twice applies nothing twice, by the plan and, with the plan lost, by the trailers', async () => {
  const { repo, ctx } = await sprintAt('copied', repos);
  forkCommit(repo, { [`${SRC}/evtchn.c`]: 'once\n' });
  expect((await applyPickup(ctx, {})).ok).toBe(true);
  const once = head(repo);
  const again = await applyPickup(ctx, {});
  expect(again.ok && again.value.picked).toEqual([]);
  expect(head(repo)).toBe(once);
  const fresh = renameContext(repo, { ...emptyPlan(), renames: (await ctx.plan.snapshot()).plan.renames, renameOrder: (await ctx.plan.snapshot()).plan.renameOrder });
  const list = await pickupList(fresh, FORK);
  expect(list.ok && list.value.commits).toEqual([]);
});

test('a change the sprint branch already has is marked already there and picked up without a commit', async () => {
  const { repo, ctx } = await sprintAt('planned', repos);
  sprintCommit(repo, { 'kernel/sched.c': 'team\n' });
  const fork = forkCommit(repo, { 'README': 'same fix\n' });
  git(repo, ['cherry-pick', fork]);
  const list = await pickupList(ctx);
  expect(list.ok && list.value.commits.map((c) => c.status)).toEqual(['already-there']);
  const before = head(repo);
  const done = await applyPickup(ctx, {});
  expect(done.ok && done.value.picked).toEqual([{ from: fork, commit: null }]);
  expect(head(repo)).toBe(before);
  expect((await ctx.plan.snapshot()).plan.pickup.picked).toEqual({ [fork]: null });
});

test("a merge in the fork's history is picked up once, as its first-parent change, and the list says so", async () => {
  const { repo, ctx } = await sprintAt('moved', repos);
  forkCommit(repo, { 'README': 'fork line\n' });
  makeCommit(repo, { branch: 'topic', from: `${FORK}~1`, files: { [`${SRC}/topic.c`]: 'topic\n' } });
  git(repo, ['checkout', '-q', FORK]);
  git(repo, ['merge', '-q', '--no-ff', '-m', 'Merge topic', 'topic']);
  git(repo, ['checkout', '-q', 'main']);
  const list = await pickupList(ctx);
  if (!list.ok) throw new Error(list.error.message);
  expect(list.value.commits.map((c) => [c.subject, c.merge])).toEqual([[expect.any(String), false], ['Merge topic', true]]);
  expect(list.value.warnings.join(' ')).toMatch(/first parent/);
  expect((await applyPickup(ctx, {})).ok).toBe(true);
  expect(show(repo, 'HEAD', `${DST}/topic.c`)).toBe('topic\n');
});

test("one card's commits are picked up alone when they touch only its files", async () => {
  const { repo, ctx } = await sprintAt('moved', repos);
  const card = (id: string, name: string, files: string[]) => ({ id, name, files, source: { kind: 'manual' as const }, owner: null, state: 'Backlog' as const, blocked: null });
  await ctx.plan.record({ type: 'subsystems.replace', subsystems: [card('core', 'xen core', [`${DST}/evtchn.c`, `${DST}/run.sh`]), card('kernel', 'kernel', ['kernel/sched.c'])] }, ctx.actor);
  const own = forkCommit(repo, { [`${SRC}/evtchn.c`]: 'core only\n' });
  const shared = forkCommit(repo, { [`${SRC}/run.sh`]: 'both\n', 'kernel/sched.c': 'both\n' });
  const done = await applyPickup(ctx, { card: 'xen core' });
  if (!done.ok) throw new Error(done.error.message);
  expect(done.value.picked.map((p) => p.from)).toEqual([own]);
  expect(done.value.skipped.map((s) => s.commit)).toEqual([shared]);
  expect((await applyPickup(ctx, { card: 'no such card' })).ok).toBe(false);
});

test('bad input: unknown and option-like refs, no shared history, a rewritten ref, dirty files, a merge in progress, drifting copies', async () => {
  const { repo, ctx } = await sprintAt('copied', repos);
  const refused = async (req: Parameters<typeof applyPickup>[1], pattern: RegExp) => {
    const before = head(repo);
    const r = await applyPickup(ctx, req);
    expect(r.ok ? 'applied' : r.error.message).toMatch(pattern);
    expect(head(repo)).toBe(before);
  };
  await refused({ from: 'no-such-branch' }, /not a branch, tag or commit/);
  await refused({ from: '--all' }, /starts with "-"/);
  expect((await setPickupFrom(ctx, '-x')).ok).toBe(false);
  git(repo, ['checkout', '-q', '--orphan', 'elsewhere']);
  git(repo, ['commit', '-q', '-m', 'unrelated']);
  git(repo, ['checkout', '-q', '-f', 'main']);
  await refused({ from: 'elsewhere' }, /shares no history/);

  forkCommit(repo, { [`${SRC}/evtchn.c`]: 'fork\n' });
  writeFileSync(path.join(repo, DST, 'evtchn.c'), 'uncommitted\n');
  await refused({}, /Uncommitted work .*evtchn\.c/);
  git(repo, ['checkout', '--', `${DST}/evtchn.c`]);

  writeFileSync(path.join(repo, '.git', 'MERGE_HEAD'), `${head(repo)}\n`);
  await refused({}, /middle of a merge/);
  git(repo, ['merge', '--abort']);

  sprintCommit(repo, { [`${DST}/with space.c`]: 'only in the copy\n' });
  await refused({}, /drift apart.*sync them first/);
  sprintCommit(repo, { [`${DST}/with space.c`]: lines(20, 'space') });

  // The fork ref rewritten below the fork base it was set with: listed with a warning, never picked up.
  makeCommit(repo, { branch: 'main', files: { 'later.c': 'later\n' } });
  expect((await setPickupFrom(ctx, 'main')).ok).toBe(true);
  git(repo, ['branch', '-f', 'rewritten', 'main~1']);
  const list = await pickupList(ctx, 'rewritten');
  expect(list.ok).toBe(true);
  git(repo, ['branch', '-f', 'main-line', 'main']);
  await ctx.plan.record({ type: 'pickup.from', ref: 'rewritten', base: head(repo) }, ctx.actor);
  makeCommit(repo, { branch: 'rewritten', files: { 'other.c': 'x\n' } });
  git(repo, ['checkout', '-q', 'main']);
  const warned = await pickupList(ctx);
  expect(warned.ok && warned.value.warnings.join(' ')).toMatch(/not a descendant of the fork base/);
  await refused({}, /not a descendant of the fork base/);
});
