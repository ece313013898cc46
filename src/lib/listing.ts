import type { PaginateFunction } from 'astro';

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
