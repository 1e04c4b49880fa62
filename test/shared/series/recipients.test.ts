import { describe, expect, it } from 'vitest';
import { parseMaintainers } from '../../../shared/maintainers/parse';
import { indexMaintainers } from '../../../shared/maintainers/match';
import { encodeHeaderText, recipientHeaders, recipientsFor, unionRecipients } from '../../../shared/series/recipients';

const MAINTAINERS = `Header text

X86
M:	Ingo Molnar <mingo@example.org>
R:	Peter Anvin <hpa@example.org>
L:	x86@example.org
F:	arch/x86/

XEN
M:	Jürgen Groß <jgross@example.org>
M:	Ingo Molnar <MINGO@example.org>
L:	xen-devel@example.org (moderated for non-subscribers)
F:	drivers/xen/
F:	arch/x86/xen/
X:	drivers/xen/private/

EVERYTHING
L:	linux-kernel@example.org
F:	*
F:	*/
`;

const index = (paths: string[]) => indexMaintainers(parseMaintainers(MAINTAINERS).sections, paths);

describe('recipientsFor', () => {
  it('sends to the M: people of every matching section and copies R: and L:', () => {
    const paths = ['arch/x86/xen/enlighten.c'];
    const r = recipientsFor(index(paths), paths);
    // XEN (arch/x86/xen/), X86 (arch/x86/) and EVERYTHING (*/) all match, most specific first;
    // Ingo is named once (emails compare without case), as XEN names him.
    expect(r.to).toEqual(['"Jürgen Groß" <jgross@example.org>', 'Ingo Molnar <MINGO@example.org>']);
    expect(r.cc).toEqual(['xen-devel@example.org', 'Peter Anvin <hpa@example.org>', 'x86@example.org', 'linux-kernel@example.org']);
  });

  it('leaves out sections whose X: pattern excludes the file', () => {
    const paths = ['drivers/xen/private/key.c'];
    const r = recipientsFor(index(paths), paths);
    expect(r).toEqual({ to: [], cc: ['linux-kernel@example.org'] });
  });

  it('gives the cover letter the union, To before Cc', () => {
    const u = unionRecipients([
      { to: ['A <a@x>'], cc: ['B <b@x>', 'l@x'] },
      { to: ['B <b@x>'], cc: ['A <a@x>', 'l@x'] },
    ]);
    expect(u).toEqual({ to: ['A <a@x>', 'B <b@x>'], cc: ['l@x'] });
  });
});

describe('mail headers', () => {
  it('encodes non-ASCII names as RFC 2047 words and folds one address a line', () => {
    expect(encodeHeaderText('Groß')).toBe('=?UTF-8?q?Gro=C3=9F?=');
    expect(encodeHeaderText('plain')).toBe('plain');
    expect(recipientHeaders({ to: ['"Jürgen" <j@x>', 'a@x'], cc: [] })).toBe('To: =?UTF-8?q?J=C3=BCrgen?= <j@x>,\n    a@x\n');
    expect(recipientHeaders({ to: [], cc: [] })).toBe('');
  });
});
