import { afterEach, describe, expect, it } from 'vitest';
import { listAuthors, parseShortlog } from '../../../electron/core/git/authors';
import { authorsToPeople, peopleFromAuthors } from '../../../electron/core/plan/people';
import { PERSON_COLORS } from '../../../shared/plan/colors';
import { cleanup, git, makeCommit, makeRepo } from '../../helpers/repo';

const dirs: string[] = [];
afterEach(() => cleanup(...dirs.splice(0)));

const commitAs = (repo: string, name: string, email: string, n: number) => {
  for (let i = 0; i < n; i++) {
    git(repo, ['commit', '-q', '--allow-empty', '-m', `${name} ${i}`], { env: { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email } });
  }
};

describe('authors', () => {
  it('parses git shortlog -sne', () => {
    expect(parseShortlog("    42\tKeir Fraser <keir@xensource.com>\n     7\tChris O'Neil <>\n")).toEqual([
      { commits: 42, name: 'Keir Fraser', email: 'keir@xensource.com' },
      { commits: 7, name: "Chris O'Neil", email: '' },
    ]);
    expect(parseShortlog('')).toEqual([]);
  });

  it('lists a range\'s authors, most commits first, and refuses what is not a range', async () => {
    const repo = makeRepo();
    dirs.push(repo);
    makeCommit(repo, { files: { README: 'x\n' } });
    commitAs(repo, 'Keir Fraser', 'keir@xensource.com', 3);
    commitAs(repo, 'Ian Pratt', 'ian@xensource.com', 2);
    commitAs(repo, 'Zoë Ünicode', 'zoe@example.org', 1);
    const all = await listAuthors(repo, 'HEAD', 10);
    expect(all.ok && all.value.map((a) => `${a.commits} ${a.name} <${a.email}>`)).toEqual([
      '3 Keir Fraser <keir@xensource.com>',
      '2 Ian Pratt <ian@xensource.com>',
      '1 Ada Fixture <ada@example.org>',
      '1 Zoë Ünicode <zoe@example.org>',
    ]);
    const top = await listAuthors(repo, 'HEAD~3..HEAD', 2);
    expect(top.ok && top.value.map((a) => a.name)).toEqual(['Ian Pratt', 'Zoë Ünicode']);
    const unknown = await listAuthors(repo, 'no-such-branch', 5);
    expect(unknown.ok ? null : unknown.error.code).toBe('unknown-ref');
    const option = await listAuthors(repo, '--all', 5);
    expect(option.ok ? null : option.error.code).toBe('bad-input');
  });
});

describe('people from authors', () => {
  const existing = [{ id: 'keir', name: 'Keir', email: 'KEIR@xensource.com', color: PERSON_COLORS[0]! }];

  it('skips people already on the board by address or name, and gives the rest free colours', () => {
    const people = authorsToPeople(
      [
        { name: 'Keir Fraser', email: 'keir@xensource.com', commits: 9 },
        { name: 'Ian Pratt', email: 'ian@xensource.com', commits: 5 },
        { name: 'keir', email: 'other@example.org', commits: 4 },
        { name: 'Ian Pratt', email: 'ian@cl.cam.ac.uk', commits: 2 },
        { name: 'Steven Hand', email: 'steven@xensource.com', commits: 1 },
      ],
      existing,
    );
    expect(people).toEqual([
      { id: 'ian-pratt', name: 'Ian Pratt', email: 'ian@xensource.com', color: PERSON_COLORS[1] },
      { id: 'steven-hand', name: 'Steven Hand', email: 'steven@xensource.com', color: PERSON_COLORS[2] },
    ]);
  });

  it('finds `limit` new people even when the top authors are on the board', async () => {
    const repo = makeRepo();
    dirs.push(repo);
    makeCommit(repo, { files: { README: 'x\n' } });
    commitAs(repo, 'Keir', 'keir@xensource.com', 3);
    commitAs(repo, 'Ian Pratt', 'ian@xensource.com', 2);
    const people = await peopleFromAuthors(repo, 'HEAD', existing, 1);
    expect(people.ok && people.value.map((p) => p.name)).toEqual(['Ian Pratt']);
  });
});
