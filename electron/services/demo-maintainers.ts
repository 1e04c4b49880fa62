/**
 * The demo repository's MAINTAINERS file, in Linux's format (section title, then tagged lines).
 * The fork's version adds the Xen section, as the real port did.
 */

const HEADER = `
	List of maintainers and how to submit kernel changes

Please try to follow the guidelines below.  This will make things
easier on the maintainers.

Descriptions of section entries:

	P: Person
	M: Mail patches to
	L: Mailing list that is relevant to this area
	S: Status, one of: Supported, Maintained, Odd Fixes, Orphan, Obsolete
	F: Files and directories with wildcard patterns.
	   A trailing slash includes all files and subdirectory files.
	X: Files and directories that are NOT maintained, same rules as F:

Maintainers List (try to look for most precise areas first)

		-----------------------------------
`;

interface Section {
  title: string;
  person: string;
  mail: string;
  list: string;
  status: string;
  files: string[];
  exclude?: string[];
}

const SECTIONS: Section[] = [
  {
    title: 'BLOCK LAYER',
    person: 'Jens Axboe',
    mail: 'axboe@suse.example',
    list: 'linux-kernel@vger.kernel.org',
    status: 'Maintained',
    files: ['drivers/block/', 'include/linux/blkdev.h'],
    exclude: ['drivers/block/floppy.c'],
  },
  {
    title: 'CHARACTER DEVICES AND TTY',
    person: 'Alan Cox',
    mail: 'alan@redhat.example',
    list: 'linux-kernel@vger.kernel.org',
    status: 'Maintained',
    files: ['drivers/char/'],
  },
  {
    title: 'FLOPPY DRIVER',
    person: 'Floppy Maintainer',
    mail: 'floppy@example.org',
    list: 'linux-kernel@vger.kernel.org',
    status: 'Odd Fixes',
    files: ['drivers/block/floppy.c'],
  },
  {
    title: 'MEMORY MANAGEMENT',
    person: 'Andrew Morton',
    mail: 'akpm@osdl.example',
    list: 'linux-mm@kvack.org',
    status: 'Maintained',
    files: ['mm/', 'include/linux/mm.h', 'include/linux/slab.h'],
  },
  {
    title: 'NETWORK DEVICE DRIVERS',
    person: 'Jeff Garzik',
    mail: 'jgarzik@pobox.example',
    list: 'netdev@vger.kernel.org',
    status: 'Maintained',
    files: ['drivers/net/', 'include/linux/netdevice.h'],
  },
  {
    title: 'SCHEDULER',
    person: 'Ingo Molnar',
    mail: 'mingo@elte.example',
    list: 'linux-kernel@vger.kernel.org',
    status: 'Maintained',
    files: ['kernel/sched.c', 'include/linux/sched.h'],
  },
  {
    title: 'X86 ARCHITECTURE (32-BIT)',
    person: 'i386 Maintainers',
    mail: 'x86@example.org',
    list: 'linux-kernel@vger.kernel.org',
    status: 'Maintained',
    files: ['arch/i386/', 'include/asm-i386/'],
  },
  {
    title: 'X86-64 PORT',
    person: 'Andi Kleen',
    mail: 'ak@suse.example',
    list: 'discuss@x86-64.org',
    status: 'Maintained',
    files: ['arch/x86_64/'],
  },
];

const XEN: Section = {
  title: 'XEN HYPERVISOR INTERFACE',
  person: 'Keir Fraser',
  mail: 'keir@xensource.example',
  list: 'xen-devel@lists.xensource.example',
  status: 'Supported',
  files: ['arch/xen/', 'drivers/xen/', 'include/asm-xen/'],
  exclude: ['arch/xen/x86_64/'],
};

const XEN_X86_64: Section = {
  title: 'XEN X86-64 PORT',
  person: 'Chris Wright',
  mail: 'chrisw@osdl.example',
  list: 'xen-devel@lists.xensource.example',
  status: 'Maintained',
  files: ['arch/xen/x86_64/'],
};

function render(section: Section): string {
  const lines = [section.title, `P:\t${section.person}`, `M:\t${section.mail}`, `L:\t${section.list}`, `S:\t${section.status}`];
  for (const f of section.files) lines.push(`F:\t${f}`);
  for (const x of section.exclude ?? []) lines.push(`X:\t${x}`);
  return lines.join('\n');
}

/** The MAINTAINERS text: upstream's, or the fork's with the Xen sections added in order. */
export function demoMaintainers(withXen: boolean): string {
  const sections = withXen ? [...SECTIONS, XEN, XEN_X86_64] : SECTIONS;
  return `${HEADER}\n${sections.map(render).join('\n\n')}\n\nTHE REST\nP:\tLinus Torvalds\nS:\tBuried alive in reporters\n`;
}
