/**
 * Finishing the files `git format-patch` wrote: To:/Cc: headers from MAINTAINERS in each, and
 * the cover letter's subject and blurb. Files are edited as bytes, so a diff of a file in
 * another encoding, or a binary patch, is never re-encoded.
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

export function finishCoverLetter(file: string, subject: string, blurb: string, recipients: Recipients): void {
  writeFileSync(file, insertHeaders(fillCoverLetter(readFileSync(file), subject, blurb), recipientHeaders(recipients)));
}
