import { describe, expect, test } from 'vitest';
import { checkRules, lookupTree, newPathRoots, previewRule, type RuleDraft, type TreeFile } from '../../../shared/rename/check';

const file = (path: string, mode = '100644'): TreeFile => ({ path, mode, oid: `oid-of-${path}` });

const TREE = lookupTree([
  file('arch/xen/kernel/evtchn.c'),
  file('arch/xen/kernel/run.sh', '100755'),
  file('arch/xen/kernel/link', '120000'),
  file('arch/xen/kernel/sub/deep.h'),
  file('arch/xen/linkdir', '120000'),
  file('arch/xen/Makefile'),
  file('drivers/xen/balloon/balloon.c'),
  file('docs/caf\u00e9/index.txt'),
  file('lib/sub', '160000'),
  file('README'),
]);

const rule = (id: string, from: string, to: string, phase: RuleDraft['phase'] = 'planned'): RuleDraft => ({ id, from, to, phase });
const codes = (rules: RuleDraft[], id = 'a'): string[] => (checkRules(rules, TREE).get(id)?.problems ?? []).map((p) => p.code);

describe('preview', () => {
  test('every file of the source, at its place under the destination, with its mode', () => {
    expect(previewRule({ from: 'arch/xen/kernel', to: 'drivers/xen/core' }, TREE)).toEqual([
      { from: 'arch/xen/kernel/evtchn.c', to: 'drivers/xen/core/evtchn.c', mode: '100644' },
      { from: 'arch/xen/kernel/link', to: 'drivers/xen/core/link', mode: '120000' },
      { from: 'arch/xen/kernel/run.sh', to: 'drivers/xen/core/run.sh', mode: '100755' },
      { from: 'arch/xen/kernel/sub/deep.h', to: 'drivers/xen/core/sub/deep.h', mode: '100644' },
    ]);
  });

  test('a file rule previews that one file; a prefix that is not a folder boundary previews nothing', () => {
    expect(previewRule({ from: 'README', to: 'docs/README' }, TREE)).toEqual([{ from: 'README', to: 'docs/README', mode: '100644' }]);
    expect(previewRule({ from: 'arch/xen/ker', to: 'x' }, TREE)).toEqual([]);
  });
});

describe('one rule against the tree', () => {
  test('a good rule has no problem', () => {
    expect(codes([rule('a', 'arch/xen/kernel', 'drivers/xen/core')])).toEqual([]);
  });

  test.each([
    ['../outside'],
    ['/abs/path'],
    ['C:/windows'],
    ['.git/hooks'],
    ['drivers/.GIT/x'],
    ['drivers/.git./x'],
    ['GIT~1/x'],
    ['drivers/.g\u200cit/x'],
    ['drivers/.git:x/y'],
    ['drivers/.git::$INDEX_ALLOCATION/x'],
    ['git~1 ./x'],
    ['drivers//xen'],
    ['-rf'],
  ])('bad destination path %j', (to) => {
    expect(codes([rule('a', 'arch/xen/kernel', to)])).toEqual(['bad-path']);
  });

  test('a source with no files', () => {
    expect(codes([rule('a', 'arch/xen/nothing', 'drivers/xen/core')])).toEqual(['no-files']);
  });

  test('a destination folder that exists with other files: fine when none of them is a file the copy writes', () => {
    expect(codes([rule('a', 'arch/xen/kernel', 'drivers/xen/balloon')])).toEqual([]);
  });

  test('a destination file that exists with other content is refused by name; the rest of the folder is not listed', () => {
    const tree = lookupTree([file('a/x.c'), file('a/y.c'), file('b/x.c'), file('b/other.c')]);
    const problems = checkRules([rule('a', 'a', 'b')], tree).get('a')?.problems;
    expect(problems?.map((p) => p.code)).toEqual(['destination-exists']);
    expect(problems?.[0]?.message).toMatch(/In the destination "b", files the copy would write exist already with other content \("b\/x.c"\): move those files away/);
    expect(problems?.[0]?.message).toMatch(/Other files already in "b" are fine/);
    expect(problems?.[0]?.message).not.toMatch(/other\.c/);
  });

  test('an identical copy of every file is nothing to copy; of only some files it is refused by name', () => {
    const same = lookupTree([file('a/x.c'), { path: 'b/x.c', mode: '100644', oid: 'oid-of-a/x.c' }, file('b/other.c')]);
    expect(checkRules([rule('a', 'a', 'b')], same).get('a')?.problems[0]?.message).toMatch(/identical copy/);
    const some = lookupTree([file('a/x.c'), file('a/y.c'), { path: 'b/x.c', mode: '100644', oid: 'oid-of-a/x.c' }]);
    expect(checkRules([rule('a', 'a', 'b')], some).get('a')?.problems[0]?.message).toMatch(/exist already as copies of the source.*\("b\/x.c"\)/);
    const mode = lookupTree([file('a/x.c', '100755'), { path: 'b/x.c', mode: '100644', oid: 'oid-of-a/x.c' }]);
    expect(checkRules([rule('a', 'a', 'b')], mode).get('a')?.problems[0]?.message).toMatch(/with other content \("b\/x.c"\)/);
  });

  test('a file where the copy needs a folder, or a folder where it writes a file', () => {
    const tree = lookupTree([file('a/sub/deep.h'), file('a/x.c'), file('b/sub'), file('b/x.c/inner.c')]);
    const problems = checkRules([rule('a', 'a', 'b')], tree).get('a')?.problems;
    expect(problems?.map((p) => p.code)).toEqual(['destination-exists']);
    expect(problems?.[0]?.message).toMatch(/a folder where the copy writes a file, or a file where it needs a folder \("b\/sub", "b\/x.c"\)/);
    expect(codes([rule('a', 'arch/xen/kernel/evtchn.c', 'drivers/xen')])).toEqual(['destination-exists']);
  });

  test('the paths a copy writes, as few as cover only its files: a new folder whole, else its new files and folders', () => {
    const before = lookupTree([file('b/other.c'), file('b/old/o.c')]);
    expect(newPathRoots('c', ['c/x.c', 'c/sub/y.c'], before)).toEqual(['c']);
    expect(newPathRoots('b', ['b/x.c', 'b/sub/y.c', 'b/sub/z.c', 'b/old/n.c'], before)).toEqual(['b/old/n.c', 'b/sub', 'b/x.c']);
  });

  test('a symbolic link on the way, for the source and for the destination', () => {
    expect(codes([rule('a', 'arch/xen/linkdir/evtchn.c', 'x/evtchn.c')])).toEqual(['symlink-on-path', 'no-files']);
    expect(codes([rule('a', 'arch/xen/kernel', 'arch/xen/linkdir/core')])).toEqual(['symlink-on-path']);
  });

  test('a file or a submodule on the way', () => {
    expect(codes([rule('a', 'arch/xen/kernel', 'README/core')])).toEqual(['file-on-path']);
    expect(codes([rule('a', 'arch/xen/kernel', 'lib/sub/core')])).toEqual(['file-on-path']);
  });

  test('a destination inside its own source, or the other way round', () => {
    expect(codes([rule('a', 'arch/xen/kernel', 'arch/xen/kernel/new')])).toContain('inside-itself');
    expect(codes([rule('a', 'arch/xen/kernel', 'arch/xen')])).toContain('inside-itself');
  });

  test('paths that differ from the tree only by letter case or Unicode normalisation', () => {
    expect(codes([rule('a', 'arch/xen/kernel', 'Drivers/xen/core')])).toEqual(['case-collision']);
    expect(codes([rule('a', 'arch/xen/kernel', 'arch/XEN/core')])).toEqual(['case-collision']);
    // "cafe" + combining acute accent (NFD) against the tree's precomposed "café" (NFC).
    expect(codes([rule('a', 'arch/xen/kernel', 'docs/cafe\u0301/kernel')])).toEqual(['case-collision']);
  });
});

describe('names git refuses, and names only Windows cannot check out', () => {
  const tree = lookupTree([
    file('src/ok.c'),
    file('src/aux.c'),
    file('src/a:b'),
    file('src/what?.c'),
    file('src/trailing.'),
    file('src/git~1/hooks/post-checkout'),
    file('links/.gitmodules', '120000'),
    file('links/GITMOD~1', '120000'),
    file('links/.gitattributes', '120000'),
    file('links/.gitignore', '120000'),
    file('links/.mailmap', '120000'),
    file('links/plain', '120000'),
    file('win/aux.c'),
    file('win/con/x.c'),
    file('win/ok.c'),
  ]);
  const check = (from: string, to: string) => checkRules([rule('a', from, to)], tree).get('a');

  test('names only Windows cannot check out are a warning listing each path, not a problem', () => {
    const result = check('win', 'drivers/win');
    expect(result?.problems).toEqual([]);
    expect(result?.warnings).toHaveLength(1);
    expect(result?.warnings[0]?.paths).toEqual(['drivers/win/aux.c', 'drivers/win/con/x.c']);
    expect(result?.warnings[0]?.message).toMatch(/^2 paths the copy writes cannot be checked out on Windows \("aux.c" is AUX, a device name Windows reserves, among others\)/);
    expect(result?.warnings[0]?.message).toMatch(/git, Linux and macOS accept them, so the copy is allowed/);
  });

  test('a destination typed with a Windows-only name is warned about too', () => {
    expect(check('win/ok.c', 'drivers/nul.c')?.warnings[0]?.paths).toEqual(['drivers/nul.c']);
    expect(check('win/ok.c', 'drivers/nul.c')?.problems).toEqual([]);
  });

  test('a source holding a .git spelling (a tree fetched from elsewhere) cannot be copied', () => {
    const problems = check('src', 'dst')?.problems ?? [];
    expect(problems.map((p) => p.code)).toEqual(['git-name']);
    expect(problems[0]?.message).toMatch(/"dst\/git~1\/hooks\/post-checkout"/);
  });

  test.each([
    ['.gitmodules', 'links/.gitmodules', 'x/.gitmodules'],
    ['.gitmodules, by its 8.3 short name', 'links/GITMOD~1', 'x/GITMOD~1'],
    ['.gitattributes', 'links/.gitattributes', 'x/.gitattributes'],
    ['.gitignore', 'links/.gitignore', 'x/.gitignore'],
    ['.mailmap', 'links/.mailmap', 'x/.mailmap'],
    ['.gitmodules, a link copied under that name', 'links/plain', '.gitmodules'],
    ['.gitmodules, a link copied under its hashed short name', 'links/plain', 'GI7EBA~1'],
    ['.gitattributes with an HFS+ ignorable inside', 'links/plain', '.git\u200cattributes'],
  ])('a symbolic link written as %s is refused, naming it', (_why, from, to) => {
    const problems = check(from, to)?.problems ?? [];
    expect(problems.map((p) => p.code)).toEqual(['git-name']);
    expect(problems[0]?.message).toContain(`The copy would write ${JSON.stringify(to)}`);
    expect(problems[0]?.message).toMatch(/as a symbolic link: git fsck rejects/);
  });

  test('a link with another name is copied as it is', () => {
    expect(check('links/plain', 'x/plain')?.problems).toEqual([]);
  });

  test('a symbolic link inside the destination, where the copy needs a folder, is refused by name', () => {
    const t = lookupTree([file('a/sub/deep.h'), file('a/x.c'), file('b/sub', '120000')]);
    const problems = checkRules([rule('a', 'a', 'b')], t).get('a')?.problems ?? [];
    expect(problems.map((p) => p.code)).toEqual(['symlink-on-path']);
    expect(problems[0]?.message).toMatch(/write through symbolic links where it needs folders \("b\/sub"\)/);
  });
});

describe('rules against each other', () => {
  test('two rules writing one destination, or one inside the other\'s', () => {
    const rules = [rule('a', 'arch/xen/kernel', 'drivers/xen/core'), rule('b', 'README', 'drivers/xen/core/README')];
    expect(codes(rules, 'a')).toEqual(['same-destination']);
    expect(codes(rules, 'b')).toEqual(['same-destination']);
  });

  test('destinations that differ only by case', () => {
    const rules = [rule('a', 'arch/xen/kernel', 'drivers/xen/core'), rule('b', 'README', 'drivers/xen/CORE')];
    expect(codes(rules, 'a')).toEqual(['case-collision']);
  });

  test('destinations that differ only by Unicode normalisation', () => {
    // "cafe" + combining acute accent (NFD) against a precomposed "café" (NFC), both new to the tree.
    const rules = [rule('a', 'arch/xen/kernel', 'new/caf\u00e9'), rule('b', 'README', 'new/cafe\u0301')];
    expect(codes(rules, 'a')).toEqual(['case-collision']);
    expect(codes(rules, 'b')).toEqual(['case-collision']);
  });

  test('destinations whose new folders differ only by case, though the destinations themselves differ', () => {
    const rules = [rule('a', 'arch/xen/kernel', 'new/core'), rule('b', 'README', 'NEW/docs/README')];
    const problem = checkRules(rules, TREE).get('a')?.problems[0];
    expect(problem?.code).toBe('case-collision');
    expect(problem?.message).toMatch(/\("new" and "NEW"\)/);
  });

  test('a rule inside another: sources nested, or a destination inside another source', () => {
    expect(codes([rule('a', 'arch/xen/kernel', 'drivers/xen/core'), rule('b', 'arch/xen', 'x86/xen')], 'a')).toEqual(['nested-rules']);
    expect(codes([rule('a', 'arch/xen/kernel', 'drivers/xen/core'), rule('b', 'drivers', 'old-drivers')], 'a')).toEqual(['nested-rules']);
  });

  test('a copied rule is checked only as the others see it; moved and abandoned rules are out of the way', () => {
    const copied = rule('b', 'arch/xen/kernel', 'drivers/xen/core', 'copied');
    expect(codes([copied], 'b')).toEqual([]);
    expect(codes([copied, rule('a', 'README', 'drivers/xen/core/README')], 'a')).toEqual(['same-destination']);
    expect(codes([rule('b', 'arch/xen/kernel', 'drivers/xen/core', 'moved'), rule('a', 'README', 'drivers/xen/core/README')], 'a')).toEqual([]);
    expect(codes([rule('b', 'arch/xen/kernel', 'drivers/xen/core', 'abandoned'), rule('a', 'README', 'drivers/xen/core/README')], 'a')).toEqual([]);
  });
});
