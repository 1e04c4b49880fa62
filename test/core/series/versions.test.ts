import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportSeries } from '../../../electron/core/series/export';
import { parseCheckpatch } from '../../../electron/core/series/checkpatch';
import { editPatch, movePatch } from '../../../shared/series/edit';
import { cleanup, tempDir } from '../../helpers/repo';
import { planWith, SENDER, seriesInput } from './series-fixture';
import { proposedSparseFork } from './sparse-fork';

const made: string[] = [];
afterEach(() => cleanup(...made.splice(0)));

const headerOf = (mail: string, name: string): string | null => new RegExp(`^${name}: (.*)$`, 'm').exec(mail.split('\n\n')[0] ?? '')?.[1] ?? null;
const lineOf = (mail: string, key: string): string | null => new RegExp(`^${key}: (.*)$`, 'm').exec(mail)?.[1] ?? null;

describe('versions like b4', () => {
  it('numbers v2, keeps the change-id, threads its cover letter to v1, names the base commit and writes the changelog', async () => {
    const fx = await proposedSparseFork();
    const out1 = tempDir();
    const out2 = tempDir();
    made.push(fx.repo, out1, out2);
    const v1 = await exportSeries(await seriesInput(fx.repo, fx.plan), SENDER, { out: out1, now: new Date('2026-01-02T00:00:00Z') });
    if (!v1.ok) throw new Error(v1.error.message);
    const cover1 = readFileSync(path.join(out1, '0000-cover-letter.patch'), 'utf8');

    // Between versions: the core patch moves first, the hooks patch gets a new subject, the team writes the cover letter.
    const recorded = planWith([{ type: 'series.version', version: v1.value.version }], fx.plan);
    const moved = movePatch(recorded.series, 'patch-xen-core', 0);
    if (!moved.ok) throw new Error(moved.error.message);
    const renamed = editPatch(planWith([moved.value], recorded).series, 'patch-hooks', { subject: 'x86: a hook for Xen at setup' });
    if (!renamed.ok) throw new Error(renamed.error.message);
    const plan = planWith([moved.value, renamed.value, { type: 'series.cover', cover: { subject: 'Xen for 2.6.13', blurb: 'The Xen sub-architecture.' } }], recorded);
    const v2 = await exportSeries(await seriesInput(fx.repo, plan), SENDER, { out: out2, now: new Date('2026-01-09T00:00:00Z') });
    if (!v2.ok) throw new Error(v2.error.message);
    const files = v2.value.report.files.map((f) => readFileSync(path.join(out2, f.name), 'utf8'));
    const cover2 = files[0] as string;

    expect(headerOf(cover2, 'Subject')).toBe('[PATCH v2 0/3] Xen for 2.6.13');
    expect(files.slice(1).map((m) => headerOf(m, 'Subject'))).toEqual([
      '[PATCH v2 1/3] xen: core: add evtchn.c',
      '[PATCH v2 2/3] x86: a hook for Xen at setup',
      '[PATCH v2 3/3] xen: i386: add kernel support',
    ]);
    const id1 = headerOf(cover1, 'Message-Id');
    const id2 = headerOf(cover2, 'Message-Id');
    expect(id1).not.toBeNull();
    expect(id2).not.toBe(id1);
    expect(v1.value.version.coverMessageId).toBe(id1);
    expect(headerOf(cover2, 'In-Reply-To')).toBe(id1);
    expect(headerOf(cover2, 'References')).toBe(id1);
    for (const m of files.slice(1)) expect(headerOf(m, 'In-Reply-To')).toBe(id2);
    expect(lineOf(cover1, 'base-commit')).toBe(fx.upstream);
    expect(lineOf(cover2, 'base-commit')).toBe(fx.upstream);
    expect(lineOf(cover2, 'change-id')).toBe(lineOf(cover1, 'change-id'));
    expect(v2.value.report.changeId).toBe(v1.value.report.changeId);
    expect(cover2).toContain('The Xen sub-architecture.\n\nChanges in v2:\n');
    expect(v2.value.report.changelog?.split('\n')).toEqual([
      'Changes in v2:',
      '- 1/3 "xen: core: add evtchn.c": moved (was 2/3)',
      '- 2/3 "x86: a hook for Xen at setup": changed, moved (was 1/3)',
    ]);
  });

  it('leaves a changelog the team wrote in the cover letter as it is', async () => {
    const fx = await proposedSparseFork();
    const out1 = tempDir();
    const out2 = tempDir();
    made.push(fx.repo, out1, out2);
    const v1 = await exportSeries(await seriesInput(fx.repo, fx.plan), SENDER, { out: out1 });
    if (!v1.ok) throw new Error(v1.error.message);
    const plan = planWith([{ type: 'series.version', version: v1.value.version }], fx.plan);
    const blurb = 'Xen.\n\nChanges in v2:\n- rebased on 2.6.13, nothing else';
    const v2 = await exportSeries(await seriesInput(fx.repo, plan), SENDER, { out: out2, coverSubject: 'Xen', coverBlurb: blurb });
    if (!v2.ok) throw new Error(v2.error.message);
    const cover = readFileSync(path.join(out2, '0000-cover-letter.patch'), 'utf8');
    expect(cover).toContain(`${blurb}\n\n`);
    expect(cover.match(/Changes in v2:/g)).toHaveLength(1);
    expect(v2.value.report.changelog).toBeNull();
  });
});

const FAKE_CHECKPATCH = `#!/usr/bin/perl
# Stands in for the kernel's checkpatch.pl: one finding per patch, naming the patch's first file.
my $tree = grep { $_ eq '--no-tree' } @ARGV;
my ($file) = grep { $_ !~ /^--/ } @ARGV;
open(my $fh, '<', $file) or die;
my ($path) = map { /^\\+\\+\\+ b\\/(.*)$/ ? $1 : () } <$fh>;
print "WARNING: fake check of a patch" . ($tree ? " without a tree" : "") . "\\n#7: FILE: $path:1:\\n+x\\n\\n";
exit 1;
`;

describe('checkpatch', () => {
  it('runs the tree script on each patch with --no-tree and keeps its warnings per patch', async () => {
    const fx = await proposedSparseFork({ 'scripts/checkpatch.pl': FAKE_CHECKPATCH });
    const out = tempDir();
    made.push(fx.repo, out);
    const exported = await exportSeries(await seriesInput(fx.repo, fx.plan), SENDER, { out });
    if (!exported.ok) throw new Error(exported.error.message);
    const { checkpatch, files } = exported.value.report;
    expect(checkpatch.ran).toBe(true);
    expect(checkpatch.perPatch.map((p) => p.file)).toEqual(files.slice(1).map((f) => f.name));
    expect(checkpatch.perPatch.find((p) => p.file === files.find((f) => f.patchId === 'patch-hooks')?.name)?.findings).toEqual([
      'WARNING: fake check of a patch without a tree (arch/i386/kernel/setup.c:1)',
    ]);
  });

  it('says plainly when the tree has no checkpatch.pl, and when perl is missing', async () => {
    const fx = await proposedSparseFork({ 'scripts/checkpatch.pl': FAKE_CHECKPATCH });
    const out = tempDir();
    const out2 = tempDir();
    made.push(fx.repo, out, out2);
    // A PATH where git is found and perl is not.
    const bin = tempDir();
    made.push(bin);
    symlinkSync(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(), path.join(bin, 'git'));
    const path0 = process.env.PATH;
    process.env.PATH = bin;
    let exported;
    try {
      exported = await exportSeries(await seriesInput(fx.repo, fx.plan), SENDER, { out });
    } finally {
      process.env.PATH = path0;
    }
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.value.report.checkpatch).toEqual({ ran: false, reason: 'The tree has scripts/checkpatch.pl but perl is not installed, so the patches were not style-checked: install perl and export again.', perPatch: [] });
    const bare = await proposedSparseFork();
    made.push(bare.repo);
    const none = await exportSeries(await seriesInput(bare.repo, bare.plan), SENDER, { out: out2 });
    if (!none.ok) throw new Error(none.error.message);
    expect(none.value.report.checkpatch.reason).toBe('The tree has no scripts/checkpatch.pl, so the patches were not style-checked.');
  });

  it('reads the findings of the real script output', () => {
    const out = 'WARNING: Missing a blank line after declarations\n#31: FILE: arch/x/a.c:12:\n+\tint x;\n\nERROR: trailing whitespace\n#40: FILE: arch/x/b.c:3:\n+x \n\nCHECK: Alignment should match open parenthesis\n';
    expect(parseCheckpatch(out)).toEqual([
      'WARNING: Missing a blank line after declarations (arch/x/a.c:12)',
      'ERROR: trailing whitespace (arch/x/b.c:3)',
      'CHECK: Alignment should match open parenthesis',
    ]);
  });
});
