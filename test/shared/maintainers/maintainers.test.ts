import { describe, expect, it } from 'vitest';
import { indexMaintainers, matchesPattern, patternDepth, sectionsForPath, subsystemsFromMaintainers } from '../../../shared/maintainers/match';
import { formatAddress, parseMaintainers } from '../../../shared/maintainers/parse';

/** Line numbers matter: warnings name them. */
const OLD_STYLE = [
  '', //                                                      1
  '\tList of maintainers and how to submit kernel changes', //  2
  '', //                                                      3
  'P: Person', //                                             4  header, ignored
  'M: Mail patches to', //                                    5
  '', //                                                      6
  'CPUSETS', //                                               7
  'P:\tPaul Jackson', //                                      8
  'P:\tSimon Derr', //                                        9
  'M:\tpj@sgi.com', //                                       10
  'M:\tsimon.derr@bull.net', //                              11
  'L:\tlinux-kernel@vger.kernel.org', //                     12
  'S:\tSupported', //                                        13
  'F:\tkernel/cpuset.c', //                                  14
  '', //                                                     15
  'DAC960 RAID CONTROLLER DRIVER', //                        16
  'P:\tDave Olien', //                                       17
  'M\tdmo@osdl.org', //                                      18 missing colon
  'L:\tlinux-arm-kernel@lists.arm.linux.org.uk\t(subscribers-only)', // 19
  'Z:\tsomething', //                                        20 unknown field
  'W:', //                                                   21 empty
  'BONDING DRIVER', //                                       22 no blank line before
  'M:   "Jay Vosburgh" <fubar@us.ibm.com>', //               23 spaces, quoted name
  'F:\t/etc/bonding', //                                     24 absolute
  'S:\tSupported\t', //                                      25
  '', //                                                     26
  'F:\tstray/', //                                           27 outside a section
  'LONELY TITLE', //                                         28 no entries
  '', //                                                     29
  'XEN', //                                                  30
  'M:\tnot an address', //                                   31
  'R:\tKeir Fraser <keir@xensource.com>', //                 32
  'F:\tdrivers/xen/', //                                     33
  'X:\tdrivers/xen/netback/', //                             34
  'N:\txen', //                                              35
  'N:\t(unclosed', //                                        36
  'K:\t\\bxen_\\w+', //                                      37
].join('\n');

describe('parseMaintainers', () => {
  const { sections, warnings } = parseMaintainers(OLD_STYLE);

  it('reads sections after the header, pairing old P: names with bare M: addresses', () => {
    expect(sections.map((s) => [s.title, s.line])).toEqual([
      ['CPUSETS', 7],
      ['DAC960 RAID CONTROLLER DRIVER', 16],
      ['BONDING DRIVER', 22],
      ['XEN', 30],
    ]);
    const cpusets = sections[0]!;
    expect(cpusets.maintainers).toEqual([
      { name: 'Paul Jackson', email: 'pj@sgi.com' },
      { name: 'Simon Derr', email: 'simon.derr@bull.net' },
    ]);
    expect(cpusets.lists).toEqual(['linux-kernel@vger.kernel.org']);
    expect(cpusets.status).toBe('Supported');
    expect(cpusets.files).toEqual(['kernel/cpuset.c']);
    expect(cpusets.entries.map((e) => `${e.line}${e.tag}`)).toEqual(['8P', '9P', '10M', '11M', '12L', '13S', '14F']);
  });

  it('keeps list addresses without their notes, quoted names, reviewers, patterns, regexes, keywords', () => {
    expect(sections[1]!.lists).toEqual(['linux-arm-kernel@lists.arm.linux.org.uk']);
    expect(sections[2]!.maintainers).toEqual([{ name: 'Jay Vosburgh', email: 'fubar@us.ibm.com' }]);
    expect(sections[2]!.status).toBe('Supported');
    const xen = sections[3]!;
    expect(xen.reviewers).toEqual([{ name: 'Keir Fraser', email: 'keir@xensource.com' }]);
    expect(xen.files).toEqual(['drivers/xen/']);
    expect(xen.excludes).toEqual(['drivers/xen/netback/']);
    expect(xen.regexes).toEqual(['xen']);
    expect(xen.keywords).toEqual(['\\bxen_\\w+']);
  });

  it('warns about each malformed line by number, and skips it', () => {
    const lineOf = (w: string) => Number(/line (\d+)/.exec(w)?.[1]);
    expect(warnings.map(lineOf)).toEqual([18, 20, 21, 22, 24, 27, 28, 31, 36]);
    expect(warnings[0]).toMatch(/lacks the colon after "M"/);
    expect(warnings[1]).toMatch(/unknown field "Z:"/);
    expect(warnings[2]).toMatch(/empty/);
    expect(warnings[3]).toMatch(/no blank line before/);
    expect(warnings[4]).toMatch(/absolute/);
    expect(warnings[5]).toMatch(/outside any section/);
    expect(warnings[6]).toMatch(/not followed by any entries/);
    expect(warnings[7]).toMatch(/not a mail address/);
    expect(warnings[8]).toMatch(/regular expression/);
    expect(sections[1]!.maintainers).toEqual([]);
  });

  it('reads a file with Windows line ends and no header, and says when there are no sections', () => {
    const crlf = parseMaintainers('XEN\r\nM:\tA <a@x.org>\r\nF:\tdrivers/xen/\r\n');
    expect(crlf.warnings).toEqual([]);
    expect(crlf.sections[0]?.files).toEqual(['drivers/xen/']);
    expect(parseMaintainers('just some text\n\nmore').warnings[0]).toMatch(/no sections found/);
  });
});

describe('matchesPattern (examples from the MAINTAINERS header)', () => {
  it('F: drivers/net/ = all files in and below drivers/net', () => {
    expect(matchesPattern('drivers/net/loopback.c', 'drivers/net/')).toBe(true);
    expect(matchesPattern('drivers/net/ethernet/intel/e1000/e1000_main.c', 'drivers/net/')).toBe(true);
    expect(matchesPattern('drivers/netfilter.c', 'drivers/net/')).toBe(false);
    expect(matchesPattern('drivers/block/loop.c', 'drivers/net/')).toBe(false);
  });

  it('F: drivers/net/* = all files in drivers/net, but not below', () => {
    expect(matchesPattern('drivers/net/loopback.c', 'drivers/net/*')).toBe(true);
    expect(matchesPattern('drivers/net/ethernet/dummy.c', 'drivers/net/*')).toBe(false);
  });

  it('F: */net/* = all files in "any top level directory"/net', () => {
    expect(matchesPattern('drivers/net/loopback.c', '*/net/*')).toBe(true);
    expect(matchesPattern('include/net/sock.h', '*/net/*')).toBe(true);
    expect(matchesPattern('net/core/sock.c', '*/net/*')).toBe(false);
    expect(matchesPattern('drivers/net/ethernet/dummy.c', '*/net/*')).toBe(false);
  });

  it('? is one character, . is literal, and a pattern is a prefix within its level', () => {
    expect(matchesPattern('drivers/tty/serial/8250.c', 'drivers/tty/serial/8?50.c')).toBe(true);
    expect(matchesPattern('drivers/tty/serial/8250xc', 'drivers/tty/serial/8250.c')).toBe(false);
    expect(matchesPattern('include/linux/mm.h', 'include/linux/mm.h')).toBe(true);
    expect(matchesPattern('include/linux/mm.hh', 'include/linux/mm.h')).toBe(true);
    expect(matchesPattern('include/linux/mm.h/x', 'include/linux/mm.h')).toBe(false);
  });

  it('a directory named without the trailing slash covers everything below it when the tree has it', () => {
    const isDir = (d: string) => d === 'drivers/xen' || d === 'drivers';
    expect(matchesPattern('drivers/xen/core/evtchn.c', 'drivers/xen', isDir)).toBe(true);
    expect(matchesPattern('drivers/xenfs.c', 'drivers/xen', isDir)).toBe(false);
    // Not known as a directory: only the prefix rule applies, on its own level.
    expect(matchesPattern('drivers/xen/core/evtchn.c', 'drivers/xen')).toBe(false);
    expect(matchesPattern('drivers/xenfs.c', 'drivers/xen')).toBe(true);
  });

  it('ranks patterns by depth as get_maintainer.pl does', () => {
    expect(patternDepth('drivers/net/')).toBe(2);
    expect(patternDepth('drivers/net/*')).toBe(3);
    expect(patternDepth('drivers/net/loopback.c')).toBe(3);
    expect(patternDepth('*/net/*')).toBe(-1);
  });
});

describe('subsystemsFromMaintainers', () => {
  const text = [
    'NETWORKING',
    'M:\tDave <davem@davemloft.net>',
    'F:\tnet/',
    'X:\tnet/ipv6/',
    '',
    'IPV6',
    'M:\tHideaki <yoshfuji@linux-ipv6.org>',
    'F:\tnet/ipv6/',
    '',
    'NETFILTER',
    'M:\tPablo <pablo@netfilter.org>',
    'F:\tnet/*/netfilter/',
    'F:\tnet/netfilter/',
    '',
    'XEN',
    'M:\tKeir <keir@xensource.com>',
    'F:\tdrivers/xen',
    'F:\tinclude/xen/*.h',
    '',
    'XEN NETBACK',
    'M:\tIan <ian@xensource.com>',
    'F:\tdrivers/xen/netback/',
    '',
    'THE REST',
    'M:\tLinus <torvalds@osdl.org>',
    'F:\t*',
    'F:\t*/',
    'X:\tDocumentation/',
  ].join('\n');
  const paths = [
    'net/core/sock.c',
    'net/ipv4/tcp.c',
    'net/ipv6/addrconf.c',
    'net/ipv4/netfilter/iptable_filter.c',
    'net/netfilter/core.c',
    'drivers/xen/core/evtchn.c',
    'drivers/xen/netback/netback.c',
    'include/xen/events.h',
    'include/xen/interface/xen.h',
    'Makefile',
    'Documentation/xen.txt',
  ];
  const { sections } = parseMaintainers(text);
  const { subsystems, unmatched } = subsystemsFromMaintainers(sections, paths);
  const filesOf = (name: string) => subsystems.find((s) => s.name === name)?.files;

  it('gives each path to its most specific section, honouring X:', () => {
    expect(filesOf('NETWORKING')).toEqual(['net/core/sock.c', 'net/ipv4/tcp.c']);
    expect(filesOf('IPV6')).toEqual(['net/ipv6/addrconf.c']);
    expect(filesOf('NETFILTER')).toEqual(['net/ipv4/netfilter/iptable_filter.c', 'net/netfilter/core.c']);
    expect(filesOf('XEN')).toEqual(['drivers/xen/core/evtchn.c', 'include/xen/events.h']);
    expect(filesOf('XEN NETBACK')).toEqual(['drivers/xen/netback/netback.c']);
    expect(filesOf('THE REST')).toEqual(['Makefile', 'include/xen/interface/xen.h']);
  });

  it('reports the paths no section takes, and puts every other path in exactly one subsystem', () => {
    expect(unmatched).toEqual(['Documentation/xen.txt']);
    const all = subsystems.flatMap((s) => s.files);
    expect(all.length).toBe(new Set(all).size);
    expect(new Set([...all, ...unmatched])).toEqual(new Set(paths));
  });

  it('finds, through its index, exactly the sections a test of every pattern finds', () => {
    const dirs = new Set(paths.flatMap((p) => p.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
    const isDir = (d: string) => dirs.has(d);
    const index = indexMaintainers(sections, paths);
    for (const path of paths) {
      const expected = sections
        .filter((s) => !s.excludes.some((x) => matchesPattern(path, x, isDir)) && s.files.some((f) => matchesPattern(path, f, isDir)))
        .map((s) => s.title)
        .sort();
      expect(sectionsForPath(index, path).map((m) => m.section.title).sort()).toEqual(expected);
    }
  });

  it('records the patterns as the source, unassigned backlog cards with slug ids', () => {
    const xen = subsystems.find((s) => s.name === 'XEN NETBACK');
    expect(xen).toMatchObject({ id: 'xen-netback', source: { kind: 'maintainers', include: ['drivers/xen/netback/'], exclude: [] }, owner: null, state: 'Backlog', blocked: null });
  });
});

describe('formatAddress', () => {
  it('quotes names with characters a mail header needs quoted', () => {
    expect(formatAddress({ name: 'James E.J. Bottomley', email: 'jejb@x.org' })).toBe('"James E.J. Bottomley" <jejb@x.org>');
    expect(formatAddress({ name: 'Keir Fraser', email: 'keir@x.org' })).toBe('Keir Fraser <keir@x.org>');
    expect(formatAddress({ name: '', email: 'list@x.org' })).toBe('list@x.org');
  });
});
