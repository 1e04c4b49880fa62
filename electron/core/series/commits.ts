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
import { forkTrailers } from '../git/log-trailers';
import { signOffsFor } from '../../../shared/series/signoff';
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

/**
 * Subject, blank line, description, blank line, then the trailers: those of the fork's commits
 * whose changes the patch holds, the sign-offs the card owners gave themselves, and last the
 * sender's own (as `git commit -s` adds it). Nobody else's sign-off is ever written: the author
 * is named by the mail's From, and signs off only by giving it.
 */
export function commitMessage(patch: SeriesPatch, sender: Identity, kept: readonly string[] = []): string {
  const description = patch.description.trim();
  const written = new Set(description.split('\n').map((l) => l.trim()));
  const trailers: string[] = [];
  for (const line of [...kept, signOff(sender)]) {
    if (written.has(line) || trailers.includes(line)) continue;
    trailers.push(line);
  }
  const body = [description, trailers.join('\n')].filter(Boolean).join('\n\n');
  return `${patch.subject.trim()}\n\n${body}\n`;
}

/** Per patch, the trailer lines it keeps: its files' fork commits' trailers, then its cards' own sign-offs. */
async function keptTrailers(input: SeriesInput, perPatch: readonly { path: string }[][]): Promise<string[][]> {
  const commits = await forkTrailers(input.repo, input.base, input.targetCommit);
  return input.patches.map((patch, i) => {
    const files = new Set((perPatch[i] ?? []).map((c) => c.path));
    const fromFork = commits.filter((c) => c.files.some((f) => files.has(f))).flatMap((c) => c.trailers);
    const given = signOffsFor(input.plan, patch).map((s) => signOff(s));
    return [...fromFork, ...given];
  });
}

export async function buildSeriesCommits(input: SeriesInput, actor: Actor): Promise<Result<BuiltSeries>> {
  const problem = seriesProblem(input);
  if (problem) return fail('conflict', problem);
  // The target's author date for every commit: the same plan gives the same commits (and no new objects) each time.
  const date = await authorDate(input.repo, input.targetCommit);
  const sender: Identity = { name: actor.name, email: actor.email };
  const perPatch = changesByPatch(input);
  const kept = await keptTrailers(input, perPatch);
  const ids = await importCommits(
    input.repo,
    input.base,
    input.patches.map((patch, i) => {
      const author = authorOf(input, patch, actor);
      return { entries: perPatch[i] ?? [], message: commitMessage(patch, sender, kept[i]), author, committer: sender, date };
    }),
  );
  const tip = ids.at(-1) ?? input.base;
  const finalTree = await treeId(input.repo, tip);
  return ok({ commits: input.patches.map((p, i) => ({ patchId: p.id, commit: ids[i] as string })), tip, finalTree, treeMatches: finalTree === input.targetTree });
}
