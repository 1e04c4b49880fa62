/**
 * The bad rules of issue 3, step 1, each with what the user is told: tried through the API
 * (dispatch) and on the command line. The repository is the Xen fixture plus a symlinked
 * folder, a non-ASCII folder name and a destination file in the way; some cases first add a
 * good rule they clash with.
 */
import { git, makeCommit } from '../../helpers/repo';
import { DST, SRC, makeXenRepo } from './fixture';

export interface BadRule {
  name: string;
  from: string;
  to: string;
  /** A rule added first, which the bad one clashes with. */
  first?: { from: string; to: string };
  message: RegExp;
}

export const BAD_RULES: BadRule[] = [
  { name: 'a path with ..', from: SRC, to: '../outside', message: /contains "\.\."/ },
  { name: 'an absolute path', from: '/etc', to: DST, message: /is absolute/ },
  { name: '.git', from: SRC, to: '.git/hooks', message: /git's own folder/ },
  { name: '.GIT in another case', from: SRC, to: 'drivers/.GIT/x', message: /git's own folder/ },
  { name: '.git with a trailing dot', from: SRC, to: 'drivers/.git./x', message: /git's own folder/ },
  { name: 'the 8.3 name of .git', from: SRC, to: 'GIT~1/x', message: /git's own folder/ },
  { name: '.git as an NTFS stream of the folder', from: SRC, to: 'drivers/.git::$INDEX_ALLOCATION/x', message: /git's own folder/ },
  { name: '.git behind an HFS+ ignorable code point', from: SRC, to: 'drivers/.g\u200cit/x', message: /git's own folder/ },
  { name: 'a symlink on the way of the source', from: 'arch/xen/linkdir/evtchn.c', to: 'x/evtchn.c', message: /symbolic link/ },
  { name: 'a symlink on the way of the destination', from: SRC, to: 'arch/xen/linkdir/core', message: /symbolic link/ },
  {
    name: 'a destination file that exists with other content',
    from: SRC,
    to: 'drivers/xen/balloon',
    message: /"drivers\/xen\/balloon", files the copy would write exist already with other content \("drivers\/xen\/balloon\/evtchn.c"\)/,
  },
  { name: 'two rules writing one destination', from: 'kernel', to: DST, first: { from: SRC, to: DST }, message: /both write into/ },
  { name: 'a rule inside another', from: 'arch/xen', to: 'x86/xen', first: { from: SRC, to: DST }, message: /lies inside the rule/ },
  { name: 'a destination differing by case from the tree', from: SRC, to: 'Drivers/xen/core', message: /letter case or Unicode/ },
  { name: 'a destination differing by Unicode normalisation', from: SRC, to: 'docs/cafe\u0301/kernel', message: /letter case or Unicode/ },
  { name: 'destinations differing only by case', from: 'kernel', to: 'drivers/xen/CORE', first: { from: SRC, to: DST }, message: /differ only by letter case/ },
  { name: 'a source with no files', from: 'arch/xen/nothing', to: DST, message: /holds no files/ },
];

export function makeBadRulesRepo(): string {
  const repo = makeXenRepo();
  makeCommit(repo, { files: { 'arch/xen/linkdir': { symlink: 'kernel' }, 'docs/caf\u00e9/index.txt': 'café\n', 'drivers/xen/balloon/evtchn.c': 'not the source\n' }, message: 'awkward paths' });
  git(repo, ['config', 'core.precomposeunicode', 'false']);
  return repo;
}
