/**
 * The repository's own hooks around the rename plan's commits: off by default (nothing of the
 * repository runs), and when the clone turns them on, what `git commit -m` runs, against the
 * temporary index, refusing before anything changes.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readRunHooks, writeRunHooks } from '../../../electron/core/git/hooks';
import { abandonRule } from '../../../electron/core/rename/abandon';
import { copyRules } from '../../../electron/core/rename/copy';
import { finishRule } from '../../../electron/core/rename/finish';
import { addRule } from '../../../electron/core/rename/rules';
import { cleanup, git, tempDir } from '../../helpers/repo';
import { AWKWARD, DST, SRC, head, makeXenRepo, statusZ, subject } from './fixture';
import { renameContext } from './memory-plan';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));

async function setup(opts: { hooks: boolean }) {
  const repo = makeXenRepo();
  repos.push(repo);
  if (opts.hooks) git(repo, ['config', 'merge-sprint.runHooks', 'true']);
  const ctx = renameContext(repo);
  const added = await addRule(ctx, SRC, DST);
  if (!added.ok) throw new Error(added.error.message);
  return { repo, ctx, id: added.value.rule.id };
}

/** A shell hook in the clone's hooks folder. Hooks run at the top of the working tree. */
function hook(repo: string, name: string, body: string): void {
  const file = path.join(repo, '.git', 'hooks', name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

/** A file the hooks write in the git folder (never the working tree, so status stays clean). */
const marker = (repo: string, name: string): string | null => {
  const file = path.join(repo, '.git', name);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
};

/** Refs, index entries and working tree as git lists them: to prove a refused operation changed nothing. */
const repoState = (repo: string): string =>
  [
    git(repo, ['for-each-ref', '--format=%(refname) %(objectname)']),
    git(repo, ['ls-files', '--stage', '-z']),
    statusZ(repo),
  ].join('\n--\n');

/** What the rename engine keeps in the git folder: a refused operation leaves no journal and no scratch folder. */
const leftovers = (repo: string): string[] => readdirSync(path.join(repo, '.git', 'merge-sprint')).filter((e) => e !== 'rename.lock');

const destinationFiles = (repo: string): string[] =>
  git(repo, ['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', SRC])
    .split('\0')
    .filter(Boolean)
    .map((p) => `${DST}${p.slice(SRC.length)}`)
    .sort();

describe('the setting: merge-sprint.runHooks in the clone\'s config', () => {
  test('off by default; on and off write the clone\'s config', async () => {
    const repo = makeXenRepo();
    repos.push(repo);
    expect(await readRunHooks(repo)).toBe(false);
    expect(await writeRunHooks(repo, true)).toBe(true);
    expect(git(repo, ['config', '--local', '--get', 'merge-sprint.runHooks']).trim()).toBe('true');
    expect(await writeRunHooks(repo, false)).toBe(false);
    // Off is the default again: the key is gone, not set to false.
    expect(() => git(repo, ['config', '--local', '--get', 'merge-sprint.runHooks'])).toThrow();
    expect(await writeRunHooks(repo, false)).toBe(false);
    git(repo, ['config', 'merge-sprint.runHooks', 'yes']);
    expect(await readRunHooks(repo)).toBe(true);
  });

  test('off wins over a true the clone\'s config only includes from elsewhere', async () => {
    const repo = makeXenRepo();
    const other = tempDir();
    repos.push(repo, other);
    writeFileSync(path.join(other, 'shared.gitconfig'), '[merge-sprint]\n\trunHooks = true\n');
    git(repo, ['config', 'include.path', path.join(other, 'shared.gitconfig')]);
    expect(await readRunHooks(repo)).toBe(true);
    expect(await writeRunHooks(repo, false)).toBe(false);
    expect(git(repo, ['config', '--type=bool', '--get', 'merge-sprint.runHooks']).trim()).toBe('false');
  });
});

describe('hooks off (the default)', () => {
  test('no hook of the repository runs, and a failing one does not stop the copy', async () => {
    const { repo, ctx, id } = await setup({ hooks: false });
    for (const name of ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'reference-transaction']) {
      hook(repo, name, `echo ran > .git/${name}-ran\nexit 1`);
    }
    const before = head(repo);
    const copied = await copyRules(ctx, { ruleIds: [id] });
    expect(copied.ok).toBe(true);
    expect(git(repo, ['rev-parse', 'HEAD^']).trim()).toBe(before);
    expect(git(repo, ['log', '-1', '--format=%B']).trim()).toBe(`Interim copy: ${SRC} -> ${DST}`);
    for (const name of ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'reference-transaction']) {
      expect(marker(repo, `${name}-ran`)).toBeNull();
    }
  });
});

describe('hooks on', () => {
  test('a failing pre-commit hook refuses the interim copy with its words; nothing changes', async () => {
    const { repo, ctx, id } = await setup({ hooks: true });
    hook(repo, 'pre-commit', 'echo "checkpatch: trailing whitespace in evtchn.c" >&2\nexit 1');
    hook(repo, 'commit-msg', 'echo ran > .git/commit-msg-ran');
    const before = repoState(repo);
    const copied = await copyRules(ctx, { ruleIds: [id] });
    expect(copied.ok).toBe(false);
    if (copied.ok) return;
    expect(copied.error.code).toBe('refused');
    expect(copied.error.message).toMatch(/pre-commit hook refused the commit \(exit 1\)/);
    expect(copied.error.message).toContain('"checkpatch: trailing whitespace in evtchn.c"');
    expect(copied.error.message).toContain('merge-sprint rename hooks off');
    expect(repoState(repo)).toBe(before);
    expect(marker(repo, 'commit-msg-ran')).toBeNull();
    const { plan } = await ctx.plan.snapshot();
    expect(plan.renames[id]?.phase).toBe('planned');
    expect(ctx.plan.events).toHaveLength(1);
    expect(leftovers(repo)).toEqual([]);
  });

  test('the pre-commit hook sees the commit in the temporary index: the destination files are staged', async () => {
    const { repo, ctx, id } = await setup({ hooks: true });
    hook(repo, 'pre-commit', 'git diff --cached --name-only -z > .git/cached\nprintf %s "$GIT_INDEX_FILE" > .git/index-file');
    const copied = await copyRules(ctx, { ruleIds: [id] });
    expect(copied.ok).toBe(true);
    const cached = (marker(repo, 'cached') ?? '').split('\0').filter(Boolean).sort();
    expect(cached).toEqual(destinationFiles(repo));
    expect(cached).toHaveLength(Object.keys(AWKWARD).length + 3);
    expect(marker(repo, 'index-file')).toMatch(/\.git\/merge-sprint\/tmp-[^/]+\/index$/);
  });

  test('a commit-msg hook that adds a Change-Id trailer (as Gerrit\'s does) puts it in the copy and the move', async () => {
    const { repo, ctx, id } = await setup({ hooks: true });
    hook(repo, 'prepare-commit-msg', 'printf "%s\\n" "$2" > .git/prepare-source');
    hook(repo, 'commit-msg', 'git interpret-trailers --in-place --trailer "Change-Id: I123" "$1"');
    const copied = await copyRules(ctx, { ruleIds: [id] });
    expect(copied.ok).toBe(true);
    expect(git(repo, ['log', '-1', '--format=%B']).trim()).toBe(`Interim copy: ${SRC} -> ${DST}\n\nChange-Id: I123`);
    expect(git(repo, ['log', '-1', '--format=%(trailers:key=Change-Id,valueonly)']).trim()).toBe('I123');
    expect(marker(repo, 'prepare-source')).toBe('message\n');
    const finished = await finishRule(ctx, id);
    expect(finished.ok).toBe(true);
    expect(subject(repo)).toBe(`Move ${SRC} -> ${DST}`);
    expect(git(repo, ['log', '-1', '--format=%(trailers:key=Change-Id,valueonly)']).trim()).toBe('I123');
    expect(statusZ(repo)).toBe('');
  });

  test('a failing commit-msg hook refuses the copy; nothing changes', async () => {
    const { repo, ctx, id } = await setup({ hooks: true });
    hook(repo, 'commit-msg', 'echo "Missing Signed-off-by" >&2\nexit 1');
    const before = repoState(repo);
    const copied = await copyRules(ctx, { ruleIds: [id] });
    expect(!copied.ok && copied.error.message).toMatch(/commit-msg hook refused the commit \(exit 1\); it said: "Missing Signed-off-by"/);
    expect(repoState(repo)).toBe(before);
    expect(leftovers(repo)).toEqual([]);
  });

  test('post-commit runs once the commit is on the branch and in the working tree', async () => {
    const { repo, ctx, id } = await setup({ hooks: true });
    hook(repo, 'post-commit', `{ git rev-parse HEAD; test -f ${DST}/evtchn.c && echo present; git status --porcelain -- ${DST}; } > .git/post-commit-ran\nexit 1`);
    const copied = await copyRules(ctx, { ruleIds: [id] });
    // Like git, a failing post-commit changes nothing.
    expect(copied.ok).toBe(true);
    expect(marker(repo, 'post-commit-ran')).toBe(`${head(repo)}\npresent\n`);
  });

  test('the branch move runs reference-transaction, which may refuse it; nothing changes', async () => {
    const { repo, ctx, id } = await setup({ hooks: true });
    hook(repo, 'reference-transaction', 'cat >> .git/ref-updates\nif [ "$1" = prepared ]; then echo "branch is frozen" >&2; exit 1; fi');
    const before = repoState(repo);
    const copied = await copyRules(ctx, { ruleIds: [id] });
    expect(!copied.ok && copied.error.message).toMatch(/reference-transaction hook refused to move the branch "main"; it said: "branch is frozen"/);
    expect(marker(repo, 'ref-updates')).toContain('refs/heads/main');
    expect(repoState(repo)).toBe(before);
    expect(leftovers(repo)).toEqual([]);
    const { plan } = await ctx.plan.snapshot();
    expect(plan.renames[id]?.phase).toBe('planned');
  });

  test('dropping a copy moves the branch back through reference-transaction, without commit hooks', async () => {
    const { repo, ctx, id } = await setup({ hooks: true });
    const before = head(repo);
    expect((await copyRules(ctx, { ruleIds: [id] })).ok).toBe(true);
    hook(repo, 'reference-transaction', 'cat >> .git/ref-updates');
    hook(repo, 'post-commit', 'echo ran > .git/post-commit-ran');
    const dropped = await abandonRule(ctx, id);
    expect(dropped.ok && dropped.value.dropped).toBe(true);
    expect(head(repo)).toBe(before);
    expect(marker(repo, 'ref-updates')).toContain(`${before} refs/heads/main`);
    expect(marker(repo, 'post-commit-ran')).toBeNull();
  });

  test('a pre-commit hook that changes the commit outside the operation\'s paths is refused', async () => {
    const { repo, ctx, id } = await setup({ hooks: true });
    hook(repo, 'pre-commit', 'echo formatted > .git/readme\ngit update-index --cacheinfo "100644,$(git hash-object -w .git/readme),README"');
    const before = repoState(repo);
    const copied = await copyRules(ctx, { ruleIds: [id] });
    expect(!copied.ok && copied.error.message).toMatch(/pre-commit hook changed "README" in the commit, outside what this operation writes/);
    expect(repoState(repo)).toBe(before);
  });
});
