import { describe, expect, it } from 'vitest';
import { episodesFrom, repeatedWords, type Episode } from './episode-patterns';
import type { ExerciseEntry } from './exercises-api';

function episode(id: string, wish: string, other = '', me = ''): Episode {
  return { id, date: `2026-11-0${id}T10:00:00.000Z`, wish, other, me };
}

function entry(id: string, status: 'draft' | 'completed', wish: string): ExerciseEntry {
  const date = `2026-11-0${id}T10:00:00.000Z`;
  return {
    id,
    exerciseId: 'relationship-pattern',
    exerciseVersion: 1,
    revision: 1,
    status,
    values: { wish: { wish }, other: { other: 'They laughed.' }, me: { me: 'I went quiet.' } },
    createdAt: date,
    updatedAt: date,
    completedAt: status === 'completed' ? date : null,
  };
}

describe('repeatedWords', () => {
  it('names a wish that comes back in several reflections', () => {
    const words = repeatedWords([
      episode('1', 'To feel that I matter to him.'),
      episode('2', 'I wanted to know I matter to my sister.'),
      episode('3', 'For my friend to ask about my day.'),
    ]);
    expect(words).toEqual([{ part: 'wish', word: 'matter', episodeIds: ['1', '2'] }]);
  });

  it('counts a word once a reflection, and treats plurals, capitals and apostrophes alike', () => {
    const words = repeatedWords([
      episode('1', 'Matters, it matters so much', '', 'I went cold'),
      episode('2', 'That I matter', '', 'Cold again, and I went quiet'),
      episode('3', 'Kai’s time', '', 'I went quiet'),
      episode('4', "Kai's company"),
    ]);
    expect(words).toEqual([
      { part: 'wish', word: 'kai’s', episodeIds: ['3', '4'] },
      { part: 'wish', word: 'matters', episodeIds: ['1', '2'] },
      { part: 'me', word: 'cold', episodeIds: ['1', '2'] },
      { part: 'me', word: 'quiet', episodeIds: ['2', '3'] },
    ]);
  });

  it('leaves out little words and the words the questions themselves use', () => {
    expect(
      repeatedWords([
        episode('1', 'I wished that he would be there for me'),
        episode('2', 'I wished that she would be there for me'),
      ]),
    ).toEqual([]);
  });

  it('keeps the most shared words of each part only', () => {
    const words = repeatedWords(
      [episode('1', 'apple banana cherry damson'), episode('2', 'apple banana cherry damson')],
      2,
    );
    expect(words.map((word) => word.word)).toEqual(['apple', 'banana']);
  });

  it('finds nothing in one reflection alone', () => {
    expect(repeatedWords([episode('1', 'to matter, to matter')])).toEqual([]);
  });
});

describe('episodesFrom', () => {
  it('takes finished reflections only, oldest first', () => {
    const episodes = episodesFrom([
      entry('3', 'completed', 'To be asked'),
      entry('2', 'draft', 'Not finished'),
      entry('1', 'completed', 'To be heard'),
    ]);
    expect(episodes.map((item) => [item.id, item.wish, item.me])).toEqual([
      ['1', 'To be heard', 'I went quiet.'],
      ['3', 'To be asked', 'I went quiet.'],
    ]);
  });
});
