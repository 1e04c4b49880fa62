/**
 * Saving an archive the server answered as a browser download: the bytes as a Blob behind an
 * object URL, clicked through an <a download>, the URL released once the click has been handled.
 */
import type { SeriesArchive } from '../../../../shared/series/api';

export function archiveBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function downloadArchive(archive: Pick<SeriesArchive, 'fileName' | 'mediaType' | 'base64'>): void {
  const url = URL.createObjectURL(new Blob([archiveBytes(archive.base64)], { type: archive.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = archive.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the URL when click() returns; releasing it on the next turn is safe in every engine.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
