/** The fetch, push and remote verbs' parsers and error kinds, on git's own output. */
import { describe, expect, it } from 'vitest';
import { classifyGitError } from '../../../electron/core/git/errors';
import { parsePushLine, remoteMessages } from '../../../electron/core/git/push';
import { parseRemoteList } from '../../../electron/core/git/remote';

const REF = 'refs/merge-sprint/plan';

describe('push --porcelain', () => {
  it('finds the line of the ref with its flag and summary', () => {
    const out = `To ../remote.git\n!\t27429df9e10ea254c338b5a4c94c48c28599310d:${REF}\t[rejected] (fetch first)\nDone\n`;
    expect(parsePushLine(out, REF)).toEqual({ flag: '!', summary: '[rejected] (fetch first)' });
    expect(parsePushLine(`To x\n*\tf6c2e49:${REF}\t[new reference]\nDone\n`, REF)).toEqual({ flag: '*', summary: '[new reference]' });
    expect(parsePushLine(`To x\n \tf6c2e49:${REF}\t3e75765..f6c2e49\nDone\n`, REF)).toEqual({ flag: ' ', summary: '3e75765..f6c2e49' });
    expect(parsePushLine('To x\n*\tf6c2e49:refs/heads/main\t[new branch]\nDone\n', REF)).toBeNull();
    expect(parsePushLine('', REF)).toBeNull();
  });

  it("keeps the remote's words without git's prefixes and padding", () => {
    const stderr = 'remote: remote: the plan ref is protected        \nerror: failed to push some refs to \'../remote.git\'\n';
    expect(remoteMessages(stderr)).toBe('the plan ref is protected');
    expect(remoteMessages('error: failed to push\n')).toBe('');
  });
});

describe('git remote', () => {
  it('lists one name a line', () => {
    expect(parseRemoteList('origin\nkeir\n')).toEqual(['origin', 'keir']);
    expect(parseRemoteList('')).toEqual([]);
  });
});

describe('remote failures by kind', () => {
  it.each([
    ["fatal: couldn't find remote ref refs/merge-sprint/plan\n", 'remote-ref-missing'],
    ['fatal: unable to connect to 127.0.0.1:\n127.0.0.1[0: 127.0.0.1]: errno=Connection refused\n', 'remote-unreachable'],
    ["fatal: '/srv/nothere' does not appear to be a git repository\nfatal: Could not read from remote repository.\n", 'remote-unreachable'],
    ["fatal: unable to access 'https://git.example.org/xen.git/': Could not resolve host: git.example.org\n", 'remote-unreachable'],
    ['ssh: connect to host git.example.org port 22: Connection refused\nfatal: Could not read from remote repository.\n', 'remote-unreachable'],
    ["fatal: remote error: access denied or repository not exported: /x.git\n", 'other'],
  ])('%s', (stderr, kind) => {
    expect(classifyGitError(128, stderr)).toBe(kind);
  });
});
