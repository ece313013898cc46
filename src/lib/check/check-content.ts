import { existsSync, readdirSync, statSync } from 'node:fs';
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
import { ContentError, uniqueIssues, type ContentIssue } from '../content-issue.ts';
import { lineOfField } from '../field-location.ts';
import { buildNetwork, unknownReference, type RawContent } from '../network/build.ts';
import { didYouMean } from '../network/suggest.ts';
import type { RawEntry } from '../network/types.ts';
import { holdBack } from '../publish.ts';
import { extractRules, type Rule } from '../rules.ts';
import { settings } from '../settings.ts';
import { bodyCacheFile, openBodyCache } from './body-cache.ts';
import { checkRawDate, dateWarnings, isoDay } from './dates.ts';
import { descriptionLength } from './description.ts';
import { checkLink, linkIndex, type LinkTargetPost } from './links.ts';
import type { BodyReference } from './markdown.ts';
import { notAPicture } from './images.ts';
import { missingImports } from './mdx.ts';
import { placeholdersIn } from './new-post.ts';
import { schemaProblems, type FieldProblem } from './schema-messages.ts';
import { decodeText, splitFrontMatter, textProblems } from './text.ts';
import { conflictLines, isPlainObject, parseYaml } from './yaml.ts';
import { checkImages } from '../images/check-images.ts';
import { consentIssue } from '../images/consent.ts';

export interface CheckOptions {
  /** The content folder (holding `network.yaml`). */
  root: string;
  /** Paths in messages are relative to this folder; defaults to the process's. */
  cwd?: string;
  /** The build's "now", for scheduled posts; defaults to today. */
  now?: Date;
  /**
   * The file that keeps what was learnt from each post body, so unchanged posts are not parsed again
   * (default: one file per content folder in the settings' `checkCache`); `false` parses every body.
   */
  cache?: string | false;
  /** Threads to parse new post bodies on (default: every core); 1 parses them all on this thread. */
  threads?: number;
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

type Extra = Partial<Pick<ContentIssue, 'line' | 'column' | 'severity' | 'ref'>> & { code: string };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const IMAGE = /\.(png|jpe?g|webp|avif|gif|svg|tiff?)$/i;
/** Files a writer may have meant as content, but which are not read. */
const NOT_READ = /\.(txt|html?|docx?|odt|pages|rtf|json|toml)$/i;
/** Markdown under a name the build does not read (`.MD`, `.Markdown`): renaming it is all it takes. */
const MARKDOWN_ELSEWISE = /\.(mdx?|markdown|mdown|mkdn?|mkd)$/i;
const DATA_FOLDERS = ['schools', 'families', 'authors', 'topics'] as const;
type DataFolder = (typeof DATA_FOLDERS)[number];
const KIND_OF: Record<DataFolder, 'school' | 'family' | 'author' | 'topic'> = {
  schools: 'school',
  families: 'family',
  authors: 'author',
  topics: 'topic',
};
/** Front matter lists where an id twice is a slip. */
const LISTS = ['authors', 'topics', 'families', 'tags'] as const;

/** Posts checked outside Astro: `hero` is a path, checked for existence separately. */
const stringPostSchema = postSchema(z.string());

interface PostRecord {
  file: string;
  dir: string;
  publisher: string;
  slug: string;
  body: string;
  raw: Record<string, unknown>;
  data?: PostData;
  references: BodyReference[];
  rules: Rule[];
  target: LinkTargetPost;
}

/** Validates a whole content folder without Astro: every problem a build would stop on, and some it would not notice. */
export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const root = resolve(options.root);
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  const issues: ContentIssue[] = [];
  const sources = new Map<string, string>();
  const bodies = openBodyCache(
    options.cache === false ? undefined : (options.cache ?? bodyCacheFile(settings().checkCache, root)),
    options.threads ? { threads: options.threads } : {},
  );
  const rel = (abs: string) => relative(cwd, abs).split(sep).join('/');
  const add = (file: string, field: string, message: string, extra: Extra) => {
    const { line, column, ...rest } = extra;
    issues.push({
      file,
      ...(line ? { line } : {}),
      ...(column ? { column } : {}),
      field,
      message,
      severity: 'error',
      ...rest,
    });
  };

  async function readText(abs: string): Promise<string | undefined> {
    const decoded = decodeText(await readFile(abs));
    if (!decoded.ok) {
      add(rel(abs), '', decoded.message, { code: 'encoding', ...(decoded.line ? { line: decoded.line } : {}) });
      return undefined;
    }
    sources.set(rel(abs), decoded.text);
    return decoded.text;
  }

  /** A git merge left half-done: one clear message instead of a screenful of YAML errors. */
  const mergeConflict = (file: string, text: string): boolean => {
    const lines = conflictLines(text);
    if (lines.length === 0) return false;
    add(
      file,
      '',
      `this file still has a merge conflict (the lines ${lines.length > 1 ? `${lines.join(', ')}` : `${lines[0]}`} starting <<<<<<<, ======= or >>>>>>>): keep the version you want, delete the other and the marker lines`,
      { code: 'merge-conflict', line: lines[0]! },
    );
    return true;
  };

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
      add(file, problem.field, problem.message, { code: problem.code, ...(line ? { line } : {}) });
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
      add(file, '', 'the file is empty', { code: 'empty-file' });
      return { parsed: false };
    }
    if (mergeConflict(file, text)) return { parsed: false };
    const parsed = parseYaml(text);
    for (const problem of parsed.problems) add(file, problem.field ?? '', problem.message, { ...problem });
    if (!parsed.ok || parsed.problems.length > 0) return { parsed: false };
    if (!isPlainObject(parsed.data)) {
      add(file, '', 'should be a list of fields such as "name: …", one a line', { code: 'not-fields' });
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

  /** Checks a picture's address written in a file; returns a message when it is elsewhere, missing or not a picture. */
  const imageProblem = (dir: string, url: string): { message: string; severity: 'error' | 'warning' } | undefined => {
    if (/^data:/.test(url)) return undefined;
    // The post still reads well without it (an importer leaves the pictures it could not fetch this way).
    if (/^https?:/.test(url)) {
      return {
        severity: 'warning',
        message: `"${url}" is on another website, which the site's pages may not load: save the picture beside the post and write "./${basename(url.split(/[?#]/)[0]!) || 'picture.jpg'}"`,
      };
    }
    if (url.startsWith('/')) {
      return {
        severity: 'error',
        message: `"${url}" is an address on an old website${url.startsWith('/wp-content/') ? ' (WordPress)' : ''}: save the picture beside the post and write "./${basename(url.split(/[?#]/)[0]!)}"`,
      };
    }
    let path: string;
    try {
      path = decodeURI(url.split(/[?#]/)[0]!);
    } catch {
      path = url;
    }
    const abs = resolve(dir, path);
    if (!existsSync(abs)) {
      return {
        severity: 'error',
        message: `"${url}" is not there: put the image beside the file or fix its name${imageNear(dir, path)}`,
      };
    }
    const really = notAPicture(abs);
    if (really) {
      return {
        severity: 'error',
        message: `"${url}" is ${really}, not a picture, although its name ends ${extname(path)}: save or export it as JPEG or PNG`,
      };
    }
    return undefined;
  };

  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    add(
      rel(root),
      '',
      'is not a folder on this computer, so there is no content to check: set COMMONROOM_CONTENT to the folder holding network.yaml and the posts, or run "npm run setup" to start a network',
      { code: 'missing-content' },
    );
    await bodies.close();
    return {
      issues,
      scheduled: [],
      drafts: [],
      counts: { posts: 0, schools: 0, families: 0, authors: 0, topics: 0 },
    };
  }

  // network.yaml
  const networkFile = ['network.yaml', 'network.yml'].map((name) => join(root, name)).find((path) => existsSync(path));
  let network: NetworkData | undefined;
  if (!networkFile) {
    add(rel(join(root, 'network.yaml')), '', 'is missing: create it with name, tagline, site and description', {
      code: 'missing-network',
    });
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
      if (NOT_READ.test(name) || MARKDOWN_ELSEWISE.test(name)) {
        add(rel(abs), '', `is not read: only .yaml files describe ${folder}`, {
          code: 'not-read',
          severity: 'warning',
        });
        continue;
      }
      if (/\.ya?ml$/i.test(name) && !/\.ya?ml$/.test(name)) {
        add(
          rel(abs),
          '',
          `is not read, because of the capital letters in "${extname(name)}": rename it "${basename(name, extname(name))}.yaml"`,
          {
            code: 'extension-case',
          },
        );
        continue;
      }
      if (!/\.ya?ml$/.test(name)) continue;
      const id = name.replace(/\.ya?ml$/, '');
      if (seen.has(id)) {
        add(rel(abs), '', `has the same id "${id}" as ${seen.get(id)}: keep one of them`, { code: 'duplicate-id' });
        continue;
      }
      seen.set(id, rel(abs));
      allIds[folder].push(id);
      if (!ID.test(id)) {
        add(
          rel(abs),
          '',
          `the file name "${name}" is not an id, so nothing can refer to it: rename it "${slugify(id)}.yaml"`,
          { code: 'file-name', severity: 'warning' },
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
      const problem = picture === undefined ? undefined : imageProblem(dir, picture);
      const line = lineOfField(text, field);
      if (problem)
        add(rel(abs), field, problem.message, { code: 'image', severity: problem.severity, ...(line ? { line } : {}) });
    }
  }

  // posts: every file under posts/ is read, published, or named here with why it is not
  const postsDir = join(root, 'posts');
  const postFiles: string[] = [];
  const commentFiles: string[] = [];
  if (existsSync(postsDir)) {
    for (const entry of readdirSync(postsDir, { recursive: true, withFileTypes: true })) {
      const abs = join(entry.parentPath, entry.name);
      const parts = relative(postsDir, abs).split(sep);
      if (parts.some((part) => part.startsWith('.'))) continue;
      const file = rel(abs);
      if (entry.isSymbolicLink()) {
        add(
          file,
          '',
          'is a link to another file, which the check and the build cannot both follow: copy the file here instead',
          { code: 'symlink' },
        );
        continue;
      }
      if (!entry.isFile()) continue;
      if (/\.mdx?$/.test(entry.name)) {
        if (parts.length === 2) postFiles.push(abs);
        else if (parts.length === 1) {
          add(
            file,
            '',
            'is not in a publisher folder, so it would not be published: move it into posts/<school-or-family-id>/',
            { code: 'post-outside-folder' },
          );
        } else {
          add(file, '', `is in a sub-folder, which the build ignores: move it up to posts/${parts[0]}/`, {
            code: 'post-in-sub-folder',
          });
        }
      } else if (MARKDOWN_ELSEWISE.test(entry.name)) {
        const wanted = `${basename(entry.name, extname(entry.name))}${/\.mdx$/i.test(entry.name) ? '.mdx' : '.md'}`;
        add(file, '', `is not read as a post, because only names ending .md or .mdx are: rename it "${wanted}"`, {
          code: 'post-extension',
        });
      } else if (/\.comments\.ya?ml$/.test(entry.name) && parts.length === 2) {
        commentFiles.push(abs);
      } else if (NOT_READ.test(entry.name)) {
        add(file, '', 'is not read as a post: only .md and .mdx files are', { code: 'not-read', severity: 'warning' });
      }
    }
  }
  postFiles.sort();
  // Names that differ only in case are one file on Windows and macOS, and one address on many hosts.
  const byLowerName = new Map<string, string>();
  for (const abs of postFiles) {
    const key = abs.toLowerCase().replace(/\.mdx?$/, '');
    const other = byLowerName.get(key);
    if (other && basename(other).replace(/\.mdx?$/, '') !== basename(abs).replace(/\.mdx?$/, '')) {
      add(
        rel(abs),
        '',
        `has the same name as ${rel(other)} apart from capital letters: on many computers they are one file, so rename or merge them`,
        { code: 'case-collision' },
      );
    } else byLowerName.set(key, abs);
  }

  const kinds: readonly string[] = postKinds;
  const posts = (await Promise.all(postFiles.map((abs) => loadPost(abs)))).filter((post) => post !== undefined);

  async function loadPost(abs: string): Promise<PostRecord | undefined> {
    const file = rel(abs);
    const dir = dirname(abs);
    const publisher = basename(dir);
    const slug = basename(abs).replace(/\.mdx?$/, '');
    const mdx = abs.endsWith('.mdx');
    const text = await readText(abs);
    if (text === undefined) return undefined;
    if (mergeConflict(file, text)) return undefined;
    const split = splitFrontMatter(text);
    if (!('yaml' in split)) {
      add(file, '', split.message, { code: 'front-matter', ...(split.line ? { line: split.line } : {}) });
      return undefined;
    }
    const parsed = bodies.frontMatter(split.yaml, split.yamlLine);
    for (const problem of parsed.problems) add(file, problem.field ?? '', problem.message, { ...problem });
    if (!parsed.ok) return undefined;
    if (!isPlainObject(parsed.data)) {
      add(file, '', 'the front matter should be a list of fields such as "title: …", one a line', {
        code: 'not-fields',
        line: split.yamlLine,
      });
      return undefined;
    }
    const raw = parsed.data;
    const skip = new Set<string>(parsed.problems.flatMap((problem) => (problem.field ? [problem.field] : [])));
    const lineOf = (field: string) => {
      const line = lineOfField(text, field);
      return line ? { line } : {};
    };
    for (const field of ['date', 'updated']) {
      const problem = checkRawDate(raw[field]);
      if (problem) {
        add(file, field, problem, { code: 'date', ...lineOf(field) });
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
        { code: 'file-name', severity: 'warning' },
      );
    }
    if (data) {
      const length = data.description.length;
      if (length < descriptionLength.min) {
        add(
          file,
          'description',
          `is short (${length} characters): write one or two sentences (${descriptionLength.min}–${descriptionLength.max} characters) for cards, feeds and search`,
          { code: 'description-length', severity: 'warning', ...lineOf('description') },
        );
      } else if (length > descriptionLength.max) {
        add(
          file,
          'description',
          `is long (${length} characters): cards and search results show about ${descriptionLength.max}, so keep it to ${descriptionLength.min}–${descriptionLength.max}`,
          { code: 'description-length', severity: 'warning', ...lineOf('description') },
        );
      }
      for (const problem of dateWarnings(data.date, data.updated, now)) {
        add(file, problem.field, problem.message, {
          code: problem.code,
          severity: 'warning',
          ...lineOf(problem.field),
        });
      }
      for (const field of ['title', 'description', 'heroAlt', 'seriesTitle'] as const) {
        const value = data[field];
        if (value === undefined) continue;
        for (const problem of textProblems(value, field))
          add(file, field, problem.message, { ...problem, ...lineOf(field) });
      }
      for (const field of LISTS) {
        const list: readonly string[] = data[field] ?? [];
        list.forEach((item, index) => {
          if (list.indexOf(item) !== index) {
            add(file, `${field}[${index}]`, `"${item}" is listed twice: keep one`, {
              code: 'listed-twice',
              severity: 'warning',
              ...lineOf(`${field}[${index}]`),
            });
          }
        });
      }
    }
    const starter = placeholdersIn(text);
    if (starter.length > 0) {
      const draft = data?.draft ?? raw.draft === true;
      const where = text.split('\n').findIndex((line) => line.includes(starter[0]!)) + 1;
      add(
        file,
        '',
        `still holds the starter text of "npm run new": ${starter.map((phrase) => `"${phrase.length > 45 ? `${phrase.slice(0, 42).trimEnd()}…` : phrase}"`).join(', ')}. Replace it with your own words${draft ? ' before you publish' : ', or set draft: true until it is ready'}`,
        { code: 'placeholder', severity: draft ? 'warning' : 'error', ...(where > 0 ? { line: where } : {}) },
      );
    }
    if (split.body.trim() === '') {
      add(file, '', 'the post has no text after the front matter', { code: 'empty-body', line: split.bodyLine - 1 });
    }
    if (typeof raw.hero === 'string') {
      const problem = imageProblem(dir, raw.hero);
      // The hero is resized and made into the card, so it must be a file here even when a body picture need not.
      if (problem) add(file, 'hero', problem.message, { code: 'image', ...lineOf('hero') });
    }
    const body = await bodies.facts(split.blanked, split.body, { mdx, rules: raw.kind === 'rules-of-thumb' });
    let references: BodyReference[] = [];
    let rules: Rule[] = [];
    for (const problem of body.problems) add(file, '', problem.message, problem);
    if (!body.ok) {
      if (body.problems.length === 0) {
        add(file, '', body.message, {
          code: 'mdx-syntax',
          ...(body.line ? { line: body.line } : {}),
          ...(body.column ? { column: body.column } : {}),
        });
      }
      // The model still reads the rules of a post whose MDX does not parse, as Markdown.
      if (raw.kind === 'rules-of-thumb') rules = extractRules(split.body);
    } else {
      ({ references, rules } = body);
      for (const problem of missingImports(body.imports, abs)) add(file, '', problem.message, problem);
      for (const image of references.filter((ref) => ref.type === 'image')) {
        const where = {
          ...(image.line ? { line: image.line } : {}),
          ...(image.column ? { column: image.column } : {}),
        };
        if (!image.alt?.trim()) {
          add(
            file,
            '',
            `image "${image.url}" has no alt text: describe it between the brackets, ![A class reading outdoors](${image.url})`,
            { code: 'image-alt', ...where },
          );
        }
        const problem = imageProblem(dir, image.url);
        if (problem) add(file, '', `image ${problem.message}`, { code: 'image', severity: problem.severity, ...where });
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
        line: lineOfField(text, 'photoConsent') ?? 1,
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
      rules,
      target: {
        publisher: {
          type: allIds.families.includes(publisher) && !allIds.schools.includes(publisher) ? 'family' : 'school',
          id: publisher,
        },
        slug,
        ...(typeof raw.kind === 'string' ? { kind: raw.kind } : {}),
        rules: rules.map((rule) => rule.number),
        draft: data?.draft ?? raw.draft === true,
        ...(date ? { date } : {}),
      },
    };
  }

  // comment archives of imported posts: valid, and beside the post they belong to
  for (const abs of commentFiles.sort()) {
    const { data } = await loadYaml(abs, commentsSchema);
    const slug = basename(abs).replace(/\.comments\.ya?ml$/, '');
    if (data && !posts.some((post) => post.dir === dirname(abs) && post.slug === slug)) {
      add(rel(abs), '', `belongs to no post: there is no ${slug}.md or ${slug}.mdx beside it; rename it or delete it`, {
        code: 'comments-without-post',
      });
    }
  }

  // old addresses of imported blogs: checked against the posts below, once they are indexed
  const redirectsFile = ['redirects.yaml', 'redirects.yml'].map((name) => join(root, name)).find(existsSync);
  const redirects = redirectsFile ? (await loadYaml(redirectsFile, redirectsSchema)).data?.redirects : undefined;

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
        { code: 'duplicate-slug' },
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
  const rulesByFile = new Map(posts.map((post) => [post.file, post.rules]));
  let modelIssues: ContentIssue[];
  try {
    modelIssues = buildNetwork(raw, {
      now,
      preview: false,
      scope: { type: 'network' },
      readSource: (file) => sources.get(file),
      rulesOf: (file) => rulesByFile.get(file),
    }).issues;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    modelIssues = error.issues;
  }
  const broken = (ref: string) => {
    const [kind = '', id = ''] = ref.split(':');
    return DATA_FOLDERS.some(
      (folder) =>
        (KIND_OF[folder] === kind || (kind === 'publisher' && folder !== 'authors' && folder !== 'topics')) &&
        brokenIds[folder].has(id),
    );
  };
  for (const issue of modelIssues) {
    // A reference to a file that exists but has its own errors is not a second problem.
    if (issue.code === 'unknown-reference' && issue.ref && broken(issue.ref)) continue;
    issues.push(issue);
  }

  // A post the schema refused stays out of the model, but its authors and topics are still checked here, so
  // one run of the check names every problem in it.
  for (const post of byId.values()) {
    if (post.data) continue;
    for (const [field, kind, folder] of [
      ['authors', 'author', 'authors'],
      ['topics', 'topic', 'topics'],
    ] as const) {
      const list = post.raw[field];
      const named = (issue: ContentIssue) =>
        issue.file === post.file && (issue.field === field || issue.field.startsWith(`${field}[`));
      if (!Array.isArray(list) || issues.some(named)) continue;
      list.forEach((value: unknown, index) => {
        if (typeof value !== 'string' || allIds[folder].includes(value)) return;
        const line = lineOfField(sources.get(post.file) ?? '', `${field}[${index}]`);
        add(post.file, `${field}[${index}]`, unknownReference(kind, value, allIds[folder], entries[folder]), {
          code: 'unknown-reference',
          ref: `${kind}:${value}`,
          ...(line ? { line } : {}),
        });
      });
    }
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
      if (problem) {
        add(post.file, '', problem.message, {
          code: 'link',
          severity: problem.severity,
          ...(link.line ? { line: link.line } : {}),
          ...(link.column ? { column: link.column } : {}),
        });
      }
    }
  }

  if (redirectsFile && redirects) {
    const reader: LinkTargetPost = { publisher: { type: 'school', id: '' }, slug: '', rules: [], draft: false };
    redirects.forEach((redirect, i) => {
      if (!/^\/(schools|families)\/[^/]+\/[^/]+\/$/.test(redirect.to)) return;
      const problem = checkLink(redirect.to, index, reader, now);
      if (!problem) return;
      const line = lineOfField(sources.get(rel(redirectsFile)) ?? '', `redirects[${i}].to`);
      add(rel(redirectsFile), `redirects[${i}].to`, problem.message.replace(/^link/, 'redirect'), {
        code: 'redirect-target',
        severity: problem.severity,
        ...(line ? { line } : {}),
      });
    });
  }
  const limitBytes = (network?.imageSizeLimitMB ?? 10) * 1_000_000;
  issues.push(...(await checkImages({ root, rel, limitBytes })));

  const valid = posts.flatMap((post) => (post.data ? [{ ...post, data: post.data }] : []));
  const listed = (post: (typeof valid)[number]): ListedPost => ({
    file: post.file,
    title: post.data.title,
    date: isoDay(post.data.date),
  });
  bodies.save();
  await bodies.close();
  return {
    issues: uniqueIssues(issues),
    scheduled: valid
      .filter((post) => holdBack(post.data, now) === 'scheduled')
      .sort((a, b) => a.data.date.getTime() - b.data.date.getTime())
      .map(listed),
    drafts: valid.filter((post) => holdBack(post.data, now) === 'draft').map(listed),
    counts: {
      posts: postFiles.length,
      schools: allIds.schools.length,
      families: allIds.families.length,
      authors: allIds.authors.length,
      topics: allIds.topics.length,
    },
  };
}
