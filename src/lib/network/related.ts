import type { Post } from './types';

const RELATED = 3;

/**
 * Related posts for every post at once: candidates come only from shared topics, scored by shared
 * topics, tags and publisher, so the work grows with topic sizes rather than the square of all posts.
 */
export function relatedPosts<P extends Post<unknown>>(
  posts: readonly P[],
  byTopic: ReadonlyMap<string, readonly P[]>,
): Map<string, P[]> {
  const result = new Map<string, P[]>();
  for (const post of posts) {
    const scores = new Map<P, number>();
    for (const topic of post.topics) {
      for (const other of byTopic.get(topic) ?? []) {
        if (other !== post) scores.set(other, (scores.get(other) ?? 0) + 3);
      }
    }
    const tags = new Set(post.tags);
    const ranked = [...scores].map(([other, score]) => {
      let total = score + other.tags.filter((t) => tags.has(t)).length * 2;
      if (other.publisher.id === post.publisher.id) total += 1;
      if (post.series && other.series === post.series) total -= 10;
      return { other, total };
    });
    ranked.sort((a, b) => b.total - a.total || b.other.date.getTime() - a.other.date.getTime());
    result.set(
      post.id,
      ranked.slice(0, RELATED).map((r) => r.other),
    );
  }
  return result;
}
