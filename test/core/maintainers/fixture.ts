/**
 * A sparse fork of the real shape with a MAINTAINERS file from before 2009: upstream (Linux
 * 2.6.12-like) has arch/i386 and arch/x86_64 with about two thousand files and a MAINTAINERS
 * whose sections have only P:/M:/L:/S:/W: lines; the fork `xen` copies a few hundred of them
 * into arch/xen/i386 and arch/xen/x86_64 with Xen changes, inherits the rest, adds drivers/xen
 * and include/asm-xen, and adds a XEN section to its MAINTAINERS.
 */
import type { RepoServices } from '../../../electron/core/context';
import { openRepoServices } from '../../../electron/core/host/services';
import type { Actor } from '../../../shared/model';
import { git, makeCommit, makeRepo } from '../../helpers/repo';

export const KEIR: Actor = { name: 'Keir Fraser', email: 'keir@example.org' };
const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n') + '\n';

/** An excerpt in the shape of Linux 2.6.12's MAINTAINERS: a header, then sections without F: lines. */
export const MAINTAINERS_2005 = `
	List of maintainers and how to submit kernel changes

Please try to follow the guidelines below.  This will make things
easier on the maintainers.  Not all of these guidelines matter for every
trivial patch so apply some common sense.

	P: Person
	M: Mail patches to
	L: Mailing list that is relevant to this area
	W: Web-page with status/info
	S: Status, one of the following:

Maintainers List (try to look for most precise areas first)

		-----------------------------------

3C505 NETWORK DRIVER
P:	Philip Blundell
M:	philb@gnu.org
L:	netdev@vger.kernel.org
S:	Maintained

I386 BOOT CODE
P:	Riley H. Williams
M:	Riley@Williams.Name
L:	linux-kernel@vger.kernel.org
S:	Maintained

I386 SETUP CODE / CPU ERRATA WORKAROUNDS
P:	Dave Jones
M:	davej@codemonkey.org.uk
P:	H. Peter Anvin
M:	hpa@zytor.com
S:	Maintained

USB SUBSYSTEM
P:	Greg Kroah-Hartman
M:	gregkh@suse.de
L:	linux-usb-users@lists.sourceforge.net
L:	linux-usb-devel@lists.sourceforge.net
W:	http://www.linux-usb.org
S:	Supported

X86-64 PORT
P:	Andi Kleen
M:	ak@suse.de
L:	discuss@x86-64.org
W:	http://www.x86-64.org
S:	Maintained

THE REST
P:	Linus Torvalds
S:	Buried alive in reporters
`;

const XEN_SECTION = `XEN
P:	Keir Fraser
M:	keir@xensource.com
L:	xen-devel@lists.xensource.com
S:	Supported

`;

export const FORK_MAINTAINERS = MAINTAINERS_2005.replace('THE REST\n', `${XEN_SECTION}THE REST\n`);

const I386 = ['kernel', 'mm', 'boot', 'kernel/cpu', 'pci', 'lib'];
const X86_64 = ['kernel', 'mm', 'ia32', 'lib'];

export const upstreamI386 = (i: number): string => `arch/i386/${I386[i % I386.length]}/f${i}.c`;
export const upstreamX8664 = (i: number): string => `arch/x86_64/${X86_64[i % X86_64.length]}/g${i}.c`;

/** Upstream on `upstream`, the fork on `xen` (checked out). */
export function makeOldMaintainersFork(): string {
  const repo = makeRepo();
  const upstream: Record<string, string> = { MAINTAINERS: MAINTAINERS_2005, Makefile: 'all:\n' };
  for (let i = 0; i < 1500; i++) upstream[upstreamI386(i)] = lines(6, `i386 ${i}`);
  for (let i = 0; i < 600; i++) upstream[upstreamX8664(i)] = lines(6, `x86_64 ${i}`);
  for (let i = 0; i < 30; i++) upstream[`drivers/usb/core/u${i}.c`] = lines(4, `usb ${i}`);
  makeCommit(repo, { files: upstream, message: 'Linux 2.6.12' });
  git(repo, ['branch', 'upstream']);
  const fork: Record<string, string> = { MAINTAINERS: FORK_MAINTAINERS };
  for (let i = 0; i < 240; i++) fork[upstreamI386(i).replace('arch/i386/', 'arch/xen/i386/')] = lines(6, `i386 ${i}`).replace(`i386 ${i} 2`, `xen ${i} 2`);
  for (let i = 0; i < 60; i++) fork[upstreamX8664(i).replace('arch/x86_64/', 'arch/xen/x86_64/')] = lines(6, `x86_64 ${i}`).replace(`x86_64 ${i} 3`, `xen ${i} 3`);
  for (let i = 0; i < 12; i++) fork[`drivers/xen/core/evtchn${i}.c`] = lines(8, `evtchn ${i}`);
  for (let i = 0; i < 6; i++) fork[`include/asm-xen/h${i}.h`] = lines(3, `hyp ${i}`);
  makeCommit(repo, { files: fork, message: 'xen: the sub-architectures', branch: 'xen' });
  return repo;
}

export const PAIRINGS = [
  { fork: 'arch/xen/i386', upstream: 'arch/i386' },
  { fork: 'arch/xen/x86_64', upstream: 'arch/x86_64' },
];

export async function openFork(repo: string): Promise<RepoServices> {
  const opened = await openRepoServices(repo, { actor: KEIR, push: () => undefined, log: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}
