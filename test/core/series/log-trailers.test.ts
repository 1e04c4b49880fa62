import { describe, expect, it } from 'vitest';
import { parseTrailerLog } from '../../../electron/core/git/log-trailers';

const A = '47ecd386afd12525d69611b0520494e640831f16';
const B = 'f6516e4f81def96d1915eb6f18ab200b50b56509';

describe('the fork commits trailers as git log prints them', () => {
  it('keeps each commit trailers with its files, odd names included, and leaves out commits with none', () => {
    const out = `\x01${A}\0Signed-off-by: A <a@x>\x02Acked-by: B <b@x>\0\na b.c\0odd\nname.c\0\x01${B}\0\0\nb\0c\0`;
    expect(parseTrailerLog(out)).toEqual([{ commit: A, trailers: ['Signed-off-by: A <a@x>', 'Acked-by: B <b@x>'], files: ['a b.c', 'odd\nname.c'] }]);
    expect(parseTrailerLog('')).toEqual([]);
  });
});
