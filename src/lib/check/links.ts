import { postKinds } from '../../schemas/post.ts';
import { didYouMean } from '../network/suggest.ts';
import { isoDay } from './dates.ts';

/** Pages every build has, written as network paths. */
export const fixedPages = [
  '/',
  '/posts/',
  '/schools/',
  '/families/',
  '/authors/',
  '/topics/',
  '/rulebook/',
  '/expertise/',
  '/archive/',
  '/about/',
  '/accessibility/',
  '/search/',
  '/feeds/',
] as const;

export interface LinkTargetPost {
  publisher: { type: 'school' | 'family'; id: string };
  slug: string;
  kind?: string;
  /** Numbers of the post's rules (`#rule-N`). */
  rules: number[];
  draft: boolean;
  date?: Date;
}

export interface LinkTargets {
  schools: readonly string[];
  families: readonly string[];
  authors: readonly string[];
  topics: readonly string[];
  posts: readonly LinkTargetPost[];
}

export interface LinkProblem {
  message: string;
  severity: 'error' | 'warning';
}

const postPath = (post: LinkTargetPost) =>
  `/${post.publisher.type === 'school' ? 'schools' : 'families'}/${post.publisher.id}/${post.slug}/`;

/** Every network path a post body may link to, mapped to the post it shows where it is one. */
export function linkIndex(targets: LinkTargets): Map<string, LinkTargetPost | undefined> {
  const index = new Map<string, LinkTargetPost | undefined>(fixedPages.map((page) => [page, undefined]));
  const add = (prefix: string, ids: readonly string[]) =>
    ids.forEach((id) => index.set(`/${prefix}/${id}/`, undefined));
  add('schools', targets.schools);
  add('families', targets.families);
  add('authors', targets.authors);
  add('topics', targets.topics);
  add('kinds', postKinds);
  for (const post of targets.posts) index.set(postPath(post), post);
  return index;
}

const ruleFragment = /^#rule-(\d+)$/;

function checkRule(hash: string, post: LinkTargetPost | undefined, where: string): LinkProblem | undefined {
  const match = ruleFragment.exec(hash);
  if (!match || !post) return undefined;
  if (post.kind !== 'rules-of-thumb')
    return { severity: 'error', message: `${where} is not a rules-of-thumb post, so it has no "${hash}"` };
  const number = Number(match[1]);
  if (!post.rules.includes(number)) {
    const count = post.rules.length;
    return {
      severity: 'error',
      message: `${where} has no rule ${number}: it has ${count === 0 ? 'no rules' : `rules ${post.rules[0]}–${post.rules.at(-1)}`}`,
    };
  }
  return undefined;
}

/**
 * Checks one link in a post body. Only network paths (`/schools/oak/why/`) and same-page `#rule-N` fragments
 * are checked; web addresses, mail links and relative files are left alone.
 */
export function checkLink(
  href: string,
  index: ReadonlyMap<string, LinkTargetPost | undefined>,
  self: LinkTargetPost,
  now: Date,
): LinkProblem | undefined {
  if (href.startsWith('#')) return checkRule(href, self, 'this post');
  if (!href.startsWith('/') || href.startsWith('//')) return undefined;
  const [pathAndQuery = '', hash = ''] = href.split(/(?=#)/);
  const path = pathAndQuery.split('?')[0]!;
  const target = index.has(path) ? path : undefined;
  if (!target && /^\/archive\/\d{4}\/$/.test(path)) return undefined;
  if (!target && /^\/posts\/\d+\/$/.test(path)) return undefined;
  if (!target && index.has(`${path}/`)) {
    return { severity: 'warning', message: `link "${href}" needs a trailing slash: write "${path}/${hash}"` };
  }
  if (!target) {
    return {
      severity: 'error',
      message: `link "${href}" goes to no page of the network${didYouMean(path, [...index.keys()])}`,
    };
  }
  const post = index.get(target);
  if (post && post !== self) {
    if (post.draft && !self.draft) {
      return { severity: 'error', message: `link "${href}" goes to a draft, which a production build leaves out` };
    }
    if (post.date && post.date > now && !(self.date && self.date >= post.date)) {
      return {
        severity: 'warning',
        message: `link "${href}" goes to a post scheduled for ${isoDay(post.date)}: it is broken until then`,
      };
    }
  }
  return checkRule(hash, post, `"${target}"`);
}
