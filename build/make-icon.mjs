// Draws build/icon.png (512x512 RGBA), the app icon electron-builder turns into each platform's
// format: a board of three columns with cards, and a merge arrow. Drawn here rather than kept as
// an opaque binary so it can be changed and regenerated: `node build/make-icon.mjs [OUT.png]`.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis: 16 samples a pixel smooth the rounded corners and the arrow

const BACKGROUND = [0x1d, 0x35, 0x57];
const COLUMN = [0x2b, 0x4c, 0x7a];
const CARD_COLOURS = [
  [0xf4, 0xa2, 0x61],
  [0x2a, 0x9d, 0x8f],
  [0xe9, 0xc4, 0x6a],
  [0xe7, 0x6f, 0x51],
  [0x8e, 0xca, 0xe6],
];
const ARROW = [0xff, 0xff, 0xff];

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/** A thick line from (ax, ay) to (bx, by). */
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2;
};

/** Shapes painted in order, each with its colour; the last one that covers a point wins. */
const shapes = [[roundedRect(16, 16, 496, 496, 96), BACKGROUND]];
const columns = [
  [64, [0, 1, 2]],
  [200, [3, 1]],
  [336, [4]],
];
for (const [x, cards] of columns) {
  shapes.push([roundedRect(x, 72, x + 112, 440, 18), COLUMN]);
  cards.forEach((colour, i) => shapes.push([roundedRect(x + 12, 88 + i * 76, x + 100, 148 + i * 76, 10), CARD_COLOURS[colour]]));
}
// The merge arrow: two branches joining, then pointing right, across the lower board.
shapes.push([segment(120, 330, 256, 390, 22), ARROW]);
shapes.push([segment(120, 450, 256, 390, 22), ARROW]);
shapes.push([segment(256, 390, 400, 390, 22), ARROW]);
shapes.push([segment(400, 390, 360, 350, 22), ARROW]);
shapes.push([segment(400, 390, 360, 430, 22), ARROW]);

function pixel(px, py) {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES;
      const y = py + (sy + 0.5) / SAMPLES;
      let colour = null;
      for (const [inside, c] of shapes) if (inside(x, y)) colour = c;
      if (colour) {
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a += 1;
      }
    }
  }
  if (a === 0) return [0, 0, 0, 0];
  return [Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / SAMPLES ** 2)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function iconPng() {
  const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (1 + SIZE * 4);
    raw[row] = 0; // filter type: none
    for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(process.argv[2] ?? new URL('./icon.png', import.meta.url), iconPng());
}
