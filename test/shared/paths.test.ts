/**
 * The path rules against the spellings git's own tests try (t0060-path-utils, t1450-fsck,
 * t1014-read-tree-confusing and compat/mingw's is_valid_path test): what git refuses is refused,
 * what only Windows cannot check out is a warning, what git allows stays allowed.
 */
import { describe, expect, test } from 'vitest';
import { gitDotfileOf, isGitDirName } from '../../shared/git-names';
import { checkRepoPath, windowsOnlyNameWarning } from '../../shared/paths';

const ZWNJ = '\u200c';

describe('spellings of .git', () => {
  test.each([
    ['plain', '.git'],
    ['upper case', '.GIT'],
    ['mixed case', '.Git'],
    ['a trailing dot (NTFS drops it)', '.git.'],
    ['trailing dots and spaces', '.git . . '],
    ['an NTFS stream of the folder', '.git::$INDEX_ALLOCATION'],
    ['any NTFS stream name', '.git:x'],
    ['trailing dots before a stream', '.git. ::$DATA'],
    ['the 8.3 short name', 'git~1'],
    ['the 8.3 short name in upper case', 'GIT~1'],
    ['the 8.3 short name with a trailing space', 'GIT~1 '],
    ['another short-name number', 'git~2'],
    ['a zero-width non-joiner inside (HFS+ ignores it)', `.gI${ZWNJ}T`],
    ['a zero-width joiner', '.g\u200dit'],
    ['a left-to-right mark', '\u200e.git'],
    ['a right-to-left override', '.gi\u202et'],
    ['an Arabic form-shaping control', '.git\u206f'],
    ['a byte-order mark', '\ufeff.git'],
    ['a backslash before it (Windows reads a folder)', '.\\.GIT'],
    ['a backslash after it', '.git\\foobar'],
  ])('%s: %j is refused', (_why, name) => {
    expect(isGitDirName(name)).toBe(true);
    // A typed path with a backslash is refused for the backslash before its pieces are read.
    expect(checkRepoPath(`drivers/${name}/x`)).toMatch(name.includes('\\') ? /backslash/ : /git's own folder/);
  });

  test.each([
    ['a letter that is not an ASCII i (.Ňit)', '.\u0147it'],
    ['a longer name', '.github'],
    ['a dot and then more', '.git.x'],
    ['a space and then more', '.git x'],
    ['no dot', 'git'],
    ['a leading space', ' .git'],
    ['two dots', '..git'],
    ['a short name that is not git', 'gitx~1'],
    ['a zero-width space (HFS+ does not ignore it)', '.g\u200bit'],
  ])('%s: %j is allowed', (_why, name) => {
    expect(isGitDirName(name)).toBe(false);
  });
});

describe('spellings of the files git reads from the tree', () => {
  test.each([
    ['.gitmodules', ['.gitmodules', `.git${ZWNJ}modules`, '.Gitmodules', '.gitmoduleS', '.gitmodules ', '.gitmodules.', '.gitmodules . ', '.Gitmodules  .']],
    ['.gitmodules', ['GITMOD~1', 'gitmod~1', 'GITMOD~2', 'gitmod~3', 'GITMOD~4', 'GITMOD~1 ', 'gitmod~2.', 'gitmod~4 . ']],
    ['.gitmodules', ['GI7EBA~1', 'gi7eba~9', 'GI7EB~10', 'GI7EB~99', 'GI7E~100', 'GI7E~999', '~1000000', '~9999999']],
    ['.gitmodules', ['.gitmodules:$DATA', 'gitmod~4 . :$DATA']],
    ['.gitattributes', ['.gitattributes', `.git${ZWNJ}attributes`, '.Gitattributes', '.gitattributeS', 'GITATT~1', 'GI7D29~1']],
    ['.gitignore', ['.gitignore', `.git${ZWNJ}ignore`, '.Gitignore', '.gitignorE', 'GITIGN~1', 'GI250A~1']],
    ['.mailmap', ['.mailmap', `.mail${ZWNJ}map`, '.Mailmap', '.mailmaP', 'MAILMA~1', 'MABA30~1']],
  ])('%s in every spelling', (file, names) => {
    for (const name of names) expect([name, gitDotfileOf(name)]).toEqual([name, file]);
  });

  test.each([
    ['text after the trailing space', '.gitmodules x'],
    ['text after a trailing dot', '.gitmodules .x'],
    ['a leading space', ' .gitmodules'],
    ['two leading dots', '..gitmodules'],
    ['no dot', 'gitmodules'],
    ['one letter short', '.gitmodule'],
    ['a hashed short name without a number', 'GI7EBA~'],
    ['a hashed short name numbered 0', 'GI7EBA~0'],
    ['two tildes', 'GI7EBA~~1'],
    ['a letter for the number', 'GI7EBA~X'],
    ['a wrong letter in the hash', 'Gx7EBA~1'],
    ['the wrong hash', 'GI7EBX~1'],
    ['a short name that is too short', 'GI7EB~1'],
    ['a number with a leading zero', 'GI7EB~01'],
    ['a letter after the number', 'GI7EB~1X'],
    ['a comma before the stream', '.gitmodules,:$DATA'],
  ])('not .gitmodules: %s (%j)', (_why, name) => {
    expect(gitDotfileOf(name)).toBe(null);
  });
});

describe('checkRepoPath', () => {
  test.each([
    ['empty', '', /is empty/],
    ['a NUL', 'a\0b', /NUL/],
    ['a backslash', 'a\\b', /backslash/],
    ['absolute', '/etc/passwd', /absolute/],
    ['a Windows absolute path', 'C:/Windows', /absolute/],
    ['..', 'a/../b', /contains "\.\."/],
    ['.', './a', /contains "\."/],
    ['an empty component', 'a//b', /empty component/],
    ['an option', '-rf', /read as an option/],
  ])('refuses %s', (_why, p, message) => {
    expect(checkRepoPath(p)).toMatch(message);
  });

  test.each([['drivers/aux.c'], ['con'], ['nul.txt'], ['a:b'], ['a?b'], ['a*b'], ['a<b'], ['a"b'], ['a|b'], ['name.'], ['name '], ['tab\there'], ['drivers/xen/core']])(
    'accepts %j, a name git and Linux accept',
    (p) => {
      expect(checkRepoPath(p)).toBe(null);
    },
  );
});

describe('names only Windows cannot check out are warned about', () => {
  // compat/mingw.c's is_valid_path test: these Windows takes.
  test.each([['win32'], ['win32 x'], ['comm'], ['conout.c'], ['com0x.c'], ['lptN'], ['drivers/xen/core/evtchn.c']])('no warning for %j', (p) => {
    expect(windowsOnlyNameWarning(p)).toBe(null);
  });

  test.each([
    ['a trailing space', 'win32 ', /ends with a space/],
    ['a trailing space inside the path', 'win32 /x', /"win32 " ends with a space/],
    ['a trailing dot', 'win32.', /ends with a dot/],
    ['trailing dots and spaces', 'win32 . .', /ends with a dot/],
    ['a colon', 'colon:test', /holds ":"/],
    ['a device name with an extension', 'AUX.c', /AUX, a device name Windows reserves/],
    ['a device name in a folder, with spaces and an extension', 'abc/conOut$  .xyz/test', /CONOUT\$, a device name/],
    ['a printer port', 'lpt8', /LPT8/],
    ['a serial port with an extension', 'com9.c', /COM9/],
    ['a device name alone', 'Nul', /NUL/],
    ['a device name with a trailing dot, as a folder', 'PRN./abc', /PRN/],
    ['a console', 'con', /CON, a device name/],
    ['a device name with a stream', 'aux:x', /AUX/],
    ['a question mark', 'a?b', /holds "\?"/],
    ['a star', 'a*b', /holds "\*"/],
    ['angle brackets', 'a<b', /holds "<"/],
    ['a double quote', 'a"b', /holds """/],
    ['a pipe', 'a|b', /holds "\|"/],
    ['a control character', 'a\u0001b', /a control character \(U\+0001\)/],
  ])('%s (%j)', (_why, p, message) => {
    const warning = windowsOnlyNameWarning(p);
    expect(warning).toMatch(message);
    expect(warning).toMatch(/cannot be checked out on Windows/);
  });
});
