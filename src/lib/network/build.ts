import { contentHash } from '../content-hash.ts';
import type { AuthorData } from '../../schemas/author.ts';
import type { CommentsData } from '../../schemas/comments.ts';
import type { FamilyData } from '../../schemas/family.ts';
import type { NetworkData } from '../../schemas/network.ts';
import type { PostData, PostKind } from '../../schemas/post.ts';
import type { SchoolData } from '../../schemas/school.ts';
import type { TopicData } from '../../schemas/topic.ts';
import { asWritten, writtenField } from '../check/dates.ts';
import { brandColours, colourWarnings } from '../colour.ts';
import { ContentError, type ContentIssue } from '../content-issue.ts';
import { lineOfField } from '../field-location.ts';
import { postLanguage, siteLanguage } from '../post-language.ts';
import { sameLanguage } from '../translate.ts';
import { isPublished, isScheduled, type PublishContext } from '../publish.ts';
import { readingMinutes } from '../reading-minutes.ts';
import { extractRules, type Rule } from '../rules.ts';
import { typeset } from '../typography.ts';
import type { CaseStudy } from '../../schemas/post.ts';
import { listedPosts } from '../listing.ts';
import { relatedPosts } from './related.ts';
import { didYouMean } from './suggest.ts';
import type {
  Author,
  BrokenPost,
  BrokenRecord,
  Family,
  Network,
  Post,
  RawEntry,
  RuleEntry,
  School,
  Topic,
} from './types.ts';

/** Post data with the hero image typed as the caller's image type (Astro's image metadata, or a string in tests). */
type WithHero<Data, Hero> = Data extends unknown ? Omit<Data, 'hero'> & { hero?: Hero | undefined } : never;

export interface RawContent<Hero> {
  network: NetworkData;
  schools: RawEntry<SchoolData>[];
  families: RawEntry<FamilyData>[];
  authors: RawEntry<AuthorData>[];
  topics: RawEntry<TopicData>[];
  posts: RawEntry<WithHero<PostData, Hero>>[];
  /** Comment archives of imported posts, with the id of the post each belongs to. */
  comments?: RawEntry<CommentsData>[];
}

export interface BuildContext extends Omit<PublishContext, 'schoolFamilies'> {
  /** Reads a content file so messages can give line numbers; optional in tests. */
  readSource?: (file: string) => string | undefined;
  /** The rules the check already read from a post's body, by file, so it is not parsed twice. */
  rulesOf?: (file: string) => Rule[] | undefined;
}

/** Why the content layer could not read an entry: only `npm run dev` keeps such entries (src/lib/dev-preview.ts). */
const unreadable = (data: unknown): string | undefined => {
  const why = (data as { brokenBy?: unknown }).brokenBy;
  return typeof why === 'string' ? why : undefined;
};

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'en');
const newestFirst = (a: Post, b: Post) => b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id);

function group<T>(items: Iterable<T>, keys: (item: T) => Iterable<string | number>): Map<string | number, T[]> {
  const map = new Map<string | number, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

function postDigest(digest: string, comments: RawEntry<CommentsData> | undefined): string {
  if (!comments) return digest;
  return contentHash(digest, comments.digest === undefined ? JSON.stringify(comments.data) : String(comments.digest));
}

/**
 * Each post's translations, from `translationOf` (a post id) and shared `translationKey`s: every post of a
 * group gets every other. Reports a reference to no post, and two versions in one language.
 */
function translationsOf<Hero>(
  posts: Post<Hero>[],
  report: (file: string, field: string, message: string, extra: { code: string; ref?: string }) => void,
): Map<string, Post<Hero>[]> {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const root = new Map<string, string>();
  const find = (id: string): string => {
    const parent = root.get(id) ?? id;
    return parent === id ? id : find(parent);
  };
  const join = (a: string, b: string) => root.set(find(a), find(b));
  const keys = new Map<string, string>();
  for (const post of posts) {
    const { translationOf, translationKey } = post as Post<Hero> & { translationOf?: string; translationKey?: string };
    if (translationOf) {
      if (translationOf === post.id) {
        report(post.file, 'translationOf', 'a post cannot be a translation of itself', {
          code: 'translation-of-itself',
        });
      } else if (!byId.has(translationOf)) {
        report(
          post.file,
          'translationOf',
          `"${translationOf}" is not a post${didYouMean(translationOf, [...byId.keys()])}: write the translated post's folder and file name, e.g. "ysgol-bryn-derw/darllen-gyda-rhieni"`,
          { code: 'unknown-reference', ref: `post:${translationOf}` },
        );
      } else join(post.id, translationOf);
    }
    if (translationKey) {
      const first = keys.get(translationKey);
      if (first) join(post.id, first);
      else keys.set(translationKey, post.id);
    }
  }
  const groups = new Map<string, Post<Hero>[]>();
  for (const post of posts) {
    const key = find(post.id);
    const members = groups.get(key);
    if (members) members.push(post);
    else groups.set(key, [post]);
  }
  const result = new Map<string, Post<Hero>[]>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    for (const post of members) {
      const twin = members.find((other) => other !== post && other.lang === post.lang);
      if (twin && post.id > twin.id) {
        report(
          post.file,
          'lang',
          `this post and its translation "${twin.id}" are both in "${post.lang}": set lang on the one in the other language`,
          { code: 'translation-same-language' },
        );
      }
      result.set(
        post.id,
        members.filter((other) => other !== post),
      );
    }
  }
  return result;
}

/**
 * Typeset copies of the named text fields of an entry (those it has), for display: the files keep what
 * the writer typed.
 */
function typesetFields<T extends object, K extends keyof T & string>(data: T, fields: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const field of fields) {
    const value = data[field];
    if (typeof value === 'string') out[field] = typeset(value) as T[K];
  }
  return out;
}

const typesetCaseStudy = (study: CaseStudy): CaseStudy => ({
  ...study,
  setting: typeset(study.setting),
  period: typeset(study.period),
  focus: typeset(study.focus),
  outcomes: study.outcomes.map(typeset),
  // A partner given by id stays an id; one given by name is text.
  partners: study.partners.map((p) => (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(p) ? p : typeset(p))),
  evidence: study.evidence.map((e) => ({ ...e, title: typeset(e.title) })),
});

/** The content folder each kind of record lives in, for records read without a file path and for messages. */
const FOLDERS = { school: 'schools', family: 'families', author: 'authors', topic: 'topics' } as const;

/**
 * The message for a reference to no school, family, author or topic: the near miss when there is one, or
 * else where the ids come from (file names, with examples) and which file would add the missing one.
 * `records` are the ones read, whose file paths show where that folder is.
 */
export function unknownReference(
  kind: keyof typeof FOLDERS,
  value: string,
  ids: readonly string[],
  records: readonly RawEntry<unknown>[],
): string {
  const what = `"${value}" is not ${kind === 'author' ? 'an' : 'a'} ${kind}`;
  const near = didYouMean(value, ids);
  if (near) return `${what}${near}`;
  const sample = records.find((entry) => entry.filePath)?.filePath ?? `${FOLDERS[kind]}/${value}.yaml`;
  const slash = sample.lastIndexOf('/');
  const folder = slash < 0 ? '.' : sample.slice(0, slash);
  const extension = /\.[a-z]+$/.exec(sample)?.[0] ?? '.yaml';
  const examples = ids
    .slice(0, 3)
    .map((id) => `"${id}"`)
    .join(', ');
  const use = examples ? `use the name of a file in ${folder}/ without "${extension}" (such as ${examples}), or ` : '';
  return `${what}: ${use}add ${folder}/${value}${extension}`;
}

/**
 * Turns raw content into the network model: resolves every reference, applies the publishing rule
 * and precomputes every listing once. Throws a ContentError naming each dangling reference.
 */
export function buildNetwork<Hero>(
  raw: RawContent<Hero>,
  context: BuildContext,
): { network: Network<Hero>; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const report = (
    file: string,
    field: string,
    message: string,
    { code, severity = 'error', ref }: { code: string; severity?: ContentIssue['severity']; ref?: string },
  ) => {
    const source = context.readSource?.(file);
    const line = source === undefined ? undefined : field ? lineOfField(source, field) : undefined;
    issues.push({ file, ...(line ? { line } : {}), field, message, severity, code, ...(ref ? { ref } : {}) });
  };
  /** The one place a brand colour is judged, for schools and families alike; `npm run check` sees it through here. */
  const brand = (file: string, colour: string) => {
    for (const message of colourWarnings(colour))
      report(file, 'colour', message, { code: 'colour-contrast', severity: 'warning' });
    return brandColours(colour);
  };

  // A preview sets aside each school, family, author and topic it cannot use, and what cannot be shown without
  // it; a build stops instead, naming every error.
  const brokenRecords: BrokenRecord[] = [];
  const setAside = {
    school: new Set<string>(),
    family: new Set<string>(),
    author: new Set<string>(),
    topic: new Set<string>(),
  };
  const putAside = (type: BrokenRecord['type'], id: string, file: string, own: ContentIssue[]) => {
    brokenRecords.push({ type, id, file, issues: own });
    setAside[type].add(id);
  };
  const readable = <Data>(type: BrokenRecord['type'], entries: RawEntry<Data>[]) =>
    entries.filter(({ id, data, filePath }) => {
      const why = unreadable(data);
      if (why === undefined) return true;
      const file = filePath ?? `${FOLDERS[type]}/${id}.yaml`;
      const issue: ContentIssue = { file, field: '', message: why, severity: 'error', code: 'unreadable' };
      issues.push(issue);
      putAside(type, id, file, [issue]);
      return false;
    });

  const schools = readable('school', raw.schools).map<School>(({ id, data, filePath }) => {
    const file = filePath ?? `${FOLDERS.school}/${id}.yaml`;
    return {
      ...data,
      ...typesetFields(data, ['name', 'ethos']),
      id,
      shortName: typeset(data.shortName ?? data.name),
      brand: brand(file, data.colour),
      file,
    };
  });
  const families = readable('family', raw.families).map<Family>(({ id, data, filePath }) => {
    const file = filePath ?? `${FOLDERS.family}/${id}.yaml`;
    return {
      ...data,
      ...typesetFields(data, ['name', 'description']),
      id,
      shortName: typeset(data.shortName ?? data.name),
      brand: brand(file, data.colour),
      file,
    };
  });
  const authors = readable('author', raw.authors).map<Author>(({ id, data, filePath }) => ({
    ...data,
    ...typesetFields(data, ['name', 'role', 'bio']),
    ...(data.translations && {
      translations: Object.fromEntries(
        Object.entries(data.translations).map(([code, words]) => [
          code,
          { ...words, ...typesetFields(words, ['role', 'bio']) },
        ]),
      ),
    }),
    id,
    file: filePath ?? `${FOLDERS.author}/${id}.yaml`,
    // An author writes about themselves in their school's language unless they say otherwise, as posts do.
    lang: postLanguage(data.lang, raw.schools.find((s) => s.id === data.school)?.data.lang, raw.network.lang),
  }));
  // Topics speak the build's language where they have a translation into it (a Welsh school's own site); a
  // page in another language picks its own from `versions` (`topicIn`).
  const ownSite = context.scope.type === 'school' ? context.scope.id : undefined;
  const siteLang = siteLanguage(raw.schools.find((s) => s.id === ownSite)?.data, raw.network.lang);
  const topics = readable('topic', raw.topics).map<Topic>(({ id, data }) => {
    const versions = [
      { lang: raw.network.lang, name: data.name, description: data.description },
      ...Object.entries(data.translations ?? {}).map(([lang, words]) => ({
        lang,
        name: words.name,
        description: words.description ?? data.description,
      })),
    ].map((version) => ({ ...version, ...typesetFields(version, ['name', 'description']) }));
    const shown = versions.find((version) => sameLanguage(version.lang, siteLang)) ?? versions[0]!;
    return { ...data, id, ...shown, versions };
  });

  const schoolById = new Map(schools.map((s) => [s.id, s]));
  const familyById = new Map(families.map((f) => [f.id, f]));
  const authorById = new Map(authors.map((a) => [a.id, a]));
  const topicById = new Map(topics.map((t) => [t.id, t]));
  const ids = {
    school: [...schoolById.keys()],
    family: [...familyById.keys()],
    author: [...authorById.keys()],
    topic: [...topicById.keys()],
  };

  const rawOf = { school: raw.schools, family: raw.families, author: raw.authors, topic: raw.topics };
  const check = (file: string, field: string, value: string, kind: keyof typeof ids, known: Map<string, unknown>) => {
    if (!known.has(value) && !setAside[kind].has(value))
      report(file, field, unknownReference(kind, value, ids[kind], rawOf[kind]), {
        code: 'unknown-reference',
        ref: `${kind}:${value}`,
      });
  };

  for (const school of schools) {
    school.families.forEach((f, i) => check(school.file, `families[${i}]`, f, 'family', familyById));
    school.expertise.forEach((t, i) => check(school.file, `expertise[${i}]`, t, 'topic', topicById));
  }
  // An author's school and family are easily swapped: name the field to use rather than a near miss.
  const swapped = (file: string, field: 'school' | 'family', value: string) => {
    const other = field === 'school' ? 'family' : 'school';
    report(
      file,
      field,
      `"${value}" is a ${other}, not a ${field}: write ${other}: ${value} instead of ${field}: ${value}`,
      {
        code: 'unknown-reference',
        ref: `${field}:${value}`,
      },
    );
  };
  for (const author of authors) {
    if (author.school && !schoolById.has(author.school) && familyById.has(author.school)) {
      swapped(author.file, 'school', author.school);
    } else if (author.school) check(author.file, 'school', author.school, 'school', schoolById);
    if (author.family && !familyById.has(author.family) && schoolById.has(author.family)) {
      swapped(author.file, 'family', author.family);
    } else if (author.family) check(author.file, 'family', author.family, 'family', familyById);
  }

  if (context.preview) {
    const withMistakes = <T extends { id: string; file: string }>(
      type: BrokenRecord['type'],
      list: T[],
      byId: Map<string, T>,
    ) => {
      for (const record of [...list]) {
        const own = issues.filter((issue) => issue.severity === 'error' && issue.file === record.file);
        if (own.length === 0) continue;
        list.splice(list.indexOf(record), 1);
        byId.delete(record.id);
        putAside(type, record.id, record.file, own);
      }
    };
    withMistakes('school', schools, schoolById);
    withMistakes('author', authors, authorById);
    // What only labels a page (a school's families and expertise, an author's school) is left off it.
    for (const school of schools) {
      school.families = school.families.filter((id) => !setAside.family.has(id));
      school.expertise = school.expertise.filter((id) => !setAside.topic.has(id));
    }
    for (const author of authors) {
      if (author.school && setAside.school.has(author.school)) delete author.school;
      if (author.family && setAside.family.has(author.family)) delete author.family;
    }
  }
  /** The set-aside school, family or author a post cannot be shown without, if any. */
  const needed = (type: BrokenRecord['type'], id: string) =>
    setAside[type].has(id) ? brokenRecords.find((record) => record.type === type && record.id === id) : undefined;

  const schoolFamilies = new Map(schools.map((s) => [s.id, s.families]));
  const commentsByPost = new Map((raw.comments ?? []).map((entry) => [entry.id, entry]));
  const posts: Post<Hero>[] = [];
  const broken: BrokenPost[] = [];
  for (const { id, data, filePath, body = '', digest } of raw.posts) {
    const file = filePath ?? `posts/${id}`;
    const [publisherId = '', slug = ''] = id.split('/');
    const school = schoolById.get(publisherId);
    const family = familyById.get(publisherId);
    // A post whose publisher or author is set aside keeps its address and shows that file's mistakes there.
    const publisherAside = needed('school', publisherId) ?? needed('family', publisherId);
    const publisher = {
      type: school || publisherAside?.type === 'school' ? 'school' : 'family',
      id: publisherId,
    } as const;
    const why = unreadable(data);
    if (why !== undefined) {
      if (school || family || publisherAside) {
        const issue: ContentIssue = { file, field: '', message: why, severity: 'error', code: 'unreadable' };
        broken.push({ id, slug, publisher, file, issues: [issue] });
      }
      continue;
    }
    const aside = publisherAside ?? data.authors.map((author) => needed('author', author)).find(Boolean);
    if (aside) {
      broken.push({ id, slug, publisher, file, needs: aside.file, issues: aside.issues });
      continue;
    }
    if (!school && !family) {
      report(
        file,
        '',
        `the folder "${publisherId}" is not a school or family id${didYouMean(publisherId, [...ids.school, ...ids.family])}: move the post into content/posts/<school-or-family-id>/`,
        { code: 'unknown-reference', ref: `publisher:${publisherId}` },
      );
      continue;
    }
    data.authors.forEach((a, i) => check(file, `authors[${i}]`, a, 'author', authorById));
    data.topics.forEach((t, i) => check(file, `topics[${i}]`, t, 'topic', topicById));
    if (data.families && school) {
      data.families.forEach((f, i) => {
        if (!familyById.has(f)) check(file, `families[${i}]`, f, 'family', familyById);
        else if (!school.families.includes(f))
          report(
            file,
            `families[${i}]`,
            `"${school.id}" is not a member of "${f}": share only with ${school.families.map((x) => `"${x}"`).join(', ') || 'none of its families'}`,
            { code: 'not-a-member', ref: `family:${f}` },
          );
      });
    }
    if (data.kind === 'case-study') {
      data.caseStudy.partners.forEach((p, i) => {
        if (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(p)) check(file, `caseStudy.partners[${i}]`, p, 'school', schoolById);
      });
    }
    // A YAML reader turns `2025-06-20T00:30:00+01:00` into 19 June in UTC; the writer meant the 20th.
    const source = context.readSource?.(file);
    const written = (field: 'date' | 'updated') => {
      const text = source === undefined ? undefined : writtenField(source, field);
      return text === undefined ? undefined : asWritten(text);
    };
    const date = written('date') ?? data.date;
    const updated = data.updated && (written('updated') ?? data.updated);
    const rules = data.kind === 'rules-of-thumb' ? (context.rulesOf?.(file) ?? extractRules(body)) : [];
    if (data.kind === 'rules-of-thumb' && rules.length === 0) {
      report(file, 'kind', 'a rules-of-thumb post needs its rules as a numbered list ("1. **Rule.** Why…")', {
        code: 'no-rules',
      });
    }
    posts.push({
      ...data,
      ...typesetFields(data, ['title', 'description', 'seriesTitle', 'heroAlt']),
      date,
      ...(updated ? { updated } : {}),
      id,
      slug,
      publisher: school ? { type: 'school', id: publisherId } : { type: 'family', id: publisherId },
      families: school ? (data.families ?? school.families).filter((f) => !setAside.family.has(f)) : [publisherId],
      topics: data.topics.filter((topic) => !setAside.topic.has(topic)),
      lang: postLanguage(data.lang, school?.lang, raw.network.lang),
      translations: [],
      scheduled: isScheduled({ date }, context.now),
      caseStudy: data.kind === 'case-study' ? typesetCaseStudy(data.caseStudy) : undefined,
      rules: rules.map((rule) => ({ ...rule, title: typeset(rule.title), text: typeset(rule.text) })),
      readingMinutes: readingMinutes(body),
      year: date.getUTCFullYear(),
      file,
      comments: commentsByPost.get(id)?.data,
      // A post's page shows its comment archive, so the archive is part of what the post is.
      digest: postDigest(
        digest === undefined ? contentHash(JSON.stringify(data), body) : String(digest),
        commentsByPost.get(id),
      ),
    } as Post<Hero>);
  }

  const translationGroups = translationsOf(posts, report);

  if (context.preview) {
    // A preview sets a post with mistakes aside, so the rest of the network can still be read.
    const badFiles = new Set(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.file));
    for (const post of posts.filter((candidate) => badFiles.has(candidate.file))) {
      posts.splice(posts.indexOf(post), 1);
      const own = issues.filter((issue) => issue.file === post.file);
      broken.push({ id: post.id, slug: post.slug, publisher: post.publisher, file: post.file, issues: own });
    }
    const shown = new Set([
      ...raw.posts.map(({ id, filePath }) => filePath ?? `posts/${id}`),
      ...brokenRecords.map((record) => record.file),
    ]);
    const others = issues.filter((issue) => issue.severity === 'error' && !shown.has(issue.file));
    if (others.length > 0) throw new ContentError(issues);
  } else if (issues.some((issue) => issue.severity === 'error')) throw new ContentError(issues);

  const publishContext: PublishContext = { ...context, schoolFamilies };
  const published = posts.filter((post) => isPublished(post, publishContext)).sort(newestFirst);
  const postById = new Map(published.map((p) => [p.id, p]));
  // A translation published by a school outside this build's scope is still offered, at the network's address.
  const networkWide: PublishContext = { ...publishContext, scope: { type: 'network' } };
  for (const post of published) {
    post.translations = (translationGroups.get(post.id) ?? []).filter((other) => isPublished(other, networkWide));
  }

  const bySchool = group(published, (p) => (p.publisher.type === 'school' ? [p.publisher.id] : []));
  const byFamily = group(published, (p) => p.families);
  const byAuthor = group(published, (p) => p.authors);
  const byTopic = group(published, (p) => p.topics);
  const byKind = group(published, (p) => [p.kind]);
  const byYear = group(published, (p) => [p.year]);
  const byPublisher = group(published, (p) => [`${p.publisher.type}:${p.publisher.id}`]);
  const bySeries = group(published, (p) => (p.series ? [p.series] : []));
  const members = group(schools, (s) => s.families);
  const schoolAuthors = group(authors, (a) => (a.school ? [a.school] : []));
  const expertise = group(schools, (s) => s.expertise);
  // Worked out when a page first asks: the content check builds this model and never does.
  let related: Map<string, Post<Hero>[]> | undefined;

  const { scope } = context;
  const scopedSchools =
    scope.type === 'network'
      ? schools
      : scope.type === 'school'
        ? schools.filter((s) => s.id === scope.id)
        : schools.filter((s) => s.families.includes(scope.id));
  const scopedSchoolIds = new Set(scopedSchools.map((s) => s.id));
  const scopedFamilies =
    scope.type === 'network' ? families : scope.type === 'family' ? families.filter((f) => f.id === scope.id) : [];
  const writers = new Set(published.flatMap((p) => p.authors));
  const scopedAuthors =
    scope.type === 'network'
      ? authors
      : authors.filter((a) => writers.has(a.id) || (a.school && scopedSchoolIds.has(a.school)));
  const usedTopics = new Set([...published.flatMap((p) => p.topics), ...scopedSchools.flatMap((s) => s.expertise)]);
  const scopedTopics = scope.type === 'network' ? topics : topics.filter((t) => usedTopics.has(t.id));

  const rulebook = topics
    .sort(byName)
    .map((topic) => ({
      topic,
      entries: (byTopic.get(topic.id) ?? [])
        .filter((p) => p.kind === 'rules-of-thumb' && p.topics[0] === topic.id)
        .flatMap((post) => post.rules.map<RuleEntry<Hero>>((rule) => ({ post, rule }))),
    }))
    .filter((section) => section.entries.length > 0);

  const get = <T>(map: Map<string | number, T[]>, key: string | number): T[] => map.get(key) ?? [];

  const network: Network<Hero> = {
    info: { ...raw.network, ...typesetFields(raw.network, ['tagline', 'description']) },
    all: {
      schools: [...schools].sort(byName),
      families: [...families].sort(byName),
      authors: [...authors].sort(byName),
      topics: [...topics].sort(byName),
    },
    schools: [...scopedSchools].sort(byName),
    families: [...scopedFamilies].sort(byName),
    authors: [...scopedAuthors].sort(byName),
    topics: [...scopedTopics].sort(byName),
    posts: published,
    school: (id) => schoolById.get(id),
    family: (id) => familyById.get(id),
    author: (id) => authorById.get(id),
    topic: (id) => topicById.get(id),
    post: (id) => postById.get(id),
    publisherName: (ref) =>
      (ref.type === 'school' ? schoolById.get(ref.id)?.name : familyById.get(ref.id)?.name) ?? ref.id,
    brandOf: (ref) => (ref.type === 'school' ? schoolById.get(ref.id)!.brand : familyById.get(ref.id)!.brand),
    postsBySchool: (id) => get(bySchool, id),
    postsByFamily: (id) => get(byFamily, id),
    postsByAuthor: (id) => get(byAuthor, id),
    postsByTopic: (id) => get(byTopic, id),
    postsByKind: (kind: PostKind) => get(byKind, kind),
    postsByYear: (year) => get(byYear, year),
    years: [...byYear.keys()].map(Number).sort((a, b) => b - a),
    membersOf: (id) => [...get(members, id)].sort(byName),
    authorsOfSchool: (id) => [...get(schoolAuthors, id)].sort(byName),
    schoolsWithExpertise: (id) => [...get(expertise, id)].sort(byName),
    related: (post) => {
      related ??= relatedPosts(published, byTopic as Map<string, Post<Hero>[]>);
      return related.get(post.id) ?? [];
    },
    neighbours: (post) => {
      // "Next from" moves to another text, in the post's language where it has a version.
      const all = get(byPublisher, `${post.publisher.type}:${post.publisher.id}`);
      const list = all.some((other) => other.translations.length > 0) ? listedPosts(all, post.lang) : all;
      const index = list.indexOf(post);
      return { next: list[index - 1], previous: list[index + 1] };
    },
    series: (post) => (post.series ? [...get(bySeries, post.series)].reverse() : []),
    rulebook,
    broken,
    brokenRecords,
  };
  return { network, issues };
}
