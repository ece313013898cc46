import type { PaginateFunction } from 'astro';
import { sameLanguage } from './translate.ts';

/** Posts per page on every paginated listing, so listings stay light however large a network grows. */
export const PAGE_SIZE = 20;

/** Paginates a listing's posts under the given route params; a listing with no posts still gets its first page. */
export function paginatePosts<T, P extends Record<string, string>>(
  paginate: PaginateFunction,
  posts: readonly T[],
  params: P,
  props: Record<string, unknown>,
) {
  return paginate(posts as T[], { pageSize: PAGE_SIZE, params, props });
}

/**
 * A listing's posts with each text once: of a post and its translations, the version in the page's language
 * `lang` when the listing has it, otherwise the one listed first. The item then offers the others.
 */
export function listedPosts<T extends { id: string; lang: string; translations: readonly T[] }>(
  posts: readonly T[],
  lang: string,
): T[] {
  const position = new Map(posts.map((post, index) => [post.id, index]));
  return posts.filter((post, index) => {
    if (post.translations.length === 0) return true;
    const versions = [post, ...post.translations]
      .filter((version) => position.has(version.id))
      .sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    const chosen = versions.find((version) => sameLanguage(version.lang, lang)) ?? versions[0];
    return position.get(chosen!.id) === index;
  });
}
