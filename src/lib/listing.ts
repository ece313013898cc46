import type { PaginateFunction } from 'astro';
import { listingPageKey, type ListingPage } from './page-keys.ts';
import type { Network, Post } from './network/types.ts';
import type { Scope } from './settings.ts';
import { sameLanguage } from './translate.ts';
import type { Urls } from './urls.ts';

/** Posts per page on every paginated listing, so listings stay light however large a network grows. */
export const PAGE_SIZE = 20;

/**
 * Paginates a listing's posts under the given route params; a listing with no posts still gets its first page.
 * Each page carries its cache key, so an incremental build renders only the pages whose posts changed.
 */
export function paginatePosts<Hero, P extends Record<string, string>>(
  paginate: PaginateFunction,
  site: { network: Network<Hero>; urls: Urls; scope: Scope; lang: string },
  posts: readonly Post<Hero>[],
  params: P,
  props: Record<string, unknown> = {},
) {
  return paginate(posts as Post<Hero>[], { pageSize: PAGE_SIZE, params, props }).map((path) => ({
    ...path,
    cacheKey: listingPageKey(path.props.page as ListingPage<Hero>, site),
  }));
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
