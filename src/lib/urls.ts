import type { Scope } from './settings.ts';
import type { PostKind } from '../schemas/post.ts';
import { feedFormatInfo, type FeedFormat } from './feeds/formats.ts';
import { faceFile, type FaceRef, type FaceSize } from './images/faces.ts';

/** What the URL module needs to know about schools: where they self-host and which families they belong to. */
export interface UrlSchool {
  id: string;
  site?: string | undefined;
  families: readonly string[];
}

export interface UrlOptions {
  /** The network's public root, from `network.yaml`. */
  networkSite: string;
  /** The `base` this build is served under, `/` or `/sub/path/`. */
  base: string;
  scope: Scope;
  schools: readonly UrlSchool[];
  /** Overrides where this build is served (defaults to the school's `site` in a school scope). */
  site?: string | undefined;
}

export interface PostRef {
  slug: string;
  publisher: { type: 'school' | 'family'; id: string };
  canonical?: string | undefined;
}

/** Whose posts a feed carries: the whole build, or one school, family, author, topic or kind within it. */
export type FeedSubject =
  | { type: 'network' }
  | { type: 'school' | 'family' | 'author' | 'topic'; id: string }
  | { type: 'kind'; id: PostKind }
  /** Every post in one language (`cy`, `en`), for readers who follow only that language. */
  | { type: 'language'; id: string };

const feedFolders = {
  school: 'schools',
  family: 'families',
  author: 'authors',
  topic: 'topics',
  kind: 'kinds',
  language: 'languages',
} as const;

const trim = (value: string) => value.replace(/\/+$/, '');

/**
 * The one place that decides every URL. Every method returns an href ready for a page: a root-relative
 * path under `base` for things this build publishes, or the network's absolute URL for things outside
 * the scope. `path*` methods give the route (no base, no slashes) for `getStaticPaths`.
 */
export function createUrls(options: UrlOptions) {
  const { scope, base } = options;
  const schools = new Map(options.schools.map((s) => [s.id, s]));
  const scopedSchool = scope.type === 'school' ? schools.get(scope.id) : undefined;
  const networkRoot = `${trim(options.networkSite)}/`;
  const site = `${trim(options.site ?? scopedSchool?.site ?? options.networkSite)}/`;
  const siteOrigin = new URL(site).origin;

  const schoolInScope = (id: string) =>
    scope.type === 'network' ||
    (scope.type === 'school' ? scope.id === id : (schools.get(id)?.families.includes(scope.id) ?? false));
  const familyInScope = (id: string) => scope.type === 'network' || (scope.type === 'family' && scope.id === id);
  const postInScope = (post: PostRef) =>
    post.publisher.type === 'school'
      ? schoolInScope(post.publisher.id)
      : scope.type !== 'school' && familyInScope(post.publisher.id);

  /** Route path (no base, no leading slash, trailing slash kept) of a post in the network layout. */
  const networkPostPath = (post: PostRef) =>
    `${post.publisher.type === 'school' ? 'schools' : 'families'}/${post.publisher.id}/${post.slug}/`;
  const local = (path: string) => `${base}${path}`;
  const remote = (path: string) => `${networkRoot}${path}`;

  /** `schools/oak/why` for the page at `/<base>/schools/oak/why/`; `index` for the home page. */
  const cardName = (href: string) =>
    (href.startsWith(base) ? href.slice(base.length) : href.replace(/^\/+/, ''))
      .replace(/(^|\/)index\.html$|\.html$/, '')
      .replace(/^\/+|\/+$/g, '') || 'index';

  const postPath = (post: PostRef) => (scope.type === 'school' ? `${post.slug}/` : networkPostPath(post));
  const schoolPath = (id: string) => (scope.type === 'school' ? '' : `schools/${id}/`);

  /** A subject's feed folder in the network layout, e.g. `feeds/schools/oak/`. */
  const networkFeedFolder = (subject: FeedSubject) =>
    subject.type === 'network' ? 'feeds/' : `feeds/${feedFolders[subject.type]}/${subject.id}/`;
  // A school's own site has one main feed: the school's feed is the site's feed.
  const feedFolder = (subject: FeedSubject) =>
    scope.type === 'school' && subject.type === 'school' && subject.id === scope.id
      ? 'feeds/'
      : networkFeedFolder(subject);
  const feedInScope = (subject: FeedSubject) =>
    subject.type === 'school'
      ? schoolInScope(subject.id)
      : subject.type === 'family'
        ? familyInScope(subject.id)
        : true;

  const urls = {
    site,
    base,
    home: () => local(''),
    posts: (page = 1) => local(page > 1 ? `posts/${page}/` : 'posts/'),
    /** Page `n` of a paginated listing whose first page is `href` (`/topics/send/` → `/topics/send/2/`). */
    paged: (href: string, page: number) => (page > 1 ? `${href}${page}/` : href),
    schools: () => (scope.type === 'school' ? remote('schools/') : local('schools/')),
    school: (id: string) => (schoolInScope(id) ? local(schoolPath(id)) : remote(`schools/${id}/`)),
    families: () => (scope.type === 'network' ? local('families/') : remote('families/')),
    family: (id: string) => (familyInScope(id) ? local(`families/${id}/`) : remote(`families/${id}/`)),
    publisher: (ref: PostRef['publisher']) => (ref.type === 'school' ? urls.school(ref.id) : urls.family(ref.id)),
    post: (post: PostRef) => (postInScope(post) ? local(postPath(post)) : remote(networkPostPath(post))),
    authors: () => local('authors/'),
    author: (id: string) => local(`authors/${id}/`),
    topics: () => local('topics/'),
    topic: (id: string) => local(`topics/${id}/`),
    expertise: () => local('expertise/'),
    kinds: () => local('kinds/'),
    kind: (kind: PostKind) => local(`kinds/${kind}/`),
    rulebook: () => local('rulebook/'),
    rule: (post: PostRef, anchor: string) => `${urls.post(post)}#${anchor}`,
    archive: (year?: number) => local(year ? `archive/${year}/` : 'archive/'),
    search: () => local('search/'),
    about: () => local('about/'),
    accessibility: () => local('accessibility/'),
    feeds: () => local('feeds/'),
    /** A feed of the subject: this build's file when the subject is in scope, else the network's. */
    feed: (subject: FeedSubject, format: FeedFormat) =>
      feedInScope(subject)
        ? local(`${feedFolder(subject)}${feedFormatInfo[format].file}`)
        : remote(`${networkFeedFolder(subject)}${feedFormatInfo[format].file}`),
    /** Route of a feed file for `getStaticPaths` (`feeds/[...feed]`), relative to `feeds/`. */
    feedRoute: (subject: FeedSubject, format: FeedFormat) =>
      `${feedFolder(subject)}${feedFormatInfo[format].file}`.slice('feeds/'.length),
    feedInScope,
    /** The OPML list of every feed this build writes. */
    opml: () => local('feeds/feeds.opml'),
    sitemap: () => local('sitemap-index.xml'),
    /** A file this build writes, e.g. `pagefind/pagefind.js` or `feeds/atom.xml`. */
    file: (path: string) => local(path.replace(/^\/+/, '')),
    /** The social card of the page at `href` (an href of this build, e.g. from `Astro.url.pathname`). */
    card: (href: string) => local(`cards/${cardName(href)}.png`),
    /** A person's photo or a school's or family's logo, drawn `size` pixels on its longer side (`faceFile`). */
    face: (face: FaceRef, size: FaceSize) => local(faceFile(face, size)),
    /** Where that card is written, relative to the output directory (decoded, as a file name). */
    cardFile: (href: string) => `cards/${decodeURIComponent(cardName(href))}.png`,
    /** Route of a post for `getStaticPaths` (`[...path]`). */
    postRoute: (post: PostRef) => trim(postPath(post)),
    /** True when the post's page is built by this build. */
    postInScope,
    schoolInScope,
    familyInScope,
    /** Turns an href from this module into an absolute URL. */
    absolute: (href: string) =>
      /^https?:/.test(href) ? href : `${siteOrigin}${href.startsWith('/') ? '' : '/'}${href}`,
    /**
     * The post's canonical URL: where it was first published, else its school's own site when the school
     * self-hosts, else the network's address for it.
     */
    canonical: (post: PostRef) => {
      if (post.canonical) return post.canonical;
      const owner = post.publisher.type === 'school' ? schools.get(post.publisher.id) : undefined;
      if (owner?.site) return `${trim(owner.site)}/${post.slug}/`;
      return scope.type === 'network' ? urls.absolute(urls.post(post)) : remote(networkPostPath(post));
    },
    /**
     * Maps a link written in a post body as a network path (`/schools/oak/why/`, `/topics/send/`) to
     * this build's href; other links are returned unchanged.
     */
    contentLink: (href: string) => {
      if (!href.startsWith('/') || href.startsWith('//')) return href;
      const [path = '', hash = ''] = href.split(/(?=#)/);
      const parts = path.split('/').filter(Boolean);
      const suffix = hash;
      if (parts.length === 3 && (parts[0] === 'schools' || parts[0] === 'families')) {
        const type = parts[0] === 'schools' ? 'school' : 'family';
        return urls.post({ slug: parts[2]!, publisher: { type, id: parts[1]! } }) + suffix;
      }
      if (parts.length === 2 && parts[0] === 'schools') return urls.school(parts[1]!) + suffix;
      if (parts.length === 2 && parts[0] === 'families') return urls.family(parts[1]!) + suffix;
      return local(parts.length ? `${parts.join('/')}/` : '') + suffix;
    },
  };
  return urls;
}

export type Urls = ReturnType<typeof createUrls>;
