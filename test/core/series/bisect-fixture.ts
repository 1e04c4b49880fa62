/**
 * A sparse fork of the shape the Xen team had: upstream is a Linux-like tree of about a thousand
 * files; the fork adds arch/i386/xen (copies of a few dozen arch/i386 files, changed, in
 * subfolders that its Makefiles name), include/asm-xen, and hooks in upstream files that name
 * the new folder and include the new header. Its subsystems are ordered so that the naive
 * proposal would break: the Makefile naming kernel/ and mm/ is a one-file patch that the first
 * cut puts before them, and the hooks name what the support adds.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Subsystem } from '../../../shared/model';
import { git, makeCommit, makeRepo, tempDir, type FileSpec } from '../../helpers/repo';
import { planWith, type SeriesFixture } from './series-fixture';

const body = (name: string, lines: number, width = 60): string =>
  Array.from({ length: lines }, (_, i) => `/* ${name} ${i + 1} */ int ${name.replace(/\W/g, '_')}_${i} = ${i};`.padEnd(width, ' ')).join('\n') + '\n';

const cFile = (name: string, includes: string[], lines: number): string => includes.map((h) => `#include ${h}\n`).join('') + body(name, lines);

export const KERNEL_PARTS = ['cpu', 'timers', 'irq'] as const;

function upstreamFiles(): Record<string, FileSpec> {
  const files: Record<string, FileSpec> = {
    Makefile: 'obj-y += arch/i386/ drivers/\n',
    'arch/i386/Makefile': 'obj-y += kernel/ mm/\n',
    'arch/i386/kernel/Makefile': `obj-y += ${Array.from({ length: 40 }, (_, i) => `k${i}.o`).join(' ')}\n`,
    'arch/i386/mm/Makefile': `obj-y += ${Array.from({ length: 20 }, (_, i) => `m${i}.o`).join(' ')}\n`,
    'include/linux/kernel.h': body('kernel_h', 20),
    'include/linux/sched.h': body('sched_h', 30),
  };
  for (let i = 0; i < 40; i++) files[`arch/i386/kernel/k${i}.c`] = cFile(`k${i}`, ['<linux/kernel.h>'], 30);
  for (let i = 0; i < 20; i++) files[`arch/i386/mm/m${i}.c`] = cFile(`m${i}`, ['<linux/kernel.h>'], 20);
  // The thousands of files a sparse fork inherits, here a few hundred, none of which it touches.
  for (let d = 0; d < 20; d++) {
    files[`drivers/d${d}/Makefile`] = `obj-y += ${Array.from({ length: 40 }, (_, i) => `f${i}.o`).join(' ')}\n`;
    for (let i = 0; i < 40; i++) files[`drivers/d${d}/f${i}.c`] = cFile(`d${d}f${i}`, ['<linux/kernel.h>', `"f${i}.h"`], 8);
    for (let i = 0; i < 10; i++) files[`drivers/d${d}/f${i}.h`] = body(`d${d}h${i}`, 4);
  }
  return files;
}

export interface ForkShape {
  /** Lines of each copied kernel file (about 60 bytes a line). */
  copyLines?: number;
  /** Adds arch/i386/xen/kernel/bigtable.c of this many lines. */
  hugeLines?: number;
}

function forkFiles(shape: ForkShape): Record<string, FileSpec> {
  const copyLines = shape.copyLines ?? 30;
  const files: Record<string, FileSpec> = {
    // The hooks: the upstream Makefile names the new folder, an upstream file includes the new header.
    'arch/i386/Makefile': 'obj-y += kernel/ mm/\nobj-$(CONFIG_XEN) += xen/\n',
    'arch/i386/kernel/k0.c': cFile('k0', ['<linux/kernel.h>', '<asm-xen/hypervisor.h>'], 30),
    // A clean-up of an upstream header that needs nothing new.
    'include/linux/sched.h': body('sched_h', 30) + 'extern int sched_cleanup;\n',
    'arch/i386/xen/Makefile': 'obj-y += kernel/ mm/\n',
    'arch/i386/xen/kernel/Makefile': `obj-y += setup.o ${KERNEL_PARTS.map((p) => `${p}/`).join(' ')}${shape.hugeLines ? ' bigtable.o' : ''}\n`,
    'arch/i386/xen/kernel/setup.c': cFile('xsetup', ['<linux/kernel.h>', '<asm-xen/hypervisor.h>'], copyLines),
    'arch/i386/xen/mm/Makefile': `obj-y += ${Array.from({ length: 6 }, (_, i) => `m${i}.o`).join(' ')}\n`,
    'include/asm-xen/hypervisor.h': body('hypervisor_h', 15),
  };
  KERNEL_PARTS.forEach((part, p) => {
    const names = Array.from({ length: 8 }, (_, i) => `k${p * 8 + i}`);
    files[`arch/i386/xen/kernel/${part}/Makefile`] = `obj-y += ${names.map((n) => `${n}.o`).join(' ')}\n`;
    for (const n of names) files[`arch/i386/xen/kernel/${part}/${n}.c`] = cFile(`x${n}`, ['<linux/kernel.h>', '<asm-xen/hypervisor.h>'], copyLines);
  });
  for (let i = 0; i < 6; i++) files[`arch/i386/xen/mm/m${i}.c`] = cFile(`xm${i}`, ['<linux/kernel.h>', '<asm-xen/hypervisor.h>'], 20);
  if (shape.hugeLines) files['arch/i386/xen/kernel/bigtable.c'] = cFile('bigtable', ['<linux/kernel.h>'], shape.hugeLines);
  return files;
}

const subsystem = (id: string, name: string, files: string[]): Subsystem => ({ id, name, files, source: { kind: 'manual' }, owner: null, state: 'Backlog', blocked: null });

export function makeSparseFork(shape: ForkShape = {}): SeriesFixture {
  const repo = makeRepo();
  const upstream = makeCommit(repo, { files: upstreamFiles(), message: 'upstream 2.6.12' });
  git(repo, ['branch', 'upstream']);
  const fork = makeCommit(repo, { files: forkFiles(shape), message: 'xen port', branch: 'xen' });
  git(repo, ['checkout', '-q', 'main']);
  const added = Object.keys(forkFiles(shape));
  const under = (dir: string): string[] => added.filter((f) => f.startsWith(`${dir}/`));
  const plan = planWith([
    { type: 'sprint.init', upstreamRef: 'upstream', forkRef: 'xen', pairings: [] },
    {
      type: 'subsystems.replace',
      subsystems: [
        subsystem('hooks', 'i386 hooks', ['arch/i386/Makefile', 'arch/i386/kernel/k0.c']),
        subsystem('sched', 'scheduler', ['include/linux/sched.h']),
        subsystem('xen-build', 'Xen i386 build', ['arch/i386/xen/Makefile']),
        subsystem('xen-kernel', 'Xen i386 kernel', under('arch/i386/xen/kernel')),
        subsystem('xen-mm', 'Xen i386 mm', under('arch/i386/xen/mm')),
        subsystem('xen-headers', 'Xen headers', ['include/asm-xen/hypervisor.h']),
      ],
    },
  ]);
  return { repo, upstream, fork, plan };
}

/**
 * A build check of the user's kind, written without the app's code: every folder and object a
 * Makefile's obj- line names exists, and every <asm-xen/…> header a C file includes exists.
 */
export function layoutCheckScript(): string {
  const script = path.join(tempDir('merge-sprint-layout-'), 'checklayout.sh');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      "find . -name Makefile -not -path './.git/*' | while read -r mk; do",
      '  dir=$(dirname "$mk")',
      "  sed -n 's/^obj-[^+:=]*[+:]*= *//p' \"$mk\" | tr ' ' '\\n' | while read -r w; do",
      '    case "$w" in',
      "      ''|*'$'*) ;;",
      '      */) [ -d "$dir/$w" ] || { echo "$mk names $w, which is missing"; exit 1; } ;;',
      '      *.o) [ -f "$dir/${w%.o}.c" ] || [ -f "$dir/${w%.o}.S" ] || { echo "$mk names $w, which is missing"; exit 1; } ;;',
      '    esac',
      '  done || exit 1',
      'done || exit 1',
      "grep -rhoE '^#include <asm-xen/[^>]+>' --include='*.c' . | sed 's/^#include <//; s/>$//' | sort -u | while read -r h; do",
      '  [ -f "include/$h" ] || { echo "a file includes <$h>, which is missing"; exit 1; }',
      'done || exit 1',
      'echo layout ok',
      '',
    ].join('\n'),
  );
  return `sh ${script}`;
}
