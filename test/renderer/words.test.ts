import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { plural, says } from '../../renderer/src/views/common/format';
import { PathName } from '../../renderer/src/views/common/PathName';
import { reviewerShown } from '../../renderer/src/views/card/reviewer';
import { removalWords } from '../../renderer/src/views/people/removalWords';
import { agree, countSays, plural as corePlural } from '../../shared/words';
import { boardPlan } from './fakeServer';

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

describe('removing a person, in words', () => {
  it('says what happens to the cards they own and the cards they review', () => {
    expect(removalWords('Ada', 0, 0)).toBe('Ada leaves the sprint. Undo brings them back with their cards.');
    expect(removalWords('Ada', 1, 0)).toBe('Ada leaves the sprint; their card goes back to Unassigned, with its state kept. Undo brings them back with their cards.');
    expect(removalWords('Ada', 0, 2)).toBe('Ada leaves the sprint. Ada reviews 2 cards; they will have no reviewer. Undo brings them back as reviewer.');
    expect(removalWords('Ada', 3, 1)).toBe(
      'Ada leaves the sprint; their 3 cards go back to Unassigned, with their states kept. Ada reviews 1 card; it will have no reviewer. Undo brings them back with their cards and reviews.',
    );
  });
});

describe("a card's reviewer in the pane", () => {
  it('names a known reviewer, says an unknown id is an unknown person, and has none for a card without one', () => {
    const plan = boardPlan();
    plan.cards = { net: { notes: '', checklist: [], reviewer: 'ada' }, blk: { notes: '', checklist: [], reviewer: 'person-gone' } };
    expect(reviewerShown(plan, 'net')).toEqual({ id: 'ada', name: 'Ada', known: true });
    expect(reviewerShown(plan, 'blk')).toEqual({ id: 'person-gone', name: 'Unknown person (id person-gone)', known: false });
    expect(reviewerShown(plan, 'core')).toBeNull();
  });
});
