/**
 * The series as commits on the upstream commit, made without the user's working tree, index
 * or branches: each patch's tree is the previous tree with that patch's files taken from the
 * target. After the last patch the tree must be the target's, id for id.
 */
import type { Actor } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import type { SeriesPatch } from '../../../shared/series/model';
import { treeId } from '../git/rev-parse';
import { authorDate } from '../git/series-commits';
import { importCommits, type Identity } from '../git/fast-import';
import { changesByPatch, seriesProblem, type SeriesInput } from './load';

export interface BuiltCommit {
  patchId: string;
  commit: string;
}

export interface BuiltSeries {
  commits: BuiltCommit[];
  tip: string;
  finalTree: string;
  treeMatches: boolean;
}

/** The patch's author: its person, else the sprint's actor. */
export function authorOf(input: SeriesInput, patch: SeriesPatch, actor: Actor): Identity {
  const person = patch.author ? input.plan.people[patch.author] : undefined;
  return person ? { name: person.name, email: person.email } : { name: actor.name, email: actor.email };
}

const signOff = (who: Identity): string => `Signed-off-by: ${who.name} <${who.email}>`;

/** Subject, blank line, description, blank line, sign-offs of the author and (when someone else) the sender. */
export function commitMessage(patch: SeriesPatch, author: Identity, sender: Identity): string {
  const description = patch.description.trim();
  const lines = [signOff(author)];
  if (sender.email.toLowerCase() !== author.email.toLowerCase() || sender.name !== author.name) lines.push(signOff(sender));
  const trailers = lines.filter((l) => !description.includes(l));
  const body = [description, trailers.join('\n')].filter(Boolean).join('\n\n');
  return `${patch.subject.trim()}\n\n${body}\n`;
}

export async function buildSeriesCommits(input: SeriesInput, actor: Actor): Promise<Result<BuiltSeries>> {
  const problem = seriesProblem(input);
  if (problem) return fail('conflict', problem);
  // The target's author date for every commit: the same plan gives the same commits (and no new objects) each time.
  const date = await authorDate(input.repo, input.targetCommit);
  const sender: Identity = { name: actor.name, email: actor.email };
  const perPatch = changesByPatch(input);
  const ids = await importCommits(
    input.repo,
    input.base,
    input.patches.map((patch, i) => {
      const author = authorOf(input, patch, actor);
      return { entries: perPatch[i] ?? [], message: commitMessage(patch, author, sender), author, committer: sender, date };
    }),
  );
  const tip = ids.at(-1) ?? input.base;
  const finalTree = await treeId(input.repo, tip);
  return ok({ commits: input.patches.map((p, i) => ({ patchId: p.id, commit: ids[i] as string })), tip, finalTree, treeMatches: finalTree === input.targetTree });
}
