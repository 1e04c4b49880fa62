/**
 * The `.gitmodules` and `.gitattributes` files a rule's copy would write, checked before
 * anything is written as git fsck checks them: a `.gitmodules` through git's own config parser,
 * then its submodule names, urls, paths and update commands; a `.gitattributes` by its size and
 * line lengths. Each blob is read once however many rules or files name it.
 */
import type { TreeLookup, TreeFile } from '../../../shared/rename/check';
import { gitattributesProblem, gitFileRefusal, gitmodulesProblems, gitReadFiles, ATTR_MAX_FILE_SIZE, type CheckedGitFile } from '../../../shared/rename/git-files';
import type { PreviewFile, RuleProblem } from '../../../shared/rename/model';
import { objectSizes, readBlob } from '../git/cat-file';
import { listBlobConfig } from '../git/config';

/** What git fsck finds wrong with one blob read as a file of this kind (none: it accepts it). */
async function blobReasons(repo: string, oid: string, kind: CheckedGitFile, size: number): Promise<string[]> {
  if (kind === '.gitmodules') {
    const config = await listBlobConfig(repo, oid);
    return config.ok ? gitmodulesProblems(config.entries) : [`git cannot parse it (${config.gitMessage})`];
  }
  // A file over git's limit is refused by its size alone, without reading it.
  const problem = gitattributesProblem(size, size > ATTR_MAX_FILE_SIZE ? null : await readBlob(repo, oid));
  return problem ? [problem] : [];
}

/** A checker for the files of several rules against one tree; each call is awaited before the next. */
export function gitFileChecker(repo: string, tree: TreeLookup): (files: readonly PreviewFile[]) => Promise<RuleProblem[]> {
  const reasons = new Map<string, string[]>();
  const sizes = new Map<string, number>();
  return async (files) => {
    const found = gitReadFiles(files).map(({ file, kind }) => ({ file, kind, oid: (tree.files.get(file.from) as TreeFile).oid }));
    const unsized = [...new Set(found.filter((f) => f.kind === '.gitattributes' && !sizes.has(f.oid)).map((f) => f.oid))];
    for (const [oid, size] of await objectSizes(repo, unsized)) sizes.set(oid, size);
    const problems: RuleProblem[] = [];
    for (const { file, kind, oid } of found) {
      const key = `${kind}\0${oid}`;
      let why = reasons.get(key);
      if (!why) {
        why = await blobReasons(repo, oid, kind, sizes.get(oid) ?? 0);
        reasons.set(key, why);
      }
      if (why.length > 0) problems.push({ code: kind === '.gitmodules' ? 'bad-gitmodules' : 'bad-gitattributes', message: gitFileRefusal(file.to, kind, why) });
    }
    return problems;
  };
}
