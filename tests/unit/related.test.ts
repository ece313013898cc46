import { describe, expect, it } from 'vitest';
import { relatedPosts } from '../../src/lib/network/related.ts';
import type { Post } from '../../src/lib/network/types.ts';

interface Shape {
  id: string;
  topics: string[];
  tags?: string[];
  publisher?: string;
  series?: string;
  date?: string;
}

const post = ({ id, topics, tags = [], publisher = 'oak', series, date = '2025-01-01' }: Shape) =>
  ({
    id,
    topics,
    tags,
    publisher: { type: 'school', id: publisher },
    date: new Date(date),
    ...(series ? { series } : {}),
  }) as Post;

function related(posts: Post[]) {
  const byTopic = new Map<string, Post[]>();
  for (const p of posts) for (const t of p.topics) byTopic.set(t, [...(byTopic.get(t) ?? []), p]);
  const result = relatedPosts(posts, byTopic);
  return (id: string) => result.get(id)!.map((p) => p.id);
}

/** The plain definition: score every candidate, sort them all (stably), keep three. */
function reference(posts: Post[]) {
  return (id: string) => {
    const self = posts.find((p) => p.id === id)!;
    const scores = new Map<Post, number>();
    for (const topic of self.topics)
      for (const other of posts)
        if (other !== self && other.topics.includes(topic)) scores.set(other, (scores.get(other) ?? 0) + 3);
    return [...scores]
      .map(([other, score]) => {
        let total = score + other.tags.filter((t) => self.tags.includes(t)).length * 2;
        if (other.publisher.id === self.publisher.id) total += 1;
        if (self.series && other.series === self.series) total -= 10;
        return { other, total };
      })
      .sort((a, b) => b.total - a.total || b.other.date.getTime() - a.other.date.getTime())
      .slice(0, 3)
      .map((r) => r.other.id);
  };
}

describe('related posts', () => {
  it('ranks shared topics over shared tags over the same publisher, and never offers the post itself', () => {
    const get = related([
      post({ id: 'a', topics: ['reading', 'maths'], tags: ['phonics'] }),
      post({ id: 'two-topics', topics: ['reading', 'maths'], publisher: 'elm' }),
      post({ id: 'one-topic-tag', topics: ['reading'], tags: ['phonics'], publisher: 'elm' }),
      post({ id: 'one-topic-same-school', topics: ['maths'] }),
      post({ id: 'one-topic', topics: ['maths'], publisher: 'elm' }),
      post({ id: 'no-shared-topic', topics: ['send'], tags: ['phonics'] }),
    ]);
    expect(get('a')).toEqual(['two-topics', 'one-topic-tag', 'one-topic-same-school']);
  });

  it('puts other parts of the same series last, prefers newer posts on a tie and may offer fewer than three', () => {
    const get = related([
      post({ id: 'part-1', topics: ['t'], series: 's', date: '2025-01-01' }),
      post({ id: 'part-2', topics: ['t'], series: 's', date: '2025-02-01' }),
      post({ id: 'older', topics: ['t'], date: '2024-01-01' }),
      post({ id: 'newer', topics: ['t'], date: '2025-06-01' }),
      post({ id: 'alone', topics: ['u'] }),
    ]);
    expect(get('part-1')).toEqual(['newer', 'older', 'part-2']);
    expect(get('alone')).toEqual([]);
  });

  it('agrees with the plain definition on a few hundred random posts, ties included', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = (values: string[], count: number) => [
      ...new Set(Array.from({ length: count }, () => values[random(values.length)]!)),
    ];
    const topics = ['reading', 'maths', 'send', 'attendance', 'science', 'oracy'];
    const tags = ['phonics', 'fluency', 'trips', 'governors', 'parents'];
    const posts = Array.from({ length: 300 }, (_, i) => {
      const series = random(10) === 0 ? `series-${random(3)}` : undefined;
      return post({
        id: `p${i}`,
        topics: pick(topics, 1 + random(3)),
        tags: pick(tags, random(3)),
        publisher: `school-${random(6)}`,
        date: `202${random(4)}-0${1 + random(9)}-1${random(9)}`,
        ...(series ? { series } : {}),
      });
    });
    const fast = related(posts);
    const plain = reference(posts);
    for (const p of posts) expect(fast(p.id), p.id).toEqual(plain(p.id));
  });
});
