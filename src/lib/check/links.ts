import { postKinds } from '../../schemas/post.ts';
import { didYouMean } from '../network/suggest.ts';
import { createUrls } from '../urls.ts';
import { isoDay } from './dates.ts';

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

/**
 * Every network path a post body may link to, mapped to the post it shows where it is one. Paths come from
 * the URL module, laid out as the whole network at `/`: the form writers link with (see `urls.contentLink`).
 */
export function linkIndex(targets: LinkTargets): Map<string, LinkTargetPost | undefined> {
  const urls = createUrls({
    networkSite: 'https://network.invalid/',
    base: '/',
    scope: { type: 'network' },
    schools: targets.schools.map((id) => ({ id, families: [] })),
  });
  const fixed = [
    urls.home(),
    urls.posts(),
    urls.schools(),
    urls.families(),
    urls.authors(),
    urls.topics(),
    urls.rulebook(),
    urls.expertise(),
    urls.archive(),
    urls.about(),
    urls.accessibility(),
    urls.search(),
    urls.feeds(),
  ];
  const index = new Map<string, LinkTargetPost | undefined>(fixed.map((page) => [page, undefined]));
  for (const id of targets.schools) index.set(urls.school(id), undefined);
  for (const id of targets.families) index.set(urls.family(id), undefined);
  for (const id of targets.authors) index.set(urls.author(id), undefined);
  for (const id of targets.topics) index.set(urls.topic(id), undefined);
  for (const kind of postKinds) index.set(urls.kind(kind), undefined);
  for (const post of targets.posts) index.set(urls.post(post), post);
  for (const year of new Set(targets.posts.flatMap((post) => (post.date ? [post.date.getUTCFullYear()] : [])))) {
    index.set(urls.archive(year), undefined);
  }
  return index;
}

/**
 * A relative link (`./other-post.mdx`, `other-post`) works in an editor's preview but not on the site, where
 * posts have addresses rather than files: returns the fix, naming the post's address when there is one.
 */
export function checkRelativeLink(
  href: string,
  index: ReadonlyMap<string, LinkTargetPost | undefined>,
  self: LinkTargetPost,
): LinkProblem | undefined {
  if (/^([a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(href)) return undefined;
  const path = href.split(/[?#]/)[0]!.replace(/\/+$/, '');
  const name = path.split('/').at(-1) ?? '';
  const isPost = /\.mdx?$/i.test(name);
  if (!isPost && /\.[a-z0-9]{2,5}$/i.test(name)) return undefined;
  const slug = name.replace(/\.mdx?$/i, '');
  const hash = /#.*$/.exec(href)?.[0] ?? '';
  const posts = [...index.entries()].filter(([, post]) => post?.slug === slug);
  const target =
    posts.find(
      ([, post]) => post!.publisher.id === self.publisher.id && post!.publisher.type === self.publisher.type,
    ) ?? posts[0];
  if (target) {
    return {
      severity: 'error',
      message: `link "${href}" ${isPost ? "goes to the post's file, which" : 'is relative, so it'} breaks on the site: write "${target[0]}${hash}"`,
    };
  }
  return {
    severity: 'error',
    message: `link "${href}" goes to no page of the network: link to a post by its address, e.g. "/schools/<school>/<post>/"`,
  };
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
  if (!href.startsWith('/')) return checkRelativeLink(href, index, self);
  if (href.startsWith('//')) return undefined;
  const [pathAndQuery = '', hash = ''] = href.split(/(?=#)/);
  const path = pathAndQuery.split('?')[0]!;
  const target = index.has(path) ? path : undefined;
  // Later pages of a listing depend on how many posts there are: the first page stands for them.
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
