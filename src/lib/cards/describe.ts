import { settings } from '../settings.ts';
import { brandColours, type BrandColours } from '../colour.ts';
import { translator } from '../i18n.ts';
import type { Network, Post, School } from '../network/types.ts';
import type { PageMeta } from '../page-meta.ts';
import type { Urls } from '../urls.ts';
import type { CardInput } from './input.ts';
import { faceSource } from '../images/faces.ts';
import { authorWords } from '../author-words.ts';
import { topicIn } from '../topic-words.ts';

/** Colours of cards that belong to no school or family: the schools' default brand colour. */
const NETWORK_BRAND = brandColours('#2b4c7e');

/** A card's background and text colour from a brand. */
const cardColours = (brand: BrandColours) => ({ colour: brand.fill, ink: brand.onFill });

/** Alt text of a card: what it says, in one sentence. */
export interface CardDescription {
  input: CardInput;
  alt: string;
}

interface Thing {
  href: string;
}

/** The item whose page `href` is, or is under (a paginated listing): the longest matching local href. */
function owning<T extends Thing>(things: T[], href: string): T | undefined {
  let best: T | undefined;
  for (const thing of things) {
    if (!thing.href.startsWith('/') || !href.startsWith(thing.href)) continue;
    if (!best || thing.href.length > best.href.length) best = thing;
  }
  return best;
}

// Every post page looks its post up by address, so the lookup is a map built once per network, not a scan.
const postsByHref = new WeakMap<Network, Map<string, Post>>();

function postAt(network: Network, urls: Urls, href: string): Post | undefined {
  let posts = postsByHref.get(network);
  if (!posts) {
    posts = new Map(network.posts.map((post) => [urls.post(post), post]));
    postsByHref.set(network, posts);
  }
  return posts.get(href);
}

const logoOf = (school: School | undefined) =>
  school?.logo ? faceSource(settings().contentRoot, { type: 'school', id: school.id }, school.logo) : undefined;

/**
 * Describes the social card of the page at `href` from the page's own meta and the network model: the
 * page type picks the layout, and the page's address finds the post, school, author, family or topic
 * it is about. Works for any page that passes `meta` to the base layout, without a list of routes. The card's
 * words and its alt text speak the page's language.
 */
export function describeCard(meta: PageMeta, href: string, network: Network, urls: Urls): CardDescription {
  const t = translator(meta.lang);
  const base: CardInput = {
    layout: meta.type,
    title: meta.title,
    lang: meta.lang,
    network: network.info.name,
    ...cardColours(meta.brand ?? NETWORK_BRAND),
  };
  const sentence = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(', ');

  switch (meta.type) {
    case 'post': {
      const post = postAt(network, urls, href);
      if (!post) break;
      const authors = post.authors.map((id) => network.author(id)).filter((a) => a !== undefined);
      const kind = t(`kind.${post.kind}`);
      const publisher = network.publisherName(post.publisher);
      const names = t.list(authors.map((a) => a.name));
      const date = t.date(post.date);
      const school = post.publisher.type === 'school' ? network.school(post.publisher.id) : undefined;
      const input: CardInput = {
        ...base,
        ...cardColours(network.brandOf(post.publisher)),
        eyebrow: kind,
        byline: authors.length === 1 ? `${authors[0]!.name}, ${authors[0]!.role}` : names,
        context: publisher,
        date,
        logo: logoOf(school),
      };
      return {
        input,
        alt: t('card.postAlt', {
          kind,
          title: meta.title,
          details: sentence(names, publisher, date),
          network: network.info.name,
        }),
      };
    }
    case 'school': {
      const school = owning(
        network.schools.map((s) => ({ ...s, href: urls.school(s.id) })),
        href,
      );
      if (!school) break;
      const families = school.families.map((id) => network.family(id)?.name).filter((n) => n !== undefined);
      const expertise = school.expertise.flatMap((id) => {
        const topic = network.topic(id);
        return topic ? [topicIn(topic, meta.lang).name] : [];
      });
      const eyebrow = `${t(`phase.${school.phase}.school`)} · ${school.town}`;
      const input: CardInput = {
        ...base,
        title: school.name,
        ...cardColours(school.brand),
        eyebrow,
        subtitle: school.ethos,
        byline: families.length ? t('card.partOf', { names: t.list(families) }) : school.region,
        context: expertise.length ? t('card.askUs', { topics: t.list(expertise) }) : undefined,
        logo: logoOf(school),
      };
      return { input, alt: `${school.name}: ${sentence(eyebrow, school.ethos)}. ${network.info.name}.` };
    }
    case 'author': {
      const author = owning(
        network.authors.map((a) => ({ ...a, href: urls.author(a.id) })),
        href,
      );
      if (!author) break;
      const school = author.school ? network.school(author.school) : undefined;
      const family = author.family ? network.family(author.family) : undefined;
      const affiliation = school?.name ?? family?.name;
      const posts = network.postsByAuthor(author.id).length;
      const { role, bio } = authorWords(author, meta.lang);
      const input: CardInput = {
        ...base,
        title: author.name,
        ...cardColours((school ?? family)?.brand ?? meta.brand ?? NETWORK_BRAND),
        eyebrow: t('card.author'),
        subtitle: bio.text,
        byline: role.text,
        context: affiliation,
        date: t.plural('count.posts', posts),
        logo: author.avatar
          ? faceSource(settings().contentRoot, { type: 'author', id: author.id }, author.avatar)
          : logoOf(school),
      };
      return { input, alt: `${author.name}, ${sentence(role.text, affiliation)}. ${network.info.name}.` };
    }
    case 'family': {
      const family = owning(
        network.families.map((f) => ({ ...f, href: urls.family(f.id) })),
        href,
      );
      if (!family) break;
      const members = network.membersOf(family.id).map((s) => s.shortName);
      const kind = t(`familyKind.${family.kind}`);
      const input: CardInput = {
        ...base,
        title: family.name,
        ...cardColours(family.brand),
        eyebrow: kind,
        subtitle: family.description,
        byline: t.plural('count.schools', members.length),
        context: t.list(members),
        logo: family.logo
          ? faceSource(settings().contentRoot, { type: 'family', id: family.id }, family.logo)
          : undefined,
      };
      return {
        input,
        alt: t('card.familyAlt', {
          name: family.name,
          kind: kind.toLocaleLowerCase(t.lang),
          schools: t.plural('count.schools', members.length),
          network: network.info.name,
        }),
      };
    }
    case 'topic': {
      const topic = owning(
        network.topics.map((t) => ({ ...t, href: urls.topic(t.id) })),
        href,
      );
      if (!topic) break;
      const experts = network.schoolsWithExpertise(topic.id).map((s) => s.shortName);
      const posts = network.postsByTopic(topic.id).length;
      const input: CardInput = {
        ...base,
        title: topic.name,
        eyebrow: t('card.topic'),
        subtitle: topic.description,
        byline: t.plural('count.posts', posts),
        context: experts.length ? t('card.ask', { schools: t.list(experts) }) : undefined,
      };
      return { input, alt: `${topic.name}: ${topic.description} ${network.info.name}.` };
    }
    case 'network': {
      const { info } = network;
      const input: CardInput = {
        ...base,
        title: info.name,
        subtitle: info.tagline,
        eyebrow: t('card.network'),
        byline: `${t.plural('count.schools', network.schools.length)} · ${t.plural('count.families', network.families.length)}`,
        context: t.plural('count.posts', network.posts.length),
      };
      return { input, alt: `${info.name}: ${info.tagline}.` };
    }
    case 'page':
      break;
  }
  return {
    input: { ...base, subtitle: meta.description },
    alt: `${meta.title}. ${network.info.name}.`,
  };
}
