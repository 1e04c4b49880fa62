import { afterEach, describe, expect, it } from 'vitest';
import { callRepo } from '../../../electron/core/host';
import { describeVerdict } from '../../../shared/team/status';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { repoState } from '../cli/core-helpers';
import { callOk } from '../series/series-fixture';
import { makeTeamFixture, type TeamFixture } from './fixture';

const made: TeamFixture[] = [];
afterEach(() => {
  for (const fx of made.splice(0)) {
    fx.ctx.dispose();
    cleanup(fx.repo);
  }
});

async function fixture(): Promise<TeamFixture> {
  const fx = await makeTeamFixture();
  made.push(fx);
  return fx;
}

const countByGit = (repo: string, range: string, files: string[] = []): number =>
  Number(git(repo, ['rev-list', '--count', range, '--', ...files.map((f) => `:(literal)${f}`)]).trim());

describe("a card's branch", () => {
  it('Start work creates the branch at the sprint branch and names it; the card counts only the commits touching its files', async () => {
    const fx = await fixture();
    const sprint = git(fx.repo, ['rev-parse', 'sprint']).trim();
    const head = git(fx.repo, ['symbolic-ref', 'HEAD']).trim();
    const started = await callOk(fx.ctx, 'team.startWork', { subsystemId: 'mm', branch: 'keir/i386-mm' });
    expect(started.commit).toBe(sprint);
    expect(git(fx.repo, ['rev-parse', 'refs/heads/keir/i386-mm']).trim()).toBe(sprint);
    expect(git(fx.repo, ['symbolic-ref', 'HEAD']).trim()).toBe(head);
    expect(started.snapshot.plan.team.branches).toEqual({ mm: 'keir/i386-mm' });

    const fresh = await callOk(fx.ctx, 'team.status', {});
    expect(fresh.work.mm).toMatchObject({ branch: 'keir/i386-mm', tip: sprint, unmerged: 0, touching: 0, last: null });

    const mmFile = fx.mmFiles[3] as string;
    makeCommit(fx.repo, { branch: 'keir/i386-mm', files: { [mmFile]: 'rewritten by keir\n' }, message: 'xen/mm: use the hypervisor for pte updates' });
    makeCommit(fx.repo, { files: { [fx.kernelFiles[0] as string]: 'not mm\n' }, message: 'xen/kernel: unrelated' });
    makeCommit(fx.repo, { files: { 'Documentation/xen.txt': 'notes\n' }, message: 'docs: notes' });
    const status = await callOk(fx.ctx, 'team.status', {});
    const work = status.work.mm;
    expect(work?.unmerged).toBe(countByGit(fx.repo, 'sprint..keir/i386-mm'));
    expect(work?.unmerged).toBe(3);
    expect(work?.touching).toBe(countByGit(fx.repo, 'sprint..keir/i386-mm', fx.mmFiles));
    expect(work?.touching).toBe(1);
    expect(work?.last).toMatchObject({ subject: 'xen/mm: use the hypervisor for pte updates', author: 'Ada Fixture' });
    expect(status.verdicts.mm).toEqual({ verified: null, doubts: [] });

    const diff = await callOk(fx.ctx, 'team.diff', { subsystemId: 'mm' });
    expect(diff.text).toContain(`+++ b/${mmFile}`);
    expect(diff.text).toContain('+rewritten by keir');
    expect(diff.text).not.toContain(fx.kernelFiles[0] as string);
  });

  it('a Done card whose branch is not merged says so; merged, git confirms it', async () => {
    const fx = await fixture();
    await callOk(fx.ctx, 'team.startWork', { subsystemId: 'mm', branch: 'keir/i386-mm' });
    makeCommit(fx.repo, { branch: 'keir/i386-mm', files: { [fx.mmFiles[0] as string]: 'one\n' }, message: 'xen/mm: one' });
    makeCommit(fx.repo, { files: { [fx.mmFiles[1] as string]: 'two\n' }, message: 'xen/mm: two' });
    await callOk(fx.ctx, 'plan.change', { change: { type: 'card.state', subsystemId: 'mm', state: 'Done' } });
    await callOk(fx.ctx, 'plan.change', { change: { type: 'card.state', subsystemId: 'kernel', state: 'Done' } });

    const unmerged = await callOk(fx.ctx, 'team.status', {});
    expect(unmerged.verdicts.mm?.verified).toBe(false);
    expect(describeVerdict(unmerged.verdicts.mm!)).toBe('Done, but 2 commits on keir/i386-mm are not on the sprint branch');
    // A Done card with no branch had no commits of its own: nothing for git to doubt.
    expect(unmerged.verdicts.kernel).toEqual({ verified: true, doubts: [] });

    git(fx.repo, ['checkout', '-q', 'sprint']);
    git(fx.repo, ['merge', '-q', '--no-ff', '-m', 'Merge keir/i386-mm', 'keir/i386-mm']);
    const merged = await callOk(fx.ctx, 'team.status', {});
    expect(merged.verdicts.mm).toEqual({ verified: true, doubts: [] });
    expect(merged.work.mm).toMatchObject({ unmerged: 0, touching: 0 });
  });

  it('names a remote-tracking branch, and one this clone does not have', async () => {
    const fx = await fixture();
    const sprint = git(fx.repo, ['rev-parse', 'sprint']).trim();
    git(fx.repo, ['update-ref', 'refs/remotes/origin/ian/kernel', sprint]);
    makeCommit(fx.repo, { branch: 'tmp', from: 'sprint', files: { [fx.kernelFiles[2] as string]: 'ian\n' }, message: 'xen/kernel: ian' });
    git(fx.repo, ['update-ref', 'refs/remotes/origin/ian/kernel', git(fx.repo, ['rev-parse', 'tmp']).trim()]);
    await callOk(fx.ctx, 'plan.change', { change: { type: 'card.branch', subsystemId: 'kernel', branch: 'origin/ian/kernel' } });
    await callOk(fx.ctx, 'plan.change', { change: { type: 'card.branch', subsystemId: 'mm', branch: 'keir/never-fetched' } });
    await callOk(fx.ctx, 'plan.change', { change: { type: 'card.state', subsystemId: 'mm', state: 'Done' } });
    const status = await callOk(fx.ctx, 'team.status', {});
    expect(status.work.kernel).toMatchObject({ branch: 'origin/ian/kernel', unmerged: 1, touching: 1, last: { subject: 'xen/kernel: ian' } });
    expect(status.work.mm?.tip).toBeNull();
    expect(describeVerdict(status.verdicts.mm!)).toBe('Done, but there is no branch keir/never-fetched in this clone (create it, or fetch it from the remote)');
  });

  it('refuses a bad or existing branch name, a card that names one already, and writes nothing', async () => {
    const fx = await fixture();
    git(fx.repo, ['branch', 'keir/taken', 'sprint']);
    const before = repoState(fx.repo);
    const planBefore = (await callOk(fx.ctx, 'plan.get', {})).plan.head;
    const refused = async (req: { subsystemId: string; branch: string }) => {
      const res = await callRepo(fx.ctx, 'team.startWork', req);
      if (res.ok) throw new Error(`accepted ${JSON.stringify(req)}`);
      return res.error.message;
    };
    expect(await refused({ subsystemId: 'mm', branch: 'keir/taken' })).toMatch(/A branch named keir\/taken exists already/);
    expect(await refused({ subsystemId: 'mm', branch: '--force' })).toMatch(/starts with "-"/);
    expect(await refused({ subsystemId: 'mm', branch: 'keir/i386 mm' })).toMatch(/holds a space/);
    expect(await refused({ subsystemId: 'mm', branch: 'keir/../mm' })).toMatch(/\.\./);
    expect(await refused({ subsystemId: 'mm', branch: 'keir/mm.lock' })).toMatch(/\.lock/);
    expect(await refused({ subsystemId: 'gone', branch: 'keir/mm' })).toMatch(/no subsystem with id "gone"/);
    expect(repoState(fx.repo)).toBe(before);
    expect((await callOk(fx.ctx, 'plan.get', {})).plan.head).toBe(planBefore);

    await callOk(fx.ctx, 'team.startWork', { subsystemId: 'mm', branch: 'keir/mm' });
    expect(await refused({ subsystemId: 'mm', branch: 'keir/mm2' })).toMatch(/names the branch keir\/mm already/);
    const bad = await callRepo(fx.ctx, 'plan.change', { change: { type: 'card.branch', subsystemId: 'kernel', branch: 'a:b' } });
    expect(bad.ok ? null : bad.error.message).toMatch(/holds a space or one of/);
  });
});
