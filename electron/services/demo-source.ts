/**
 * Plausible kernel-style source text for the demo repository, generated from a file's path so
 * the demo stays small in code and identical on every machine. The fork's version of a file is
 * the upstream text with the edits a paravirtualised port makes (native calls swapped for
 * hypercalls, an extra include, a few Xen-only functions), so diffs look like real port work.
 */

/** A small deterministic hash (FNV-1a), so the same path always yields the same text. */
export function pathHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const base = (p: string): string => (p.split('/').pop() ?? p).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9]/g, '_');

/** Native operations the upstream code performs, and what the Xen port calls instead. */
const NATIVE_TO_XEN: ReadonlyArray<[string, string]> = [
  ['\tload_cr3(next->pgd);', '\txen_pt_switch(__pa(next->pgd));'],
  ['\tlocal_irq_disable();', '\t__cli();\t/* event channel mask, not the IF flag */'],
  ['\toutb(val, port);', '\tHYPERVISOR_physdev_op(&op);'],
  ['\tset_pte(ptep, pte);', '\txen_l1_entry_update(ptep, pte);'],
  ['\tasm volatile("hlt");', '\tHYPERVISOR_sched_op(SCHEDOP_block, 0);'],
  ['\twrmsr(MSR_IA32_SYSENTER_CS, __KERNEL_CS, 0);', '\t/* SYSENTER is not available to a paravirtualised guest. */'],
];

const BODIES: ReadonlyArray<(fn: string, stem: string) => string[]> = [
  (fn, stem) => [
    `int ${fn}(struct task_struct *next)`,
    '{',
    '\tunsigned long flags;',
    '\tint ret = 0;',
    '',
    `\tspin_lock_irqsave(&${stem}_lock, flags);`,
    '\tload_cr3(next->pgd);',
    `\tif (unlikely(!${stem}_ready))`,
    '\t\tret = -EAGAIN;',
    `\tspin_unlock_irqrestore(&${stem}_lock, flags);`,
    '\treturn ret;',
    '}',
  ],
  (fn, stem) => [
    `void ${fn}(unsigned int irq)`,
    '{',
    `\tstruct ${stem}_desc *desc = ${stem}_table + irq;`,
    '',
    '\tlocal_irq_disable();',
    '\tdesc->status &= ~IRQ_DISABLED;',
    '\tdesc->depth = 0;',
    '\tlocal_irq_enable();',
    '}',
  ],
  (fn) => [
    `static void ${fn}(unsigned short port, unsigned char val)`,
    '{',
    '\tif (port >= IO_BITMAP_BITS)',
    '\t\treturn;',
    '\toutb(val, port);',
    '}',
  ],
  (fn, stem) => [
    `void ${fn}(pte_t *ptep, pte_t pte)`,
    '{',
    `\t${stem}_count++;`,
    '\tset_pte(ptep, pte);',
    '\t__flush_tlb_one((unsigned long)ptep);',
    '}',
  ],
  (fn) => [`void ${fn}(void)`, '{', '\twhile (!need_resched())', '\t\tasm volatile("hlt");', '}'],
  (fn) => [
    `void __init ${fn}(int cpu)`,
    '{',
    '\tstruct tss_struct *tss = &per_cpu(init_tss, cpu);',
    '',
    '\ttss->ss1 = __KERNEL_CS;',
    '\twrmsr(MSR_IA32_SYSENTER_CS, __KERNEL_CS, 0);',
    '}',
  ],
];

const VERBS = ['init', 'setup', 'enable', 'update', 'handle', 'flush', 'probe', 'release', 'switch', 'reset'];

/** A C source file: header, includes, locks, and a few functions chosen by the path's hash. */
export function cSource(path: string, extraIncludes: string[] = []): string {
  const h = pathHash(path);
  const stem = base(path);
  const count = 2 + (h % 5);
  const lines = [
    '/*',
    ` *  linux/${path}`,
    ' *',
    ` *  Copyright (C) ${1991 + (h % 14)}  The Linux kernel authors`,
    ' */',
    '',
    '#include <linux/config.h>',
    '#include <linux/kernel.h>',
    '#include <linux/sched.h>',
    '#include <linux/init.h>',
    ...extraIncludes.map((inc) => `#include <${inc}>`),
    '#include <asm/io.h>',
    '',
    `static DEFINE_SPINLOCK(${stem}_lock);`,
    `static int ${stem}_ready;`,
    `static unsigned long ${stem}_count;`,
    '',
  ];
  for (let i = 0; i < count; i++) {
    const body = BODIES[(h >>> (i * 3)) % BODIES.length];
    const fn = `${stem}_${VERBS[(h + i * 7) % VERBS.length]}${i === 0 ? '' : `_${i}`}`;
    if (body) lines.push(`/* ${fn}: called with the ${stem} state set up. */`, ...body(fn, stem), '');
  }
  lines.push(`EXPORT_SYMBOL(${stem}_count);`, '');
  return lines.join('\n');
}

/** A header with an include guard, a few constants and an inline helper. */
export function cHeader(path: string): string {
  const h = pathHash(path);
  const guard = `_${path.replace(/^include\//, '').replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`;
  const stem = base(path);
  const lines = [`#ifndef ${guard}`, `#define ${guard}`, '', '#include <linux/types.h>', ''];
  for (let i = 0; i < 3 + (h % 6); i++) lines.push(`#define ${stem.toUpperCase()}_${VERBS[(h + i) % VERBS.length]?.toUpperCase()}_${i}\t0x${((h >>> i) & 0xfff).toString(16)}`);
  lines.push('', `static inline unsigned long ${stem}_read(volatile unsigned long *addr)`, '{', '\treturn *addr;', '}', '');
  lines.push(`static inline void ${stem}_write(volatile unsigned long *addr, unsigned long val)`, '{');
  lines.push('\tset_pte((pte_t *)addr, __pte(val));', '}', '', `#endif /* ${guard} */`, '');
  return lines.join('\n');
}

/** Assembly with an entry point and a few labels. */
export function asmSource(path: string): string {
  const stem = base(path);
  return [
    '/*',
    ` *  linux/${path}`,
    ' */',
    '',
    '#include <linux/linkage.h>',
    '#include <asm/segment.h>',
    '',
    `ENTRY(${stem}_start)`,
    '\tcld',
    '\tlss stack_start,%esp',
    '\tmovl %cr0,%eax',
    '\torl $0x80000000,%eax',
    '\tmovl %eax,%cr0',
    '\tjmp 1f',
    '1:',
    '\tcall start_kernel',
    '',
    `ENTRY(${stem}_ret)`,
    '\tpopl %ebx',
    '\tpopl %ecx',
    '\tiret',
    '',
  ].join('\n');
}

/** A kbuild Makefile listing the objects of the given files. */
export function makefile(dir: string, files: string[], extra: string[] = []): string {
  const objs = files.filter((f) => /\.[cS]$/.test(f)).map((f) => f.replace(/\.[cS]$/, '.o'));
  return [`#`, `# Makefile for ${dir}`, `#`, '', `obj-y := ${objs.join(' ')}`, ...extra, ''].join('\n');
}

/** A Kconfig with a menu and a few options. */
export function kconfig(title: string, options: string[]): string {
  const lines = [`menu "${title}"`, ''];
  for (const opt of options) lines.push(`config ${opt}`, '\tbool', `\tdefault y`, '\thelp', `\t  Say Y here to enable ${opt.toLowerCase()}.`, '');
  lines.push('endmenu', '');
  return lines.join('\n');
}

/**
 * The Xen port of an upstream file: native calls become hypercalls, the hypervisor header is
 * included, and every third port adds a function of its own. `depth` (0..n) makes some files
 * heavier ports than others.
 */
export function xenPort(path: string, upstream: string, depth: number): string {
  let text = upstream;
  for (const [native, xen] of NATIVE_TO_XEN.slice(0, 2 + depth)) text = text.split(native).join(xen);
  text = text.replace('#include <asm/io.h>', '#include <asm/io.h>\n#include <asm/hypervisor.h>');
  text = text.replace('#include <linux/types.h>', '#include <linux/types.h>\n#include <asm/hypervisor.h>');
  if (pathHash(path) % 3 === 0 || depth > 1) {
    const stem = base(path);
    text += [
      '',
      `/* Tell the hypervisor about ${stem} state: a guest cannot touch the hardware directly. */`,
      `int xen_${stem}_register(void)`,
      '{',
      `\tstruct ${stem}_op op = { .cmd = XEN_${stem.toUpperCase()}_REGISTER };`,
      '',
      '\treturn HYPERVISOR_physdev_op(&op);',
      '}',
      '',
    ].join('\n');
  }
  return text;
}

/** A source file only the fork has. */
export function xenSource(path: string, what: string): string {
  const stem = base(path);
  return [
    '/*',
    ` * ${path}`,
    ' *',
    ` * ${what}`,
    ' *',
    ' * Copyright (c) 2004-2005, the Xen team',
    ' */',
    '',
    '#include <linux/kernel.h>',
    '#include <linux/module.h>',
    '#include <asm/hypervisor.h>',
    '#include <asm-xen/evtchn.h>',
    '',
    `static unsigned int ${stem}_evtchn;`,
    '',
    `static irqreturn_t ${stem}_interrupt(int irq, void *dev_id, struct pt_regs *regs)`,
    '{',
    `\tnotify_via_evtchn(${stem}_evtchn);`,
    '\treturn IRQ_HANDLED;',
    '}',
    '',
    `int __init ${stem}_init(void)`,
    '{',
    `\tint irq = bind_evtchn_to_irq(${stem}_evtchn);`,
    '',
    `\treturn request_irq(irq, ${stem}_interrupt, 0, "${stem}", NULL);`,
    '}',
    '',
    `module_init(${stem}_init);`,
    '',
  ].join('\n');
}
