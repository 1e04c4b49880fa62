/**
 * Each rule phase against each kind of change the fork makes: what lands where is checked
 * against the fork commit's own blobs and modes, read with git.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { applyPickup } from '../../../electron/core/pickup/apply';
import { pickupList } from '../../../electron/core/pickup/list';
import { cleanup, git } from '../../helpers/repo';
import { lines } from '../rename/fixture';
import { DST, SRC, entry, forkCommit, show, sprintAt, type Phase } from './fixture';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

/** Where a path under SRC lives on the sprint branch in each phase. */
const homes = (phase: Phase, rel: string): string[] =>
  phase === 'planned' ? [`${SRC}/${rel}`] : phase === 'copied' ? [`${SRC}/${rel}`, `${DST}/${rel}`] : [`${DST}/${rel}`];
const notHomes = (phase: Phase, rel: string): string[] => (phase === 'moved' ? [`${SRC}/${rel}`] : phase === 'planned' ? [`${DST}/${rel}`] : []);

async function pickAll(ctx: Parameters<typeof applyPickup>[0]) {
  const done = await applyPickup(ctx, {});
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

describe.each<Phase>(['planned', 'copied', 'moved'])('a %s rule', (phase) => {
  test('a modified file lands where it lives now, with the fork commit author, date, message and trailer', async () => {
    const { repo, ctx } = await sprintAt(phase, repos);
    const fork = forkCommit(repo, { [`${SRC}/evtchn.c`]: lines(30, 'evtchn').replace('evtchn 3\n', 'evtchn 3 fixed\n') }, 'evtchn: fix a race');
    const list = await pickupList(ctx);
    expect(list.ok && list.value.commits.map((c) => [c.commit, c.status])).toEqual([[fork, 'clean']]);
    if (list.ok) expect(list.value.commits[0]?.files).toEqual([{ path: `${SRC}/evtchn.c`, lands: homes(phase, 'evtchn.c') }]);
    const done = await pickAll(ctx);
    expect(done.picked).toEqual([{ from: fork, commit: git(repo, ['rev-parse', 'HEAD']).trim() }]);
    for (const p of homes(phase, 'evtchn.c')) expect(show(repo, 'HEAD', p)).toBe(show(repo, fork, `${SRC}/evtchn.c`));
    const fmt = (rev: string) => git(repo, ['log', '-1', '--format=%an <%ae> %ad', '--date=raw', rev]);
    expect(fmt('HEAD')).toBe(fmt(fork));
    expect(git(repo, ['log', '-1', '--format=%B', 'HEAD'])).toBe(`evtchn: fix a race\n\n(picked up from commit ${fork})\n\n`);
    // The work tree and the index follow the branch.
    expect(git(repo, ['status', '--porcelain'])).toBe('');
  });

  test('an added file lands inside the folder as it is named now', async () => {
    const { repo, ctx } = await sprintAt(phase, repos);
    const fork = forkCommit(repo, { [`${SRC}/new dir/grant table.c`]: 'grant\n' });
    await pickAll(ctx);
    for (const p of homes(phase, 'new dir/grant table.c')) expect(entry(repo, 'HEAD', p)).toBe(entry(repo, fork, `${SRC}/new dir/grant table.c`));
    for (const p of notHomes(phase, 'new dir/grant table.c')) expect(entry(repo, 'HEAD', p)).toBe('');
  });

  test('a deleted file is deleted where it lives now', async () => {
    const { repo, ctx } = await sprintAt(phase, repos);
    forkCommit(repo, { [`${SRC}/with space.c`]: null });
    await pickAll(ctx);
    for (const p of [...homes(phase, 'with space.c'), ...notHomes(phase, 'with space.c')]) expect(entry(repo, 'HEAD', p)).toBe('');
    expect(entry(repo, 'HEAD', homes(phase, 'evtchn.c')[0] as string)).not.toBe('');
  });

  test('a rename inside the fork moves the file where it lives now', async () => {
    const { repo, ctx } = await sprintAt(phase, repos);
    const fork = forkCommit(repo, { [`${SRC}/ünïcödé.c`]: null, [`${SRC}/renamed "ü".c`]: lines(20, 'unicode') });
    await pickAll(ctx);
    for (const p of homes(phase, 'ünïcödé.c')) expect(entry(repo, 'HEAD', p)).toBe('');
    for (const p of homes(phase, 'renamed "ü".c')) expect(entry(repo, 'HEAD', p)).toBe(entry(repo, fork, `${SRC}/renamed "ü".c`));
  });

  test('a mode change lands with its mode, and a symlink and a binary file with theirs', async () => {
    const { repo, ctx } = await sprintAt(phase, repos);
    const fork = forkCommit(repo, {
      [`${SRC}/evtchn.c`]: { content: lines(30, 'evtchn'), executable: true },
      [`${SRC}/link`]: { symlink: 'with space.c' },
      [`${SRC}/blob.bin`]: Buffer.from([0, 9, 9, 0, 1]),
      [`${SRC}/new\nline.c`]: lines(20, 'newline').replace('newline 0', 'newline zero'),
    });
    await pickAll(ctx);
    for (const rel of ['evtchn.c', 'link', 'blob.bin', 'new\nline.c']) {
      for (const p of homes(phase, rel)) expect(entry(repo, 'HEAD', p)).toBe(entry(repo, fork, `${SRC}/${rel}`));
    }
    expect(entry(repo, 'HEAD', homes(phase, 'evtchn.c')[0] as string).startsWith('100755 ')).toBe(true);
  });
});

test('a copied rule lands the change on both copies, so no drift appears', async () => {
  const { repo, ctx, ruleId } = await sprintAt('copied', repos);
  forkCommit(repo, { [`${SRC}/evtchn.c`]: 'rewritten\n', [`${SRC}/added.c`]: 'added\n' });
  await pickAll(ctx);
  const { driftOf } = await import('../../../electron/core/rename/drift');
  const drift = await driftOf(ctx, ruleId);
  expect(drift.ok && drift.value[0]?.files).toEqual([]);
});

test('a file outside every rule lands at its own path', async () => {
  const { repo, ctx } = await sprintAt('moved', repos);
  const fork = forkCommit(repo, { 'kernel/sched.c': 'sched\n' });
  await pickAll(ctx);
  expect(show(repo, 'HEAD', 'kernel/sched.c')).toBe(show(repo, fork, 'kernel/sched.c'));
});
