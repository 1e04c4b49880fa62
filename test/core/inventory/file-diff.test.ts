/** The diff of one inventory file against its upstream twin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DIFF_CHARS, fileDiff, truncateDiff } from '../../../electron/core/inventory/file-diff';
import type { SprintSettings } from '../../../shared/model';
import { cleanup, git, makeCommit } from '../../helpers/repo';
import { AWKWARD, makeInventoryFixture, repositoryState } from './fixture';

let repo = '';
let settings: SprintSettings;
let before = '';
beforeAll(() => {
  ({ repo, settings } = makeInventoryFixture());
  before = repositoryState(repo);
});
afterAll(() => cleanup(repo));

const diffOf = async (path: string) => {
  const result = await fileDiff(repo, settings, path);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
/** The hunks git itself prints for the same two blobs. */
const gitHunks = (a: string, b: string): string => {
  const out = git(repo, ['diff', a, b]);
  return out.slice(out.indexOf('@@'));
};

describe('fileDiff', () => {
  it('diffs a paired file against its upstream twin', async () => {
    const d = await diffOf('arch/xen/i386/kernel/setup.c');
    expect(d).toMatchObject({ path: 'arch/xen/i386/kernel/setup.c', upstreamPath: 'arch/i386/kernel/setup.c', binary: false, truncated: false });
    expect(d.text).toBe(
      `--- a/arch/i386/kernel/setup.c\n+++ b/arch/xen/i386/kernel/setup.c\n${gitHunks('v1.0:arch/i386/kernel/setup.c', 'xen:arch/xen/i386/kernel/setup.c')}`,
    );
  });

  it('diffs a file changed in place outside the pairings', async () => {
    const d = await diffOf('drivers/net/ne2k.c');
    expect(d.upstreamPath).toBe('drivers/net/ne2k.c');
    expect(d.text).toBe(`--- a/drivers/net/ne2k.c\n+++ b/drivers/net/ne2k.c\n${gitHunks('v1.0:drivers/net/ne2k.c', 'xen:drivers/net/ne2k.c')}`);
  });

  it('shows a fork-only file as added, and an inherited one as inherited, not as a deletion', async () => {
    const added = await diffOf('arch/xen/i386/kernel/evtchn.c');
    expect(added.text.startsWith('new file mode 100644\n--- /dev/null\n+++ b/arch/xen/i386/kernel/evtchn.c\n@@ -0,0 +1,12 @@\n+evtchn line 0\n')).toBe(true);
    expect(added.inherited).toBe(false);
    const inherited = await diffOf('arch/xen/x86_64/kernel/head.c');
    expect(inherited).toEqual({ path: 'arch/xen/x86_64/kernel/head.c', upstreamPath: 'arch/x86_64/kernel/head.c', binary: false, text: '', truncated: false, inherited: true });
  });

  it('shows a file the fork removed outside the pairings as a deletion: that is a change of the fork', async () => {
    const d = await diffOf('drivers/net/gone.c');
    expect(d.inherited).toBe(false);
    expect(d.text).toContain('deleted file mode 100644\n--- a/drivers/net/gone.c\n+++ /dev/null\n');
  });

  it('handles identical copies, binary files, awkward names, symlinks and submodules', async () => {
    expect((await diffOf('arch/xen/i386/kernel/same.c')).text).toBe('');
    expect(await diffOf('arch/xen/i386/logo.bin')).toMatchObject({ binary: true, text: 'Binary files a/arch/i386/logo.bin and b/arch/xen/i386/logo.bin differ\n' });
    const awkward = await diffOf(`arch/xen/i386/${AWKWARD}`);
    expect(awkward.text).toContain(`+++ b/arch/xen/i386/${AWKWARD}\n`);
    expect(awkward.text).toContain('+more\n');
    expect((await diffOf('arch/xen/i386/link')).text).toContain('-kernel/setup.c\n\\ No newline at end of file\n+kernel/evtchn.c\n');
    expect((await diffOf('lib/sub')).text).toContain('+Subproject commit 2222222222222222222222222222222222222222\n');
  });

  it('refuses paths that are not files of either ref', async () => {
    const codes = [];
    for (const path of ['no/such/file.c', 'arch/xen/i386/kernel', '../etc/passwd', '.git/config']) {
      const result = await fileDiff(repo, settings, path);
      codes.push(result.ok ? 'ok' : result.error.code);
    }
    expect(codes).toEqual(['not-found', 'bad-path', 'bad-path', 'bad-path']);
    const badRef = await fileDiff(repo, { ...settings, forkRef: 'gone' }, 'drivers/net/ne2k.c');
    expect(badRef.ok ? null : badRef.error.code).toBe('unknown-ref');
  });

  it('changed nothing in the repository (before the test below commits)', () => {
    expect(repositoryState(repo)).toBe(before);
  });

  it('cuts a huge diff at a line end and says so', async () => {
    const line = `${'x'.repeat(99)}\n`;
    makeCommit(repo, { files: { 'big.txt': line.repeat(30_000) } });
    const big = await fileDiff(repo, settings, 'big.txt');
    if (!big.ok) throw new Error(big.error.message);
    expect(big.value.truncated).toBe(true);
    expect(big.value.text.length).toBeLessThanOrEqual(MAX_DIFF_CHARS);
    expect(big.value.text.endsWith(`+${line}`)).toBe(true);
  });
});

describe('truncateDiff', () => {
  it('keeps short text and cuts long text after the last whole line', () => {
    expect(truncateDiff('a\nb\n', 10)).toEqual({ text: 'a\nb\n', truncated: false });
    expect(truncateDiff('aaa\nbbb\nccc\n', 9)).toEqual({ text: 'aaa\nbbb\n', truncated: true });
    expect(truncateDiff('aaaaaaaaaa', 4)).toEqual({ text: 'aaaa', truncated: true });
  });
});
