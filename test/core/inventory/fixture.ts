/**
 * A small fork with everything the inventory must handle: a sparse paired folder (modified,
 * identical, fork-only and inherited files, a mode change, a binary file, a symlink, submodule
 * entries, awkward names), a paired folder with glob characters in its name, and changes in
 * place outside the pairings.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SprintSettings } from '../../../shared/model';
import { git, makeCommit, makeRepo } from '../../helpers/repo';

/** Names that break naive parsing: spaces, quotes, a newline, a tab, non-ASCII. */
export const AWKWARD = 'sp ace "quoted"\nnew\tline é.c';
export const GHOST_SUBMODULE = '1111111111111111111111111111111111111111';
export const OTHER_SUBMODULE = '2222222222222222222222222222222222222222';

const lines = (prefix: string, n: number): string => Array.from({ length: n }, (_, i) => `${prefix} line ${i}`).join('\n') + '\n';
const binary = (seed: number): Buffer => Buffer.from(Array.from({ length: 300 }, (_, i) => (i * seed) % 256));

/** Adds a submodule entry (gitlink) without a submodule checkout, as `git submodule add` would record it. */
export function addGitlink(repo: string, path: string, commit: string): void {
  // An empty folder is how an unpopulated submodule looks, so later `git add -A` keeps the entry.
  mkdirSync(join(repo, path), { recursive: true });
  git(repo, ['update-index', '--add', '--cacheinfo', `160000,${commit},${path}`]);
  git(repo, ['commit', '-q', '-m', `gitlink ${path}`]);
}

export interface InventoryFixture {
  repo: string;
  settings: SprintSettings;
}

export function makeInventoryFixture(): InventoryFixture {
  const repo = makeRepo();
  makeCommit(repo, {
    message: 'upstream',
    files: {
      'README': 'top\n',
      'arch/i386/kernel/setup.c': lines('setup', 30),
      'arch/i386/kernel/same.c': lines('same', 10),
      'arch/i386/kernel/inherited.c': lines('inherited', 7),
      'arch/i386/mm/mode.c': lines('mode', 5),
      'arch/i386/logo.bin': binary(3),
      'arch/i386/link': { symlink: 'kernel/setup.c' },
      [`arch/i386/${AWKWARD}`]: lines('awkward', 4),
      'drivers/net/ne2k.c': lines('ne2k', 20),
      'drivers/net/gone.c': lines('gone', 3),
      'glob1/outside.c': lines('glob', 6),
      [`weird outside\n"name".c`]: lines('weird', 2),
      'arch/x86_64/kernel/head.c': lines('head', 9),
    },
  });
  addGitlink(repo, 'arch/i386/firmware', GHOST_SUBMODULE);
  addGitlink(repo, 'lib/sub', GHOST_SUBMODULE);
  git(repo, ['tag', 'v1.0']);

  makeCommit(repo, {
    message: 'fork',
    branch: 'xen',
    files: {
      'arch/xen/i386/kernel/setup.c': lines('setup', 28) + 'xen hook\nxen hook 2\n',
      'arch/xen/i386/kernel/same.c': lines('same', 10),
      'arch/xen/i386/kernel/evtchn.c': lines('evtchn', 12),
      'arch/xen/i386/mm/mode.c': { content: lines('mode', 5), executable: true },
      'arch/xen/i386/logo.bin': binary(5),
      'arch/xen/i386/link': { symlink: 'kernel/evtchn.c' },
      'arch/xen/x86_64/Makefile': 'obj-y += kernel/\n',
      [`arch/xen/i386/${AWKWARD}`]: lines('awkward', 4) + 'more\n',
      'glob[1]/outside.c': lines('glob', 6) + 'fork\n',
      'glob1/outside.c': lines('glob', 5),
      'drivers/net/ne2k.c': lines('ne2k', 18) + 'xen\n',
      'drivers/net/gone.c': null,
      'drivers/xen/new.c': lines('new', 3),
      [`weird outside\n"name".c`]: lines('weird', 3),
    },
  });
  addGitlink(repo, 'arch/xen/i386/firmware', GHOST_SUBMODULE);
  addGitlink(repo, 'arch/xen/i386/sub', OTHER_SUBMODULE);
  addGitlink(repo, 'lib/sub', OTHER_SUBMODULE);
  return {
    repo,
    settings: {
      upstreamRef: 'v1.0',
      forkRef: 'xen',
      pairings: [
        { fork: 'arch/xen/i386', upstream: 'arch/i386' },
        // Glob characters: as a pattern "glob[1]" would also match "glob1", which is not paired.
        { fork: 'glob[1]', upstream: 'glob1' },
        // A sparse fork folder holding only its own Makefile: every upstream file is inherited.
        { fork: 'arch/xen/x86_64', upstream: 'arch/x86_64' },
      ],
    },
  };
}

/** What must stay the same: status (with ignored files), every ref, and the object count. */
export function repositoryState(repo: string): string {
  return [
    git(repo, ['status', '--porcelain=v1', '-z', '--ignored', '--untracked-files=all']),
    git(repo, ['for-each-ref', '--format=%(refname) %(objectname)']),
    git(repo, ['rev-parse', 'HEAD']),
    git(repo, ['count-objects', '-v']),
  ].join('\n--\n');
}
