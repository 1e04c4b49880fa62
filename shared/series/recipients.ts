/**
 * Who gets each patch, as scripts/get_maintainer.pl names them: the M: people of every
 * MAINTAINERS section whose F: patterns match the patch's files (and whose X: do not) go To,
 * the R: reviewers and L: lists go Cc. The cover letter goes to the union.
 */
import { formatAddress } from '../maintainers/parse';
import type { MailAddress } from '../maintainers/types';
import { sectionsForPath, type MaintainersIndex } from '../maintainers/match';

export interface Recipients {
  to: string[];
  cc: string[];
}

/** Adds addresses to a list once each, keyed by lower-case email; `skip` holds emails already placed. */
function addAll(into: Map<string, string>, addresses: MailAddress[], skip: Map<string, string>): void {
  for (const a of addresses) {
    const key = a.email.toLowerCase();
    if (!into.has(key) && !skip.has(key)) into.set(key, formatAddress(a));
  }
}

export function recipientsFor(index: MaintainersIndex, files: readonly string[]): Recipients {
  const to = new Map<string, string>();
  const cc = new Map<string, string>();
  const sections = files.flatMap((f) => sectionsForPath(index, f).map((m) => m.section));
  const unique = [...new Set(sections)];
  for (const s of unique) addAll(to, s.maintainers, new Map());
  for (const s of unique) {
    addAll(cc, s.reviewers, to);
    addAll(cc, s.lists.map((email) => ({ name: '', email })), to);
  }
  return { to: [...to.values()], cc: [...cc.values()] };
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
