/**
 * Rule checks, before anything happens: each rule against HEAD's tree, and the rules against
 * each other. Pure: the tree is HEAD's file listing (`git ls-tree -r`), read once by the caller.
 */
import { checkRepoPath, foldKey, isUnder, parentPaths, pathsOverlap, quotePath, rebasePath } from '../paths';
import { SUBMODULE_MODE, SYMLINK_MODE, type PreviewFile, type RenameRule, type RuleCheck, type RuleProblem } from './model';
import { examples, gitNameProblems, windowsNameWarnings } from './names';

export { SUBMODULE_MODE, SYMLINK_MODE };

/** A file of HEAD's tree (blob, symlink or submodule entry). */
export interface TreeFile {
  path: string;
  mode: string;
  oid: string;
}

export type RuleDraft = Pick<RenameRule, 'id' | 'from' | 'to' | 'phase'>;

/** HEAD's tree prepared for lookups: files by path, folders, and every spelling by its case/Unicode fold. */
export interface TreeLookup {
  files: Map<string, TreeFile>;
  dirs: Set<string>;
  /** foldKey -> the spelling the tree uses (files and folders). */
  spellings: Map<string, string>;
  /** The files sorted by path, for finding everything under a folder. */
  sorted: TreeFile[];
}

export function lookupTree(files: readonly TreeFile[]): TreeLookup {
  const byPath = new Map<string, TreeFile>();
  const dirs = new Set<string>();
  const spellings = new Map<string, string>();
  for (const f of files) {
    byPath.set(f.path, f);
    spellings.set(foldKey(f.path), f.path);
    for (const d of parentPaths(f.path)) {
      if (dirs.has(d)) continue;
      dirs.add(d);
      spellings.set(foldKey(d), d);
    }
  }
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: byPath, dirs, spellings, sorted };
}

/** The files at `root` (a file) or under it (a folder). */
export function filesUnder(tree: TreeLookup, root: string): TreeFile[] {
  const single = tree.files.get(root);
  if (single) return [single];
  const prefix = `${root}/`;
  let lo = 0;
  let hi = tree.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tree.sorted[mid] as TreeFile).path < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: TreeFile[] = [];
  for (let i = lo; i < tree.sorted.length; i++) {
    const f = tree.sorted[i] as TreeFile;
    if (!f.path.startsWith(prefix)) break;
    out.push(f);
  }
  return out;
}

/** Every file the rule's copy creates, from the source as the tree holds it. */
export function previewRule(rule: Pick<RenameRule, 'from' | 'to'>, tree: TreeLookup): PreviewFile[] {
  return filesUnder(tree, rule.from).map((f) => ({ from: f.path, to: rebasePath(f.path, rule.from, rule.to), mode: f.mode }));
}

/** Is the rule still to be checked against others (its folders are in play)? */
const isActive = (rule: RuleDraft): boolean => rule.phase === 'planned' || rule.phase === 'copied';

/**
 * What the copy would overwrite. A folder rule may write into a folder that exists already: only
 * the files it writes count, so a destination file with other content, a file where the copy
 * needs a folder (or a folder where it writes a file) is refused, by name, and so is a symbolic
 * link where it needs a folder (the files would land wherever the link points). A file already
 * there with the source's content is refused too, unless every file is (then there is nothing
 * to copy): the copy would not create it, so the finished move could not show it as a rename.
 * Folders above the destination are the file-on-path check's.
 */
function destinationCollisions(to: string, tree: TreeLookup, files: PreviewFile[]): RuleProblem[] {
  const differing: string[] = [];
  const identical: string[] = [];
  const shapes = new Set<string>();
  const links = new Set<string>();
  for (const f of files) {
    const there = tree.files.get(f.to);
    const src = tree.files.get(f.from);
    if (there) (src !== undefined && there.oid === src.oid && there.mode === src.mode ? identical : differing).push(f.to);
    else if (tree.dirs.has(f.to)) shapes.add(f.to);
    for (const dir of parentPaths(f.to)) {
      const entry = isUnder(dir, to) ? tree.files.get(dir) : undefined;
      if (entry) (entry.mode === SYMLINK_MODE ? links : shapes).add(dir);
    }
  }
  const throughLinks: RuleProblem[] =
    links.size === 0
      ? []
      : [{
          code: 'symlink-on-path',
          message: `In the destination ${quotePath(to)}, the copy would write through symbolic links where it needs folders (${examples([...links])}): the app never writes through a link. Replace them with folders first, or choose another destination.`,
        }];
  if (files.length > 0 && identical.length === files.length) {
    return [...throughLinks, {
      code: 'destination-exists',
      message: `The destination ${quotePath(to)} already holds an identical copy of the source: there is nothing to copy; remove this rule or choose another destination.`,
    }];
  }
  const parts: string[] = [];
  if (differing.length > 0) parts.push(`files the copy would write exist already with other content (${examples(differing)})`);
  if (shapes.size > 0) parts.push(`the tree has a folder where the copy writes a file, or a file where it needs a folder (${examples([...shapes])})`);
  if (identical.length > 0) parts.push(`files the copy would write exist already as copies of the source, so the move could not show them as renames (${examples(identical)})`);
  if (parts.length === 0) return throughLinks;
  return [...throughLinks, {
    code: 'destination-exists',
    message: `In the destination ${quotePath(to)}, ${parts.join('; ')}: move those files away or remove them first, or choose another destination.${tree.dirs.has(to) ? ` Other files already in ${quotePath(to)} are fine and stay as they are.` : ''}`,
  }];
}

/**
 * The fewest paths that cover exactly `paths` (files under `to`) and nothing `before` holds: for
 * each file, the outermost folder under `to` (or `to` itself) that `before` lacks, else the file.
 * A copy into a new folder is that one folder; into an existing one, its new files and folders.
 */
export function newPathRoots(to: string, paths: readonly string[], before: TreeLookup): string[] {
  const exists = (p: string): boolean => before.dirs.has(p) || before.files.has(p);
  const roots = new Set<string>();
  for (const p of paths) {
    const root = [...parentPaths(p).filter((d) => isUnder(d, to)), p].find((d) => !exists(d)) ?? p;
    roots.add(root);
  }
  return [...roots].sort();
}

/** Problems of one rule's own paths against the tree. */
function checkAgainstTree(rule: RuleDraft, tree: TreeLookup, files: PreviewFile[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const { from, to } = rule;
  if (from === to || isUnder(to, from) || isUnder(from, to)) {
    problems.push({
      code: 'inside-itself',
      message: `The destination ${quotePath(to)} and the source ${quotePath(from)} overlap: copy to a folder outside the source.`,
    });
  }
  for (const [what, p] of [['source', from], ['destination', to]] as const) {
    for (const dir of parentPaths(p)) {
      const file = tree.files.get(dir);
      if (!file) continue;
      if (file.mode === SYMLINK_MODE) {
        problems.push({
          code: 'symlink-on-path',
          message: `The ${what} ${quotePath(p)} goes through ${quotePath(dir)}, which is a symbolic link: name the real folder instead.`,
        });
      } else {
        problems.push({
          code: 'file-on-path',
          message: `The ${what} ${quotePath(p)} goes through ${quotePath(dir)}, which is a ${file.mode === SUBMODULE_MODE ? 'submodule' : 'file'}, not a folder.`,
        });
      }
      break;
    }
  }
  if (files.length === 0) {
    problems.push({ code: 'no-files', message: `The source ${quotePath(from)} holds no files at HEAD: check the spelling, or commit the files first.` });
  }
  problems.push(...destinationCollisions(to, tree, files), ...gitNameProblems(files));
  const clashes: string[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    for (const p of [...parentPaths(f.to), f.to]) {
      if (seen.has(p)) continue;
      seen.add(p);
      const spelling = tree.spellings.get(foldKey(p));
      if (spelling !== undefined && spelling !== p) clashes.push(`${p} (the tree has ${spelling})`);
    }
  }
  if (clashes.length > 0) {
    problems.push({
      code: 'case-collision',
      message: `The copy would create paths that differ only by letter case or Unicode normalisation from paths in the tree, which collide on macOS and Windows: ${examples(clashes)}.`,
    });
  }
  return problems;
}

/** Two spellings of one folder or file on a case-insensitive, normalising file system, one on the way to each path. */
function spellingClash(a: string, b: string): [string, string] | null {
  const bSpellings = new Map([...parentPaths(b), b].map((p) => [foldKey(p), p]));
  for (const p of [...parentPaths(a), a]) {
    const other = bSpellings.get(foldKey(p));
    if (other !== undefined && other !== p) return [p, other];
  }
  return null;
}

/** Problems between rule `a` and another active rule `b`, as `a` sees them. */
function checkPair(a: RuleDraft, b: RuleDraft): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const other = `rule ${quotePath(b.from)} -> ${quotePath(b.to)}`;
  if (pathsOverlap(a.to, b.to)) {
    problems.push({
      code: 'same-destination',
      otherRuleId: b.id,
      message: `This rule and the ${other} both write into ${quotePath(a.to.length <= b.to.length ? a.to : b.to)}: give each rule its own destination.`,
    });
  } else {
    const clash = spellingClash(a.to, b.to);
    if (clash) {
      problems.push({
        code: 'case-collision',
        otherRuleId: b.id,
        message: `The destinations ${quotePath(a.to)} and ${quotePath(b.to)} differ only by letter case or Unicode normalisation (${quotePath(clash[0])} and ${quotePath(clash[1])}): they collide on macOS and Windows.`,
      });
    }
  }
  const nested = [
    [a.from, b.from],
    [a.from, b.to],
    [a.to, b.from],
  ].find(([x, y]) => pathsOverlap(x as string, y as string));
  if (nested) {
    problems.push({
      code: 'nested-rules',
      otherRuleId: b.id,
      message: `This rule lies inside the ${other} (${quotePath(nested[0] as string)} and ${quotePath(nested[1] as string)} overlap): split the rules so that no rule's folders are inside another's.`,
    });
  }
  return problems;
}

/** The path syntax problems of a rule (no tree needed): what the API refuses before storing a rule. */
export function checkRulePaths(rule: Pick<RenameRule, 'from' | 'to'>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const [what, p] of [['source', rule.from], ['destination', rule.to]] as const) {
    const bad = checkRepoPath(p, what);
    if (bad) problems.push({ code: 'bad-path', message: bad });
  }
  return problems;
}

/**
 * Checks every rule. Planned rules get every check; a copied rule only lists the files it
 * made (its destination exists by design), but still counts against planned rules. Moved and
 * abandoned rules are history and are neither checked nor in the way.
 */
export function checkRules(rules: readonly RuleDraft[], tree: TreeLookup): Map<string, RuleCheck> {
  const out = new Map<string, RuleCheck>();
  const active = rules.filter(isActive);
  for (const rule of rules) {
    const pathProblems = checkRulePaths(rule);
    if (pathProblems.length > 0 || !isActive(rule)) {
      out.set(rule.id, { ruleId: rule.id, problems: pathProblems, warnings: [], files: [] });
      continue;
    }
    const files = previewRule(rule, tree);
    if (rule.phase === 'copied') {
      out.set(rule.id, { ruleId: rule.id, problems: [], warnings: [], files });
      continue;
    }
    const problems = checkAgainstTree(rule, tree, files);
    for (const other of active) {
      if (other.id !== rule.id && checkRulePaths(other).length === 0) problems.push(...checkPair(rule, other));
    }
    out.set(rule.id, { ruleId: rule.id, problems, warnings: windowsNameWarnings(files), files });
  }
  return out;
}
