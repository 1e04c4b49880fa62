import { describe, expect, it } from 'vitest';
import { coverSubject, statOfPatch, withEarlierReference, withStat } from '../../../electron/core/git/format-patch';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

// As git 2.39 writes them (format-patch --cover-letter --base, and one patch).
const COVER = [
  'From 42a9 Mon Sep 17 00:00:00 2001', 'Message-Id: <cover.17.git.sam@example.org>', 'From: Sam <sam@example.org>',
  'Subject: [PATCH v2 00/12] *** SUBJECT HERE ***', '', '*** BLURB HERE ***', '',
  'Keir Fraser (2):', '  xen: one', '  xen: two', '',
  ' arch/i386/kernel/setup.c | 1 +', ' 1 file changed, 1 insertion(+)', '', '', 'base-commit: 3f1c', '-- ', '2.39.5', '',
].join('\n');
const PATCH = [
  'From 9bb3 Mon Sep 17 00:00:00 2001', 'Message-Id: <9bb3.17.git.sam@example.org>', 'In-Reply-To: <cover.2@x>', 'References: <cover.2@x>',
  'Subject: [PATCH v2 01/12] xen: one', '', 'Body.', '', '---', ' arch/{ => xen}/i386/k.c | 2 +-', ' 1 file changed', ' copy arch/{ => xen}/i386/k.c (97%)', '',
  'diff --git a/arch/i386/k.c b/arch/xen/i386/k.c', 'References: <cover.2@x>', '',
].join('\n');

describe('format-patch output', () => {
  it('takes a patch diffstat and summary and puts it in place of a cover letter one, between the shortlog and base-commit', () => {
    const stat = statOfPatch(b(PATCH));
    expect(stat.toString('latin1')).toBe(' arch/{ => xen}/i386/k.c | 2 +-\n 1 file changed\n copy arch/{ => xen}/i386/k.c (97%)\n');
    const cover = withStat(b(COVER), stat).toString('latin1');
    expect(cover).toBe(COVER.replace(' arch/i386/kernel/setup.c | 1 +\n 1 file changed, 1 insertion(+)\n', stat.toString('latin1')));
    expect(() => withStat(b('Subject: x\n\nno stat\n'), stat)).toThrow(/without a diffstat/);
    expect(() => statOfPatch(b('Subject: x\n\nno diff\n'))).toThrow(/without a diffstat/);
  });

  it('reads the subject prefix and the count of a cover letter, the prefix possibly empty', () => {
    expect(coverSubject(b(COVER))).toEqual({ prefix: 'PATCH v2', total: 12 });
    expect(coverSubject(b('From x\nSubject: [0/3] *** SUBJECT HERE ***\n\n'))).toEqual({ prefix: '', total: 3 });
    expect(() => coverSubject(b('From x\nSubject: [PATCH] one\n\n'))).toThrow(/numbered subject/);
  });

  it('names the first version cover letter before this one in References, in the header only', () => {
    const out = withEarlierReference(b(PATCH), '<cover.1@x>', '<cover.2@x>').toString('latin1');
    expect(out).toBe(PATCH.replace('References: <cover.2@x>\n', 'References: <cover.1@x>\n\t<cover.2@x>\n'));
    expect(out.split('References: <cover.2@x>').length).toBe(2);
  });
});
