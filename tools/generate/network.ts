import { stringify } from 'yaml';
import { slugOf as slugify } from '../../src/lib/check/new-post.ts';
import type { FamilyKind } from '../../src/schemas/family.ts';
import type { PostKind } from '../../src/schemas/post.ts';
import type { Phase as SchoolPhase } from '../../src/schemas/school.ts';
import * as bank from './banks.ts';
import { createRandom, type Random } from './random.ts';

/**
 * A deterministic generator of realistic Commonroom networks, for the benchmark and for tests.
 * Pure: it returns file contents (and which chart each image file is) and never touches the disk,
 * so the same options always give the same network.
 */

export interface GenerateOptions {
  posts: number;
  schools: number;
  seed?: string | number;
}

/** The family kinds the generator writes: a subset of the schema's, each with names and descriptions in `banks.ts`. */
export type GeneratedFamilyKind = Extract<FamilyKind, 'federation' | 'multi-academy-trust' | 'cluster' | 'programme'>;

/** A text file, or a PNG that is one of the generator's charts (rendered by `charts.ts`). */
export type GeneratedFile = { path: string; text: string } | { path: string; chart: number };

export interface GeneratedPost {
  /** `publisher/slug`, as the content collection names it. */
  id: string;
  file: string;
  publisher: { type: 'school' | 'family'; id: string };
  slug: string;
  kind: PostKind;
  date: string;
  draft: boolean;
  /** True when dated after the generator's "now" (2026-11-01). */
  future: boolean;
  lang?: string;
  /** The network path other posts link with, e.g. `/schools/oak/why/`. */
  path: string;
}

export interface GeneratedNetwork {
  files: GeneratedFile[];
  schools: string[];
  families: string[];
  authors: string[];
  topics: string[];
  posts: GeneratedPost[];
  welshSchool: string;
}

/** The generator's fixed "now": dates spread over the three years before it. */
export const generatorNow = '2026-11-01';
const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 1);
const START = Date.UTC(2023, 10, 1);

/** Trims a slug to at most `max` characters on a hyphen boundary. */
function shorten(slug: string, max = 60): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : max).replace(/-+$/, '');
}

const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const yamlText = (value: unknown) => stringify(value, { lineWidth: 0 });
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function unique(base: string, used: Set<string>): string {
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
  used.add(candidate);
  return candidate;
}

const phaseCycle = [
  'primary',
  'secondary',
  'primary',
  'nursery',
  'special',
  'primary',
  'all-through',
  'primary',
  'post-16',
  'secondary',
  'primary',
  'primary',
] as const satisfies readonly SchoolPhase[];
type Phase = (typeof phaseCycle)[number];

const phaseInfo: Record<Phase, { suffix: readonly string[]; ages: string; pupils: [number, number] }> = {
  primary: {
    suffix: ['Primary School', 'CE Primary School', 'Community Primary School'],
    ages: '4–11',
    pupils: [40, 420],
  },
  secondary: { suffix: ['Academy', 'High School', 'School'], ages: '11–18', pupils: [600, 1400] },
  nursery: { suffix: ['Nursery School'], ages: '2–5', pupils: [40, 120] },
  special: { suffix: ['School'], ages: '3–19', pupils: [60, 180] },
  'all-through': { suffix: ['All-Through School'], ages: '3–16', pupils: [700, 1300] },
  'post-16': { suffix: ['Sixth Form College'], ages: '16–19', pupils: [500, 1500] },
};

const palette = [
  '#1d4e89',
  '#7a1f3d',
  '#0b6e4f',
  '#b3261e',
  '#5b2a86',
  '#2f5d50',
  '#8c5a1e',
  '#1f7a8c',
  '#3d3d6b',
  '#a23b72',
  '#2b4c7e',
  '#6b4226',
  '#f2c94c',
  '#9bc53d',
  '#c44536',
  '#264653',
  '#e76f51',
  '#457b9d',
];
const familyKinds: readonly GeneratedFamilyKind[] = ['multi-academy-trust', 'federation', 'cluster', 'programme'];

const chartAlts: readonly string[] = [
  'Bar chart: the share of children at the expected standard rose in each of the four years shown.',
  'Line chart: attendance dipped in the spring term and recovered by the summer.',
  'Stacked bar chart: how teachers’ working week divides between teaching, planning and marking, before and after the change.',
  'Chart comparing the autumn and summer results of four groups of pupils, with every group higher in the summer.',
];
export const chartCount = chartAlts.length;

const footnotes: readonly string[] = [
  'Our own data; the cohort is small, so treat the percentages with care.',
  'Figures rounded to the nearest whole number.',
  'From the staff survey in July, with a response rate of about 80%.',
  'We describe the first year of this work in an earlier post.',
  'Numbers from our management information system, checked by a governor.',
];

interface School {
  id: string;
  name: string;
  shortName: string;
  phase: Phase;
  welsh: boolean;
  families: string[];
  expertise: string[];
  website: string;
  pupils: number;
}

interface Author {
  id: string;
  school?: string;
  family?: string;
}

interface Meta extends GeneratedPost {
  title: string;
  topics: string[];
  authors: string[];
  ext: 'md' | 'mdx';
  chart?: number;
}

/** Generates a whole network; see `GenerateOptions`. */
export function generateNetwork(options: GenerateOptions): GeneratedNetwork {
  const postCount = Math.max(0, Math.floor(options.posts));
  const schoolCount = Math.max(2, Math.floor(options.schools));
  const seed = options.seed ?? 1;
  const random = createRandom(seed);
  const files: GeneratedFile[] = [];
  const topicIds = bank.topics.map((t) => t.id);
  const topicById = new Map(bank.topics.map((t) => [t.id, t]));

  // Topics.
  for (const topic of bank.topics) {
    files.push({
      path: `topics/${topic.id}.yaml`,
      text: yamlText({ name: topic.name, description: topic.description }),
    });
  }

  // Families.
  const familyRandom = random.fork('families');
  const familyCount = Math.max(1, Math.round(schoolCount / 4));
  const usedFamilyIds = new Set<string>();
  const families = Array.from({ length: familyCount }, (_, i) => {
    const kind = familyKinds[i % familyKinds.length]!;
    const prefix =
      bank.familyPrefixes[i % bank.familyPrefixes.length]! +
      (i >= bank.familyPrefixes.length ? ` ${Math.floor(i / bank.familyPrefixes.length) + 1}` : '');
    const name = familyRandom.pick(bank.familyNames[kind]).replace('#', prefix);
    const id = unique(slugify(name.replace(/^The /, '')), usedFamilyIds);
    return { id, name, kind, colour: familyRandom.pick(palette) };
  });

  // Schools.
  const schoolRandom = random.fork('schools');
  const welshIndex = 1;
  const usedSchoolIds = new Set<string>();
  const qualifiers = ['', 'Upper ', 'Lower ', 'Little ', 'Great ', 'North ', 'South '];
  const schools: School[] = [];
  for (let i = 0; i < schoolCount; i++) {
    const welsh = i === welshIndex;
    const phase: Phase = welsh ? 'primary' : phaseCycle[i % phaseCycle.length]!;
    const info = phaseInfo[phase];
    let name: string;
    let shortName: string;
    let town: string;
    let region: string;
    if (welsh) {
      const [place, welshTown, welshRegion] = schoolRandom.pick(bank.welshPlaces);
      name = `Ysgol ${place}`;
      shortName = place;
      town = welshTown;
      region = welshRegion;
    } else {
      const round = Math.floor(i / bank.places.length);
      const place = `${qualifiers[round % qualifiers.length]}${bank.places[i % bank.places.length]}${round >= qualifiers.length ? ` ${round}` : ''}`;
      shortName = place;
      name = `${place} ${schoolRandom.pick(info.suffix)}`;
      [town, region] = bank.towns[i % bank.towns.length]!;
    }
    const id = unique(slugify(shortName), usedSchoolIds);
    const memberOf = [families[i % familyCount]!.id];
    if (familyCount > 1 && schoolRandom.chance(0.35)) {
      const other = schoolRandom.pick(families.filter((f) => !memberOf.includes(f.id)));
      memberOf.push(other.id);
    }
    const expertise = schoolRandom.sample(
      welsh ? topicIds : topicIds.filter((t) => t !== 'bilingualism'),
      schoolRandom.int(2, 4),
    );
    if (welsh && !expertise.includes('bilingualism')) expertise.unshift('bilingualism');
    if (phase === 'nursery' && !expertise.includes('early-years')) expertise.unshift('early-years');
    const pupils = schoolRandom.int(...info.pupils);
    const website = `https://www.${id.replace(/-/g, '')}.example.sch.uk`;
    const school: School = { id, name, shortName, phase, welsh, families: memberOf, expertise, website, pupils };
    schools.push(school);
    const data: Record<string, unknown> = { name, shortName, phase, town, region, website };
    if (i % 6 === 4) data.site = `https://${id}.example.sch.uk`;
    data.colour = schoolRandom.pick(palette);
    if (welsh) data.lang = 'cy';
    data.ethos = welsh ? 'Gwreiddiau dwfn, canghennau llydan.' : schoolRandom.pick(bank.ethos);
    data.pupils = pupils;
    data.ages = welsh ? '3–11' : info.ages;
    data.expertise = expertise;
    data.families = memberOf;
    files.push({ path: `schools/${id}.yaml`, text: yamlText(data) });
  }
  const welshSchool = schools[welshIndex]!;
  const schoolById = new Map(schools.map((s) => [s.id, s]));

  for (const family of families) {
    const data: Record<string, unknown> = {
      name: family.name,
      kind: family.kind,
      description: bank.familyDescriptions[family.kind],
      website: `https://www.${family.id.replace(/-/g, '')}.example.org`,
      colour: family.colour,
    };
    files.push({ path: `families/${family.id}.yaml`, text: yamlText(data) });
  }

  // Authors: one head per school, a writer for each family, one independent adviser, the rest spread over schools.
  const authorRandom = random.fork('authors');
  const usedAuthorIds = new Set<string>();
  const authors: Author[] = [];
  const addAuthor = (role: string, owner: { school?: School; family?: (typeof families)[number] }) => {
    const welsh = owner.school?.welsh ?? false;
    const first = authorRandom.pick(welsh ? bank.welshFirstNames : bank.firstNames);
    const last = authorRandom.pick(welsh ? bank.welshSurnames : bank.surnames);
    const name = `${first} ${last}`;
    const id = unique(slugify(name), usedAuthorIds);
    const where = owner.school?.name ?? owner.family?.name;
    const data: Record<string, unknown> = { name, role };
    if (owner.school) data.school = owner.school.id;
    if (owner.family) data.family = owner.family.id;
    data.bio = where
      ? `${first} is ${/^[AEIOU]/.test(role) ? 'an' : 'a'} ${role.toLowerCase()} at ${where}. ${authorRandom.pick(bank.sentences)}`
      : `${first} is an independent adviser who has worked with schools on both sides of the border for twenty years. ${authorRandom.pick(bank.sentences)}`;
    if (authorRandom.chance(0.4))
      data.email = `${slugify(first)}@${owner.school ? owner.school.website.replace('https://www.', '') : 'example.org'}`;
    if (authorRandom.chance(0.3)) {
      const handle = slugify(name).replace(/-/g, '');
      data.links = authorRandom.chance(0.5)
        ? { website: `https://${handle}.example.net`, mastodon: `https://mastodon.example.social/@${handle}` }
        : {
            bluesky: `https://bsky.app/profile/${handle}.example.net`,
            linkedin: `https://www.linkedin.com/in/${handle}`,
          };
    }
    files.push({ path: `authors/${id}.yaml`, text: yamlText(data) });
    const author: Author = { id };
    if (owner.school) author.school = owner.school.id;
    if (owner.family) author.family = owner.family.id;
    authors.push(author);
    return author;
  };
  for (const school of schools) addAuthor(school.welsh ? 'Pennaeth (Headteacher)' : 'Headteacher', { school });
  for (const family of families)
    addAuthor(family.kind === 'federation' ? 'Executive Headteacher' : authorRandom.pick(bank.familyRoles), { family });
  const adviser = addAuthor('Independent adviser', {});
  const extra = Math.max(0, Math.round(schoolCount * 1.5) - authors.length);
  for (let i = 0; i < extra; i++) {
    const school = schools[(i * 7) % schoolCount]!;
    addAuthor(school.welsh ? 'Athrawes' : authorRandom.pick(bank.schoolRoles), { school });
  }
  const authorsOf = new Map<string, string[]>();
  for (const author of authors) {
    const owner = author.school ?? author.family;
    if (owner) authorsOf.set(owner, [...(authorsOf.get(owner) ?? []), author.id]);
  }

  // Post metadata first, so bodies can link to posts that exist and are published.
  const postRandom = random.fork('posts');
  const usedSlugs = new Map<string, Set<string>>();
  const titleCounts = new Map<string, number>();
  const metas: Meta[] = [];
  // Kinds come in shuffled blocks of twenty, so every network has exactly 60% / 25% / 15% (give or take a block).
  const kindBlock: PostKind[] = [
    ...Array<PostKind>(12).fill('reflection'),
    ...Array<PostKind>(5).fill('case-study'),
    ...Array<PostKind>(3).fill('rules-of-thumb'),
  ];
  let kinds = kindBlock;
  const futureIndexes = new Set(postCount >= 20 ? [Math.floor(postCount / 3), Math.floor((2 * postCount) / 3)] : []);
  for (let i = 0; i < postCount; i++) {
    const fromFamily = postRandom.chance(0.1);
    if (i % kindBlock.length === 0) kinds = postRandom.shuffle(kindBlock);
    const kind = kinds[i % kindBlock.length]!;
    const school = fromFamily ? undefined : schools[postRandom.int(0, schoolCount - 1)]!;
    const family = fromFamily ? postRandom.pick(families) : undefined;
    const publisherId = school?.id ?? family!.id;
    const welsh = school?.welsh ?? false;

    const primary =
      school && postRandom.chance(0.5)
        ? postRandom.pick(school.expertise)
        : postRandom.pick(welsh ? topicIds : topicIds.filter((t) => t !== 'bilingualism'));
    // Bilingualism is the Welsh-medium school's subject; other schools write about everything else.
    const others = topicIds.filter((t) => t !== primary && (welsh || t !== 'bilingualism'));
    const topics = [primary, ...postRandom.sample(others, postRandom.int(0, 2))];
    if (welsh && !topics.includes('bilingualism') && postRandom.chance(0.5)) topics.push('bilingualism');

    let title: string;
    if (welsh) {
      title = postRandom.pick(
        kind === 'case-study'
          ? bank.welsh.caseStudyTitles
          : kind === 'rules-of-thumb'
            ? bank.welsh.rulesTitles
            : bank.welsh.titles,
      );
    } else {
      const phrase = postRandom.pick(topicById.get(primary)!.phrases);
      const template = postRandom.pick(bank.titleTemplates[kind]);
      title = capitalise(template.replace('#', template.startsWith('#') ? capitalise(phrase) : phrase));
    }
    const titleKey = `${publisherId}/${title}`;
    const seen = (titleCounts.get(titleKey) ?? 0) + 1;
    titleCounts.set(titleKey, seen);
    if (seen > 1) title = welsh ? `${title} (rhan ${seen})` : `${title} (part ${seen})`;
    const slugs = usedSlugs.get(publisherId) ?? new Set<string>();
    usedSlugs.set(publisherId, slugs);
    const slug = unique(shorten(slugify(title)), slugs);

    const future = futureIndexes.has(i);
    const time = future
      ? Date.UTC(2027, 0, 10) + postRandom.int(0, 60) * DAY
      : START + postRandom.int(0, (END - START) / DAY - 1) * DAY;
    const own = authorsOf.get(publisherId) ?? [adviser.id];
    const postAuthors = [postRandom.pick(own)];
    if (postRandom.chance(0.12)) {
      const coAuthor = postRandom.chance(0.5) ? adviser.id : postRandom.pick(authors).id;
      if (!postAuthors.includes(coAuthor)) postAuthors.push(coAuthor);
    }
    const ext = postRandom.chance(0.4) ? 'mdx' : 'md';
    const publisher = school
      ? ({ type: 'school', id: school.id } as const)
      : ({ type: 'family', id: family!.id } as const);
    const meta: Meta = {
      id: `${publisherId}/${slug}`,
      file: `posts/${publisherId}/${slug}.${ext}`,
      publisher,
      slug,
      kind,
      date: iso(time),
      draft: postRandom.chance(0.01),
      future,
      path: `/${school ? 'schools' : 'families'}/${publisherId}/${slug}/`,
      title,
      topics,
      authors: postAuthors,
      ext,
    };
    if (welsh) meta.lang = 'cy';
    if (postRandom.chance(0.05)) meta.chart = postRandom.int(0, chartCount - 1);
    metas.push(meta);
  }

  const published = metas.filter((m) => !m.draft && !m.future);
  const publishedByTopic = new Map<string, Meta[]>();
  for (const meta of published) {
    for (const topic of meta.topics) {
      const list = publishedByTopic.get(topic);
      if (list) list.push(meta);
      else publishedByTopic.set(topic, [meta]);
    }
  }

  // Bodies.
  const bodyRandom = random.fork('bodies');
  for (const meta of metas) {
    const rng = bodyRandom.fork(meta.id);
    const school = meta.publisher.type === 'school' ? schoolById.get(meta.publisher.id) : undefined;
    const welsh = school?.welsh ?? false;
    const links = (publishedByTopic.get(meta.topics[0]!) ?? published).filter((m) => m.id !== meta.id);
    const frontmatter = frontMatter(meta, rng, school, schools);
    const body = welsh ? welshBody(meta, rng) : englishBody(meta, rng, links, topicById);
    files.push({ path: meta.file, text: `---\n${yamlText(frontmatter)}---\n\n${body}` });
    if (meta.chart !== undefined)
      files.push({ path: `posts/${meta.publisher.id}/${meta.slug}.png`, chart: meta.chart });
  }

  files.unshift({ path: 'network.yaml', text: yamlText(networkData(schoolCount, postCount)) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  return {
    files,
    schools: schools.map((s) => s.id),
    families: families.map((f) => f.id),
    authors: authors.map((a) => a.id),
    topics: topicIds,
    posts: metas.map(({ id, file, publisher, slug, kind, date, draft, future, path, lang }) => ({
      id,
      file,
      publisher,
      slug,
      kind,
      date,
      draft,
      future,
      path,
      ...(lang ? { lang } : {}),
    })),
    welshSchool: welshSchool.id,
  };
}

function networkData(schools: number, posts: number) {
  return {
    name: 'Marches Commonroom',
    tagline: 'School leaders on both sides of the border, learning in the open.',
    site: 'https://marches.commonroom.example.org',
    lang: 'en-GB',
    description: `A generated network of ${schools} schools and ${posts} posts for benchmarks: reflections, case studies and rules of thumb from nursery to sixth form, in English and in Welsh.`,
    contact: 'hello@marches.commonroom.example.org',
    replyTo: 'editor@marches.commonroom.example.org',
    about:
      'Marches Commonroom is a generated network used to measure how Commonroom builds grow with the size of a network.\n',
    partners: [],
  };
}

function frontMatter(meta: Meta, rng: Random, school: School | undefined, schools: readonly School[]) {
  const welsh = school?.welsh ?? false;
  const data: Record<string, unknown> = { title: meta.title };
  data.description = welsh
    ? rng.pick(bank.welsh.descriptions)
    : `${rng.pick(bank.sentences)} ${meta.kind === 'case-study' ? 'A case study' : meta.kind === 'rules-of-thumb' ? 'Short rules' : 'A reflection'} from ${school?.name ?? 'the central team'}.`;
  data.date = meta.date;
  if (!meta.future && rng.chance(0.1)) {
    const updated = Math.min(Date.parse(meta.date) + rng.int(1, 90) * DAY, END);
    data.updated = iso(updated);
  }
  data.authors = meta.authors;
  data.kind = meta.kind;
  data.topics = meta.topics;
  if (rng.chance(0.5))
    data.tags = rng.sample(
      [
        'year-6',
        'reception',
        'small-schools',
        'rural',
        'ks3',
        'inset',
        'pupil-voice',
        'parents',
        'ofsted',
        'estyn',
        'mixed-age',
      ],
      rng.int(1, 3),
    );
  if (school && school.families.length > 1 && rng.chance(0.3)) data.families = [rng.pick(school.families)];
  if (meta.lang) data.lang = meta.lang;
  if (rng.chance(0.01) && school) data.canonical = `${school.website}/news/${meta.slug}/`;
  if (rng.chance(0.02)) data.featured = true;
  if (meta.draft) data.draft = true;
  if (meta.kind === 'case-study') {
    const partners = rng
      .sample(
        schools.filter((s) => s.id !== school?.id),
        rng.int(0, 2),
      )
      .map((s) => s.id);
    if (rng.chance(0.4)) partners.push(rng.pick(bank.partnerNames));
    const year = Number(meta.date.slice(0, 4)) - 1;
    const focus = welsh ? meta.title : capitalise(rng.pick(bank.topics.find((t) => t.id === meta.topics[0])!.phrases));
    const caseStudy: Record<string, unknown> = {
      setting: welsh
        ? `Ysgol gynradd Gymraeg, ${school!.pupils} o ddisgyblion`
        : school
          ? `${capitalise(school.phase.replace('-', ' '))} school, ${school.pupils} pupils, ${rng.int(8, 45)}% pupil premium`
          : `${rng.int(3, 9)} schools across the family`,
      period: welsh ? `Medi ${year} – Gorffennaf ${year + 1}` : `September ${year} – July ${year + 1}`,
      partners,
      focus,
      outcomes: rng
        .sample(welsh ? bank.welsh.outcomes : bank.outcomes, rng.int(2, 4))
        .map((outcome) => fillNumbers(outcome, rng)),
    };
    const website = school?.website ?? 'https://www.example.org';
    caseStudy.evidence = rng
      .sample(bank.evidenceTitles, rng.int(0, 2))
      .map((title) => ({ title, url: `${website}/evidence/${slugify(title)}.pdf` }));
    data.caseStudy = caseStudy;
  }
  return data;
}

function fillNumbers(text: string, rng: Random): string {
  let low = rng.int(20, 60);
  return text.replace(/#( %)?/g, (_, percent: string | undefined) => {
    low = Math.min(99, low + rng.int(3, 20));
    return percent ? `${low}%` : String(Math.max(2, Math.round(low / 7)));
  });
}

/** Draws sentences without repeats inside one post (until the deck runs out, then reshuffles). */
function deck(rng: Random, items: readonly string[]) {
  let cards = rng.shuffle(items);
  return () => {
    if (cards.length === 0) cards = rng.shuffle(items);
    return cards.pop()!;
  };
}

const numberWords: Record<string, number> = { Five: 5, Six: 6, Seven: 7, Eight: 8, Nine: 9, Ten: 10 };

function englishBody(
  meta: Meta,
  rng: Random,
  links: readonly Meta[],
  topicById: ReadonlyMap<string, bank.TopicSeed>,
): string {
  const general = deck(rng, bank.sentences);
  const specific = deck(rng, topicById.get(meta.topics[0]!)?.sentences ?? bank.sentences);
  const sentence = () => (rng.chance(0.3) ? specific() : general());
  const paragraph = (min = 3, max = 5) => Array.from({ length: rng.int(min, max) }, sentence).join(' ');
  const notes: string[] = [];
  const footnote = (text: string) => {
    notes.push(rng.pick(footnotes));
    return `${text.replace(/\.$/, '')}.[^${notes.length}]`;
  };
  const link = () => {
    if (links.length === 0) return undefined;
    const target = rng.pick(links);
    return rng.pick([
      `We wrote about a related piece of work in [${target.title}](${target.path}).`,
      `There is more on this in [${target.title.toLowerCase().startsWith('the ') ? target.title : `“${target.title}”`}](${target.path}), from another school in the network.`,
      `If this is useful, [${target.title}](${target.path}) picks up where this leaves off.`,
    ]);
  };
  const table = () => {
    const [a, b, c] = rng.pick(bank.tableHeads);
    const rows = Array.from({ length: rng.int(3, 4) }, (_, i) => {
      const before = rng.int(40, 80);
      return `| ${a === 'Year' ? 2022 + i : a === 'Term' ? ['Autumn', 'Spring', 'Summer', 'Autumn'][i] : `Group ${String.fromCharCode(65 + i)}`} | ${before}% | ${Math.min(99, before + rng.int(-3, 15))}% |`;
    });
    return [`| ${a} | ${b} | ${c} |`, '| --- | ---: | ---: |', ...rows].join('\n');
  };
  const bullets = () =>
    rng
      .sample(bank.bulletItems, rng.int(3, 5))
      .map((item) => `- ${capitalise(item)}`)
      .join('\n');
  const image = () => `![${chartAlts[meta.chart!]}](./${meta.slug}.png)`;

  const blocks: string[] = [paragraph(2, 4)];
  if (meta.kind === 'rules-of-thumb') {
    blocks.push(paragraph(1, 2));
    const counted = Object.entries(numberWords).find(([word]) => meta.title.startsWith(word));
    const chosen = rng.sample(bank.rules, counted ? counted[1] : rng.int(5, 10));
    blocks.push(
      chosen
        .map(([lead, why], i) => `${i + 1}. **${lead}** ${why}${rng.chance(0.3) ? ` ${general()}` : ''}`)
        .join('\n'),
    );
    if (meta.chart !== undefined) blocks.push(image());
    const extra = link();
    blocks.push(extra ? `${paragraph(1, 3)} ${extra}` : paragraph(1, 3));
  } else {
    const headings =
      meta.kind === 'case-study'
        ? bank.caseStudyHeadings
        : rng.sample(bank.headings, rng.chance(0.15) ? 6 : rng.int(2, 4));
    const tableAt = rng.chance(meta.kind === 'case-study' ? 0.8 : 0.25)
      ? meta.kind === 'case-study'
        ? 2
        : rng.int(0, headings.length - 1)
      : -1;
    const listAt = rng.chance(0.6) ? (meta.kind === 'case-study' ? 1 : rng.int(0, headings.length - 1)) : -1;
    const linkAt = rng.chance(0.6) ? rng.int(0, headings.length - 1) : -1;
    const noteAt = rng.chance(0.35) ? rng.int(0, headings.length - 1) : -1;
    const quoteAt = rng.chance(0.15) ? rng.int(0, headings.length - 1) : -1;
    headings.forEach((heading, index) => {
      blocks.push(`## ${heading}`);
      blocks.push(index === noteAt ? footnote(paragraph()) : paragraph());
      if (index === listAt)
        blocks.push(
          `${rng.pick(['We settled on a few things:', 'In practice that meant:', 'What we put in place:'])}\n\n${bullets()}`,
        );
      if (index === tableAt) blocks.push(table());
      if (index === 0 && meta.chart !== undefined) blocks.push(image());
      if (index === quoteAt) blocks.push(`> ${specific()}`);
      for (let extra = rng.int(0, 2); extra > 0; extra--) blocks.push(paragraph());
      if (index === linkAt) {
        const text = link();
        if (text) blocks.push(text);
      }
    });
  }
  if (notes.length) blocks.push(notes.map((note, i) => `[^${i + 1}]: ${note}`).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function welshBody(meta: Meta, rng: Random): string {
  const next = deck(rng, bank.welsh.sentences);
  const paragraph = (min = 3, max = 5) => Array.from({ length: rng.int(min, max) }, next).join(' ');
  const blocks: string[] = [paragraph(2, 4)];
  if (meta.kind === 'rules-of-thumb') {
    blocks.push(
      rng
        .sample(bank.welsh.rules, rng.int(5, 8))
        .map(([lead, why], i) => `${i + 1}. **${lead}** ${why}`)
        .join('\n'),
    );
    blocks.push(paragraph(1, 3));
  } else {
    for (const heading of rng.sample(bank.welsh.headings, rng.int(2, 4))) {
      blocks.push(`## ${heading}`, paragraph());
      if (rng.chance(0.3)) blocks.push(paragraph());
    }
  }
  if (meta.chart !== undefined)
    blocks.push(`![Siart bar: cododd canran y plant sy’n darllen yn annibynnol bob blwyddyn.](./${meta.slug}.png)`);
  return `${blocks.join('\n\n')}\n`;
}
