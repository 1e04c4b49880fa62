/**
 * Finishing the files `git format-patch` wrote: To:/Cc: headers from MAINTAINERS in each, the
 * cover letter's subject, blurb and change-id, and its Message-Id. Files are edited as bytes, so
 * a diff of a file in another encoding, or a binary patch, is never re-encoded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { encodeHeaderText, recipientHeaders, type Recipients } from '../../../shared/series/recipients';

const SUBJECT_PLACEHOLDER = '*** SUBJECT HERE ***';
const BLURB_PLACEHOLDER = '*** BLURB HERE ***';

/** Inserts header lines at the end of a mail's header block (before its first empty line). */
export function insertHeaders(mail: Buffer, headers: string): Buffer {
  if (headers === '') return mail;
  const end = mail.indexOf('\n\n');
  if (end < 0) return Buffer.concat([mail, Buffer.from(headers, 'utf8')]);
  return Buffer.concat([mail.subarray(0, end + 1), Buffer.from(headers, 'utf8'), mail.subarray(end + 1)]);
}

function replaceOnce(mail: Buffer, placeholder: string, text: string): Buffer {
  const at = mail.indexOf(placeholder);
  if (at < 0) return mail;
  return Buffer.concat([mail.subarray(0, at), Buffer.from(text, 'utf8'), mail.subarray(at + placeholder.length)]);
}

/** The cover letter with its subject and blurb filled, declared UTF-8 when the blurb needs it. */
export function fillCoverLetter(mail: Buffer, subject: string, blurb: string): Buffer {
  let out = replaceOnce(mail, SUBJECT_PLACEHOLDER, encodeHeaderText(subject.replace(/[\r\n]+/g, ' ')));
  out = replaceOnce(out, BLURB_PLACEHOLDER, blurb.trimEnd());
  const headerEnd = out.indexOf('\n\n');
  const head = out.subarray(0, headerEnd < 0 ? out.length : headerEnd).toString('latin1');
  if (/[^\p{ASCII}]/u.test(blurb) && !/^Content-Type:/im.test(head)) {
    out = insertHeaders(out, 'MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n');
  }
  return out;
}

export function addRecipients(file: string, recipients: Recipients): void {
  writeFileSync(file, insertHeaders(readFileSync(file), recipientHeaders(recipients)));
}


/** Adds a line after the cover letter's `base-commit:` line (b4 puts `change-id:` there). */
export function addAfterBaseCommit(mail: Buffer, line: string): Buffer {
  const at = mail.indexOf('\nbase-commit: ');
  if (at < 0) return mail;
  const end = mail.indexOf('\n', at + 1);
  const cut = end < 0 ? mail.length : end + 1;
  return Buffer.concat([mail.subarray(0, cut), Buffer.from(`${line}\n`, 'utf8'), mail.subarray(cut)]);
}

/** The mail's Message-Id, from its header block: "Message-Id: <cover.1796128522.git.sam@example.org>". */
export function messageIdOf(mail: Buffer): string | null {
  const end = mail.indexOf('\n\n');
  const head = mail.subarray(0, end < 0 ? mail.length : end).toString('latin1');
  return /^Message-Id: (<[^>\n]+>)$/im.exec(head)?.[1] ?? null;
}

/**
 * Replaces every occurrence of one Message-Id in a mail: git's cover letter id is only the
 * second and the sender, so two versions exported in one second would share it; each gets one
 * of its own, and the patches that reply to it follow.
 */
export function replaceMessageId(file: string, from: string, to: string): void {
  const mail = readFileSync(file);
  const parts: Buffer[] = [];
  let at = 0;
  for (let i = mail.indexOf(from); i >= 0; i = mail.indexOf(from, at)) {
    parts.push(mail.subarray(at, i), Buffer.from(to, 'latin1'));
    at = i + from.length;
  }
  if (parts.length > 0) writeFileSync(file, Buffer.concat([...parts, mail.subarray(at)]));
}

export function finishCoverLetter(file: string, subject: string, blurb: string, recipients: Recipients, changeId: string): void {
  const filled = addAfterBaseCommit(fillCoverLetter(readFileSync(file), subject, blurb), `change-id: ${changeId}`);
  writeFileSync(file, insertHeaders(filled, recipientHeaders(recipients)));
}
