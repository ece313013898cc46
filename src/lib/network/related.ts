import type { Post } from './types.ts';

export const RELATED = 3;

/**
 * Related posts for every post at once. Candidates come only from shared topics; each is scored 3 per
 * shared topic, 2 per shared tag, 1 for the same publisher and -10 for the same series, and the best
 * three win, newer first on a tie. `byTopic` groups `posts` by topic.
 *
 * The work grows with the sizes of topics, which at 10,000 posts means tens of millions of candidate
 * visits; so scores live in one reused typed array and only the best three are kept, instead of a map
 * and a sort per post.
 */
export function relatedPosts<P extends Post<unknown>>(
  posts: readonly P[],
  byTopic: ReadonlyMap<string, readonly P[]>,
): Map<string, P[]> {
  const position = new Map<P, number>(posts.map((post, i) => [post, i]));
  const members = new Map<string, number[]>();
  for (const [topic, list] of byTopic) {
    members.set(
      topic,
      list.map((post) => position.get(post)).filter((index) => index !== undefined),
    );
  }
  const time = posts.map((post) => post.date.getTime());
  const topicScore = new Int32Array(posts.length);
  const touched: number[] = [];
  const result = new Map<string, P[]>();

  posts.forEach((post, self) => {
    for (const topic of post.topics) {
      for (const index of members.get(topic) ?? []) {
        if (index === self) continue;
        const score = topicScore[index]!;
        if (score === 0) touched.push(index);
        topicScore[index] = score + 3;
      }
    }
    const tags = new Set(post.tags);
    const bestIndex: number[] = [];
    const bestScore: number[] = [];
    // In first-seen order, so that of two equal candidates the one seen first stays ahead.
    for (const index of touched) {
      const other = posts[index]!;
      let score = topicScore[index]!;
      topicScore[index] = 0;
      // Most candidates cannot beat the current third even with every tag shared: skip scoring them.
      if (bestIndex.length === RELATED && score + 2 * other.tags.length + 1 < bestScore[RELATED - 1]!) continue;
      for (const tag of other.tags) if (tags.has(tag)) score += 2;
      if (other.publisher.id === post.publisher.id) score += 1;
      if (post.series && other.series === post.series) score -= 10;
      let at = bestIndex.length;
      while (
        at > 0 &&
        (score > bestScore[at - 1]! || (score === bestScore[at - 1]! && time[index]! > time[bestIndex[at - 1]!]!))
      )
        at--;
      if (at >= RELATED) continue;
      bestIndex.splice(at, 0, index);
      bestScore.splice(at, 0, score);
      if (bestIndex.length > RELATED) {
        bestIndex.pop();
        bestScore.pop();
      }
    }
    touched.length = 0;
    result.set(
      post.id,
      bestIndex.map((index) => posts[index]!),
    );
  });
  return result;
}
