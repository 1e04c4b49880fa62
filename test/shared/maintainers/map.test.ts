import { describe, expect, it } from 'vitest';
import { indexMaintainers } from '../../../shared/maintainers/match';
import { hasFilePatterns, invertBindings, parseBinding, setBindings, withMap } from '../../../shared/maintainers/map';
import { parseMaintainers } from '../../../shared/maintainers/parse';
import { explainRecipients, twinOf } from '../../../shared/series/recipients';
import type { RenameRule } from '../../../shared/rename/model';

/** A modern file: F:, X: and N: lines, as get_maintainer.pl reads them. */
const MODERN = `Header

X86 ARCHITECTURE (32-BIT AND 64-BIT)
M:	Thomas Gleixner <tglx@example.org>
R:	H. Peter Anvin <hpa@example.org>
L:	x86@example.org
S:	Maintained
F:	arch/x86/
X:	arch/x86/xen/

XEN HYPERVISOR X86
M:	Juergen Gross <jgross@example.org>
L:	xen-devel@example.org (moderated for non-subscribers)
S:	Supported
F:	arch/x86/xen/
N:	xen

THE REST
M:	Linus Torvalds <torvalds@example.org>
L:	linux-kernel@example.org
S:	Buried alive in reporters
F:	*
F:	*/
`;

const modern = parseMaintainers(MODERN).sections;
const addresses = (r: { address: string }[]) => r.map((x) => x.address);

describe('To and Cc as get_maintainer.pl gives them', () => {
  it('takes every matching section, M: to, R: and L: cc, and honours X:', () => {
    const files = ['arch/x86/xen/enlighten.c'];
    const r = explainRecipients(indexMaintainers(modern, files), files);
    // X86 excludes arch/x86/xen/: neither its maintainer nor its list.
    expect(addresses(r.to)).toEqual(['Juergen Gross <jgross@example.org>', 'Linus Torvalds <torvalds@example.org>']);
    expect(addresses(r.cc)).toEqual(['xen-devel@example.org', 'linux-kernel@example.org']);
    expect(r.to[0]?.reasons).toEqual(['M: of XEN HYPERVISOR X86']);
  });

  it('matches N: expressions anywhere in the path', () => {
    const files = ['drivers/block/xen-blkfront.c'];
    const r = explainRecipients(indexMaintainers(modern, files), files);
    // N: has depth 0, above THE REST's `*/` (-1): its maintainer comes first, as in the script.
    expect(addresses(r.to)).toEqual(['Juergen Gross <jgross@example.org>', 'Linus Torvalds <torvalds@example.org>']);
  });

  it('adds the twin folder\'s sections with the reason, through the pairing', () => {
    const files = ['arch/x86/xen/kernel/setup.c'];
    const pairings = [{ fork: 'arch/x86/xen', upstream: 'arch/x86' }];
    const index = indexMaintainers(modern, [...files, 'arch/x86/kernel/setup.c']);
    const r = explainRecipients(index, files, (f) => twinOf(f, pairings));
    expect(r.to).toContainEqual({ address: 'Thomas Gleixner <tglx@example.org>', reasons: ['M: of X86 ARCHITECTURE (32-BIT AND 64-BIT), twin of arch/x86/xen'] });
    expect(r.cc).toContainEqual({ address: '"H. Peter Anvin" <hpa@example.org>', reasons: ['R: of X86 ARCHITECTURE (32-BIT AND 64-BIT), twin of arch/x86/xen'] });
    // Without the pairing the exclusion stands.
    expect(addresses(explainRecipients(index, files).to)).not.toContain('Thomas Gleixner <tglx@example.org>');
  });
});

describe('twinOf', () => {
  const pairings = [{ fork: 'arch/xen/i386', upstream: 'arch/i386' }];
  const copied = { id: 'r1', from: 'arch/xen/i386', to: 'arch/i386/xen', phase: 'copied' } as RenameRule;

  it('maps a paired path to its twin and leaves others alone', () => {
    expect(twinOf('arch/xen/i386/kernel/setup.c', pairings)).toEqual({ path: 'arch/i386/kernel/setup.c', fork: 'arch/xen/i386' });
    expect(twinOf('drivers/xen/core/evtchn.c', pairings)).toBeNull();
    expect(twinOf('arch/xen/i386', pairings)).toBeNull();
  });

  it('gives an interim copy its source\'s twin', () => {
    expect(twinOf('arch/i386/xen/kernel/setup.c', pairings, [copied])).toEqual({ path: 'arch/i386/kernel/setup.c', fork: 'arch/i386/xen' });
    expect(twinOf('arch/i386/xen/kernel/setup.c', pairings, [{ ...copied, phase: 'planned' } as RenameRule])).toBeNull();
  });
});

describe('the maintainers map', () => {
  const old = parseMaintainers('Header\n\nX86-64 PORT\nP:\tAndi Kleen\nM:\tak@suse.de\nL:\tdiscuss@x86-64.org\nS:\tMaintained\n').sections;

  it('reads a bound folder as an F: line of its section', () => {
    expect(hasFilePatterns(old)).toBe(false);
    const mapped = withMap(old, [{ section: 'X86-64 PORT', folders: ['arch/x86_64'] }]);
    expect(mapped[0]?.files).toEqual(['arch/x86_64/']);
    expect(hasFilePatterns(mapped)).toBe(true);
    const r = explainRecipients(indexMaintainers(mapped, ['arch/x86_64/kernel/setup.c']), ['arch/x86_64/kernel/setup.c']);
    expect(r.to).toEqual([{ address: 'Andi Kleen <ak@suse.de>', reasons: ['M: of X86-64 PORT'] }]);
  });

  it('sets, unbinds and undoes bindings', () => {
    const map = setBindings([], [{ section: 'XEN', folders: ['drivers/xen/', 'arch/xen'] }, { section: 'X86-64 PORT', folders: ['arch/x86_64'] }]);
    expect(map).toEqual([
      { section: 'XEN', folders: ['drivers/xen', 'arch/xen'] },
      { section: 'X86-64 PORT', folders: ['arch/x86_64'] },
    ]);
    const change = [{ section: 'XEN', folders: [] }, { section: 'USB SUBSYSTEM', folders: ['drivers/usb'] }];
    const after = setBindings(map, change);
    expect(after.map((b) => b.section)).toEqual(['X86-64 PORT', 'USB SUBSYSTEM']);
    expect(setBindings(after, invertBindings(map, change))).toEqual(expect.arrayContaining(map));
    expect(setBindings(after, invertBindings(map, change))).toHaveLength(2);
  });

  it('parses SECTION=FOLDER, refusing text without one', () => {
    expect(parseBinding('X86-64 PORT=arch/x86_64/')).toEqual({ section: 'X86-64 PORT', folders: ['arch/x86_64'] });
    expect(parseBinding('A=B SECTION=drivers/x')).toEqual({ section: 'A=B SECTION', folders: ['drivers/x'] });
    expect(parseBinding('XEN=')).toEqual({ section: 'XEN', folders: [] });
    expect(parseBinding('arch/x86_64')).toMatch(/is not SECTION=FOLDER/);
  });
});
