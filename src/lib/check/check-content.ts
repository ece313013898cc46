import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import slugify from '@sindresorhus/slugify';
import { z } from 'astro/zod';
import { authorSchema, type AuthorData } from '../../schemas/author.ts';
import { commentsSchema } from '../../schemas/comments.ts';
import { redirectsSchema } from '../../schemas/redirects.ts';
import { familySchema, type FamilyData } from '../../schemas/family.ts';
import { networkSchema, type NetworkData } from '../../schemas/network.ts';
import { postKinds, postSchema, type PostData } from '../../schemas/post.ts';
import { schoolSchema, type SchoolData } from '../../schemas/school.ts';
import { topicSchema, type TopicData } from '../../schemas/topic.ts';
import { ContentError, type ContentIssue } from '../content-issue.ts';
import { lineOfField } from '../field-location.ts';
import { buildNetwork, type RawContent } from '../network/build.ts';
import { didYouMean } from '../network/suggest.ts';
import type { RawEntry } from '../network/types.ts';
import { extractRules } from '../rules.ts';
import { checkRawDate, isoDay } from './dates.ts';
import { checkLink, linkIndex, type LinkTargetPost } from './links.ts';
import { parseBody, type BodyReference } from './markdown.ts';
import { schemaProblems, type FieldProblem } from './schema-messages.ts';
import { decodeText, splitFrontMatter } from './text.ts';
import { parseYaml } from './yaml.ts';
import { checkImages } from '../images/check-images.ts';
import { consentIssue } from '../images/consent.ts';

export interface CheckOptions {
  /** The content folder (holding `network.yaml`). */
  root: string;
  /** Paths in messages are relative to this folder; defaults to the process's. */
  cwd?: string;
  /** The build's "now", for scheduled posts; defaults to today. */
  now?: Date;
}

export interface ListedPost {
  file: string;
  title: string;
  /** `YYYY-MM-DD` */
  date: string;
}

export interface CheckResult {
  issues: ContentIssue[];
  /** Posts dated after `now`, soonest first: the first build on or after their date publishes them. */
  scheduled: ListedPost[];
  /** Posts marked `draft: true`: shown by `npm run dev`, never built. */
  drafts: ListedPost[];
  counts: { posts: number; schools: number; families: number; authors: number; topics: number };
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const IMAGE = /\.(png|jpe?g|webp|avif|gif|svg|tiff?)$/i;
const NOT_READ = /\.(markdown|mdown|mkd|txt|html?|docx?|json|toml)$/i;
const DATA_FOLDERS = ['schools', 'families', 'authors', 'topics'] as const;
type DataFolder = (typeof DATA_FOLDERS)[number];
const KIND_OF: Record<DataFolder, 'school' | 'family' | 'author' | 'topic'> = {
  schools: 'school',
  families: 'family',
  authors: 'author',
  topics: 'topic',
};

/** Posts checked outside Astro: `hero` is a path, checked for existence separately. */
const stringPostSchema = postSchema(z.string());

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

interface PostRecord {
  file: string;
  dir: string;
  publisher: string;
  slug: string;
  body: string;
  raw: Record<string, unknown>;
  data?: PostData;
  references: BodyReference[];
  target: LinkTargetPost;
}

/** Validates a whole content folder without Astro: every problem a build would stop on, and some it would not notice. */
export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const root = resolve(options.root);
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  const issues: ContentIssue[] = [];
  const sources = new Map<string, string>();
  const rel = (abs: string) => relative(cwd, abs).split(sep).join('/');
  const add = (file: string, field: string, message: string, extra: Partial<ContentIssue> = {}) =>
    issues.push({ file, field, message, severity: 'error', ...extra });
  const at = (line?: number, column?: number) => ({ ...(line ? { line } : {}), ...(column ? { column } : {}) });

  async function readText(abs: string): Promise<string | undefined> {
    const decoded = decodeText(await readFile(abs));
    if (!decoded.ok) {
      add(rel(abs), '', decoded.message, at(decoded.line));
      return undefined;
    }
    sources.set(rel(abs), decoded.text);
    return decoded.text;
  }

  const reportProblems = (
    file: string,
    text: string,
    problems: FieldProblem[],
    skip: ReadonlySet<string> = new Set(),
  ) => {
    for (const problem of problems) {
      if (skip.has(problem.field)) continue;
      // A missing heroAlt belongs beside the hero it describes.
      const line =
        lineOfField(text, problem.field) ?? (problem.field === 'heroAlt' ? lineOfField(text, 'hero') : undefined);
      add(file, problem.field, problem.message, at(line));
    }
  };

  async function loadYaml<S extends z.ZodType>(
    abs: string,
    schema: S,
  ): Promise<{ data?: z.output<S>; parsed: boolean }> {
    const file = rel(abs);
    const text = await readText(abs);
    if (text === undefined) return { parsed: false };
    if (text.trim() === '') {
      add(file, '', 'the file is empty');
      return { parsed: false };
    }
    const parsed = parseYaml(text);
    if (!parsed.ok) {
      for (const problem of parsed.problems) add(file, '', problem.message, at(problem.line, problem.column));
      return { parsed: false };
    }
    if (!isPlainObject(parsed.data)) {
      add(file, '', 'should be a list of fields such as "name: …", one a line');
      return { parsed: false };
    }
    const { data, problems } = schemaProblems(schema, parsed.data);
    reportProblems(file, text, problems);
    return data === undefined ? { parsed: true } : { data, parsed: true };
  }

  const imageNear = (dir: string, url: string) => {
    const wanted = basename(url);
    const images = existsSync(dir) ? readdirSync(dir).filter((name) => IMAGE.test(name)) : [];
    return didYouMean(wanted, images);
  };

  /** Checks a local image path written in a file; returns a message when it is missing. */
  const missingImage = (dir: string, url: string): string | undefined => {
    if (/^(https?:|data:|\/)/.test(url)) return undefined;
    let path: string;
    try {
      path = decodeURI(url.split(/[?#]/)[0]!);
    } catch {
      path = url;
    }
    if (existsSync(resolve(dir, path))) return undefined;
    return `"${url}" is not there: put the image beside the file or fix its name${imageNear(dir, path)}`;
  };

  // network.yaml
  const networkFile = ['network.yaml', 'network.yml'].map((name) => join(root, name)).find((path) => existsSync(path));
  let network: NetworkData | undefined;
  if (!networkFile) {
    add(rel(join(root, 'network.yaml')), '', 'is missing: create it with name, tagline, site and description');
  } else {
    network = (await loadYaml(networkFile, networkSchema)).data;
  }

  // schools, families, authors, topics
  const entries = {
    schools: [] as RawEntry<SchoolData>[],
    families: [] as RawEntry<FamilyData>[],
    authors: [] as RawEntry<AuthorData>[],
    topics: [] as RawEntry<TopicData>[],
  };
  const allIds: Record<DataFolder, string[]> = { schools: [], families: [], authors: [], topics: [] };
  const brokenIds: Record<DataFolder, Set<string>> = {
    schools: new Set(),
    families: new Set(),
    authors: new Set(),
    topics: new Set(),
  };
  const schemas = { schools: schoolSchema, families: familySchema, authors: authorSchema, topics: topicSchema };

  for (const folder of DATA_FOLDERS) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    const names = readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .sort();
    const seen = new Map<string, string>();
    for (const name of names) {
      const abs = join(dir, name);
      if (NOT_READ.test(name)) {
        add(rel(abs), '', `is not read: only .yaml files describe ${folder}`, { severity: 'warning' });
        continue;
      }
      if (!/\.ya?ml$/.test(name)) continue;
      const id = name.replace(/\.ya?ml$/, '');
      if (seen.has(id)) {
        add(rel(abs), '', `has the same id "${id}" as ${seen.get(id)}: keep one of them`);
        continue;
      }
      seen.set(id, rel(abs));
      allIds[folder].push(id);
      if (!ID.test(id)) {
        add(
          rel(abs),
          '',
          `the file name "${name}" is not an id, so nothing can refer to it: rename it "${slugify(id)}.yaml"`,
          {
            severity: 'warning',
          },
        );
      }
      const { data } = await loadYaml(abs, schemas[folder] as z.ZodType);
      if (data === undefined) {
        brokenIds[folder].add(id);
        continue;
      }
      (entries[folder] as RawEntry<unknown>[]).push({ id, data, filePath: rel(abs) });
      const text = sources.get(rel(abs))!;
      const field = folder === 'authors' ? 'avatar' : 'logo';
      const picture = (data as { avatar?: string; logo?: string })[field];
      const missing = picture === undefined ? undefined : missingImage(dir, picture);
      if (missing) add(rel(abs), field, missing, at(lineOfField(text, field)));
    }
  }

  // posts
  const postsDir = join(root, 'posts');
  const postFiles: string[] = [];
  const commentFiles: string[] = [];
  if (existsSync(postsDir)) {
    for (const entry of readdirSync(postsDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const abs = join(entry.parentPath, entry.name);
      const parts = relative(postsDir, abs).split(sep);
      if (parts.some((part) => part.startsWith('.'))) continue;
      const file = rel(abs);
      if (/\.mdx?$/.test(entry.name)) {
        if (parts.length === 2) postFiles.push(abs);
        else if (parts.length === 1) {
          add(
            file,
            '',
            'is not in a publisher folder, so it would not be published: move it into posts/<school-or-family-id>/',
          );
        } else {
          add(file, '', `is in a sub-folder, which the build ignores: move it up to posts/${parts[0]}/`);
        }
      } else if (/\.comments\.ya?ml$/.test(entry.name) && parts.length === 2) {
        commentFiles.push(abs);
      } else if (NOT_READ.test(entry.name)) {
        add(file, '', 'is not read as a post: only .md and .mdx files are', { severity: 'warning' });
      }
    }
  }
  postFiles.sort();

  const kinds: readonly string[] = postKinds;
  const posts = (await Promise.all(postFiles.map((abs) => loadPost(abs)))).filter((post) => post !== undefined);

  async function loadPost(abs: string): Promise<PostRecord | undefined> {
    const file = rel(abs);
    const dir = dirname(abs);
    const publisher = basename(dir);
    const slug = basename(abs).replace(/\.mdx?$/, '');
    const text = await readText(abs);
    if (text === undefined) return undefined;
    const split = splitFrontMatter(text);
    if (!('yaml' in split)) {
      add(file, '', split.message, at(split.line));
      return undefined;
    }
    const parsed = parseYaml(split.yaml, split.yamlLine);
    if (!parsed.ok) {
      for (const problem of parsed.problems) add(file, '', problem.message, at(problem.line, problem.column));
      return undefined;
    }
    if (!isPlainObject(parsed.data)) {
      add(file, '', 'the front matter should be a list of fields such as "title: …", one a line', at(split.yamlLine));
      return undefined;
    }
    const raw = parsed.data;
    const skip = new Set<string>();
    for (const field of ['date', 'updated']) {
      const problem = checkRawDate(raw[field]);
      if (problem) {
        add(file, field, problem, at(lineOfField(text, field)));
        skip.add(field);
      }
    }
    const result = schemaProblems(stringPostSchema, raw);
    let problems = result.problems;
    if (typeof raw.kind !== 'string' || !kinds.includes(raw.kind)) {
      // The kind decides the rest of the schema: check the other fields as a reflection so they are not hidden.
      const others = schemaProblems(stringPostSchema, { ...raw, kind: 'reflection' }).problems.filter(
        (problem) => problem.field !== 'caseStudy',
      );
      problems = [...problems, ...others];
    }
    reportProblems(file, text, problems, skip);
    const data = skip.size === 0 ? result.data : undefined;

    if (!ID.test(slug)) {
      add(
        file,
        '',
        `the file name "${basename(abs)}" makes an awkward address: rename it "${slugify(slug)}${extname(abs)}"`,
        {
          severity: 'warning',
        },
      );
    }
    if (data) {
      const length = data.description.length;
      const line = at(lineOfField(text, 'description'));
      if (length < 50) {
        add(
          file,
          'description',
          `is short (${length} characters): write one or two sentences (50–300 characters) for cards, feeds and search`,
          { severity: 'warning', ...line },
        );
      } else if (length > 300) {
        add(
          file,
          'description',
          `is long (${length} characters): cards and search results show about 300, so keep it to 50–300`,
          { severity: 'warning', ...line },
        );
      }
    }
    if (split.body.trim() === '') {
      add(file, '', 'the post has no text after the front matter', at(split.bodyLine - 1));
    }
    if (typeof raw.hero === 'string') {
      const line = at(lineOfField(text, 'hero'));
      if (/^https?:/.test(raw.hero)) {
        add(file, 'hero', 'must be an image file beside the post, e.g. "./hero.jpg", not a web address', line);
      } else {
        const missing = missingImage(dir, raw.hero);
        if (missing) add(file, 'hero', missing, line);
      }
    }
    const body = await parseBody(split.blanked, abs.endsWith('.mdx'));
    let references: BodyReference[] = [];
    if (!body.ok) add(file, '', body.message, at(body.line, body.column));
    else {
      references = body.references;
      for (const image of references.filter((ref) => ref.type === 'image')) {
        const where = at(image.line, image.column);
        if (!image.alt?.trim()) {
          add(
            file,
            '',
            `image "${image.url}" has no alt text: describe it between the brackets, ![A class reading outdoors](${image.url})`,
            where,
          );
        }
        const missing = missingImage(dir, image.url);
        if (missing) add(file, '', `image ${missing}`, where);
        if (/^https?:/.test(image.url)) {
          add(
            file,
            '',
            `image "${image.url}" is on another website, which readers' browsers will not load here: save the picture beside the post and write its file name, ![${image.alt?.trim() || 'What it shows'}](./picture.jpg)`,
            { severity: 'warning', ...where },
          );
        }
      }
    }
    if (network?.requirePhotoConsent) {
      const images = [
        ...(typeof raw.hero === 'string' ? [raw.hero] : []),
        ...references.filter((ref) => ref.type === 'image' && !/^https?:/.test(ref.url)).map((ref) => ref.url),
      ];
      const consent = raw.photoConsent as boolean | string[] | undefined;
      const problem = consentIssue({
        file,
        ...at(lineOfField(text, 'photoConsent') ?? 1),
        photoConsent: consent,
        images,
      });
      if (problem) issues.push(problem);
    }
    const date = data?.date;
    return {
      file,
      dir,
      publisher,
      slug,
      body: split.body,
      raw,
      ...(data ? { data } : {}),
      references,
      target: {
        publisher: {
          type: allIds.families.includes(publisher) && !allIds.schools.includes(publisher) ? 'family' : 'school',
          id: publisher,
        },
        slug,
        ...(typeof raw.kind === 'string' ? { kind: raw.kind } : {}),
        rules: raw.kind === 'rules-of-thumb' ? extractRules(split.body).map((rule) => rule.number) : [],
        draft: raw.draft === true,
        ...(date ? { date } : {}),
      },
    };
  }

  // comment archives of imported posts: valid, and beside the post they belong to
  for (const abs of commentFiles.sort()) {
    const { data } = await loadYaml(abs, commentsSchema);
    const slug = basename(abs).replace(/\.comments\.ya?ml$/, '');
    if (data && !posts.some((post) => post.dir === dirname(abs) && post.slug === slug)) {
      add(rel(abs), '', `belongs to no post: there is no ${slug}.md or ${slug}.mdx beside it; rename it or delete it`);
    }
  }

  // old addresses of imported blogs
  for (const name of ['redirects.yaml', 'redirects.yml']) {
    if (existsSync(join(root, name))) await loadYaml(join(root, name), redirectsSchema);
  }

  // unique slugs within a publisher
  const byId = new Map<string, PostRecord>();
  for (const post of posts) {
    const id = `${post.publisher}/${post.slug}`;
    const first = byId.get(id);
    if (first) {
      add(
        post.file,
        '',
        `has the same slug "${post.slug}" as ${first.file}: both would be published at the same address; rename one`,
      );
    } else byId.set(id, post);
  }

  // references, through the same model the build uses
  const raw: RawContent<string> = {
    network:
      network ??
      (networkSchema.parse({ name: '-', tagline: '-', site: 'https://example.org', description: '-' }) as NetworkData),
    ...entries,
    posts: [...byId.values()].flatMap((post) =>
      post.data
        ? [{ id: `${post.publisher}/${post.slug}`, data: post.data, filePath: post.file, body: post.body }]
        : [],
    ) as RawContent<string>['posts'],
  };
  let modelIssues: ContentIssue[];
  try {
    modelIssues = buildNetwork(raw, {
      now,
      preview: false,
      scope: { type: 'network' },
      readSource: (file) => sources.get(file),
    }).issues;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    modelIssues = error.issues;
  }
  const broken = (kind: string, id: string) =>
    DATA_FOLDERS.some(
      (folder) =>
        (KIND_OF[folder] === kind || (kind === 'publisher' && folder !== 'authors' && folder !== 'topics')) &&
        brokenIds[folder].has(id),
    );
  for (const issue of modelIssues) {
    // A reference to a file that exists but has its own errors is not a second problem.
    const reference = /^"([^"]+)" is not an? (school|family|author|topic)\b/.exec(issue.message);
    if (reference && broken(reference[2]!, reference[1]!)) continue;
    const folder = /^the folder "([^"]+)" is not a school or family id/.exec(issue.message);
    if (folder && broken('publisher', folder[1]!)) continue;
    issues.push(issue);
  }

  // links in bodies
  const index = linkIndex({
    schools: allIds.schools,
    families: allIds.families,
    authors: allIds.authors,
    topics: allIds.topics,
    posts: [...byId.values()].map((post) => post.target),
  });
  for (const post of posts) {
    for (const link of post.references.filter((ref) => ref.type === 'link')) {
      const problem = checkLink(link.url, index, post.target, now);
      if (problem) add(post.file, '', problem.message, { severity: problem.severity, ...at(link.line, link.column) });
    }
  }

  const limitBytes = (network?.imageSizeLimitMB ?? 10) * 1_000_000;
  issues.push(...(await checkImages({ root, rel, limitBytes, sources })));

  const valid = posts.flatMap((post) => (post.data ? [{ ...post, data: post.data }] : []));
  const listed = (post: (typeof valid)[number]): ListedPost => ({
    file: post.file,
    title: post.data.title,
    date: isoDay(post.data.date),
  });
  const unique = new Map<string, ContentIssue>();
  for (const issue of issues) unique.set(JSON.stringify(issue), issue);
  return {
    issues: [...unique.values()].sort(
      (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    ),
    scheduled: valid
      .filter((post) => !post.data.draft && post.data.date > now)
      .sort((a, b) => a.data.date.getTime() - b.data.date.getTime())
      .map(listed),
    drafts: valid.filter((post) => post.data.draft).map(listed),
    counts: {
      posts: postFiles.length,
      schools: allIds.schools.length,
      families: allIds.families.length,
      authors: allIds.authors.length,
      topics: allIds.topics.length,
    },
  };
}
