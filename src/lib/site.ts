import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import build from 'virtual:commonroom/build';
import { hasFiles } from './content-files.ts';
import { settings, type Scope } from './settings.ts';
import { buildNetwork } from './network/build.ts';
import { gateOpened } from './build-gates.ts';
import type { Network, Post as AnyPost } from './network/types.ts';
import { readUrlOptions } from './url-options.ts';
import { createUrls, type Urls } from './urls.ts';
import { formatIssue } from './content-issue.ts';
import { isBrokenMark, setAsideError } from './dev-preview.ts';
import { setDefaultLanguage, siteLanguage } from './i18n.ts';

/** The hero image as the content layer delivers it, ready for `<Image>`. */
export type Hero = NonNullable<CollectionEntry<'posts'>['data']['hero']>;
export type Post = AnyPost<Hero>;

export interface Site {
  network: Network<Hero>;
  urls: Urls;
  /** What this build covers: the network, a school's own site or a family's schools. */
  scope: Scope;
  /** The moment this build publishes as of: scheduled posts before it are out. */
  now: Date;
  /**
   * The language the build's own pages speak (listings, directories, search, 404): a school's own site speaks
   * the school's language, any other build the network's. Posts speak their own.
   */
  lang: string;
}

let loading: Promise<Site> | undefined;

async function load(): Promise<Site> {
  await gateOpened('check-passed');
  const root = settings().contentRoot;
  const [networkEntries, schools, families, authors, topics, posts, comments] = await Promise.all([
    getCollection('network'),
    hasFiles(root, 'schools') ? getCollection('schools') : [],
    hasFiles(root, 'families') ? getCollection('families') : [],
    getCollection('authors'),
    getCollection('topics'),
    hasFiles(root, 'posts') ? getCollection('posts') : [],
    hasFiles(root, 'comments') ? getCollection('comments') : [],
  ]);
  const info = networkEntries[0];
  if (!info) throw new Error('content/network.yaml is missing: create it with the network name, tagline and site.');
  // Only `npm run dev` gets this far with a network.yaml it cannot read: every page shows why.
  if (isBrokenMark(info.data)) {
    const file = info.filePath ?? 'network.yaml';
    throw await setAsideError({
      file,
      issues: [{ file, field: '', message: info.data.brokenBy, severity: 'error', code: 'unreadable' }],
    });
  }
  const { network, issues } = buildNetwork<Hero>(
    { network: info.data, schools, families, authors, topics, posts, comments },
    {
      now: settings().now,
      preview: build.preview,
      scope: build.scope,
      readSource: (file) => {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          return undefined;
        }
      },
    },
  );
  // `npm run build` printed these already, from the check it runs first; only the dev server has no check.
  if (build.preview) for (const issue of issues) console.warn(formatIssue(issue));
  // A school's or family's own site cannot be shown without its file: every page shows that file's mistakes.
  const { scope } = build;
  const own =
    scope.type === 'network'
      ? undefined
      : network.brokenRecords.find((record) => record.type === scope.type && record.id === scope.id);
  if (own) throw await setAsideError(own);
  setDefaultLanguage(network.info.lang);
  const lang = siteLanguage(network, build.scope);
  return { network, urls: createUrls(readUrlOptions()), scope: build.scope, now: settings().now, lang };
}

/** The network model and URL module, built once per build and shared by every page. */
export function getSite(): Promise<Site> {
  loading ??= load();
  return loading;
}
