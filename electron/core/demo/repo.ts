/**
 * Writes the demo history into a new repository with one `git fast-import` run (pinned authors
 * and dates, so every machine gets the same commit ids), then checks out the fork branch so the
 * working tree is clean.
 */
import { fastImport } from '../git/fast-import';
import { checkOutHead, initRepository } from '../git/init';
import type { DemoCommit, DemoHistory } from './history';

export const DEMO_UPSTREAM_TAG = 'v2.6.12';
export const DEMO_UPSTREAM_BRANCH = 'upstream';
export const DEMO_FORK_BRANCH = 'xen';

/** A counted data block; the newline after it is the optional one fast-import allows. */
const data = (bytes: Buffer): Buffer[] => [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
const text = (line: string): Buffer => Buffer.from(line, 'utf8');
const who = (c: DemoCommit): string => `${c.author.name} <${c.author.email}> ${c.time} +0000`;

function commitCommand(ref: string, c: DemoCommit, mark: number, from: number | null): Buffer[] {
  const out = [text(`commit ${ref}\nmark :${mark}\nauthor ${who(c)}\ncommitter ${who(c)}\n`), ...data(text(c.message))];
  if (from !== null) out.push(text(`from :${from}\n`));
  for (const [file, bytes] of [...c.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(text(`M 100644 inline ${file}\n`), ...data(bytes));
  }
  return out;
}

/** The fast-import stream: upstream branch and annotated tag, then the fork branch on top. */
export function fastImportStream(history: DemoHistory): Buffer {
  let mark = 0;
  const stream: Buffer[] = [];
  let last: number | null = null;
  for (const c of history.upstream) {
    mark += 1;
    stream.push(...commitCommand(`refs/heads/${DEMO_UPSTREAM_BRANCH}`, c, mark, last));
    last = mark;
  }
  const release = history.upstream[history.upstream.length - 1];
  if (release && last !== null) {
    stream.push(text(`tag ${DEMO_UPSTREAM_TAG}\nfrom :${last}\ntagger ${who(release)}\n`), ...data(text(history.release)));
  }
  for (const c of history.fork) {
    mark += 1;
    stream.push(...commitCommand(`refs/heads/${DEMO_FORK_BRANCH}`, c, mark, last));
    last = mark;
  }
  stream.push(text('done\n'));
  return Buffer.concat(stream);
}

/** Creates the repository in `dir` (an existing empty folder) with the given history. */
export async function writeDemoRepository(dir: string, history: DemoHistory): Promise<void> {
  await initRepository(dir, DEMO_FORK_BRANCH);
  await fastImport(dir, fastImportStream(history), { done: true });
  // HEAD already names the fork branch (init -b); this fills the index and working tree from it.
  await checkOutHead(dir);
}
