import type { Scope } from '../settings.ts';
import { authorWords } from '../author-words.ts';
import { siteLanguage, tableLanguage, translator } from '../i18n.ts';
import { languageName } from '../language-name.ts';
import type { Network, Post } from '../network/types.ts';
import type { FeedSubject, Urls } from '../urls.ts';
import { postKinds } from '../../schemas/post.ts';

/** One feed this build writes, in every format: whose posts, what it is called, and which page it follows. */
export interface FeedSource<Hero = unknown> {
  subject: FeedSubject;
  /** The feed's title, as a feed reader lists it: the subject and the site, e.g. "Oak Primary · Borderlands". */
  title: string;
  /** The subject's own name, for lists on the site itself, where the site's name goes without saying. */
  name: string;
  description: string;
  /** Href of the HTML page the feed follows. */
  page: string;
  lang: string;
  /** Published posts, newest first. */
  posts: Post<Hero>[];
}

/** The name of what this build publishes: the network, or the school or family of a scoped build. */
export function siteName(network: Network, scope: Scope): string {
  if (scope.type === 'school') return network.school(scope.id)?.name ?? network.info.name;
  if (scope.type === 'family') return network.family(scope.id)?.name ?? network.info.name;
  return network.info.name;
}

function siteDescription(network: Network, scope: Scope): string {
  if (scope.type === 'school') return network.school(scope.id)?.ethos ?? network.info.description;
  if (scope.type === 'family') return network.family(scope.id)?.description ?? network.info.description;
  return network.info.description;
}

/**
 * Every feed of the build: the site's own, then one per school, family, author, topic and kind in scope.
 * Feeds, the OPML file, the `/feeds/` page and autodiscovery links all come from this list.
 */
export function feedSources<Hero>(network: Network<Hero>, urls: Urls, scope: Scope): FeedSource<Hero>[] {
  // Every page asks for its feed links, so the list is made once per network model rather than per page.
  const key = JSON.stringify([urls.site, urls.base, scope]);
  let forNetwork = made.get(network);
  if (!forNetwork) made.set(network, (forNetwork = new Map()));
  let sources = forNetwork.get(key) as FeedSource<Hero>[] | undefined;
  if (!sources) forNetwork.set(key, (sources = makeFeedSources(network, urls, scope)));
  return sources;
}

/** A language feed's id: the table language (`cy`), or the bare language of a tag without a table. */
const languageOf = (lang: string) => tableLanguage(lang) ?? lang.split('-')[0]!.toLowerCase();

const made = new WeakMap<Network<unknown>, Map<string, FeedSource<unknown>[]>>();

function makeFeedSources<Hero>(network: Network<Hero>, urls: Urls, scope: Scope): FeedSource<Hero>[] {
  const name = siteName(network, scope);
  const lang = siteLanguage(network, scope);
  const t = translator(lang);
  const titled = (subjectName: string) => (subjectName === name ? subjectName : `${subjectName} · ${name}`);
  const sources: FeedSource<Hero>[] = [
    {
      subject: { type: 'network' },
      title: name,
      name,
      description: siteDescription(network, scope),
      page: urls.home(),
      lang,
      posts: network.posts,
    },
  ];
  const languages = [...new Set(network.posts.map((post) => languageOf(post.lang)))].sort();
  for (const language of languages) {
    sources.push({
      subject: { type: 'language', id: language },
      // Named in the feed's own language ("… yn Gymraeg"), or by the language's own name where it has no table.
      title: tableLanguage(language)
        ? translator(language)('feeds.inLanguage', { name })
        : `${name} · ${languageName(language)}`,
      name: languageName(language),
      description: siteDescription(network, scope),
      page: urls.home(),
      lang: language,
      posts: network.posts.filter((post) => languageOf(post.lang) === language),
    });
  }
  for (const school of network.schools) {
    if (scope.type === 'school' && school.id === scope.id) continue;
    sources.push({
      subject: { type: 'school', id: school.id },
      title: titled(school.name),
      name: school.name,
      description: school.ethos ?? t('school.description', { school: school.name, town: school.town }),
      page: urls.school(school.id),
      lang: school.lang ?? lang,
      posts: network.postsBySchool(school.id),
    });
  }
  for (const family of network.families) {
    sources.push({
      subject: { type: 'family', id: family.id },
      // In a family's own build the site's feed already carries everything; this one is what is shared with it.
      title: family.name === name ? t('feeds.familyShared', { family: family.name }) : titled(family.name),
      name: family.name,
      description: family.description,
      page: urls.family(family.id),
      lang,
      posts: network.postsByFamily(family.id),
    });
  }
  for (const author of network.authors) {
    sources.push({
      subject: { type: 'author', id: author.id },
      title: titled(author.name),
      name: author.name,
      description: t('feeds.authorDescription', { name: author.name, role: authorWords(author, lang).role.text }),
      page: urls.author(author.id),
      lang,
      posts: network.postsByAuthor(author.id),
    });
  }
  for (const topic of network.topics) {
    sources.push({
      subject: { type: 'topic', id: topic.id },
      title: titled(topic.name),
      name: topic.name,
      description: topic.description,
      page: urls.topic(topic.id),
      lang,
      posts: network.postsByTopic(topic.id),
    });
  }
  for (const kind of postKinds) {
    sources.push({
      subject: { type: 'kind', id: kind },
      title: titled(t(`kind.${kind}.heading`)),
      name: t(`kind.${kind}.heading`),
      description: t(`kind.${kind}.blurb`),
      page: urls.kind(kind),
      lang,
      posts: network.postsByKind(kind),
    });
  }
  return sources;
}
