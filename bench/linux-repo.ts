/**
 * A repository of Linux's size for the benchmarks, written by one `git fast-import` run fed from
 * memory: an upstream branch of ~70,000 C-like files in a kernel-shaped tree, and a fork branch
 * with three sparse paired folders (~3,000 files: most modified, some identical copies, some the
 * fork's own) and 500 files changed in place elsewhere. Deterministic: a seeded generator, pinned
 * authors and dates, so every run makes the same commits.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Pairing, SprintSettings } from '../shared/model';

export interface LinuxSizeOptions {
  /** Files on the upstream branch (default 70,000). */
  upstreamFiles?: number;
  /** Files in the fork's three paired folders together (default 3,000). */
  forkFolderFiles?: number;
  /** Upstream files the fork changes in place, outside the paired folders (default 500). */
  changedInPlace?: number;
  seed?: number;
  /** Check every file out (slow); by default only the top-level files, with a clean status. */
  fullCheckout?: boolean;
}

export interface LinuxSizeRepo {
  repo: string;
  upstreamRef: string;
  forkRef: string;
  pairings: Pairing[];
  settings: SprintSettings;
  counts: { upstreamFiles: number; forkFolderFiles: number; changedInPlace: number; identicalCopies: number; forkOnly: number };
}

export const LINUX_UPSTREAM_REF = 'upstream';
export const LINUX_FORK_REF = 'xen';
export const LINUX_PAIRINGS: Pairing[] = [
  { fork: 'arch/xen/i386', upstream: 'arch/i386' },
  { fork: 'arch/xen/x86_64', upstream: 'arch/x86_64' },
  { fork: 'drivers/xen/core', upstream: 'kernel' },
];
/** Share of the fork folder files each pairing gets. */
const PAIRING_SHARE = [0.5, 0.35, 0.15];

/** Upstream areas and their relative sizes, roughly those of a recent kernel. */
const AREAS: [string, number][] = [
  ['arch/i386', 2000], ['arch/x86_64', 1800], ['arch/arm', 6000], ['arch/powerpc', 3500], ['arch/mips', 2500],
  ['arch/sparc', 1500], ['arch/ia64', 1000], ['arch/s390', 800], ['arch/sh', 1200], ['arch/alpha', 500],
  ['arch/parisc', 500], ['arch/m68k', 700], ['drivers/net', 5000], ['drivers/scsi', 2500], ['drivers/usb', 1800],
  ['drivers/gpu', 3000], ['drivers/media', 3500], ['drivers/staging', 2500], ['drivers/char', 600], ['drivers/block', 300],
  ['drivers/video', 900], ['drivers/input', 700], ['drivers/i2c', 500], ['drivers/pci', 300], ['drivers/acpi', 400],
  ['drivers/md', 300], ['drivers/mtd', 600], ['drivers/hid', 300], ['drivers/ata', 200], ['drivers/infiniband', 900],
  ['drivers/isdn', 400], ['drivers/misc', 300], ['drivers/platform', 300], ['drivers/power', 300], ['drivers/rtc', 200],
  ['drivers/spi', 200], ['drivers/tty', 400], ['drivers/watchdog', 200], ['include/linux', 2500], ['include/net', 400],
  ['include/scsi', 150], ['include/sound', 150], ['include/asm-generic', 200], ['include/uapi', 800], ['include/trace', 300],
  ['include/media', 200], ['fs', 4000], ['net', 4000], ['kernel', 700], ['mm', 150], ['sound', 2500], ['lib', 400],
  ['crypto', 250], ['security', 300], ['block', 100], ['ipc', 20], ['init', 15], ['virt', 50], ['samples', 150],
  ['scripts', 500], ['tools', 3000], ['Documentation', 3500], ['firmware', 100],
];
const TOP_FILES = ['COPYING', 'CREDITS', 'Kbuild', 'MAINTAINERS', 'Makefile', 'README'];
const SUBDIRS = [
  'kernel', 'mm', 'lib', 'boot', 'pci', 'power', 'oprofile', 'crypto', 'core', 'common', 'platforms', 'include',
  'net', 'ethernet', 'wireless', 'phy', 'host', 'gadget', 'serial', 'storage', 'codecs', 'soc', 'class', 'misc',
];
const SYLLABLES = ['ac', 'pi', 'irq', 'dma', 'tim', 'er', 'sch', 'ed', 'io', 'map', 'vm', 'pg', 'tab', 'sig', 'nal', 'cpu', 'smp', 'apic', 'msr', 'nmi', 'fs', 'buf', 'dev', 'usb', 'hub', 'net', 'dev', 'skb', 'tcp', 'ip', 'ctl', 'reg', 'clk', 'pwr', 'mgmt', 'sys', 'proc', 'init', 'exit', 'probe'];
const TYPES = ['int', 'long', 'unsigned int', 'void', 'u32', 'u64', 'size_t', 'bool'];

/** mulberry32: small, fast, seeded; good enough to make files look different. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** FNV-1a of a path, so each file's content depends only on its path and the seed. */
function hash(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const ident = (rand: () => number): string => `${pick(rand, SYLLABLES)}${pick(rand, SYLLABLES)}_${pick(rand, SYLLABLES)}`;

/** The lines of a C-like file (or a Makefile) of 20 to 200 lines. */
function cLines(path: string, seed: number): string[] {
  const rand = prng(hash(path, seed));
  const total = 20 + Math.floor(rand() * 181);
  if (path.endsWith('/Makefile')) {
    const lines = [`# Makefile for ${path.slice(0, -'/Makefile'.length)}`, ''];
    while (lines.length < total) lines.push(`obj-$(CONFIG_${ident(rand).toUpperCase()}) += ${ident(rand)}.o`);
    return lines;
  }
  const lines = ['/*', ` * ${path}`, ' *', ' * SPDX-License-Identifier: GPL-2.0', ' */', '#include <linux/kernel.h>'];
  while (lines.length < total) {
    const name = ident(rand);
    const type = pick(rand, TYPES);
    lines.push('', `static ${type} ${name}(struct ${pick(rand, SYLLABLES)}_dev *dev, ${pick(rand, TYPES)} arg)`, '{');
    const body = 2 + Math.floor(rand() * 8);
    for (let i = 0; i < body; i += 1) {
      lines.push(rand() < 0.3 ? `\tif (arg & 0x${Math.floor(rand() * 65536).toString(16)})` : `\t\tdev->${ident(rand)} = ${ident(rand)}(arg, ${i});`);
    }
    lines.push(`\treturn ${type === 'void' ? '' : '0'};`.replace('return ;', 'return;'), '}');
  }
  return lines.slice(0, total);
}

/** A fork's version of a file: a few lines changed, a few Xen lines added. */
function modifiedLines(lines: readonly string[], path: string, seed: number): string[] {
  const rand = prng(hash(`fork:${path}`, seed));
  const out = [...lines];
  const edits = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < edits; i += 1) {
    const at = 6 + Math.floor(rand() * Math.max(1, out.length - 6));
    if (rand() < 0.5) out[at] = `\tHYPERVISOR_${ident(rand)}(dev, ${i});`;
    else out.splice(at, 0, '#ifdef CONFIG_XEN', `\txen_${ident(rand)}(arg);`, '#endif');
  }
  return out;
}

/** Splits `count` files of `dir` into files here and subfolders, recursively. */
function layout(dir: string, count: number, rand: () => number, out: string[]): void {
  const here = count <= 40 ? count : Math.min(count, 8 + Math.floor(rand() * 20));
  const names = new Set<string>(['Makefile']);
  out.push(`${dir}/Makefile`);
  while (names.size < here) {
    const name = `${ident(rand).replace(/_/g, '')}${names.size}.${rand() < 0.8 ? 'c' : 'h'}`;
    if (!names.has(name)) {
      names.add(name);
      out.push(`${dir}/${name}`);
    }
  }
  const rest = count - here;
  if (rest <= 0) return;
  const subCount = Math.min(SUBDIRS.length, Math.max(2, Math.ceil(rest / 150)));
  const weights = Array.from({ length: subCount }, () => 0.3 + rand());
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = rest;
  const offset = Math.floor(rand() * SUBDIRS.length);
  for (let i = 0; i < subCount; i += 1) {
    const n = i === subCount - 1 ? left : Math.min(left, Math.max(1, Math.round((rest * (weights[i] ?? 1)) / sum)));
    left -= n;
    if (n > 0) layout(`${dir}/${SUBDIRS[(offset + i) % SUBDIRS.length]}`, n, rand, out);
  }
}

/** Upstream paths: the areas scaled to `total` files, plus the top-level files. */
function upstreamPaths(total: number, seed: number): string[] {
  const rand = prng(seed);
  const weight = AREAS.reduce((a, [, n]) => a + n, 0);
  const paths = [...TOP_FILES];
  let left = total - TOP_FILES.length;
  for (const [i, [area, n]] of AREAS.entries()) {
    const count = i === AREAS.length - 1 ? left : Math.round(((total - TOP_FILES.length) * n) / weight);
    left -= count;
    layout(area, count, rand, paths);
  }
  return paths;
}

const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
const who = (name: string, email: string, time: number): string => `${name} <${email}> ${time} +0000`;

/** Feeds fast-import chunk by chunk, waiting when its pipe is full. */
async function fastImport(repo: string, write: (emit: (chunk: string) => Promise<void>) => Promise<void>): Promise<void> {
  const child = spawn('git', ['-c', 'pack.compression=1', 'fast-import', '--quiet', '--done'], { cwd: repo, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  let buffer = '';
  const flush = async (): Promise<void> => {
    if (!child.stdin.write(buffer)) await new Promise<void>((resolve) => child.stdin.once('drain', resolve));
    buffer = '';
  };
  await write(async (chunk) => {
    buffer += chunk;
    if (buffer.length > 1 << 20) await flush();
  });
  buffer += 'done\n';
  await flush();
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import failed (exit ${code}): ${stderr}`);
}

function git(repo: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')} failed: ${stderr}`))));
  });
}

export async function makeLinuxSizeRepo(dir: string, opts: LinuxSizeOptions = {}): Promise<LinuxSizeRepo> {
  const seed = opts.seed ?? 2005;
  const upstream = upstreamPaths(opts.upstreamFiles ?? 70_000, seed);
  const forkTotal = opts.forkFolderFiles ?? 3_000;
  const inPlace = opts.changedInPlace ?? 500;
  const rand = prng(seed ^ 0x5eed);

  // The fork folders: sparse copies of their twins (80% of those modified), plus files of their own.
  const forkFiles: { path: string; lines: string[] }[] = [];
  let identicalCopies = 0;
  let forkOnly = 0;
  for (const [i, pairing] of LINUX_PAIRINGS.entries()) {
    const want = Math.round(forkTotal * (PAIRING_SHARE[i] ?? 0));
    const twins = upstream.filter((p) => p.startsWith(`${pairing.upstream}/`));
    const copies = Math.min(twins.length, Math.round(want * 0.88));
    const chosen = twins.filter(() => rand() < copies / twins.length).slice(0, copies);
    for (const up of chosen) {
      const path = pairing.fork + up.slice(pairing.upstream.length);
      const lines = cLines(up, seed);
      const same = rand() < 0.2;
      if (same) identicalCopies += 1;
      forkFiles.push({ path, lines: same ? lines : modifiedLines(lines, path, seed) });
    }
    for (let n = 0; n < want - chosen.length; n += 1) {
      const path = `${pairing.fork}/xen/${ident(rand).replace(/_/g, '')}${n}.c`;
      forkOnly += 1;
      forkFiles.push({ path, lines: cLines(path, seed) });
    }
  }
  const paired = LINUX_PAIRINGS.map((p) => `${p.upstream}/`);
  const candidates = upstream.filter((p) => p.endsWith('.c') && !paired.some((d) => p.startsWith(d)));
  const changed = new Set<string>();
  while (changed.size < Math.min(inPlace, candidates.length)) changed.add(pick(rand, candidates));

  mkdirSync(dir, { recursive: true });
  await git(dir, ['init', '-q', '-b', LINUX_FORK_REF, dir]);
  await fastImport(dir, async (emit) => {
    const time = 1_118_000_000;
    await emit(`commit refs/heads/${LINUX_UPSTREAM_REF}\nmark :1\n`);
    await emit(`author ${who('Linus Torvalds', 'torvalds@example.org', time)}\ncommitter ${who('Linus Torvalds', 'torvalds@example.org', time)}\n`);
    await emit(data('Linux-size upstream tree\n'));
    for (const path of upstream) await emit(`M 100644 inline ${path}\n${data(`${cLines(path, seed).join('\n')}\n`)}`);
    await emit(`\ncommit refs/heads/${LINUX_FORK_REF}\nmark :2\n`);
    await emit(`author ${who('Keir Fraser', 'keir@example.org', time + 86_400)}\ncommitter ${who('Keir Fraser', 'keir@example.org', time + 86_400)}\n`);
    await emit(`${data('Xen: sub-architecture folders and hooks\n')}from :1\n`);
    for (const f of forkFiles) await emit(`M 100644 inline ${f.path}\n${data(`${f.lines.join('\n')}\n`)}`);
    for (const path of changed) await emit(`M 100644 inline ${path}\n${data(`${modifiedLines(cLines(path, seed), path, seed).join('\n')}\n`)}`);
    await emit('\n');
  });
  if (opts.fullCheckout) {
    await git(dir, ['reset', '-q', '--hard', LINUX_FORK_REF, '--']);
  } else {
    // Only the top-level files in the working tree, the rest marked skip-worktree: `git status` is clean.
    await git(dir, ['sparse-checkout', 'set', '--no-cone', '/*', '!/*/']);
    await git(dir, ['reset', '-q', '--hard', LINUX_FORK_REF, '--']);
  }

  const settings: SprintSettings = { upstreamRef: LINUX_UPSTREAM_REF, forkRef: LINUX_FORK_REF, pairings: LINUX_PAIRINGS.map((p) => ({ ...p })) };
  return {
    repo: dir,
    upstreamRef: LINUX_UPSTREAM_REF,
    forkRef: LINUX_FORK_REF,
    pairings: settings.pairings,
    settings,
    counts: { upstreamFiles: upstream.length, forkFolderFiles: forkFiles.length, changedInPlace: changed.size, identicalCopies, forkOnly },
  };
}
