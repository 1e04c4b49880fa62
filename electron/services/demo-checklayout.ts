/**
 * The demo upstream's scripts/checklayout.sh: a stand-in for "make" that needs no compiler, so the
 * demo's build checks ("old layout", "new layout") test something real about the tree: the
 * folders they name exist and every object and folder their Makefiles list is there. It is in
 * the upstream tree, so it is the same in both refs and stays out of the inventory and the series.
 * POSIX sh (Debian's dash runs the build checks).
 */
export const CHECKLAYOUT_SH = `#!/bin/sh
# checklayout.sh FOLDER...: checks what "make" needs of the tree's layout, without a compiler.
# Each folder must exist. In each Makefile under it, every object of its obj-y lines
# ("obj-y := a.o b.o", "obj-y += c.o") needs its source (a.c or a.S) in the Makefile's folder,
# and every folder its obj-y lines name (relative to the Makefile's folder) or its core-y lines
# name (from the tree's top) must exist. Prints what it checked and each missing thing; exits 1
# if anything is missing, 2 when given no folder.

if [ "$#" -eq 0 ]; then
  echo "usage: sh scripts/checklayout.sh FOLDER..." >&2
  exit 2
fi
# Words of a Makefile are split on blanks but never expanded as file name patterns.
set -f

missing=0
makefiles=0
miss() {
  echo "  missing $1"
  missing=$((missing + 1))
}

# The words after "VAR :=" and "VAR +=" in a Makefile ($1), for the variable $2.
words() {
  sed -n "s/^[[:space:]]*$2[[:space:]]*[:+]=//p" "$1"
}

check_makefile() {
  mk=$1
  dir=$(dirname "$mk")
  objects=0
  folders=0
  for w in $(words "$mk" obj-y); do
    case $w in
      *.o)
        objects=$((objects + 1))
        stem=\${w%.o}
        [ -f "$dir/$stem.c" ] || [ -f "$dir/$stem.S" ] || miss "source $dir/$stem.c (or .S) of $w (obj-y in $mk)"
        ;;
      */)
        folders=$((folders + 1))
        [ -d "$dir/$w" ] || miss "folder $dir/\${w%/} (obj-y in $mk)"
        ;;
    esac
  done
  for w in $(words "$mk" core-y); do
    case $w in
      */)
        folders=$((folders + 1))
        [ -d "$w" ] || miss "folder \${w%/} (core-y in $mk)"
        ;;
    esac
  done
  makefiles=$((makefiles + 1))
  echo "  $mk: $objects object(s), $folders folder(s)"
}

for folder in "$@"; do
  echo "$folder:"
  if [ ! -d "$folder" ]; then
    miss "folder $folder"
    continue
  fi
  # A here-document, not a pipe: the loop runs in this shell, so its counts survive it.
  while IFS= read -r mk; do
    [ -n "$mk" ] && check_makefile "$mk"
  done <<EOF_MAKEFILES
$(find "$folder" -type f -name Makefile | sort)
EOF_MAKEFILES
done

if [ "$missing" -gt 0 ]; then
  echo "checklayout: $missing missing in $# folder(s)"
  exit 1
fi
echo "checklayout: $# folder(s), $makefiles Makefile(s): all present"
`;
