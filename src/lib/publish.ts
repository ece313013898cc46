import type { Scope } from './settings.ts';

/** What decides whether a post appears in a build. */
export interface PublishContext {
  now: Date;
  /** True in `astro dev` only: drafts and scheduled posts are previewed there and nowhere else. */
  preview: boolean;
  scope: Scope;
  /** Families of each school, for family scopes. */
  schoolFamilies: ReadonlyMap<string, readonly string[]>;
}

export interface Publishable {
  draft: boolean;
  date: Date;
  publisher: { type: 'school' | 'family'; id: string };
}

/** A post is scheduled when its date is after the build's "now". */
export const isScheduled = (post: Pick<Publishable, 'date'>, now: Date) => post.date.getTime() > now.getTime();

/** True when the post belongs to the build's scope. */
export function isInScope(
  post: Publishable,
  scope: Scope,
  schoolFamilies: ReadonlyMap<string, readonly string[]>,
): boolean {
  if (scope.type === 'network') return true;
  if (scope.type === 'school') return post.publisher.type === 'school' && post.publisher.id === scope.id;
  if (post.publisher.type === 'family') return post.publisher.id === scope.id;
  return schoolFamilies.get(post.publisher.id)?.includes(scope.id) ?? false;
}

/** Why a production build holds a post back, if it does: `npm run check` lists drafts and scheduled posts by it. */
export function holdBack(post: Pick<Publishable, 'draft' | 'date'>, now: Date): 'draft' | 'scheduled' | undefined {
  if (post.draft) return 'draft';
  return isScheduled(post, now) ? 'scheduled' : undefined;
}

/**
 * The one rule for whether a post is published in this build: not a draft, dated on or before now
 * (both waived when previewing), and inside the scope. Pages, feeds, cards, search and the sitemap all use it.
 */
export function isPublished(post: Publishable, context: PublishContext): boolean {
  if (!context.preview && holdBack(post, context.now)) return false;
  return isInScope(post, context.scope, context.schoolFamilies);
}
