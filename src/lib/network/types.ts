import type { ContentIssue } from '../content-issue.ts';
import type { AuthorData } from '../../schemas/author.ts';
import type { FamilyData } from '../../schemas/family.ts';
import type { NetworkData } from '../../schemas/network.ts';
import type { CommentsData } from '../../schemas/comments.ts';
import type { CaseStudy, PostKind } from '../../schemas/post.ts';
import type { SchoolData } from '../../schemas/school.ts';
import type { TopicData } from '../../schemas/topic.ts';
import type { BrandColours } from '../colour.ts';
import type { Rule } from '../rules.ts';

/** A content entry as the content layer hands it over. */
export interface RawEntry<Data> {
  id: string;
  data: Data;
  filePath?: string;
  body?: string;
  /** The content layer's hash of the file, when it gives one. */
  digest?: string | number;
}

export interface School extends SchoolData {
  id: string;
  shortName: string;
  brand: BrandColours;
  file: string;
}

export interface Family extends FamilyData {
  id: string;
  shortName: string;
  brand: BrandColours;
  file: string;
}

export interface Author extends AuthorData {
  id: string;
  file: string;
  /** The language `role` and `bio` are in: the author's own `lang`, else the school's, else the network's. */
  lang: string;
}

export interface Topic extends TopicData {
  id: string;
  /** The language `name` and `description` are in: the build's, where the topic has a translation into it. */
  lang: string;
  /** The topic's words in each language it has them, the network's first: `topicIn` picks a page's. */
  versions: TopicVersion[];
}

export interface TopicVersion {
  lang: string;
  name: string;
  description: string;
}

/** Who owns a post: a school, or a family's central team. */
export interface PublisherRef {
  type: 'school' | 'family';
  id: string;
}

export interface Post<Hero = unknown> {
  /** `<publisher>/<slug>`, also the content collection id. */
  id: string;
  slug: string;
  publisher: PublisherRef;
  title: string;
  description: string;
  date: Date;
  updated?: Date;
  authors: string[];
  kind: PostKind;
  topics: string[];
  tags: string[];
  /** Families the post is shared with (the publishing family itself for family posts). */
  families: string[];
  lang: string;
  /** The same post in other languages (published ones), each page linking to the others. */
  translations: Post<Hero>[];
  hero?: Hero;
  heroAlt?: string;
  series?: string;
  seriesTitle?: string;
  canonical?: string;
  /** Where the post was first published, for posts brought in by `npm run import`. */
  importedFrom?: string;
  /** The feed id the post had there, kept so feed readers do not show it twice. */
  guid?: string;
  /** Comments from the original blog (`<slug>.comments.yaml`), when it had any. */
  comments?: CommentsData;
  featured: boolean;
  draft: boolean;
  /** Dated after the build's "now" (only ever true in a preview). */
  scheduled: boolean;
  caseStudy?: CaseStudy;
  rules: Rule[];
  readingMinutes: number;
  year: number;
  file: string;
  /** Changes whenever the post's file changes (front matter or body). */
  digest: string;
}

/** One rule of thumb with the post it comes from, for the rulebook. */
export interface RuleEntry<Hero = unknown> {
  post: Post<Hero>;
  rule: Rule;
}

/** A post `npm run dev` could not add to the network (a build refuses it instead), with why. */
export interface BrokenPost {
  id: string;
  slug: string;
  publisher: { type: 'school' | 'family'; id: string };
  file: string;
  /**
   * The school, family or author file the post cannot be shown without, when that file's mistakes hold it back
   * rather than the post's own; `issues` are then that file's.
   */
  needs?: string;
  issues: ContentIssue[];
}

/** A school, family, author or topic `npm run dev` could not add to the network (a build refuses it instead). */
export interface BrokenRecord {
  type: 'school' | 'family' | 'author' | 'topic';
  id: string;
  file: string;
  issues: ContentIssue[];
}

export interface Network<Hero = unknown> {
  info: NetworkData;
  /** Every school, family, author and topic of the network, in or out of scope, sorted by name. */
  all: { schools: School[]; families: Family[]; authors: Author[]; topics: Topic[] };
  /** What this build publishes pages for. */
  schools: School[];
  families: Family[];
  authors: Author[];
  topics: Topic[];
  /** Published posts, newest first. */
  posts: Post<Hero>[];
  school(id: string): School | undefined;
  family(id: string): Family | undefined;
  author(id: string): Author | undefined;
  topic(id: string): Topic | undefined;
  post(id: string): Post<Hero> | undefined;
  publisherName(ref: PublisherRef): string;
  /** Brand colours of the post's publisher. */
  brandOf(ref: PublisherRef): BrandColours;
  postsBySchool(id: string): Post<Hero>[];
  /** Posts the family publishes plus those its schools share with it. */
  postsByFamily(id: string): Post<Hero>[];
  postsByAuthor(id: string): Post<Hero>[];
  postsByTopic(id: string): Post<Hero>[];
  postsByKind(kind: PostKind): Post<Hero>[];
  postsByYear(year: number): Post<Hero>[];
  years: number[];
  membersOf(familyId: string): School[];
  authorsOfSchool(schoolId: string): Author[];
  schoolsWithExpertise(topicId: string): School[];
  related(post: Post<Hero>): Post<Hero>[];
  /** Previous (older) and next (newer) posts from the same publisher. */
  neighbours(post: Post<Hero>): { previous: Post<Hero> | undefined; next: Post<Hero> | undefined };
  /** All parts of the post's series, oldest first. */
  series(post: Post<Hero>): Post<Hero>[];
  /** Rules of thumb grouped by their post's first topic, so each rule appears once. */
  rulebook: { topic: Topic; entries: RuleEntry<Hero>[] }[];
  /** Posts set aside in a preview because of their mistakes; always empty in a build, which stops instead. */
  broken: BrokenPost[];
  /**
   * Schools, families, authors and topics set aside in a preview because of their mistakes: their own pages show
   * them, and other pages leave them out. Always empty in a build.
   */
  brokenRecords: BrokenRecord[];
}
