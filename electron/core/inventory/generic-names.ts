/**
 * File names that every folder of a tree has (build files, read-mes, licences): two folders both
 * holding a Makefile and a Kconfig are no more related than any two folders, so such a name is
 * never evidence that one folder is the other's twin.
 */

/** Names generic whatever follows their first dot (`Makefile.am`, `README.md`, `Kconfig.debug`). */
const GENERIC_STEMS = new Set(['makefile', 'kconfig', 'kbuild', 'readme', 'license', 'licence', 'copying', 'changelog', 'cmakelists', 'sconscript', 'dockerfile']);

/** Names generic only exactly so. */
const GENERIC_NAMES = new Set([
  'credits', 'maintainers', 'authors', 'todo', 'news', 'contributing.md', '.gitignore', '.gitattributes', 'index.rst', 'meson.build',
  '__init__.py', 'package.json', 'cargo.toml', 'go.mod', 'build.gradle',
]);

/** Whether a file's name (its last part) is one of those every folder may have. */
export function isGenericName(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (GENERIC_NAMES.has(base)) return true;
  const dot = base.indexOf('.', 1);
  return GENERIC_STEMS.has(dot > 0 ? base.slice(0, dot) : base);
}
