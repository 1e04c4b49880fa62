/**
 * A copy never writes what git fsck rejects, so a hosting service that checks pushes takes the
 * sprint's commits. Each bad case is shown twice with real git: the rule is refused before
 * anything is written, with a message naming the file, and the same file committed by plain
 * git makes `git fsck --strict` complain. A legal rule's copy commit passes `git fsck --strict`.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, test } from 'vitest';
import { copyRules } from '../../../electron/core/rename/copy';
import { addRule, previewRule } from '../../../electron/core/rename/rules';
import { cleanup, git, gitEnv, makeCommit, makeRepo, type FileSpec } from '../../helpers/repo';
import { makeXenRepo, statusZ } from './fixture';
import { renameContext } from './memory-plan';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));
const track = (repo: string): string => {
  repos.push(repo);
  return repo;
};

/** `git fsck --strict` as a hosting service runs it: its exit code and what it printed. */
function fsck(repo: string): { code: number | null; out: string } {
  const run = spawnSync('git', ['fsck', '--strict', '--no-progress'], { cwd: repo, env: gitEnv(), encoding: 'utf8' });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

/** What `git fsck --strict` says of a commit that plain git makes with this file at this path. */
function fsckWith(path: string, file: FileSpec): { code: number | null; out: string } {
  const repo = track(makeRepo());
  if (file !== null && typeof file === 'object' && 'symlink' in file) {
    // git add refuses a .gitmodules that is a link; a tree written by hand is what another tool could push.
    const blob = git(repo, ['hash-object', '-w', '--stdin'], { input: file.symlink }).trim();
    const tree = git(repo, ['mktree'], { input: `120000 blob ${blob}\t${path}\n` }).trim();
    git(repo, ['update-ref', 'refs/heads/main', git(repo, ['commit-tree', '-m', 'a link', tree]).trim()]);
  } else {
    makeCommit(repo, { files: { [path]: file } });
  }
  return fsck(repo);
}

/** Branch, index and working tree, to show that a refusal wrote nothing. */
const snapshot = (repo: string): string =>
  [git(repo, ['for-each-ref', '--format=%(refname) %(objectname)']), git(repo, ['ls-files', '-s', '-z']), statusZ(repo)].join('\n--\n');

interface BadFile {
  name: string;
  /** Where the rule's source holds the file, and where the copy would put it. */
  from: string;
  to: string;
  file: FileSpec;
  /** What the refusal says. */
  message: RegExp;
  /** What git fsck says of the same file committed by plain git. */
  fsck: RegExp;
}

const gitmodules = (name: string, lines: string[]): string => `[submodule "${name}"]\n${lines.map((l) => `\t${l}\n`).join('')}`;

const BAD_FILES: BadFile[] = [
  { name: 'a .gitmodules git cannot parse', from: 'docs/modules.example', to: '.gitmodules', file: '[submodule "lib"\n\tpath = lib\n', message: /git cannot parse it \(bad config line \d+\)/, fsck: /gitmodulesParse/ },
  { name: 'a submodule name climbing out with ..', from: 'docs/modules.example', to: '.gitmodules', file: gitmodules('../../hooks', ['path = lib', 'url = ./lib']), message: /name "\.\.\/\.\.\/hooks" has a "\.\." component/, fsck: /gitmodulesName/ },
  { name: 'a submodule url git would read as an option', from: 'docs/modules.example', to: '.gitmodules', file: gitmodules('lib', ['path = lib', 'url = --upload-pack=touch /tmp/x']), message: /url "--upload-pack=touch \/tmp\/x" of submodule "lib" starts with "-"/, fsck: /gitmodulesUrl/ },
  { name: 'a submodule path git would read as an option', from: 'docs/modules.example', to: '.gitmodules', file: gitmodules('lib', ['path = -lib', 'url = ./lib']), message: /path "-lib" of submodule "lib" starts with "-"/, fsck: /gitmodulesPath/ },
  { name: 'a command run on update', from: 'docs/modules.example', to: '.gitmodules', file: gitmodules('lib', ['path = lib', 'url = ./lib', 'update = !touch /tmp/x']), message: /would run a command on update/, fsck: /gitmodulesUpdate/ },
  { name: 'a relative url climbing above the remote', from: 'docs/modules.example', to: '.gitmodules', file: gitmodules('lib', ['path = lib', 'url = ../:lib']), message: /climbs above the remote/, fsck: /gitmodulesUrl/ },
  { name: 'a url with an encoded newline', from: 'docs/modules.example', to: '.gitmodules', file: gitmodules('lib', ['path = lib', 'url = ./%0ahost=example.org']), message: /holds a newline once decoded/, fsck: /gitmodulesUrl/ },
  { name: 'an https url with no host', from: 'docs/modules.example', to: '.gitmodules', file: gitmodules('lib', ['path = lib', 'url = https:///lib.git']), message: /names no host/, fsck: /gitmodulesUrl/ },
  { name: 'a bad .gitmodules by its 8.3 short name', from: 'docs/modules.example', to: 'GITMOD~1', file: gitmodules('../x', ['path = x']), message: /"GITMOD~1", which git reads as \.gitmodules/, fsck: /gitmodulesName/ },
  { name: 'a bad .gitmodules deep in a copied folder', from: 'vendor/lib', to: 'lib', file: gitmodules('../x', ['path = x']), message: /"lib\/sub\/\.gitmodules", which git reads as \.gitmodules/, fsck: /gitmodulesName/ },
  { name: 'a .gitattributes with a line too long for git', from: 'docs/attributes.example', to: '.gitattributes', file: `${'a'.repeat(3000)} binary\n`, message: /"\.gitattributes", which git reads as \.gitattributes, and git fsck rejects it: line 1 is 3007 bytes long/, fsck: /gitattributesLineLength/ },
  { name: 'a symbolic link written as .gitmodules', from: 'docs/link', to: '.gitmodules', file: { symlink: 'target.txt' }, message: /"\.gitmodules", which git reads as \.gitmodules, as a symbolic link/, fsck: /gitmodulesSymlink/ },
];

/** Where the case's file sits in the source (a folder case keeps it under the folder). */
const sourcePath = (bad: BadFile): string => (bad.from === 'vendor/lib' ? 'vendor/lib/sub/.gitmodules' : bad.from);
const copiedPath = (bad: BadFile): string => (bad.from === 'vendor/lib' ? 'sub/.gitmodules' : bad.to);

describe('a rule whose copy git fsck would reject is refused before anything is written', () => {
  test.each(BAD_FILES)('$name', async (bad) => {
    // Plain git, committing the same file where the copy would put it: fsck complains.
    const said = fsckWith(copiedPath(bad), bad.file);
    expect(said.out).toMatch(bad.fsck);

    const repo = track(makeXenRepo());
    makeCommit(repo, { files: { [sourcePath(bad)]: bad.file, 'vendor/lib/README': 'lib\n', 'docs/target.txt': 'target\n' } });
    const ctx = renameContext(repo);
    const before = snapshot(repo);
    const preview = await previewRule(ctx, { from: bad.from, to: bad.to });
    expect(preview.ok && preview.value.problems.map((p) => p.message).join(' ')).toMatch(bad.message);
    const added = await addRule(ctx, bad.from, bad.to);
    expect(added.ok).toBe(false);
    if (!added.ok) expect(added.error.message).toMatch(bad.message);
    expect((await ctx.plan.snapshot()).plan.renameOrder).toEqual([]);
    expect(snapshot(repo)).toBe(before);
  });
});

describe('a legal rule', () => {
  const GOOD_MODULES = gitmodules('lib', ['path = lib', 'url = https://example.org/lib.git']);
  const files: Record<string, FileSpec> = {
    'docs/modules.example': GOOD_MODULES,
    'docs/attributes.example': '*.bin binary\n',
    'win/aux.c': 'int aux;\n',
    'win/a:b': 'colon\n',
    'win/con/x.c': 'int x;\n',
    'win/name.': 'trailing dot\n',
    'win/ok.c': 'int ok;\n',
  };

  test('copies a .gitmodules and a .gitattributes git accepts, and Windows-only names with a warning: git fsck --strict finds nothing wrong', async () => {
    const repo = track(makeXenRepo());
    makeCommit(repo, { files });
    expect(fsck(repo)).toEqual({ code: 0, out: '' });
    const ctx = renameContext(repo);
    const preview = await previewRule(ctx, { from: 'win', to: 'drivers/win' });
    expect(preview.ok && preview.value.problems).toEqual([]);
    expect(preview.ok && preview.value.warnings[0]?.paths).toEqual(['drivers/win/a:b', 'drivers/win/aux.c', 'drivers/win/con/x.c', 'drivers/win/name.']);
    for (const [from, to] of [['docs/modules.example', '.gitmodules'], ['docs/attributes.example', '.gitattributes'], ['win', 'drivers/win']]) {
      const added = await addRule(ctx, from as string, to as string);
      expect(added.ok || added.error.message).toBe(true);
    }
    const copied = await copyRules(ctx, { all: true });
    expect(copied.ok || copied.error.message).toBe(true);
    expect(git(repo, ['show', 'HEAD:.gitmodules'])).toBe(GOOD_MODULES);
    expect(git(repo, ['ls-tree', '--name-only', '-z', 'HEAD:drivers/win']).split('\0').filter(Boolean)).toEqual(['a:b', 'aux.c', 'con', 'name.', 'ok.c']);
    expect(fsck(repo)).toEqual({ code: 0, out: '' });
  });

  test('whose source turned bad after it was added: the copy is refused, naming the file, and branch, index and working tree stay as they were', async () => {
    const repo = track(makeXenRepo());
    makeCommit(repo, { files });
    const ctx = renameContext(repo);
    const added = await addRule(ctx, 'docs/modules.example', '.gitmodules');
    expect(added.ok).toBe(true);
    makeCommit(repo, { files: { 'docs/modules.example': gitmodules('lib', ['path = lib', 'url = --upload-pack=touch /tmp/x']) } });
    const before = snapshot(repo);
    const copied = await copyRules(ctx, { all: true });
    expect(copied.ok).toBe(false);
    if (!copied.ok) {
      expect(copied.error.code).toBe('refused');
      expect(copied.error.message).toMatch(/cannot be copied: The copy would write "\.gitmodules", which git reads as \.gitmodules, and git fsck rejects it/);
    }
    expect(snapshot(repo)).toBe(before);
    expect(Object.values((await ctx.plan.snapshot()).plan.renames).map((r) => r.phase)).toEqual(['planned']);
  });
});
