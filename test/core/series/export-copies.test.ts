import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportSeries } from '../../../electron/core/series/export';
import { exportSize } from '../../../electron/core/series/export-size';
import { cleanup, git, tempDir } from '../../helpers/repo';
import { SENDER, seriesInput } from './series-fixture';
import { ALICE, CHRIS, COPIED, copiesInParts, copyOf, IAN, KEIR, proposedSparseFork, twinOfCopy } from './sparse-fork';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

const patchOf = (out: string, files: { name: string; patchId: string | null }[], id: string): string =>
  readFileSync(path.join(out, files.find((f) => f.patchId === id)?.name as string), 'utf8');

/** The trailer lines of a mail's commit message (between the blank line before them and "---"). */
const trailersOf = (mail: string): string[] => {
  const message = mail.split('\n---\n')[0] as string;
  return message.split('\n').filter((l) => /^[A-Z][A-Za-z-]+-by: /.test(l));
};

describe('export of a sparse fork', () => {
  it('sends the fork copies of upstream files as copies with the fork changes, which git am turns into the fork tree', async () => {
    const fx = await proposedSparseFork();
    const out = tempDir();
    const clone = tempDir();
    made.push(fx.repo, out, clone);
    const exported = await exportSeries(await seriesInput(fx.repo, fx.plan), SENDER, { out });
    if (!exported.ok) throw new Error(exported.error.message);
    const xen = patchOf(out, exported.value.report.files, 'patch-xen-i386');
    for (let i = 0; i < COPIED; i++) expect(xen).toContain(`copy from ${twinOfCopy(i)}\ncopy to ${copyOf(i)}\n`);
    expect(xen).not.toContain('new file mode');
    // Each copy reads as the two lines the fork changed, not its 60 lines.
    expect(xen.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).length).toBeLessThan(COPIED * 4);

    git(clone, ['clone', '-q', '--branch', 'upstream', fx.repo, clone]);
    const patches = exported.value.report.files.slice(1).map((f) => path.join(out, f.name));
    git(clone, ['am', '-q', ...patches], { env: { GIT_COMMITTER_NAME: 'Upstream', GIT_COMMITTER_EMAIL: 'up@example.org' } });
    expect(git(clone, ['rev-parse', 'HEAD^{tree}'])).toBe(git(fx.repo, ['rev-parse', 'xen^{tree}']));
  });

  it('sends copies spread over several patches each as copies in its own patch, and git am of them all ends on the fork tree', async () => {
    const fx = await proposedSparseFork();
    const out = tempDir();
    const clone = tempDir();
    made.push(fx.repo, out, clone);
    const plan = copiesInParts(fx.plan, 3);
    const exported = await exportSeries(await seriesInput(fx.repo, plan), SENDER, { out });
    if (!exported.ok) throw new Error(exported.error.message);
    const files = exported.value.report.files;
    const parts = ['patch-xen-i386', 'patch-xen-i386-2', 'patch-xen-i386-3'].map((id) => patchOf(out, files, id));
    // Each part holds its own ten copies, each read as a copy of its twin, and no copy of another part.
    parts.forEach((text, part) => {
      for (let i = 0; i < COPIED; i++) {
        const mine = i >= part * 10 && i < (part + 1) * 10;
        expect(text.includes(`copy from ${twinOfCopy(i)}\ncopy to ${copyOf(i)}\n`), `${copyOf(i)} in part ${part + 1}`).toBe(mine);
      }
      expect(text).not.toContain('new file mode');
    });

    git(clone, ['clone', '-q', '--branch', 'upstream', fx.repo, clone]);
    git(clone, ['am', '-q', ...files.slice(1).map((f) => path.join(out, f.name))], { env: { GIT_COMMITTER_NAME: 'Upstream', GIT_COMMITTER_EMAIL: 'up@example.org' } });
    expect(git(clone, ['rev-list', '--count', 'origin/upstream..HEAD']).trim()).toBe(String(files.length - 1));
    expect(git(clone, ['rev-parse', 'HEAD^{tree}'])).toBe(git(fx.repo, ['rev-parse', 'xen^{tree}']));
  });

  it('is less than half the size with the copies than with every copy as a new file', async () => {
    const fx = await proposedSparseFork();
    made.push(fx.repo);
    const size = await exportSize(await seriesInput(fx.repo, fx.plan), SENDER);
    if (size === null) throw new Error('no size');
    const whole = git(fx.repo, ['format-patch', '--stdout', '--no-signoff', '-M', `${fx.upstream}..xen`]).length;
    expect(size.withoutCopies).toBeGreaterThan(whole / 2);
    expect(size.withCopies * 2).toBeLessThan(size.withoutCopies);
  });

  it('signs off only as the sender, keeps the fork commits trailers on the patches holding their changes, and names the author in the body', async () => {
    const fx = await proposedSparseFork();
    const out = tempDir();
    made.push(fx.repo, out);
    const exported = await exportSeries(await seriesInput(fx.repo, fx.plan), SENDER, { out });
    if (!exported.ok) throw new Error(exported.error.message);
    const files = exported.value.report.files;
    const hooks = patchOf(out, files, 'patch-hooks');
    expect(trailersOf(hooks)).toEqual([KEIR, CHRIS, 'Signed-off-by: Sam Sender <sam@example.org>']);
    // The copies carry the first commit's trailers and the third's (none); Keir's sign-off once.
    expect(trailersOf(patchOf(out, files, 'patch-xen-i386'))).toEqual([KEIR, IAN, 'Signed-off-by: Sam Sender <sam@example.org>']);
    expect(trailersOf(patchOf(out, files, 'patch-xen-core'))).toEqual(['Signed-off-by: Sam Sender <sam@example.org>']);
    for (const f of files.slice(1)) expect(readFileSync(path.join(out, f.name), 'utf8')).not.toMatch(/Signed-off-by: (Alice|Bob)/);
    // Sent by Sam, written by Alice: the mail is from Sam and its body starts with Alice's From line.
    expect(hooks).toMatch(/^From: Sam Sender <sam@example.org>$/m);
    expect(hooks.split('\n\n')[1]).toBe(`From: ${ALICE.name} <${ALICE.email}>`);
  });
});
