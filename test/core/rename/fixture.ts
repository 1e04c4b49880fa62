/**
 * A small Xen-style tree for the rename plan: a folder to rearrange holding awkward names,
 * an executable, a symlink, a binary file and a nested folder, plus files that name its path.
 */
import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { git, makeCommit, makeRepo } from '../../helpers/repo';

export const SRC = 'arch/xen/kernel';
export const DST = 'drivers/xen/core';

/** Text long enough for git's rename detection to pair edited copies. */
export const lines = (n: number, tag = 'line'): string => Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n') + '\n';

export const AWKWARD: Record<string, string> = {
  'evtchn.c': lines(30, 'evtchn'),
  'with space.c': lines(20, 'space'),
  '"quoted" name.c': lines(20, 'quoted'),
  'new\nline.c': lines(20, 'newline'),
  'ünïcödé.c': lines(20, 'unicode'),
  'sub dir/deep.h': lines(20, 'deep'),
};
export const BINARY = Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 10, 13]);

export function makeXenRepo(): string {
  const repo = makeRepo();
  const files: Record<string, Parameters<typeof makeCommit>[1]['files'][string]> = {
    'Makefile': 'obj-y += arch/xen/kernel/\nobj-y += kernel/\n',
    'arch/xen/Kconfig': 'source "arch/xen/kernel/Kconfig"\n',
    'drivers/xen/Makefile': 'obj-y += balloon/\n',
    'drivers/xen/balloon/balloon.c': lines(10, 'balloon'),
    'kernel/sched.c': '#include <linux/sched.h>\n#include "../arch/xen/kernel/evtchn.h"\n',
    'README': 'readme\n',
    [`${SRC}/run.sh`]: { content: '#!/bin/sh\necho run\n', executable: true },
    [`${SRC}/link`]: { symlink: 'evtchn.c' },
    [`${SRC}/blob.bin`]: BINARY,
  };
  for (const [name, text] of Object.entries(AWKWARD)) files[`${SRC}/${name}`] = text;
  makeCommit(repo, { files, message: 'xen tree' });
  return repo;
}

/** `git ls-tree -r` of a folder of a commit, paths relative to the folder: what git says is there. */
export function treeOf(repo: string, commit: string, dir: string): string {
  return git(repo, ['ls-tree', '-r', '-z', `${commit}:${dir}`]);
}

export const head = (repo: string): string => git(repo, ['rev-parse', 'HEAD']).trim();
export const subject = (repo: string, rev = 'HEAD'): string => git(repo, ['log', '-1', '--format=%s', rev]).trim();
/** `git diff -M --name-status -z A B`, as git prints it, parsed into status -> [old, new]. */
export function changesByGit(repo: string, a: string, b: string): { status: string; paths: string[] }[] {
  const records = git(repo, ['diff', '-M', '--name-status', '-z', a, b]).split('\0').filter(Boolean);
  const out = [];
  for (let i = 0; i < records.length; ) {
    const status = records[i++] as string;
    const n = status.startsWith('R') ? 2 : 1;
    out.push({ status, paths: records.slice(i, i + n) });
    i += n;
  }
  return out;
}
export const statusZ = (repo: string): string => git(repo, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);

/** What a file in the working tree is: its bytes, or its link target, and whether it is executable. */
export function workFile(repo: string, rel: string): { kind: 'file' | 'link' | 'missing'; data: string; exec: boolean } {
  const abs = path.join(repo, rel);
  if (!existsSync(abs) && !isLink(abs)) return { kind: 'missing', data: '', exec: false };
  const st = lstatSync(abs);
  if (st.isSymbolicLink()) return { kind: 'link', data: readlinkSync(abs), exec: false };
  return { kind: 'file', data: readFileSync(abs).toString('base64'), exec: (st.mode & 0o111) !== 0 };
}

function isLink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}
