/**
 * git fsck's rules for the `.gitmodules` and `.gitattributes` a copy writes, on strings. The
 * cases are those of git's t7415-submodule-names and t0060 (url, name and path checks) and of
 * the attribute limits in attr.h; test/core/rename/git-files.test.ts shows real git fsck
 * agreeing on a commit that holds them.
 */
import { describe, expect, test } from 'vitest';
import {
  ATTR_MAX_FILE_SIZE,
  gitattributesProblem,
  gitmodulesProblems,
  gitReadFiles,
  submoduleNameProblem,
  submoduleUrlProblem,
} from '../../../shared/rename/git-files';

describe('submodule urls', () => {
  test.each([
    ['an https url', 'https://example.org/lib.git'],
    ['an ssh url', 'git@example.org:lib.git'],
    ['a relative url', '../lib.git'],
    ['a relative url going up twice', '../../other/lib.git'],
    ['a git:// url', 'git://example.org/lib.git'],
    ['an https url with a user and a port', 'https://ada@example.org:8443/lib.git'],
    ['a curl helper url', 'http::https://example.org/lib.git'],
  ])('accepted: %s', (_why, url) => {
    expect(submoduleUrlProblem(url)).toBe(null);
  });

  test.each([
    ['an option for git', '--upload-pack=touch /tmp/x', /starts with "-"/],
    ['an encoded newline in a relative url', './%0ahost=example.org', /newline/],
    ['an encoded newline in a git:// url', 'git://example.org/%0Ax', /newline/],
    ['going up and on with a colon', '../:x', /climbs above the remote/],
    ['going up and on with a slash', '.././/x', /climbs above the remote/],
    ['going up with backslashes', '..\\/x', /climbs above the remote/],
    ['an https url with no host', 'https:///example.org/x', /names no host/],
    ['a curl helper url with no host', 'http::https:///x', /names no host/],
    ['a user and no host', 'https://user@/x', /names no host/],
    ['an encoded newline in the path', 'https://example.org/x%0a', /newline/],
    ['an encoded newline in the host', 'https://exa%0Ample.org/x', /newline/],
  ])('refused: %s (%j)', (_why, url, message) => {
    expect(submoduleUrlProblem(url)).toMatch(message);
  });
});

describe('submodule names', () => {
  test.each([['lib'], ['a/b'], ['..x'], ['x..'], ['a/..b']])('accepted: %j', (name) => {
    expect(submoduleNameProblem(name)).toBe(null);
  });
  test.each([[''], ['..'], ['../x'], ['a/../b'], ['a/..'], ['..\\x'], ['a\\..\\b']])('refused: %j', (name) => {
    expect(submoduleNameProblem(name)).not.toBe(null);
  });
});

describe('the settings of a .gitmodules', () => {
  const entry = (key: string, value: string | null = 'x') => ({ key, value });

  test('a good file has nothing wrong; settings outside [submodule "..."] are not submodules', () => {
    expect(gitmodulesProblems([entry('submodule.lib.path', 'lib'), entry('submodule.lib.url', 'https://example.org/lib.git'), entry('submodule.lib.active', null)])).toEqual([]);
    expect(gitmodulesProblems([entry('core.url', '-x'), entry('submodule.path', '-x')])).toEqual([]);
  });

  test('a name with dots in it is the text between the first and the last dot', () => {
    expect(gitmodulesProblems([entry('submodule.a.b.url', 'https://example.org/x')])).toEqual([]);
    expect(gitmodulesProblems([entry('submodule.../x.url', 'https://example.org/x')])).toEqual([expect.stringMatching(/name "\.\.\/x" has a "\.\." component/)]);
  });

  test('each reason once, naming the submodule', () => {
    const problems = gitmodulesProblems([
      entry('submodule.../x.path', 'x'),
      entry('submodule.../x.url', './x'),
      entry('submodule.lib.path', '-lib'),
      entry('submodule.lib.url', '--upload-pack=x'),
      entry('submodule.lib.update', '!rm -rf /'),
      entry('submodule.lib.update', 'rebase'),
    ]);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/path "-lib" of submodule "lib" starts with "-"/);
    expect(problems.join('\n')).toMatch(/url "--upload-pack=x" of submodule "lib"/);
    expect(problems.join('\n')).toMatch(/submodule "lib" would run a command on update/);
  });
});

describe('a .gitattributes', () => {
  test('refused over the size git reads, without its text', () => {
    expect(gitattributesProblem(ATTR_MAX_FILE_SIZE, 'x\n')).toBe(null);
    expect(gitattributesProblem(ATTR_MAX_FILE_SIZE + 1, null)).toMatch(/over the 100 MB git reads/);
  });

  test('refused with a line of 2048 bytes or more, counted in UTF-8', () => {
    expect(gitattributesProblem(3000, `*.c diff\n${'a'.repeat(2047)}\n`)).toBe(null);
    expect(gitattributesProblem(3000, `*.c diff\n${'a'.repeat(2048)}\n`)).toMatch(/line 2 is 2048 bytes long/);
    // 1024 two-byte letters are 2048 bytes.
    expect(gitattributesProblem(3000, '\u00e9'.repeat(1024))).toMatch(/line 1 is 2048 bytes/);
  });

  test('git stops reading at a NUL byte', () => {
    expect(gitattributesProblem(5000, `*.c diff\0${'a'.repeat(3000)}`)).toBe(null);
  });
});

describe('which files a copy writes that fsck reads', () => {
  test('regular files named .gitmodules or .gitattributes in any spelling and folder; not links, not submodules, not .gitignore', () => {
    const files = [
      { from: 's/a', to: '.gitmodules', mode: '100644' },
      { from: 's/b', to: 'deep/er/GITMOD~1', mode: '100755' },
      { from: 's/c', to: 'x/.GitAttributes', mode: '100644' },
      { from: 's/d', to: 'x/.gitmodules', mode: '120000' },
      { from: 's/e', to: 'y/.gitmodules', mode: '160000' },
      { from: 's/f', to: 'z/.gitignore', mode: '100644' },
      { from: 's/g', to: 'z/gitmodules', mode: '100644' },
    ];
    expect(gitReadFiles(files).map((f) => [f.file.to, f.kind])).toEqual([
      ['.gitmodules', '.gitmodules'],
      ['deep/er/GITMOD~1', '.gitmodules'],
      ['x/.GitAttributes', '.gitattributes'],
    ]);
  });
});
