import { mkdirSync, symlinkSync, writeFileSync, chmodSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { copyRules } from '../../../electron/core/rename/copy';
import { addRule } from '../../../electron/core/rename/rules';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { AWKWARD, DST, SRC, head, makeXenRepo, statusZ, subject, treeOf, workFile } from './fixture';
import { renameContext } from './memory-plan';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

async function setup() {
  const repo = makeXenRepo();
  repos.push(repo);
  const ctx = renameContext(repo);
  const added = await addRule(ctx, SRC, DST);
  if (!added.ok) throw new Error(added.error.message);
  return { repo, ctx, rule: added.value.rule };
}

describe('interim copy', () => {
  test('one commit on the branch adds an exact copy and leaves the source', async () => {
    const { repo, ctx, rule } = await setup();
    const before = head(repo);
    const copied = await copyRules(ctx, { ruleIds: [rule.id] });
    expect(copied.ok).toBe(true);
    const after = head(repo);
    expect(git(repo, ['rev-parse', `${after}^`]).trim()).toBe(before);
    expect(git(repo, ['symbolic-ref', 'HEAD']).trim()).toBe('refs/heads/main');
    expect(subject(repo)).toBe(`Interim copy: ${SRC} -> ${DST}`);
    // Modes, symlinks and blob ids: the destination's listing is the source's, entry for entry.
    expect(treeOf(repo, after, DST)).toBe(treeOf(repo, before, SRC));
    expect(treeOf(repo, after, SRC)).toBe(treeOf(repo, before, SRC));
    // The commit only adds files under the destination.
    const changes = git(repo, ['diff-tree', '-r', '--name-status', '-z', '--no-renames', before, after]).split('\0').filter(Boolean);
    for (let i = 0; i < changes.length; i += 2) {
      expect(changes[i]).toBe('A');
      expect(changes[i + 1]?.startsWith(`${DST}/`)).toBe(true);
    }
    expect(changes.length / 2).toBe(Object.keys(AWKWARD).length + 3);
  });

  test('the working tree and index hold the copy: status is clean, files match byte for byte', async () => {
    const { repo, ctx } = await setup();
    await copyRules(ctx, { all: true });
    expect(statusZ(repo)).toBe('');
    for (const name of [...Object.keys(AWKWARD), 'run.sh', 'link', 'blob.bin']) {
      expect(workFile(repo, `${DST}/${name}`)).toEqual(workFile(repo, `${SRC}/${name}`));
    }
    expect(workFile(repo, `${DST}/run.sh`).exec).toBe(true);
    expect(workFile(repo, `${DST}/link`)).toEqual({ kind: 'link', data: 'evtchn.c', exec: false });
  });

  test('the plan records the phase and the copy commit', async () => {
    const { repo, ctx, rule } = await setup();
    await copyRules(ctx, { all: true });
    const { plan } = await ctx.plan.snapshot();
    expect(plan.renames[rule.id]).toMatchObject({ phase: 'copied', copyCommit: head(repo) });
  });

  test('a single-file rule copies that file with its mode', async () => {
    const { repo } = await setup();
    const ctx = renameContext(repo);
    const added = await addRule(ctx, `${SRC}/run.sh`, 'scripts/run-xen.sh');
    if (!added.ok) throw new Error(added.error.message);
    const copied = await copyRules(ctx, { ruleIds: [added.value.rule.id] });
    expect(copied.ok).toBe(true);
    expect(git(repo, ['ls-tree', 'HEAD', '--', 'scripts/run-xen.sh']).split('\t')[0]).toBe(git(repo, ['ls-tree', 'HEAD', '--', `${SRC}/run.sh`]).split('\t')[0]);
    expect(workFile(repo, 'scripts/run-xen.sh').exec).toBe(true);
  });

  test('several rules: one commit each, in order', async () => {
    const { repo, ctx } = await setup();
    const second = await addRule(ctx, 'kernel', 'core/kernel');
    if (!second.ok) throw new Error(second.error.message);
    const copied = await copyRules(ctx, { all: true });
    expect(copied.ok && copied.value.copies.length).toBe(2);
    expect(git(repo, ['log', '--format=%s', '-2']).trim().split('\n')).toEqual([`Interim copy: kernel -> core/kernel`, `Interim copy: ${SRC} -> ${DST}`]);
  });

  test('uncommitted work elsewhere stays as it was, staged and unstaged', async () => {
    const { repo, ctx } = await setup();
    writeFileSync(path.join(repo, 'README'), 'edited, not staged\n');
    writeFileSync(path.join(repo, 'kernel/sched.c'), 'staged edit\n');
    git(repo, ['add', 'kernel/sched.c']);
    writeFileSync(path.join(repo, 'notes.txt'), 'untracked\n');
    const statusBefore = statusZ(repo);
    expect((await copyRules(ctx, { all: true })).ok).toBe(true);
    expect(statusZ(repo)).toBe(statusBefore);
    expect(git(repo, ['diff', '--cached', '--name-only']).trim()).toBe('kernel/sched.c');
  });

  test('no hook of the repository runs', async () => {
    const { repo, ctx } = await setup();
    const marker = path.join(repo, '.git', 'hook-ran');
    for (const hook of ['pre-commit', 'commit-msg', 'post-commit', 'post-checkout', 'reference-transaction']) {
      const file = path.join(repo, '.git', 'hooks', hook);
      writeFileSync(file, `#!/bin/sh\necho ${hook} >> "${marker}"\n`);
      chmodSync(file, 0o755);
    }
    expect((await copyRules(ctx, { all: true })).ok).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('interim copy refuses, and changes nothing', () => {
  async function refused(prepare: (repo: string) => void, expected: RegExp) {
    const { repo, ctx, rule } = await setup();
    prepare(repo);
    const state = [head(repo), statusZ(repo)];
    const copied = await copyRules(ctx, { ruleIds: [rule.id] });
    expect(copied.ok).toBe(false);
    if (!copied.ok) expect(copied.error.message).toMatch(expected);
    expect([head(repo), statusZ(repo)]).toEqual(state);
    expect((await ctx.plan.snapshot()).plan.renames[rule.id]?.phase).toBe('planned');
  }

  test('during a merge', () =>
    refused((repo) => {
      makeCommit(repo, { branch: 'side', files: { README: 'side\n' } });
      makeCommit(repo, { branch: 'main', files: { README: 'main\n' } });
      try {
        git(repo, ['merge', 'side']);
      } catch {
        // The conflict is the point: the merge now waits for the user.
      }
    }, /middle of a merge/));

  test('during a rebase', () =>
    refused((repo) => {
      makeCommit(repo, { branch: 'side', files: { README: 'side\n' } });
      makeCommit(repo, { branch: 'main', files: { README: 'main\n' } });
      try {
        git(repo, ['rebase', 'side']);
      } catch {
        // Stopped on the conflict.
      }
    }, /middle of a rebase/));

  test('during a cherry-pick', () =>
    refused((repo) => {
      const side = makeCommit(repo, { branch: 'side', files: { README: 'side\n' } });
      makeCommit(repo, { branch: 'main', files: { README: 'main\n' } });
      try {
        git(repo, ['cherry-pick', side]);
      } catch {
        // Stopped on the conflict.
      }
    }, /middle of a cherry-pick/));

  test('during a revert', () =>
    refused((repo) => {
      const a = makeCommit(repo, { files: { README: 'one\n' } });
      makeCommit(repo, { files: { README: 'two\n' } });
      try {
        git(repo, ['revert', '--no-edit', a]);
      } catch {
        // Stopped on the conflict.
      }
    }, /middle of a revert/));

  test('during a bisect', () => refused((repo) => git(repo, ['bisect', 'start']), /middle of a bisect/));

  test('while another process holds the index lock, which stays', async () => {
    let lock = '';
    await refused((repo) => {
      lock = path.join(repo, '.git', 'index.lock');
      writeFileSync(lock, '');
    }, /index lock/);
    expect(existsSync(lock)).toBe(true);
  });

  test('on a detached HEAD, saying why', () => refused((repo) => git(repo, ['checkout', '-q', '--detach']), /detached.*switch/));

  test('with untracked files in the way, naming them', () =>
    refused((repo) => {
      mkdirSync(path.join(repo, DST), { recursive: true });
      writeFileSync(path.join(repo, DST, 'mine.c'), 'my work\n');
    }, /"drivers\/xen\/core\/mine.c" \(untracked\)/));

  test('with ignored files in the way', () =>
    refused((repo) => {
      writeFileSync(path.join(repo, '.git', 'info', 'exclude'), '*.o\n');
      mkdirSync(path.join(repo, DST), { recursive: true });
      writeFileSync(path.join(repo, DST, 'evtchn.o'), 'object\n');
    }, /evtchn.o" \(ignored\)/));

  test('with a staged file in the way', () =>
    refused((repo) => {
      mkdirSync(path.join(repo, DST), { recursive: true });
      writeFileSync(path.join(repo, DST, 'staged.c'), 'staged\n');
      git(repo, ['add', DST]);
    }, /staged.c" \(staged\)/));

  test('with a symbolic link on the way in the working tree', () =>
    refused((repo) => {
      renameSync(path.join(repo, 'drivers'), path.join(repo, 'elsewhere'));
      symlinkSync('elsewhere', path.join(repo, 'drivers'));
    }, /symbolic link/));

  test('when a destination file was committed meanwhile with other content (the rule check fails now)', () =>
    refused((repo) => {
      makeCommit(repo, { files: { [`${DST}/evtchn.c`]: 'other\n', [`${DST}/other.c`]: 'other\n' } });
    }, /files the copy would write exist already with other content \("drivers\/xen\/core\/evtchn.c"\)/));

  test('a rule that is copied already', async () => {
    const { ctx, rule } = await setup();
    expect((await copyRules(ctx, { ruleIds: [rule.id] })).ok).toBe(true);
    const again = await copyRules(ctx, { ruleIds: [rule.id] });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/copied already/);
  });
});
