/** The git output parsers, on hand-written output in git's documented formats. */
import { describe, expect, it } from 'vitest';
import { relabelFilePatch } from '../../../electron/core/git/diff';
import { fileDiffLengths, parseRawNumstat } from '../../../electron/core/git/diff-tree';
import { parseRefList } from '../../../electron/core/git/refs';
import { parseRepositoryKind } from '../../../electron/core/git/rev-parse';
import { parseBatchCheck, parseBatchContents } from '../../../electron/core/git/cat-file';
import { parseLsTree } from '../../../electron/core/git/trees';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const Z = '0'.repeat(40);
const AWKWARD = 'dir/sp ace "q"\nnew\tline é.c';

describe('parseLsTree', () => {
  it('reads mode, type, id and a path holding spaces, quotes, newlines, tabs and non-ASCII', () => {
    const out = `100644 blob ${A}\t${AWKWARD}\x00120000 blob ${B}\tlink\x00160000 commit ${A}\tlib/sub\x00040000 tree ${B}\tarch\x00`;
    expect(parseLsTree(out)).toEqual([
      { mode: '100644', type: 'blob', oid: A, path: AWKWARD },
      { mode: '120000', type: 'blob', oid: B, path: 'link' },
      { mode: '160000', type: 'commit', oid: A, path: 'lib/sub' },
      { mode: '040000', type: 'tree', oid: B, path: 'arch' },
    ]);
  });

  it('reads empty output as no entries and refuses a record it does not understand', () => {
    expect(parseLsTree('')).toEqual([]);
    expect(() => parseLsTree('garbage\x00')).toThrow(/ls-tree/);
  });
});

describe('parseRawNumstat', () => {
  it('pairs raw records with numstat records, binary files counting 0 and 0', () => {
    const out =
      `:000000 100644 ${Z} ${A} A\x00new.c\x00` +
      `:100644 000000 ${B} ${Z} D\x00${AWKWARD}\x00` +
      `:100644 100755 ${A} ${A} M\x00mode.c\x00` +
      `:100644 100644 ${A} ${B} M\x00logo.bin\x00` +
      `:100644 120000 ${A} ${B} T\x00link\x00` +
      `3\t0\tnew.c\x00` +
      `0\t7\t${AWKWARD}\x00` +
      `0\t0\tmode.c\x00` +
      `-\t-\tlogo.bin\x00` +
      `1\t1\tlink\x00`;
    expect(parseRawNumstat(out)).toEqual([
      { path: 'new.c', status: 'A', oldMode: '000000', newMode: '100644', oldOid: Z, newOid: A, added: 3, removed: 0, binary: false },
      { path: AWKWARD, status: 'D', oldMode: '100644', newMode: '000000', oldOid: B, newOid: Z, added: 0, removed: 7, binary: false },
      { path: 'mode.c', status: 'M', oldMode: '100644', newMode: '100755', oldOid: A, newOid: A, added: 0, removed: 0, binary: false },
      { path: 'logo.bin', status: 'M', oldMode: '100644', newMode: '100644', oldOid: A, newOid: B, added: 0, removed: 0, binary: true },
      { path: 'link', status: 'T', oldMode: '100644', newMode: '120000', oldOid: A, newOid: B, added: 1, removed: 1, binary: false },
    ]);
  });

  it('keeps a path that starts with ":" or looks like a count', () => {
    const out = `:000000 100644 ${Z} ${A} A\x00:colon\x00:000000 100644 ${Z} ${B} A\x001\t2\t3\x00` + `4\t0\t:colon\x00` + `5\t0\t1\t2\t3\x00`;
    const changes = parseRawNumstat(out);
    expect(changes.map((c) => [c.path, c.added])).toEqual([
      [':colon', 4],
      ['1\t2\t3', 5],
    ]);
  });

  it('reads no output as no changes and refuses a numstat record without a raw record', () => {
    expect(parseRawNumstat('')).toEqual([]);
    expect(() => parseRawNumstat('1\t0\tstray.c\x00')).toThrow(/no raw record/);
  });
});

describe('parseBatchCheck', () => {
  it('answers each lookup in order, reading missing names by their length even with newlines', () => {
    const names = ['c:arch/i386', 'c:nope\nmissing\n', 'c:lib/sub', 'c:README'];
    const out = `${A} tree 98\nc:nope\nmissing\n missing\nc:lib/sub missing\n${B} blob 4\n`;
    expect(parseBatchCheck(out, names)).toEqual([{ oid: A, type: 'tree' }, null, null, { oid: B, type: 'blob' }]);
  });

  it('refuses an answer it does not understand', () => {
    expect(() => parseBatchCheck('what\n', ['c:x'])).toThrow(/cat-file/);
  });
});

describe('parseRefList', () => {
  it('separates branches and tags and finds the current branch', () => {
    const out = ' \x00refs/heads/main\n*\x00refs/heads/xen/work\n \x00refs/tags/v2.6.12\n \x00refs/remotes/origin/main\n';
    expect(parseRefList(out)).toEqual({ branches: ['main', 'xen/work'], tags: ['v2.6.12'], current: 'xen/work' });
  });

  it('has no current branch when HEAD is detached', () => {
    expect(parseRefList(' \x00refs/heads/main\n').current).toBeNull();
  });
});

describe('parseRepositoryKind', () => {
  it('tells a work tree, a bare repository and a .git folder apart', () => {
    expect(parseRepositoryKind('false\ntrue\n')).toBe('work-tree');
    expect(parseRepositoryKind('true\nfalse\n')).toBe('bare');
    expect(parseRepositoryKind('false\nfalse\n')).toBe('git-dir');
  });
});

describe('relabelFilePatch', () => {
  const labels = { old: 'arch/i386/x.c', new: 'arch/xen/i386/x.c' };

  it('puts the labels on a modified file and keeps the hunks', () => {
    const out = 'diff --git a/x.c b/x.c\nindex 422c2b7..6372083 100644\n--- a/x.c\n+++ b/x.c\n@@ -1,2 +1,3 @@\n a\n-b\n+c\n+d\n';
    expect(relabelFilePatch(out, labels)).toEqual({
      binary: false,
      text: '--- a/arch/i386/x.c\n+++ b/arch/xen/i386/x.c\n@@ -1,2 +1,3 @@\n a\n-b\n+c\n+d\n',
    });
  });

  it('names /dev/null for the side of an added or deleted file', () => {
    const added = 'diff --git a/x.c b/x.c\nnew file mode 100644\nindex 0000000..3e75765\n--- /dev/null\n+++ b/x.c\n@@ -0,0 +1 @@\n+new\n';
    expect(relabelFilePatch(added, labels).text).toBe('new file mode 100644\n--- /dev/null\n+++ b/arch/xen/i386/x.c\n@@ -0,0 +1 @@\n+new\n');
    const deleted = 'diff --git a/x.c b/x.c\ndeleted file mode 100644\nindex 3e75765..0000000\n--- a/x.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-old\n';
    expect(relabelFilePatch(deleted, labels).text).toBe('deleted file mode 100644\n--- a/arch/i386/x.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-old\n');
  });

  it('flags binary files, keeps mode-only changes, and gives nothing for no difference', () => {
    const bin = 'diff --git a/b.bin b/b.bin\nindex badc806..69f37a3 100644\nBinary files a/b.bin and b/b.bin differ\n';
    expect(relabelFilePatch(bin, labels)).toEqual({ binary: true, text: 'Binary files a/arch/i386/x.c and b/arch/xen/i386/x.c differ\n' });
    const mode = 'diff --git a/x.c b/x.c\nold mode 100644\nnew mode 100755\n';
    expect(relabelFilePatch(mode, labels)).toEqual({ binary: false, text: 'old mode 100644\nnew mode 100755\n' });
    expect(relabelFilePatch('', labels)).toEqual({ binary: false, text: '' });
  });

  it('is not fooled by a hunk line that reads like a header', () => {
    const out = 'diff --git a/x.c b/x.c\nindex 1..2 100644\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-Binary files a b differ\n+new mode 100755\n';
    expect(relabelFilePatch(out, labels)).toEqual({
      binary: false,
      text: '--- a/arch/i386/x.c\n+++ b/arch/xen/i386/x.c\n@@ -1 +1 @@\n-Binary files a b differ\n+new mode 100755\n',
    });
  });
});

describe('series graph parsers', () => {
  it('cuts cat-file --batch answers by their byte sizes, whatever bytes they hold', () => {
    const oid = 'a'.repeat(40);
    // "é" is two bytes in UTF-8, read as two latin1 characters; a newline inside a blob is content.
    const blob = Buffer.from('obj-y += é.o\n\nx', 'utf8').toString('latin1');
    const out = `${oid} blob ${blob.length}\n${blob}\nHEAD:missing missing\n${oid} tree 0\n\n`;
    const found = parseBatchContents(out, [`${oid}`, 'HEAD:missing', 'HEAD:dir']);
    expect(found.map((f) => (f === null ? null : Buffer.from(f, 'latin1').toString('utf8')))).toEqual(['obj-y += é.o\n\nx', null, null]);
  });

  it('measures each file\'s section of a diff', () => {
    const a = 'diff --git a/Makefile b/Makefile\nindex 1..2 100644\n--- a/Makefile\n+++ b/Makefile\n@@ -1 +1 @@\n-a\n+b\n';
    const b = 'diff --git a/x.bin b/x.bin\nnew file mode 100644\nGIT binary patch\nliteral 3\nKcmZ?wb^rhk\n\n';
    expect(fileDiffLengths(a + b)).toEqual([a.length, b.length]);
    expect(fileDiffLengths('')).toEqual([]);
  });
});
