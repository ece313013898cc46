import type { Post } from './network/types.ts';

/** How many posts the home page features, lists as latest, and lists in brief below them. */
const FEATURED = 3;
const LATEST = 6;
const MORE = 8;

/** The home page's choice: up to three featured posts, then the newest others, each shown once. */
export function homeSelection<P extends Pick<Post, 'featured'>>(posts: P[]): { featured: P[]; latest: P[]; more: P[] } {
  const featured = posts.filter((post) => post.featured).slice(0, FEATURED);
  const rest = posts.filter((post) => !featured.includes(post));
  return { featured, latest: rest.slice(0, LATEST), more: rest.slice(LATEST, LATEST + MORE) };
}
