/**
 * Writes the demo history into a new repository with one `git fast-import` run (pinned authors
 * and dates, so every machine gets the same commit ids), then checks out the fork branch so the
 * working tree is clean.
 */
import { runGit } from './git/exec';
import type { DemoCommit } from './demo-tree';

export const DEMO_UPSTREAM_TAG = 'v2.6.12';
export const DEMO_UPSTREAM_BRANCH = 'upstream';
export const DEMO_FORK_BRANCH = 'xen';

/** A counted data block; the newline after it is the optional one fast-import allows. */
const data = (text: string): string => `data ${Buffer.byteLength(text, 'utf8')}\n${text}\n`;
const who = (c: DemoCommit): string => `${c.author.name} <${c.author.email}> ${c.time} +0000`;

function commitCommand(ref: string, c: DemoCommit, mark: number, from: number | null): string {
  let out = `commit ${ref}\nmark :${mark}\nauthor ${who(c)}\ncommitter ${who(c)}\n${data(c.message)}`;
  if (from !== null) out += `from :${from}\n`;
  for (const [path, text] of Object.entries(c.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    out += `M 100644 inline ${path}\n${data(text)}`;
  }
  return out;
}

/** The fast-import stream: upstream branch and annotated tag, then the fork branch on top. */
export function fastImportStream(upstream: DemoCommit[], fork: DemoCommit[]): string {
  let mark = 0;
  let stream = '';
  let last: number | null = null;
  for (const c of upstream) {
    mark += 1;
    stream += commitCommand(`refs/heads/${DEMO_UPSTREAM_BRANCH}`, c, mark, last);
    last = mark;
  }
  const release = upstream[upstream.length - 1];
  if (release && last !== null) {
    stream += `tag ${DEMO_UPSTREAM_TAG}\nfrom :${last}\ntagger ${who(release)}\n${data('Linux 2.6.12 release')}`;
  }
  for (const c of fork) {
    mark += 1;
    stream += commitCommand(`refs/heads/${DEMO_FORK_BRANCH}`, c, mark, last);
    last = mark;
  }
  return stream;
}

/** Creates the repository in `dir` (an existing empty folder) with the given history. */
export async function writeDemoRepository(dir: string, upstream: DemoCommit[], fork: DemoCommit[]): Promise<void> {
  await runGit(dir, 'init', ['init', '-q', '-b', DEMO_FORK_BRANCH, '--', dir]);
  await runGit(dir, 'fast-import', ['fast-import', '--quiet', '--done'], { input: `${fastImportStream(upstream, fork)}done\n` });
  // HEAD already names the fork branch (init -b); this fills the index and working tree from it.
  await runGit(dir, 'reset', ['reset', '-q', '--hard', 'HEAD', '--']);
}
