import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { plural, says } from '../../renderer/src/views/common/format';
import { PathName } from '../../renderer/src/views/common/PathName';
import { agree, countSays, plural as corePlural } from '../../shared/words';

describe('counts in words', () => {
  it('the noun agrees with the number, in the board and in the core', () => {
    expect(plural(1, 'card')).toBe('1 card');
    expect(plural(0, 'card')).toBe('0 cards');
    expect(plural(1200, 'changed line')).toBe('1,200 changed lines');
    expect(plural(2, 'person', 'people')).toBe('2 people');
    expect(corePlural(1, 'section')).toBe('1 section');
    expect(corePlural(3, 'twin file')).toBe('3 twin files');
  });

  it('the verb agrees too: "1 line names", "2 lines name"', () => {
    expect(says(1, 'line', ['names', 'name'])).toBe('1 line names');
    expect(says(2, 'line', ['names', 'name'])).toBe('2 lines name');
    expect(says(1, 'file', ['differs', 'differ'])).toBe('1 file differs');
    expect(countSays(1, ['file'], ['matches', 'match'])).toBe('1 file matches');
    expect(countSays(4, ['file'], ['matches', 'match'])).toBe('4 files match');
    expect(agree(0, 'is', 'are')).toBe('are');
  });
});

describe('names without hidden characters', () => {
  const text = (html: string) => html.replace(/<wbr\/?>/g, '');

  it('a card name wraps after its slashes with <wbr>, and its text is the path exactly', () => {
    const html = renderToStaticMarkup(createElement(PathName, { name: 'arch/xen/x86_64/kernel' }));
    expect(html).toBe('arch/<wbr/>xen/<wbr/>x86_64/<wbr/>kernel');
    expect(text(html)).toBe('arch/xen/x86_64/kernel');
    for (const hidden of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']) expect(html).not.toContain(hidden);
  });

  it('a name without slashes, or with a leading one, is unchanged', () => {
    expect(renderToStaticMarkup(createElement(PathName, { name: '(root)' }))).toBe('(root)');
    expect(text(renderToStaticMarkup(createElement(PathName, { name: '/etc' })))).toBe('/etc');
  });
});
