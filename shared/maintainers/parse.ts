/**
 * Reads a Linux-style MAINTAINERS file. After a free-form header, each section is a title
 * line followed by `X:<tab>value` entries and ends at a blank line:
 *
 *   XEN HYPERVISOR INTERFACE
 *   M:	Juergen Gross <jgross@suse.com>
 *   L:	xen-devel@lists.xenproject.org (moderated for non-subscribers)
 *   S:	Supported
 *   F:	drivers/xen/
 *   X:	drivers/xen/xenbus/
 *
 * Lines that do not fit (a missing colon, an unknown field, an entry with no section, a title
 * with no entries) are skipped with a warning naming the line. How F:/X: patterns match paths
 * is in match.ts; the shapes both read are in types.ts.
 */
import type { MailAddress, MaintainersParse, MaintainersSection } from './types';

export type { MailAddress, MaintainersEntry, MaintainersParse, MaintainersSection } from './types';





const KNOWN_TAGS = new Set(['M', 'R', 'L', 'S', 'W', 'Q', 'B', 'C', 'P', 'T', 'F', 'X', 'N', 'K']);
const ENTRY = /^([A-Z]):\s*(.*)$/;
const MISSING_COLON = /^([A-Z])\s+(\S.*)$/;

const isBlank = (line: string): boolean => line.trim() === '';
const isEntry = (line: string | undefined): boolean => line !== undefined && ENTRY.test(line);
const isTitleLine = (line: string): boolean => !isBlank(line) && !/^\s/.test(line) && !ENTRY.test(line);

export function parseMaintainers(text: string): MaintainersParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const sections: MaintainersSection[] = [];
  const warnings: string[] = [];
  const warn = (i: number, message: string): void => {
    warnings.push(`MAINTAINERS line ${i + 1}: ${message}`);
  };
  let current: SectionBuilder | null = null;
  let started = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const startsSection = isTitleLine(line) && isEntry(lines[i + 1]);
    if (!started) {
      // The header is free text; the first title followed by an entry, after a blank line, starts the list.
      if (startsSection && (i === 0 || isBlank(lines[i - 1] as string))) {
        started = true;
        current = new SectionBuilder(line.trim(), i + 1);
        sections.push(current.section);
      }
      continue;
    }
    if (isBlank(line)) {
      current = null;
      continue;
    }
    const entry = ENTRY.exec(line);
    if (entry) {
      if (!current) warn(i, `"${line.trim()}" is an entry outside any section: put a section title line above it.`);
      else current.add(entry[1] as string, (entry[2] as string).trim(), i, warn);
      continue;
    }
    const noColon = MISSING_COLON.exec(line);
    if (current && noColon) {
      warn(i, `"${line.trim()}" lacks the colon after "${noColon[1]}": write "${noColon[1]}:<tab>${noColon[2]}". The line was skipped.`);
      continue;
    }
    if (startsSection) {
      if (current) warn(i, `the section "${line.trim()}" has no blank line before it: separate sections with a blank line.`);
      current = new SectionBuilder(line.trim(), i + 1);
      sections.push(current.section);
      continue;
    }
    if (current) warn(i, `"${line.trim()}" is not an entry of the form "X:<tab>value" (section "${current.section.title}"). The line was skipped.`);
    else warn(i, `"${line.trim()}" is not followed by any entries: a section is a title line and then "X:<tab>value" lines.`);
  }
  if (!started) warnings.push('MAINTAINERS: no sections found (a section is a title line followed by lines like "F:\tdrivers/xen/").');
  return { sections, warnings };
}

class SectionBuilder {
  readonly section: MaintainersSection;
  /** Old-style P: names waiting for the M: address that follows them. */
  private pendingNames: string[] = [];

  constructor(title: string, line: number) {
    this.section = { title, line, maintainers: [], reviewers: [], lists: [], status: null, files: [], excludes: [], regexes: [], keywords: [], entries: [] };
  }

  add(tag: string, value: string, i: number, warn: (i: number, message: string) => void): void {
    const s = this.section;
    if (!KNOWN_TAGS.has(tag)) return warn(i, `unknown field "${tag}:" in section "${s.title}"; the line was skipped.`);
    if (value === '') return warn(i, `the "${tag}:" entry in section "${s.title}" is empty; the line was skipped.`);
    s.entries.push({ tag, value, line: i + 1 });
    switch (tag) {
      case 'M':
      case 'R': {
        const address = parseAddress(value);
        if (!address) return warn(i, `"${value}" is not a mail address ("Name <address>") in section "${s.title}".`);
        if (tag === 'R') return void s.reviewers.push(address);
        const name = this.pendingNames.shift();
        s.maintainers.push(address.name === '' && name !== undefined ? { ...address, name } : address);
        return;
      }
      case 'P':
        // Before 2009, P: was the person and M: their address; since then P: names a profile document.
        if (!value.includes('/') && !value.includes('@')) this.pendingNames.push(value);
        return;
      case 'L': {
        const list = value.split(/\s+/).find((w) => w.includes('@'));
        if (!list) return warn(i, `the list "${value}" in section "${s.title}" has no mail address.`);
        s.lists.push(list);
        return;
      }
      case 'S':
        if (s.status === null) s.status = value;
        return;
      case 'F':
      case 'X': {
        const problem = checkPattern(value);
        if (problem) return warn(i, `the pattern "${value}" in section "${s.title}" ${problem}; the line was skipped.`);
        (tag === 'F' ? s.files : s.excludes).push(value);
        return;
      }
      case 'N':
        try {
          new RegExp(value);
          s.regexes.push(value);
        } catch {
          warn(i, `"${value}" in section "${s.title}" is not a valid regular expression; the line was skipped.`);
        }
        return;
      case 'K':
        s.keywords.push(value);
        return;
    }
  }
}

function checkPattern(value: string): string | null {
  if (value.startsWith('/')) return 'is absolute (patterns are relative to the top of the tree)';
  if (value.split('/').some((part) => part === '..' || part === '.')) return 'contains "." or ".."';
  return null;
}

/** Parses "Name <address>", "<address>" or a bare address, as get_maintainer.pl's parse_email does. */
export function parseAddress(value: string): MailAddress | null {
  const named = /^([^<]*)<([^<>]+@[^<>]*)>/.exec(value);
  if (named) return { name: unquote((named[1] as string).trim()), email: (named[2] as string).trim() };
  const bare = /^(\S+@\S+)/.exec(value.trim());
  return bare ? { name: '', email: bare[1] as string } : null;
}

const unquote = (name: string): string => (/^".*"$/.test(name) ? name.slice(1, -1).replace(/\\"/g, '"') : name);

/**
 * `Name <address>` for a To:/Cc: header; a name with characters other than letters, digits,
 * `_`, space and `-` is quoted, as get_maintainer.pl's format_email does.
 */
export function formatAddress(a: MailAddress): string {
  if (a.name === '') return a.email;
  const name = /[^\w -]/.test(a.name) ? `"${a.name.replace(/"/g, '\\"')}"` : a.name;
  return `${name} <${a.email}>`;
}
