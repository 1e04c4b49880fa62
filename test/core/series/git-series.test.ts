import { afterEach, describe, expect, it } from 'vitest';
import { readFileAt } from '../../../electron/core/git/cat-file';
import { diffTreeChanges } from '../../../electron/core/git/diff-tree';
import { parseLogRecords } from '../../../electron/core/git/log';
import { importCommits, parseMarks, quoteImportPath } from '../../../electron/core/git/fast-import';
import { cleanup, git } from '../../helpers/repo';
import { makeSeriesFixture, MAINTAINERS, ODD_NAME } from './series-fixture';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

const Z = '0'.repeat(40);
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('parsers of git output', () => {
  it('reads log records whose subject holds the separator', () => {
    expect(parseLogRecords(`${A}\x1fLinus\x1f2005-06-17T12:48:29-07:00\x1fLinux\x1f2.6.12\0${B}\x1fAndrew\x1f2005-06-18T00:00:00+00:00\x1f\0`)).toEqual([
      { commit: A, author: 'Linus', date: '2005-06-17T12:48:29-07:00', subject: 'Linux\x1f2.6.12' },
      { commit: B, author: 'Andrew', date: '2005-06-18T00:00:00+00:00', subject: '' },
    ]);
  });
});

describe('fast-import of series commits', () => {
  it('quotes paths C-style and reads the marks file', () => {
    expect(quoteImportPath('a b/"q"\\x\ny\tz')).toBe('"a b/\\"q\\"\\\\x\\ny\\011z"');
    expect(parseMarks(`:1 ${A}\n:2 ${B}\n`)).toEqual(new Map([[1, A], [2, B]]));
  });

  it('writes commits with odd paths and no ref, the same ids as git commit-tree would give', async () => {
    const fx = makeSeriesFixture();
    made.push(fx.repo);
    const oid = git(fx.repo, ['rev-parse', `xen:${ODD_NAME}`]).trim();
    const who = { name: 'Ann', email: 'ann@example.org' };
    const date = '1700000000 +0000';
    const [commit] = await importCommits(fx.repo, fx.upstream, [
      { entries: [{ path: ODD_NAME, mode: '100644', oid }, { path: 'README', mode: '000000', oid: Z }], message: 'odd\n', author: who, committer: who, date },
    ]);
    expect(git(fx.repo, ['diff-tree', '-r', '-z', '--name-status', '--no-renames', `${commit}^`, commit as string]).split('\0').filter(Boolean)).toEqual(['D', 'README', 'A', ODD_NAME]);
    const tree = git(fx.repo, ['rev-parse', `${commit}^{tree}`]).trim();
    const env = { GIT_AUTHOR_NAME: 'Ann', GIT_AUTHOR_EMAIL: 'ann@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: 'Ann', GIT_COMMITTER_EMAIL: 'ann@example.org', GIT_COMMITTER_DATE: date };
    expect(git(fx.repo, ['commit-tree', tree, '-p', fx.upstream], { input: 'odd\n', env }).trim()).toBe(commit);
    expect(git(fx.repo, ['for-each-ref', 'refs/merge-sprint'])).toBe('');
  });
});

describe('reading a repository', () => {
  it('lists the same changes as git diff --name-status, target ids included', async () => {
    const fx = makeSeriesFixture();
    made.push(fx.repo);
    const changes = await diffTreeChanges(fx.repo, fx.upstream, fx.fork);
    const fields = git(fx.repo, ['diff', '--no-renames', '--name-status', '-z', 'upstream', 'xen']).split('\0').filter(Boolean);
    const expected: { path: string; status: string }[] = [];
    for (let i = 0; i < fields.length; i += 2) expected.push({ status: fields[i] as string, path: fields[i + 1] as string });
    expect(changes.map((c) => ({ path: c.path, status: c.status }))).toEqual(expected);
    const odd = changes.find((c) => c.path === ODD_NAME);
    expect(odd?.oid).toBe(git(fx.repo, ['rev-parse', `xen:${ODD_NAME}`]).trim());
    expect(await readFileAt(fx.repo, fx.fork, 'MAINTAINERS')).toBe(MAINTAINERS);
    expect(await readFileAt(fx.repo, fx.fork, 'NO-SUCH-FILE')).toBeNull();
  });
});
