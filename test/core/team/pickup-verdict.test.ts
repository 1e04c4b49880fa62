/**
 * Pick-ups in the team's views: a Done card whose files a waiting fork commit touches is not the
 * fork's newest work, and the standup report says what waits for pick-up, from the same list as
 * Keep current's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { describeVerdict } from '../../../shared/team/status';
import { reportLines } from '../../../shared/team/report';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { callOk } from '../series/series-fixture';
import { makeTeamFixture, type TeamFixture } from './fixture';

const FORK = 'xen-unstable';
const made: TeamFixture[] = [];
afterEach(() => {
  for (const fx of made.splice(0)) {
    fx.ctx.dispose();
    cleanup(fx.repo);
  }
});

/** The team's sparse fork with both cards Done and the fork's live ref at the sprint branch. */
async function doneSprint(): Promise<TeamFixture> {
  const fx = await makeTeamFixture();
  made.push(fx);
  git(fx.repo, ['branch', FORK, 'sprint']);
  await callOk(fx.ctx, 'pickup.setFrom', { ref: FORK });
  for (const id of ['mm', 'kernel']) await callOk(fx.ctx, 'plan.change', { change: { type: 'card.state', subsystemId: id, state: 'Done' } });
  return fx;
}

/** A commit of the fork's own developers on the old layout; HEAD goes back to the sprint branch. */
function forkCommit(fx: TeamFixture, file: string, content: string, message: string): string {
  const commit = makeCommit(fx.repo, { branch: FORK, files: { [file]: content }, message });
  git(fx.repo, ['checkout', '-q', 'sprint']);
  return commit;
}

describe('pick-ups and Done that git confirms', () => {
  it('a Done card whose files waiting fork commits touch is not verified, and is once they are picked up', async () => {
    const fx = await doneSprint();
    const mm0 = fx.mmFiles[0] as string;
    const mm1 = fx.mmFiles[1] as string;
    expect((await callOk(fx.ctx, 'team.status', {})).verdicts.mm).toEqual({ verified: true, doubts: [] });

    forkCommit(fx, mm0, 'xen-unstable: pte fix\n', 'xen/mm: fix the pte flush');
    forkCommit(fx, mm1, 'xen-unstable: pgd fix\n', 'xen/mm: fix the pgd walk');
    forkCommit(fx, 'Documentation/xen.txt', 'notes\n', 'docs: notes');
    const status = await callOk(fx.ctx, 'team.status', {});
    expect(status.verdicts.mm?.verified).toBe(false);
    expect(describeVerdict(status.verdicts.mm!)).toBe('Done, but 2 fork commits wait for pick-up that touch its files');
    // The kernel card's files are touched by none of them.
    expect(status.verdicts.kernel).toEqual({ verified: true, doubts: [] });

    const list = await callOk(fx.ctx, 'pickup.list', {});
    await callOk(fx.ctx, 'pickup.apply', { commits: list.commits.map((c) => c.commit) });
    expect(git(fx.repo, ['show', `sprint:${mm0}`])).toBe('xen-unstable: pte fix\n');
    expect((await callOk(fx.ctx, 'team.status', {})).verdicts.mm).toEqual({ verified: true, doubts: [] });
  });

  it('one waiting commit is said in the singular', async () => {
    const fx = await doneSprint();
    forkCommit(fx, fx.kernelFiles[0] as string, 'irq fix\n', 'xen/kernel: fix the irq');
    const status = await callOk(fx.ctx, 'team.status', {});
    expect(describeVerdict(status.verdicts.kernel!)).toBe('Done, but 1 fork commit waits for pick-up that touches its files');
  });

  it('the report says what waits for pick-up, per card and in conflict', async () => {
    const fx = await doneSprint();
    const mm0 = fx.mmFiles[0] as string;
    forkCommit(fx, mm0, 'xen-unstable: pte fix\n', 'xen/mm: fix the pte flush');
    forkCommit(fx, fx.kernelFiles[2] as string, 'irq fix\n', 'xen/kernel: fix the irq');
    // The team changed the same file on the sprint branch: the mm commit no longer applies cleanly.
    makeCommit(fx.repo, { branch: 'sprint', files: { [mm0]: 'the team rewrote it\n' }, message: 'xen/mm: rewrite' });
    const report = await callOk(fx.ctx, 'team.report', { since: '1d' });
    expect(report.pickUp).toEqual({
      ref: FORK,
      waiting: 2,
      conflicts: 1,
      cards: [
        { card: 'xen/i386/mm', commits: 1 },
        { card: 'xen/i386/kernel', commits: 1 },
      ],
      note: null,
    });
    const text = reportLines(report).join('\n');
    expect(text).toContain(`What waits for pick-up:\n  2 fork commits of ${FORK} (1 in conflict)\n  xen/i386/mm: 1 commit\n  xen/i386/kernel: 1 commit`);
    expect(report.notVerified.map((n) => n.why)).toEqual([
      'Done, but 1 fork commit waits for pick-up that touches its files',
      'Done, but 1 fork commit waits for pick-up that touches its files',
    ]);
  });

  it('with nothing waiting the report says so; without a fork ref, why it is not known', async () => {
    const fx = await doneSprint();
    const report = await callOk(fx.ctx, 'team.report', { since: '1d' });
    expect(reportLines(report).join('\n')).toContain(`What waits for pick-up:\n  nothing: every commit of ${FORK} is on the sprint branch`);

    const bare = await makeTeamFixture();
    made.push(bare);
    const unknown = await callOk(bare.ctx, 'team.report', { since: '1d' });
    expect(unknown.pickUp).toMatchObject({ ref: null, waiting: 0, note: expect.stringMatching(/no fork's live ref is set.*pickup set-from/) });
  });
});
