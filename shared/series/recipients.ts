/**
 * Who gets each patch, as scripts/get_maintainer.pl names them: the M: people of every
 * MAINTAINERS section whose F: patterns (or N: expressions, or the folders the maintainers map
 * binds it to) match the patch's files and whose X: do not go To, the R: reviewers and L: lists
 * go Cc. A fork copy also goes to the sections of its twin (`arch/i386/xen/kernel/setup.c` to
 * those of `arch/i386/kernel/setup.c`, through the pairings), since the copy is of their code.
 * Each address says why it is there. The cover letter goes to the union.
 */
import type { Pairing } from '../model';
import { isUnder, rebasePath } from '../paths';
import type { RenameRule } from '../rename/model';
import { formatAddress } from '../maintainers/parse';
import type { MailAddress, MaintainersSection } from '../maintainers/types';
import { sectionsForPath, type MaintainersIndex } from '../maintainers/match';

export interface Recipients {
  to: string[];
  cc: string[];
}

/** An address with why it is there: `M: of X86 PORT`, `L: of XEN, twin of arch/i386/xen`. */
export interface Recipient {
  address: string;
  reasons: string[];
}

export interface ExplainedRecipients {
  to: Recipient[];
  cc: Recipient[];
}

export interface PatchRecipients extends ExplainedRecipients {
  patchId: string;
}

/** A fork path's upstream twin and the fork folder it is the twin of, or null outside every pairing. */
export interface Twin {
  path: string;
  fork: string;
}

/**
 * The twin of `path` through the pairings; a file in a copied rule's destination is the copy of
 * its source, so it has its source's twin.
 */
export function twinOf(path: string, pairings: readonly Pairing[], renames: readonly RenameRule[] = []): Twin | null {
  const direct = pairings.find((p) => isUnder(path, p.fork) && path !== p.fork);
  if (direct) return { path: rebasePath(path, direct.fork, direct.upstream), fork: direct.fork };
  for (const r of renames) {
    if (r.phase !== 'copied' || !isUnder(path, r.to) || path === r.to) continue;
    const source = rebasePath(path, r.to, r.from);
    const pairing = pairings.find((p) => isUnder(source, p.fork) && source !== p.fork);
    if (pairing) return { path: rebasePath(source, pairing.fork, pairing.upstream), fork: isUnder(pairing.fork, r.from) ? rebasePath(pairing.fork, r.from, r.to) : pairing.fork };
  }
  return null;
}

interface Entry {
  address: string;
  reasons: string[];
}

function place(into: Map<string, Entry>, a: MailAddress, reason: string): void {
  const key = a.email.toLowerCase();
  const entry = into.get(key);
  if (!entry) into.set(key, { address: formatAddress(a), reasons: [reason] });
  else if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
}

/** Every recipient of a patch of `files` with its reasons; `twin` gives a file's twin, if it has one. */
export function explainRecipients(index: MaintainersIndex, files: readonly string[], twin: (path: string) => Twin | null = () => null): ExplainedRecipients {
  const found: { section: MaintainersSection; via: string }[] = [];
  const seen = new Set<string>();
  const add = (section: MaintainersSection, via: string): void => {
    const key = `${section.line}\0${via}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ section, via });
  };
  for (const f of files) for (const m of sectionsForPath(index, f)) add(m.section, '');
  for (const f of files) {
    const t = twin(f);
    if (t) for (const m of sectionsForPath(index, t.path)) add(m.section, `, twin of ${t.fork}`);
  }
  const to = new Map<string, Entry>();
  const cc = new Map<string, Entry>();
  for (const { section, via } of found) for (const a of section.maintainers) place(to, a, `M: of ${section.title}${via}`);
  for (const { section, via } of found) {
    const copies = [...section.reviewers.map((a) => ({ a, tag: 'R' })), ...section.lists.map((email) => ({ a: { name: '', email }, tag: 'L' }))];
    for (const { a, tag } of copies) place(to.has(a.email.toLowerCase()) ? to : cc, a, `${tag}: of ${section.title}${via}`);
  }
  return { to: [...to.values()], cc: [...cc.values()] };
}

/** The addresses alone, for the mail headers. */
export const plainRecipients = (r: ExplainedRecipients): Recipients => ({ to: r.to.map((x) => x.address), cc: r.cc.map((x) => x.address) });

export function recipientsFor(index: MaintainersIndex, files: readonly string[]): Recipients {
  return plainRecipients(explainRecipients(index, files));
}

/** The union for the cover letter: anyone To on some patch is To, the rest Cc. */
export function unionRecipients(all: readonly Recipients[]): Recipients {
  const key = (a: string): string => (/<([^>]+)>$/.exec(a)?.[1] ?? a).toLowerCase();
  const to = new Map<string, string>();
  const cc = new Map<string, string>();
  for (const r of all) for (const a of r.to) if (!to.has(key(a))) to.set(key(a), a);
  for (const r of all) for (const a of r.cc) if (!to.has(key(a)) && !cc.has(key(a))) cc.set(key(a), a);
  return { to: [...to.values()], cc: [...cc.values()] };
}

/** RFC 2047 encoded-word for header text that is not plain ASCII (names with accents). */
export function encodeHeaderText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const bytes = utf8Bytes(text);
  const q = bytes.map((b) => (b === 0x20 ? '_' : /[A-Za-z0-9!*+\-/]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  return `=?UTF-8?q?${q}?=`;
}

/** UTF-8 bytes of `text` (shared/ has neither the DOM's TextEncoder nor Node's Buffer). */
function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** An address with its display name encoded for a mail header. */
function encodeAddress(address: string): string {
  const m = /^(.*) <([^>]+)>$/.exec(address);
  if (!m || /^[\x20-\x7e]*$/.test(address)) return address;
  const name = (m[1] as string).replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"');
  return `${encodeHeaderText(name)} <${m[2]}>`;
}

/** `To:` and `Cc:` header lines (folded one address a line), '' when there is no one. */
export function recipientHeaders(r: Recipients): string {
  const header = (name: string, list: string[]): string =>
    list.length === 0 ? '' : `${name}: ${list.map(encodeAddress).join(',\n    ')}\n`;
  return header('To', r.to) + header('Cc', r.cc);
}
