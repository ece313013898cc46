import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { commentsSchema, type CommentsData } from '../../schemas/comments.ts';
import { postSchema } from '../../schemas/post.ts';
import { redirectsSchema, type RedirectEntry } from '../../schemas/redirects.ts';
import { z } from 'astro/zod';
import { bodyToMarkdown, parseBody, type BodyImage } from './html-to-markdown.ts';
import { convertBody } from './convert.ts';
import { altFromFileName, cleanImage, imageFileName, MediaFolder, obtainImage, originalCandidates } from './images.ts';
import { freeSlug, matchAuthor, slugFor, sortTerms, type KnownAuthor, type KnownTopic } from './match.ts';
import type { SourceAuthor, SourceComment, SourceFormat, SourceItem, SourceSite } from './model.ts';
import { OldAddresses, redirectFrom } from './old-urls.ts';
import { exportFile, readExport, sniff } from './readers.ts';
import { ImportReport } from './report.ts';
import { firstSentences, htmlToPlainText } from './text.ts';
import { autop, newTally, wordpressHtml, type Attachment } from './wordpress.ts';
import { ImportError } from './xml-stream.ts';
import { WriteQueue } from './write-queue.ts';
import slugify from '@sindresorhus/slugify';

export interface ImportOptions {
  /** An export file, a Takeout folder, or a feed's URL. */
  source: string;
  /** The school or family id the posts are published by. */
  into: string;
  /** An existing author id every post is credited to. */
  author?: string;
  /** The topic for posts whose categories match none (default: the school's first area of expertise). */
  topic?: string;
  /** A local copy of the blog's images. */
  media?: string;
  offline: boolean;
  dryRun: boolean;
  update: boolean;
  /** The old blog's address, when the export does not say (Blogger Takeout). */
  site?: string;
  /** The content folder. */
  contentRoot: string;
  /** Paths in the report are relative to this folder. */
  cwd?: string;
  /** Progress lines on a long import. */
  progress?: (line: string) => void;
}

const stringPostSchema = postSchema(z.string());
const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex').slice(0, 32);

interface State {
  /** Hash of each file as the import last wrote it, to tell a writer's edits from the source's changes. */
  files: Record<string, string>;
  /** Which saved file each image address became, per post, so a re-import downloads nothing again. */
  images: Record<string, Record<string, string>>;
}

interface Planned {
  key: string;
  slug: string;
  path: string;
  identity: { importedFrom?: string; guid?: string };
}

interface Existing {
  file: string;
  slug: string;
  importedFrom?: string;
  guid?: string;
}

function readFrontMatter(text: string): Record<string, unknown> | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return undefined;
  try {
    const data = parseYaml(match[1]!) as unknown;
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function readYamlFolder(dir: string): Promise<{ id: string; data: Record<string, unknown> }[]> {
  if (!existsSync(dir)) return [];
  const out: { id: string; data: Record<string, unknown> }[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    try {
      const data = parseYaml(await readFile(join(dir, name), 'utf8')) as Record<string, unknown> | null;
      out.push({ id: name.replace(/\.ya?ml$/, ''), data: data ?? {} });
    } catch {
      out.push({ id: name.replace(/\.ya?ml$/, ''), data: {} });
    }
  }
  return out;
}

const isHttp = (url: string | undefined): boolean => !!url && /^https?:\/\//.test(url);

/** Fetches a feed given by URL into a temporary file, so it is read like any export. */
async function downloadSource(url: string, offline: boolean): Promise<{ file: string; cleanup: () => Promise<void> }> {
  if (offline)
    throw new ImportError(
      `${url} is a web address and --offline was given: download the feed first and import the file`,
    );
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw new ImportError(
      `${url} could not be fetched (${(error as Error).message}): check the address, or download the feed and import the file`,
    );
  }
  if (!response.ok) throw new ImportError(`${url} answered ${response.status}: check the address of the feed`);
  const dir = await mkdtemp(join(tmpdir(), 'commonroom-import-'));
  const file = join(dir, 'feed.xml');
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs `npm run import`: reads the export twice (once to plan addresses, once to convert), writes posts safely. */
export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const rel = (abs: string) => relative(cwd, abs).split(sep).join('/');
  const root = options.contentRoot;
  const report = new ImportReport();
  report.dryRun = options.dryRun;
  report.into = options.into;
  const progress = options.progress ?? (() => {});

  // Who publishes, and what the network already has.
  const schools = await readYamlFolder(join(root, 'schools'));
  const families = await readYamlFolder(join(root, 'families'));
  const school = schools.find((s) => s.id === options.into);
  const family = families.find((f) => f.id === options.into);
  if (!school && !family)
    throw new ImportError(
      `"${options.into}" is not a school or family id: use one of ${[...schools, ...families].map((s) => s.id).join(', ')}`,
    );
  const publisherType = school ? 'schools' : 'families';
  const networkData = (parseYaml(await readFile(join(root, 'network.yaml'), 'utf8').catch(() => '')) ?? {}) as Record<
    string,
    unknown
  >;
  const publisherLang = String(school?.data.lang ?? networkData.lang ?? 'en');
  const authors: KnownAuthor[] = (await readYamlFolder(join(root, 'authors'))).map((a) => ({
    id: a.id,
    name: String(a.data.name ?? a.id),
    ...(typeof a.data.email === 'string' ? { email: a.data.email } : {}),
  }));
  const topics: KnownTopic[] = (await readYamlFolder(join(root, 'topics'))).map((t) => ({
    id: t.id,
    name: String(t.data.name ?? t.id),
  }));
  if (options.author && !authors.some((a) => a.id === options.author))
    throw new ImportError(
      `--author "${options.author}" is not an author: use one of the files in ${rel(join(root, 'authors'))}, without ".yaml"`,
    );
  // A family has no expertise of its own: its member schools' most common area stands in.
  const expertiseOf = (data: Record<string, unknown>) =>
    Array.isArray(data.expertise) ? (data.expertise as string[]) : [];
  const members = schools.filter(
    (s) => Array.isArray(s.data.families) && (s.data.families as string[]).includes(options.into),
  );
  const memberExpertise = members.flatMap((s) => expertiseOf(s.data));
  const expertise = school
    ? expertiseOf(school.data)
    : [...new Set(memberExpertise)].sort(
        (a, b) => memberExpertise.filter((t) => t === b).length - memberExpertise.filter((t) => t === a).length,
      );
  const fallbackTopic = options.topic ?? expertise.find((id) => topics.some((t) => t.id === id)) ?? topics[0]?.id;
  if (options.topic && !topics.some((t) => t.id === options.topic))
    throw new ImportError(
      `--topic "${options.topic}" is not a topic: use one of ${topics.map((t) => t.id).join(', ')}`,
    );
  if (!fallbackTopic)
    throw new ImportError(`${rel(join(root, 'topics'))} has no topics: every post needs one, so add some first`);

  // The export.
  let file: string;
  let cleanup = async () => {};
  if (isHttp(options.source)) {
    ({ file, cleanup } = await downloadSource(options.source, options.offline));
    report.source = options.source;
  } else {
    file = await exportFile(options.source);
    report.source = rel(file);
  }
  try {
    await sniff(file);
    const postsDir = join(root, 'posts', options.into);
    const stateDir = join(root, 'imports', options.into);
    const stateFile = join(stateDir, 'state.json');
    const state: State = existsSync(stateFile)
      ? { files: {}, images: {}, ...(JSON.parse(await readFile(stateFile, 'utf8')) as Partial<State>) }
      : { files: {}, images: {} };

    // Pass 1: what is in the export, and where each post will live.
    let format: SourceFormat | undefined;
    let site: SourceSite = {};
    const sourceAuthors = new Map<string, SourceAuthor>();
    const attachments = new Map<string, Attachment>();
    const attachedTo = new Map<string, string[]>();
    const bloggerComments = new Map<string, SourceComment[]>();
    const plannedItems: {
      key: string;
      url?: string;
      guid?: string;
      slug?: string;
      title: string;
      author?: string;
      aliases: string[];
      published: boolean;
    }[] = [];
    let seen = 0;
    for await (const event of readExport(file)) {
      format = event.format;
      if (event.type === 'site') site = event.site;
      else if (event.type === 'author') sourceAuthors.set(event.author.key, event.author);
      else if (event.type === 'comment') {
        const list = bloggerComments.get(event.postKey) ?? [];
        list.push(event.comment);
        bloggerComments.set(event.postKey, list);
      } else {
        const item = event.item;
        if (item.type === 'attachment' && item.attachmentUrl) {
          attachments.set(item.key, {
            url: item.attachmentUrl,
            ...(item.attachmentAlt ? { alt: item.attachmentAlt } : {}),
            ...(item.attachmentCaption ? { caption: htmlToPlainText(item.attachmentCaption) } : {}),
            ...(item.parentKey ? { parentKey: item.parentKey } : {}),
          });
          if (item.parentKey) attachedTo.set(item.parentKey, [...(attachedTo.get(item.parentKey) ?? []), item.key]);
        }
        if (item.type === 'post' && item.status !== 'trash' && item.status !== 'other') {
          plannedItems.push({
            key: item.key,
            ...(item.url ? { url: item.url } : {}),
            ...(item.guid ? { guid: item.guid } : {}),
            ...(item.slug ? { slug: item.slug } : {}),
            title: item.title,
            ...(item.author ? { author: item.author } : {}),
            aliases: item.aliases,
            published: item.status === 'publish',
          });
        }
        if (++seen % 2000 === 0) progress(`read ${seen.toLocaleString('en-GB')} items…`);
      }
    }
    report.format = format;
    if (options.site) site = { ...site, url: options.site };
    if (plannedItems.length === 0)
      throw new ImportError(
        `${basename(file)} holds no posts (only pages, attachments or settings): export the blog again with its posts`,
      );

    // Posts already in the folder, found by where they came from.
    const existing = new Map<string, Existing>();
    const takenSlugs = new Set<string>();
    if (existsSync(postsDir)) {
      for (const name of await readdir(postsDir)) {
        if (!/\.mdx?$/.test(name)) continue;
        const slug = name.replace(/\.mdx?$/, '');
        takenSlugs.add(slug);
        const data = readFrontMatter(await readFile(join(postsDir, name), 'utf8'));
        const entry: Existing = {
          file: join(postsDir, name),
          slug,
          ...(typeof data?.importedFrom === 'string' ? { importedFrom: data.importedFrom } : {}),
          ...(typeof data?.guid === 'string' ? { guid: data.guid } : {}),
        };
        if (entry.importedFrom) existing.set(`url:${entry.importedFrom}`, entry);
        if (entry.guid) existing.set(`guid:${entry.guid}`, entry);
      }
    }

    const absoluteUrl = (url: string | undefined) => {
      if (!url) return undefined;
      if (isHttp(url)) return url;
      if (site.url && url.startsWith('/')) return new URL(url, site.url).href;
      return undefined;
    };
    const addresses = new OldAddresses(site.url);
    const plans = new Map<string, Planned>();
    const planned = new Set<string>();
    for (const item of plannedItems) {
      const importedFrom = absoluteUrl(item.url);
      // Only an id that is a URI can identify an entry in an Atom feed.
      const guid = item.guid && /^[a-z][a-z0-9+.-]*:\S+$/i.test(item.guid) ? item.guid : undefined;
      const found =
        (importedFrom && existing.get(`url:${importedFrom}`)) || (guid && existing.get(`guid:${guid}`)) || undefined;
      let slug: string;
      if (found) slug = found.slug;
      else {
        const wanted = slugFor(item.slug, item.title);
        slug = freeSlug(wanted, (candidate) => takenSlugs.has(candidate) || planned.has(candidate));
        if (slug !== wanted) report.slugClashes.push({ title: item.title, slug });
      }
      planned.add(slug);
      const path = `/${publisherType}/${options.into}/${slug}/`;
      plans.set(item.key, {
        key: item.key,
        slug,
        path,
        identity: { ...(importedFrom ? { importedFrom } : {}), ...(guid ? { guid } : {}) },
      });
      // Links lead only to posts that will be published; a link to a draft keeps its old address.
      if (item.published) {
        if (item.url) addresses.add(item.url, path);
        for (const alias of item.aliases) addresses.add(alias, path);
        if (guid && /^https?:\/\/[^/]+\/\?p=\d+$/.test(guid)) addresses.add(guid, path);
      }
    }

    // Authors: --author, else matched by email or name, else created from the export.
    const authorIds = new Map<string, string>();
    const createdAuthors = new Map<string, { id: string; name: string }>();
    const authorFor = (sourceKey: string | undefined): string => {
      if (options.author) return options.author;
      const name = sourceKey ?? site.title ?? 'Unknown author';
      const cached = authorIds.get(name);
      if (cached) return cached;
      const source = sourceAuthors.get(name) ?? { key: name, name };
      const match = matchAuthor(source, authors);
      let id: string;
      if (match) {
        id = match.id;
        report.authorsMatched.set(source.name, id);
      } else {
        id = freeSlug(
          slugify(source.name) || 'author',
          (candidate) =>
            authors.some((a) => a.id === candidate) || [...createdAuthors.values()].some((c) => c.id === candidate),
        );
        createdAuthors.set(name, { id, name: source.name });
        authors.push({ id, name: source.name });
      }
      authorIds.set(name, id);
      return id;
    };

    const media = options.media ? await MediaFolder.open(options.media) : undefined;
    let written = 0;
    const redirects: RedirectEntry[] = [];
    const redirectFroms = new Set<string>();
    const defaulted: string[] = [];
    const siteLang = site.lang;

    /**
     * Writes a file unless it would overwrite a writer's edits; returns what happened at once, while the
     * write itself goes on in the background (`writes`), so the next post is converted meanwhile.
     */
    const writes = new WriteQueue();
    // What each folder held before, listed once: asking the disk about every file stalled behind the
    // background writes creating their neighbours.
    const listings = new Map<string, Set<string>>();
    const listing = (folder: string) => {
      let names = listings.get(folder);
      if (!names) {
        names = new Set(existsSync(folder) ? readdirSync(folder) : []);
        listings.set(folder, names);
      }
      return names;
    };
    const exists = (abs: string) => listing(dirname(abs)).has(basename(abs));
    const safeWrite = (
      abs: string,
      content: string | Buffer,
    ): 'new' | 'unchanged' | 'updated' | 'edited' | 'changed' => {
      const key = rel(abs);
      if (exists(abs)) {
        const current = readFileSync(abs);
        if (Buffer.compare(current, Buffer.from(content)) === 0) {
          state.files[key] = sha(current);
          return 'unchanged';
        }
        if (state.files[key] !== sha(current)) return 'edited';
        if (!options.update) return 'changed';
        if (!options.dryRun) writes.add(abs, content);
        state.files[key] = sha(content);
        return 'updated';
      }
      if (!options.dryRun) {
        const names = listing(dirname(abs));
        if (names.size === 0) mkdirSync(dirname(abs), { recursive: true });
        writes.add(abs, content);
        names.add(basename(abs));
      }
      state.files[key] = sha(content);
      written++;
      return 'new';
    };

    // Pass 2: convert and write each post.
    let done = 0;
    const total = plans.size;
    for await (const event of readExport(file)) {
      if (event.type !== 'item') continue;
      const item = event.item;
      if (item.type !== 'post') {
        report.skip(
          item.type === 'page'
            ? 'pages'
            : item.type === 'attachment'
              ? 'attachments'
              : item.type === 'nav_menu_item'
                ? 'menu items'
                : `${item.type} items`,
        );
        continue;
      }
      if (item.status === 'trash') {
        report.skip('trashed posts');
        continue;
      }
      if (item.status === 'other') {
        report.skip('posts in an unknown state');
        continue;
      }
      const plan = plans.get(item.key);
      if (!plan) continue;
      await importPost(item, plan);
      await writes.drain();
      if (++done % 250 === 0) progress(`${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} posts…`);
    }

    async function importPost(item: SourceItem, plan: Planned) {
      const postFile = join(postsDir, `${plan.slug}.md`);
      const fileLabel = rel(postFile);
      const tally = newTally();
      let html = item.html;
      if (format === 'wordpress') html = wordpressHtml(html, { attachments, attachedTo, postKey: item.key }, tally);
      for (const [name, count] of tally.converted) report.convertedShortcode(name, count);
      for (const [name, count] of tally.left) report.leftShortcode(name, count, fileLabel);
      const [beforeMore] = html.split(/<!--more(?:\s[^>]*)?-->/);
      const hasMore = beforeMore !== undefined && beforeMore.length < html.length;
      const body = parseBody(html, {
        rewrite: (href) => addresses.find(href),
        ...(site.url ? { base: site.url } : {}),
        ...(item.footnotes ? { footnotes: new Map(Object.entries(item.footnotes)) } : {}),
      });
      report.linksRewritten += body.links.rewritten;
      for (const href of body.links.unresolved) report.linksUnresolved.push({ file: fileLabel, href });
      report.embeds += (html.match(/Watch the video: |Listen: /g) ?? []).length + body.embeds;

      // Pictures: body images and the featured image, fetched (or found) and saved beside the post.
      const previous = state.images[plan.slug] ?? {};
      const current: Record<string, string> = {};
      const taken = new Set(Object.values(previous));
      const saving = new Map<string, Promise<{ name?: string; reason?: string }>>();
      const save = (candidates: string[]): Promise<{ name?: string; reason?: string }> => {
        const original = candidates.at(-1)!;
        const pending = saving.get(original) ?? fetchAndSave(candidates);
        saving.set(original, pending);
        return pending;
      };
      const fetchAndSave = async (candidates: string[]): Promise<{ name?: string; reason?: string }> => {
        const original = candidates.at(-1)!;
        const known = previous[original];
        if (known && exists(join(postsDir, known))) {
          current[original] = known;
          report.imagesReused++;
          return { name: known };
        }
        const expanded = [...new Set(candidates.flatMap(originalCandidates))];
        const got = await obtainImage(
          expanded,
          { offline: options.offline, ...(options.media ? { media: options.media } : {}) },
          media,
        );
        if (!got.ok) return { reason: got.reason };
        const clean = await cleanImage(got.bytes);
        if (!clean) return { reason: 'the file is not a picture' };
        // Named after the copy that was saved (the full-size file a thumbnail linked to, say).
        const name = imageFileName(plan.slug, /^https?:/.test(got.from) ? got.from : original, clean.extension, taken);
        safeWrite(join(postsDir, name), clean.bytes);
        current[original] = name;
        report.imagesSaved++;
        return { name };
      };
      const images: BodyImage[] = body.images;
      await Promise.all(
        images.map(async (image) => {
          const result = await save(image.candidates);
          const alt = image.alt || image.caption || altFromFileName(image.candidates[0]!);
          if (!image.alt && !image.caption) report.altFromFileName.push({ file: fileLabel, alt });
          image.node.properties.alt = alt;
          if (result.name) image.node.properties.src = `./${result.name}`;
          else
            report.imagesMissing.push({
              file: fileLabel,
              url: image.candidates.at(-1)!,
              reason: result.reason ?? 'unknown',
            });
        }),
      );
      let hero: { hero: string; heroAlt: string } | undefined;
      const featured = item.thumbnailId ? attachments.get(item.thumbnailId) : undefined;
      if (featured) {
        const result = await save([featured.url]);
        if (result.name) {
          const alt = featured.alt || featured.caption || altFromFileName(featured.url);
          if (!featured.alt && !featured.caption) report.altFromFileName.push({ file: fileLabel, alt });
          hero = { hero: `./${result.name}`, heroAlt: alt };
        } else report.imagesMissing.push({ file: fileLabel, url: featured.url, reason: result.reason ?? 'unknown' });
      }
      state.images[plan.slug] = current;

      const { markdown, kind, caseStudy, opening } = convertBody(body, item.title);

      // Front matter.
      const sorted = sortTerms(item.terms, topics);
      for (const term of item.terms) {
        const match = sortTerms([term], topics).topics[0];
        if (match) report.termsToTopics.set(term.name, match);
      }
      for (const tag of sorted.tags) report.tag(tag);
      for (const dropped of sorted.dropped) report.droppedTerm(dropped);
      let postTopics = sorted.topics;
      if (postTopics.length === 0) {
        postTopics = [fallbackTopic!];
        defaulted.push(fileLabel);
      }
      if (kind === 'rules-of-thumb') report.rules.push(fileLabel);
      if (caseStudy) report.caseStudies.push(fileLabel);
      const excerpt = item.excerpt ? htmlToPlainText(item.excerpt) : '';
      const lead = hasMore ? htmlToPlainText(beforeMore!) : '';
      const text = excerpt || lead || opening;
      const description =
        firstSentences(text) ||
        `${item.title || 'A post'}, first published on ${site.title ?? 'the school’s old blog'}.`;
      const date = item.date ?? item.modified ?? new Date(0);
      const updated =
        item.modified && item.modified.getTime() - date.getTime() > 24 * 3600 * 1000 ? item.modified : undefined;
      const lang = item.lang ?? siteLang;
      const draft = item.status !== 'publish';
      const front: Record<string, unknown> = {
        title: item.title || `Untitled post of ${date.toISOString().slice(0, 10)}`,
        description,
        date: date.toISOString().replace('.000Z', 'Z'),
        ...(updated ? { updated: updated.toISOString().replace('.000Z', 'Z') } : {}),
        authors: [authorFor(item.author)],
        kind,
        topics: postTopics,
        ...(sorted.tags.length ? { tags: sorted.tags } : {}),
        ...(lang && lang.split('-')[0] !== publisherLang.toLowerCase().split('-')[0]
          ? { lang: lang.split('-')[0] }
          : {}),
        ...(hero ?? {}),
        ...(plan.identity.importedFrom ? { importedFrom: plan.identity.importedFrom } : {}),
        ...(plan.identity.guid ? { guid: plan.identity.guid } : {}),
        ...(draft ? { draft: true } : {}),
      };
      const checked = stringPostSchema.safeParse(front);
      if (!checked.success) {
        report.skip('posts that could not be made valid');
        progress(
          `${fileLabel}: skipped (${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
        );
        return;
      }
      const content = `---\n${stringify(front, { lineWidth: 0 })}---\n\n${markdown}`;
      const outcome = safeWrite(postFile, content);
      if (outcome === 'new') (draft ? report.drafts : report.imported).push(fileLabel);
      else if (outcome === 'unchanged') report.unchanged++;
      else if (outcome === 'updated') report.updated.push(fileLabel);
      else if (outcome === 'edited') report.keptEdited.push(fileLabel);
      else report.changedAtSource.push(fileLabel);

      // Comments: approved ones kept, threaded; pingbacks and trackbacks as mentions.
      const comments = [...item.comments, ...(bloggerComments.get(item.key) ?? [])];
      const archive = archiveComments(comments, report);
      if (archive.comments.length || archive.mentions.length) {
        const data: CommentsData = {
          ...(plan.identity.importedFrom ? { from: plan.identity.importedFrom } : {}),
          ...archive,
        };
        const parsed = commentsSchema.safeParse(data);
        if (parsed.success) {
          const yaml = `# Comments from the original blog, imported by npm run import. Names, dates and words only.\n${stringify(data, { lineWidth: 0 })}`;
          safeWrite(join(postsDir, `${plan.slug}.comments.yaml`), yaml);
        } else report.dropComment('could not be archived', archive.comments.length);
      }

      // Old addresses of published posts lead to the new page.
      if (!draft) {
        for (const old of [item.url, ...item.aliases]) {
          const from = old ? redirectFrom(old) : undefined;
          if (from && !redirectFroms.has(from)) {
            redirectFroms.add(from);
            redirects.push({ from, to: plan.path });
          }
        }
      }
    }

    if (defaulted.length) report.defaultTopic = { topic: fallbackTopic, files: defaulted };

    // The old feed leads to the school's or family's feed.
    const feed = `/feeds/${publisherType}/${options.into}/atom.xml`;
    const oldFeeds =
      format === 'wordpress'
        ? ['/feed/', '/feed/atom/', '/feed/rss2/']
        : format === 'blogger-takeout' || format === 'blogger-classic'
          ? ['/feeds/posts/default', '/feeds/posts/default?alt=rss', '/atom.xml', '/rss.xml']
          : isHttp(options.source)
            ? [new URL(options.source).pathname]
            : [];
    for (const from of oldFeeds) if (!redirectFroms.has(from)) redirects.push({ from, to: feed });

    // Authors created from the export.
    const authorFiles: string[] = [];
    for (const created of createdAuthors.values()) {
      const abs = join(root, 'authors', `${created.id}.yaml`);
      const data = {
        name: created.name,
        role: 'Writer',
        ...(school ? { school: options.into } : { family: options.into }),
        bio: `Wrote ${site.title ? `“${site.title}”` : 'a blog'} before it moved to ${String(networkData.name ?? 'the network')}.`,
      };
      safeWrite(
        abs,
        `# Created by npm run import: write a real role and a short bio.\n${stringify(data, { lineWidth: 0 })}`,
      );
      report.authorsCreated.set(created.name, rel(abs));
      authorFiles.push(rel(abs));
    }

    await writes.flush();

    // The redirect map, merged with what is there.
    const redirectsFile = join(root, 'redirects.yaml');
    report.redirectsFile = rel(redirectsFile);
    const existingRedirects = existsSync(redirectsFile)
      ? redirectsSchema.parse(parseYaml(await readFile(redirectsFile, 'utf8')) ?? {}).redirects
      : [];
    const known = new Set(existingRedirects.map((r) => r.from));
    const added = redirects.filter((r) => !known.has(r.from));
    report.redirectsAdded = added.length;
    report.redirectsTotal = existingRedirects.length + added.length;
    if (added.length && !options.dryRun) {
      const header =
        '# Old addresses and the pages that replace them. Every build writes these for the host (see docs/import.md).\n';
      await writeFile(
        redirectsFile,
        `${header}${stringify({ redirects: [...existingRedirects, ...added] }, { lineWidth: 0 })}`,
      );
    }

    report.seconds = (performance.now() - started) / 1000;
    const changed = written > 0 || report.updated.length > 0 || added.length > 0;
    if (!options.dryRun && changed) {
      await mkdir(stateDir, { recursive: true });
      await writeFile(stateFile, `${JSON.stringify(state, null, 1)}\n`);
      await writeFile(join(stateDir, 'import-report.md'), report.render());
    }
    return report;
  } finally {
    await cleanup();
  }
}

/** Approved comments, threaded, as Markdown; pingbacks and trackbacks as mentions; the rest counted and dropped. */
export function archiveComments(
  comments: readonly SourceComment[],
  report: ImportReport,
): Pick<CommentsData, 'comments' | 'mentions'> {
  const kept: CommentsData['comments'] = [];
  const mentions: CommentsData['mentions'] = [];
  const keptIds = new Set<string>();
  const sorted = [...comments].sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0));
  const keep = (comment: SourceComment, text: string) => {
    const id = comment.id || `c${kept.length + 1}`;
    kept.push({
      id,
      ...(comment.parent && keptIds.has(comment.parent) ? { parent: comment.parent } : {}),
      name: /^\S+@\S+$/.test(comment.name.trim()) ? 'Anonymous' : comment.name,
      date: comment.date ?? new Date(0),
      text,
    });
    keptIds.add(id);
    report.commentsKept++;
  };
  for (const comment of sorted) {
    if (comment.dropped) {
      report.dropComment(comment.dropped === 'unapproved' ? 'not approved' : comment.dropped);
      continue;
    }
    if (comment.type !== 'comment') {
      if (comment.url && isHttp(comment.url)) {
        mentions.push({
          title: comment.name,
          url: comment.url,
          ...(comment.date ? { date: comment.date } : {}),
        });
        report.mentionsKept++;
      } else report.dropComment(`${comment.type}s without an address`);
      continue;
    }
    // Most comments are plain words: their Markdown is their text, with no tree to build.
    if (!/[<>&*_#`[\]\\|~!=+-]|^\s*\d+[.)]|https?:|www\./m.test(comment.html)) {
      const text = comment.html
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join('\n\n');
      if (text) {
        keep(comment, text);
        continue;
      }
    }
    // Comments are stored as typed, and blogs add paragraphs only when showing them.
    const html = /<(?:p|br|div)\b/i.test(comment.html) ? comment.html : autop(comment.html);
    const body = parseBody(html, { rewrite: () => undefined });
    // Pictures in comments are not fetched: they become their description.
    for (const image of body.images) {
      image.node.tagName = 'span';
      image.node.children = [{ type: 'text', value: image.alt ? `[${image.alt}]` : '' }];
      image.node.properties = {};
    }
    const text = bodyToMarkdown(body).trim();
    if (!text) {
      report.dropComment('empty');
      continue;
    }
    keep(comment, text);
  }
  return { comments: kept, mentions };
}
