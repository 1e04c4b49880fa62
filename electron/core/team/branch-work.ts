/**
 * What each card's branch holds against the sprint branch, asking git as little as possible:
 * one `for-each-ref` for every branch's tip and one `for-each-ref --no-merged` for the branches
 * with commits the sprint branch lacks; only those get one log of their commits and files.
 * Answers are kept per sprint commit, branch tip and file list, which never change meaning.
 */
import type { CardWork } from '../../../shared/team/status';
import type { RepoCaches } from '../context';
import { commitsBetweenWithFiles } from '../git/log';
import { branchTips } from '../git/refs';

/** What git says about one branch against the sprint commit, for one card's files. */
export type BranchWork = Omit<CardWork, 'subsystemId' | 'branch'>;

export interface CardBranch {
  subsystemId: string;
  branch: string;
  files: readonly string[];
}

const NOTHING_NEW = { unmerged: 0, touching: 0, last: null } as const;

/** One `git log --name-only sprint..tip` gives both numbers: every commit, and those whose files are the card's. */
async function workOf(repo: string, sprintCommit: string, tip: string, files: readonly string[]): Promise<BranchWork> {
  const commits = await commitsBetweenWithFiles(repo, sprintCommit, tip);
  const own = new Set(files);
  const touching = commits.filter((c) => c.files.some((f) => own.has(f)));
  const newest = touching[0];
  return {
    tip,
    unmerged: commits.length,
    touching: touching.length,
    last: newest ? { commit: newest.commit, subject: newest.subject, author: newest.author, date: newest.date } : null,
  };
}

export async function branchWork(repo: string, caches: Pick<RepoCaches, 'teamWork'>, sprintCommit: string, cards: readonly CardBranch[]): Promise<Record<string, CardWork>> {
  if (cards.length === 0) return {};
  const [all, notMerged] = await Promise.all([branchTips(repo), branchTips(repo, { notMergedInto: sprintCommit })]);
  // A local branch literally named like a remote-tracking one ("origin/x") wins, as git
  // resolves the short name; for-each-ref lists refs/heads before refs/remotes.
  const tips = new Map<string, string>();
  for (const t of all) if (!tips.has(t.name)) tips.set(t.name, t.commit);
  const ahead = new Set(notMerged.map((t) => t.commit));
  let known = caches.teamWork.get(sprintCommit);
  if (!known) {
    known = new Map();
    caches.teamWork.set(sprintCommit, known);
  }
  const work: Record<string, CardWork> = {};
  await Promise.all(
    cards.map(async (card) => {
      const tip = tips.get(card.branch) ?? null;
      let answer: BranchWork;
      if (tip === null) answer = { tip: null, ...NOTHING_NEW };
      else if (!ahead.has(tip)) answer = { tip, ...NOTHING_NEW };
      else {
        const key = `${tip}\0${card.files.join('\0')}`;
        let pending = known.get(key);
        if (!pending) {
          pending = workOf(repo, sprintCommit, tip, card.files);
          known.set(key, pending);
          pending.catch(() => known.delete(key));
        }
        answer = await pending;
      }
      work[card.subsystemId] = { subsystemId: card.subsystemId, branch: card.branch, ...answer };
    }),
  );
  return work;
}
