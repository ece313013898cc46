import { translator } from '../i18n.ts';
import type { Author, Family, Network, Post, PublisherRef, School } from '../network/types.ts';
import type { Urls } from '../urls.ts';
import { topicIn } from '../topic-words.ts';

/** A schema.org node as JSON-LD. */
export type JsonLd = { '@context'?: 'https://schema.org'; '@type': string } & Record<string, unknown>;

const context = 'https://schema.org' as const;

const compact = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as T;

/** `EducationalOrganization` for a school, without `@context` so it can be nested. */
function schoolNode(school: School, network: Network, urls: Urls): JsonLd {
  return compact({
    '@type': 'EducationalOrganization',
    '@id': `${urls.absolute(urls.school(school.id))}#school`,
    name: school.name,
    alternateName: school.shortName === school.name ? undefined : school.shortName,
    url: urls.absolute(urls.school(school.id)),
    sameAs: [school.website, school.site].filter((href): href is string => Boolean(href)),
    description: school.ethos,
    address: { '@type': 'PostalAddress', addressLocality: school.town, addressRegion: school.region },
    memberOf: school.families
      .map((id) => network.family(id))
      .filter((f): f is Family => Boolean(f))
      .map((family) => familyNode(family, urls)),
    knowsAbout: school.expertise.map((id) => network.topic(id)?.name ?? id),
  });
}

function familyNode(family: Family, urls: Urls): JsonLd {
  return compact({
    '@type': 'Organization',
    name: family.name,
    url: urls.absolute(urls.family(family.id)),
    sameAs: family.website,
  });
}

function publisherNode(ref: PublisherRef, network: Network, urls: Urls): JsonLd {
  const school = ref.type === 'school' ? network.school(ref.id) : undefined;
  if (school) return schoolNode(school, network, urls);
  const family = network.family(ref.id);
  return family ? familyNode(family, urls) : { '@type': 'Organization', name: ref.id };
}

function personNode(author: Author, network: Network, urls: Urls): JsonLd {
  const employer = author.school ? network.school(author.school) : undefined;
  const family = author.family ? network.family(author.family) : undefined;
  return compact({
    '@type': 'Person',
    name: author.name,
    url: urls.absolute(urls.author(author.id)),
    jobTitle: author.role,
    description: author.bio,
    sameAs: Object.values(author.links).filter((href): href is string => Boolean(href)),
    worksFor: employer
      ? { '@type': 'EducationalOrganization', name: employer.name, url: urls.absolute(urls.school(employer.id)) }
      : family
        ? familyNode(family, urls)
        : undefined,
  });
}

/** `BlogPosting` for a post page: headline, dates, authors and the publishing school or family. */
export function blogPosting(post: Post, network: Network, urls: Urls, image?: string): JsonLd {
  const url = urls.absolute(urls.post(post));
  return compact({
    '@context': context,
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.description,
    url,
    mainEntityOfPage: urls.canonical(post),
    datePublished: post.date.toISOString(),
    dateModified: (post.updated ?? post.date).toISOString(),
    inLanguage: post.lang,
    image,
    articleSection: translator(post.lang)(`kind.${post.kind}`),
    keywords: [
      ...post.topics.map((id) => {
        const topic = network.topic(id);
        return topic ? topicIn(topic, post.lang).name : id;
      }),
      ...post.tags,
    ],
    author: post.authors
      .map((id) => network.author(id))
      .filter((a): a is Author => Boolean(a))
      .map((author) => personNode(author, network, urls)),
    publisher: publisherNode(post.publisher, network, urls),
    isPartOf: { '@type': 'Blog', name: network.info.name, url: urls.absolute(urls.home()) },
    commentCount: post.comments?.comments.length || undefined,
  });
}

/** `Person` for an author's page. */
export function person(author: Author, network: Network, urls: Urls): JsonLd {
  return { '@context': context, ...personNode(author, network, urls) };
}

/** `EducationalOrganization` for a school's front page. */
export function educationalOrganization(school: School, network: Network, urls: Urls): JsonLd {
  return { '@context': context, ...schoolNode(school, network, urls) };
}

/** `CollectionPage` for a listing (home, topic, kind, archive, family…), optionally naming the posts it lists. */
export function collectionPage(page: {
  name: string;
  description: string;
  url: string;
  posts?: { url: string; name: string }[];
}): JsonLd {
  return compact({
    '@context': context,
    '@type': 'CollectionPage',
    name: page.name,
    description: page.description,
    url: page.url,
    mainEntity: page.posts?.length
      ? {
          '@type': 'ItemList',
          itemListElement: page.posts.map((post, index) => ({
            '@type': 'ListItem',
            position: index + 1,
            url: post.url,
            name: post.name,
          })),
        }
      : undefined,
  });
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so no text can close the element. */
export const jsonLdText = (data: JsonLd | JsonLd[]) => JSON.stringify(data).replace(/</g, '\\u003c');

/** A listing's posts as `CollectionPage` items, with absolute URLs. */
export const postItems = (posts: readonly Post[], urls: Urls) =>
  posts.map((post) => ({ url: urls.absolute(urls.post(post)), name: post.title }));
