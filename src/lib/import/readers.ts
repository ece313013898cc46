import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { decodeEntities } from './text.ts';
import type { CommentType, SourceComment, SourceEvent, SourceFormat, SourceItem, SourceTerm } from './model.ts';
import {
  child,
  children,
  ImportError,
  innerXml,
  textOf,
  xmlRecords,
  type XmlNode,
  type XmlRecord,
} from './xml-stream.ts';

/*
 * Blogger writes two formats, and Google documents neither; what is read here is what real exports and
 * the tools written against them show.
 *
 * Google Takeout's `feed.atom` (namespace BLOGGER_2018) has one `<entry>` per post, page and comment, told
 * apart by `<blogger:type>` POST, PAGE or COMMENT (forthy42/net2o xml/blogger-atom.fs, a schema taken from a
 * real Takeout). `<blogger:status>` is LIVE, DRAFT, SCHEDULED or SOFT_TRASHED for posts (the Blogger API's
 * post statuses) and LIVE or SPAM_COMMENT for comments; an entry in the bin also has the time in
 * `<blogger:trashed>`, which is empty (`<blogger:trashed/>`) otherwise. A comment names its post's entry id
 * in `<blogger:parent>` and, when it answers another comment, that comment's entry id in
 * `<blogger:inReplyTo>`, empty otherwise (psainaveen12/NewsWebsite tests/test_app.py has such an entry; a
 * migration audit run on a real Takeout resolves both against entry ids and counts SPAM_COMMENT). The old
 * address is the path in `<blogger:filename>` (`/2013/06/slug.html`, no host; `<link/>` is empty), labels
 * are `<category scheme='tag:blogger.com,1999:blog-…' term='…'/>`, the search description is
 * `<blogger:metaDescription>`, and titles are HTML-escaped before being XML-escaped (`&amp;#39;`).
 *
 * The classic export (Settings → Back up content before Takeout) is a GData Atom feed: each entry's kind is a
 * `<category scheme='http://schemas.google.com/g/2005#kind' term='…/kind#post'>` (or page, comment, settings,
 * template), drafts carry `<app:control><app:draft>yes</app:draft></app:control>`, and a comment names its
 * post in `<thr:in-reply-to ref='tag:…post-N' href='…/slug.html'>` (RFC 4685, as in Blogger's comment feeds)
 * and a comment it answers in `<link rel='related' href='…/comments/default/N'>`.
 */
const BLOGGER_2018 = 'http://schemas.google.com/blogger/2018';
const KIND_SCHEME = 'http://schemas.google.com/g/2005#kind';

/** Finds the export file of a source: the file itself, or a Blogger Takeout folder's `feed.atom`. */
export async function exportFile(source: string): Promise<string> {
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new ImportError(`${source} was not found: give the path of the export file or the Takeout folder`);
  if (!info.isDirectory()) return source;
  const found: string[] = [];
  for (const entry of await readdir(source, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'feed.atom') found.push(join(entry.parentPath, entry.name));
  }
  if (found.length === 0)
    throw new ImportError(
      `${source} holds no feed.atom: point the import at a Blogger Takeout folder (Takeout/Blogger/Blogs/<blog>/feed.atom) or an export file`,
    );
  if (found.length > 1)
    throw new ImportError(
      `${source} holds ${found.length} blogs: import one at a time, e.g. ${found.map((file) => relative(process.cwd(), file)).join(' or ')}`,
    );
  return found[0]!;
}

/** A first look at the file, so something that is not an export at all gets one clear line. */
export async function sniff(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    const head = buffer.subarray(0, bytesRead);
    if (bytesRead === 0) throw new ImportError(`${basename(file)} is empty: export the blog again`);
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    const text = utf16
      ? '<'
      : head
          .toString('latin1')
          .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
          .trimStart();
    if (/^<!doctype html|^<html/i.test(text))
      throw new ImportError(
        `${basename(file)} is a web page, not an export: in WordPress use Tools → Export, in Blogger use Settings → Back up content (or Google Takeout)`,
      );
    if (!text.startsWith('<'))
      throw new ImportError(
        `${basename(file)} is not a blog export (it is not XML): give a WordPress export (.xml), a Blogger feed.atom or an RSS/Atom feed`,
      );
  } finally {
    await handle.close();
  }
}

/** Which format a record's document is, from its root element and namespaces. */
export function formatOf(record: XmlRecord): SourceFormat | undefined {
  const { name, attrs } = record.root;
  const namespaces = Object.entries(attrs)
    .filter(([key]) => key.startsWith('xmlns'))
    .map(([, value]) => value);
  if (name === 'rss') return namespaces.some((ns) => /wordpress\.org\/export\//.test(ns)) ? 'wordpress' : 'rss';
  if (name === 'feed' || name.endsWith(':feed')) {
    if (namespaces.includes(BLOGGER_2018)) return 'blogger-takeout';
    return 'atom';
  }
  return undefined;
}

/** Reads an export as a stream of events; the format is detected from the document element. */
export async function* readExport(file: string): AsyncGenerator<SourceEvent & { format: SourceFormat }> {
  let format: SourceFormat | undefined;
  let siteSent = false;
  const siteNodes: XmlNode[] = [];
  for await (const record of xmlRecords(file, basename(file))) {
    format ??= formatOf(record);
    if (!format)
      throw new ImportError(
        `${basename(file)} is XML but not a blog export (it starts with <${record.root.name}>): give a WordPress export, a Blogger feed.atom or an RSS/Atom feed`,
      );
    const { node } = record;
    const isEntry = node.name === 'item' || node.name === 'entry';
    if (!isEntry) {
      siteNodes.push(node);
      if (format === 'wordpress' && node.name === 'wp:author') {
        const login = textOf(node, 'wp:author_login') ?? '';
        const name =
          decodeEntities(textOf(node, 'wp:author_display_name') ?? '') ||
          [textOf(node, 'wp:author_first_name'), textOf(node, 'wp:author_last_name')].filter(Boolean).join(' ') ||
          login;
        const email = textOf(node, 'wp:author_email');
        yield { format, type: 'author', author: { key: login || name, name, ...(email ? { email } : {}) } };
      }
      continue;
    }
    if (!siteSent) {
      siteSent = true;
      yield { format, type: 'site', site: siteFrom(siteNodes, record) };
    }
    if (format === 'wordpress') yield { format, type: 'item', item: wordpressItem(node) };
    else if (format === 'rss') yield { format, type: 'item', item: rssItem(node) };
    else {
      const kind = bloggerKind(node, format);
      if (kind === 'comment') {
        const postKey = bloggerParent(node);
        if (postKey)
          yield {
            format: format === 'atom' ? 'blogger-classic' : format,
            type: 'comment',
            postKey,
            comment: bloggerComment(node),
          };
      } else if (kind === 'post' || kind === 'page') {
        yield { format: format === 'atom' ? 'blogger-classic' : format, type: 'item', item: bloggerItem(node, kind) };
      } else if (kind === 'entry') yield { format, type: 'item', item: atomItem(node) };
    }
  }
  if (!format) throw new ImportError(`${basename(file)} holds no posts: export the blog again, with its posts`);
  if (!siteSent) yield { format, type: 'site', site: siteFrom(siteNodes) };
}

function siteFrom(nodes: XmlNode[], first?: XmlRecord): { title?: string; url?: string; lang?: string } {
  const find = (name: string) => nodes.find((n) => n.name === name);
  const title = find('title')?.text.trim();
  const link =
    find('wp:base_blog_url')?.text.trim() ||
    nodes.find((n) => n.name === 'link' && n.attrs.rel === 'alternate')?.attrs.href ||
    nodes.find((n) => n.name === 'link' && !n.attrs.rel && n.attrs.href)?.attrs.href ||
    nodes.find((n) => n.name === 'link' && !n.attrs.href)?.text.trim();
  const lang = find('language')?.text.trim() || first?.root.attrs['xml:lang'];
  return {
    ...(title ? { title: decodeEntities(title) } : {}),
    ...(link ? { url: link } : {}),
    ...(lang ? { lang: lang.toLowerCase() } : {}),
  };
}

/** `2013-06-01 10:00:00` in UTC (WordPress's `_gmt` fields), or an RFC 822 / ISO date. */
export function parseDate(value: string | undefined, utc = false): Date | undefined {
  if (!value || value.startsWith('0000-00-00')) return undefined;
  const iso = /^\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?$/.test(value) ? `${value.replace(' ', 'T')}${utc ? 'Z' : ''}` : value;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function status(value: string | undefined): SourceItem['status'] {
  switch (value) {
    case 'publish':
    case 'draft':
    case 'pending':
    case 'private':
    case 'future':
    case 'trash':
      return value;
    case 'auto-draft':
      return 'draft';
    default:
      return 'other';
  }
}

function wordpressItem(node: XmlNode): SourceItem {
  const meta = new Map(
    children(node, 'wp:postmeta').map((m) => [textOf(m, 'wp:meta_key') ?? '', textOf(m, 'wp:meta_value') ?? '']),
  );
  const id = textOf(node, 'wp:post_id') ?? textOf(node, 'guid') ?? textOf(node, 'link') ?? '';
  const terms = children(node, 'category').flatMap((c): SourceTerm[] => {
    const name = decodeEntities(c.text.trim());
    if (!name) return [];
    if (c.attrs.domain === 'category') return [{ kind: 'category', name }];
    if (c.attrs.domain === 'post_tag') return [{ kind: 'tag', name }];
    return [];
  });
  const type = textOf(node, 'wp:post_type') ?? 'post';
  const url = textOf(node, 'link');
  const comments = children(node, 'wp:comment').map((c): SourceComment => {
    const approved = textOf(c, 'wp:comment_approved') ?? '0';
    const kind = textOf(c, 'wp:comment_type');
    const type: CommentType = kind === 'pingback' || kind === 'trackback' ? kind : 'comment';
    const parent = textOf(c, 'wp:comment_parent');
    const url = textOf(c, 'wp:comment_author_url');
    const date = parseDate(textOf(c, 'wp:comment_date_gmt'), true) ?? parseDate(textOf(c, 'wp:comment_date'));
    return {
      id: textOf(c, 'wp:comment_id') ?? '',
      ...(parent && parent !== '0' ? { parent } : {}),
      name: decodeEntities(textOf(c, 'wp:comment_author') ?? '') || 'Anonymous',
      ...(url && type !== 'comment' ? { url } : {}),
      ...(date ? { date } : {}),
      html: child(c, 'wp:comment_content')?.text ?? '',
      type,
      ...(approved === '1' || approved === 'approve'
        ? {}
        : { dropped: approved === 'spam' ? 'spam' : approved === 'trash' ? 'trash' : 'unapproved' }),
    };
  });
  const date =
    parseDate(textOf(node, 'wp:post_date_gmt'), true) ??
    parseDate(textOf(node, 'wp:post_date')) ??
    parseDate(textOf(node, 'pubDate'));
  const modified = parseDate(textOf(node, 'wp:post_modified_gmt'), true) ?? parseDate(textOf(node, 'wp:post_modified'));
  const slug = textOf(node, 'wp:post_name');
  const author = textOf(node, 'dc:creator');
  const excerpt = textOf(node, 'excerpt:encoded');
  const thumbnailId = meta.get('_thumbnail_id');
  const attachmentUrl = textOf(node, 'wp:attachment_url');
  const attachmentAlt = meta.get('_wp_attachment_image_alt');
  const attachmentCaption = textOf(node, 'excerpt:encoded');
  const parentKey = textOf(node, 'wp:post_parent');
  const guid = textOf(node, 'guid');
  const footnotes = blockFootnotes(meta.get('footnotes'));
  return {
    key: id,
    type,
    // A password-protected post was never public: it comes in as a draft, like a private one.
    status: textOf(node, 'wp:post_password') ? 'private' : status(textOf(node, 'wp:status')),
    title: decodeEntities(textOf(node, 'title') ?? ''),
    ...(url ? { url } : {}),
    ...(guid ? { guid } : {}),
    aliases: /^\d+$/.test(id) ? [`/?p=${id}`] : [],
    ...(date ? { date } : {}),
    ...(modified ? { modified } : {}),
    html: child(node, 'content:encoded')?.text ?? '',
    ...(excerpt ? { excerpt } : {}),
    ...(slug ? { slug: safeDecode(slug) } : {}),
    ...(author ? { author } : {}),
    terms,
    ...(thumbnailId ? { thumbnailId } : {}),
    ...(attachmentUrl ? { attachmentUrl } : {}),
    ...(attachmentAlt ? { attachmentAlt } : {}),
    ...(type === 'attachment' && attachmentCaption ? { attachmentCaption } : {}),
    ...(parentKey && parentKey !== '0' ? { parentKey } : {}),
    ...(footnotes ? { footnotes } : {}),
    comments,
  };
}

/** The block editor's footnotes meta: `[{"id": "…", "content": "…"}]`. */
function blockFootnotes(json: string | undefined): Record<string, string> | undefined {
  if (!json) return undefined;
  try {
    const list = JSON.parse(json) as { id?: unknown; content?: unknown }[];
    const entries = list.flatMap((note) =>
      typeof note.id === 'string' && typeof note.content === 'string' ? [[note.id, note.content] as const] : [],
    );
    return entries.length ? Object.fromEntries(entries) : undefined;
  } catch {
    return undefined;
  }
}

const safeDecode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

function rssItem(node: XmlNode): SourceItem {
  const link = textOf(node, 'link');
  const guid = textOf(node, 'guid');
  const date = parseDate(textOf(node, 'pubDate') ?? textOf(node, 'dc:date'));
  const author = textOf(node, 'dc:creator') ?? textOf(node, 'author')?.replace(/^\S+@\S+\s*\((.*)\)$/, '$1');
  const html = child(node, 'content:encoded')?.text ?? child(node, 'description')?.text ?? '';
  const description = child(node, 'content:encoded') ? textOf(node, 'description') : undefined;
  return {
    key: guid ?? link ?? textOf(node, 'title') ?? '',
    type: 'post',
    status: 'publish',
    title: decodeEntities(textOf(node, 'title') ?? ''),
    ...(link ? { url: link } : {}),
    ...(guid ? { guid } : {}),
    aliases: [],
    ...(date ? { date } : {}),
    html,
    ...(description ? { excerpt: description } : {}),
    ...(author ? { author: decodeEntities(author) } : {}),
    terms: children(node, 'category').map((c) => ({ kind: 'category' as const, name: decodeEntities(c.text.trim()) })),
    comments: [],
  };
}

/** Atom `content`/`summary` as HTML, whatever its `type`. */
function atomHtml(node: XmlNode | undefined): string {
  if (!node) return '';
  if (node.attrs.type === 'xhtml') {
    const div = node.children.find((c) => c.name === 'div' || c.name.endsWith(':div'));
    return div ? innerXml(div) : innerXml(node);
  }
  if (node.attrs.type === 'html' || node.attrs.type === 'text/html') return node.text;
  return node.text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\n\s*\n/g, '<br><br>');
}

function atomLink(node: XmlNode): string | undefined {
  const links = children(node, 'link');
  return (
    links.find((l) => l.attrs.rel === 'alternate' && (!l.attrs.type || l.attrs.type === 'text/html')) ??
    links.find((l) => !l.attrs.rel)
  )?.attrs.href;
}

function atomAuthor(node: XmlNode): string | undefined {
  const author = child(node, 'author');
  const name = author ? textOf(author, 'name') : undefined;
  return name ? decodeEntities(name) : undefined;
}

function atomItem(node: XmlNode): SourceItem {
  const url = atomLink(node);
  const guid = textOf(node, 'id');
  const date = parseDate(textOf(node, 'published') ?? textOf(node, 'updated'));
  const modified = parseDate(textOf(node, 'updated'));
  const author = atomAuthor(node);
  const summary = child(node, 'content') ? atomHtml(child(node, 'summary')) : '';
  return {
    key: guid ?? url ?? '',
    type: 'post',
    status: 'publish',
    title: decodeEntities(atomHtmlTitle(child(node, 'title'))),
    ...(url ? { url } : {}),
    ...(guid ? { guid } : {}),
    aliases: [],
    ...(date ? { date } : {}),
    ...(modified ? { modified } : {}),
    html: atomHtml(child(node, 'content') ?? child(node, 'summary')),
    ...(summary ? { excerpt: summary } : {}),
    ...(author ? { author } : {}),
    terms: children(node, 'category').flatMap((c) =>
      c.attrs.term ? [{ kind: 'category' as const, name: decodeEntities(c.attrs.label ?? c.attrs.term) }] : [],
    ),
    ...(node.attrs['xml:lang'] ? { lang: node.attrs['xml:lang'].toLowerCase() } : {}),
    comments: [],
  };
}

function atomHtmlTitle(node: XmlNode | undefined): string {
  if (!node) return '';
  return node.attrs.type === 'xhtml' ? innerXml(node).replace(/<[^>]+>/g, '') : node.text.trim();
}

/** Blogger entries say what they are: a post, a page, a comment, or (classic exports) settings and templates. */
function bloggerKind(node: XmlNode, format: SourceFormat): 'post' | 'page' | 'comment' | 'entry' | 'other' {
  if (format === 'blogger-takeout') {
    const type = textOf(node, 'blogger:type')?.toUpperCase();
    return type === 'POST' ? 'post' : type === 'PAGE' ? 'page' : type === 'COMMENT' ? 'comment' : 'other';
  }
  const kind = children(node, 'category').find((c) => c.attrs.scheme === KIND_SCHEME)?.attrs.term;
  if (!kind) return 'entry';
  if (kind.endsWith('kind#post')) return 'post';
  if (kind.endsWith('kind#page')) return 'page';
  if (kind.endsWith('kind#comment')) return 'comment';
  return 'other';
}

function bloggerParent(node: XmlNode): string | undefined {
  return textOf(node, 'blogger:parent') ?? child(node, 'thr:in-reply-to')?.attrs.ref ?? undefined;
}

/** Takeout's `<blogger:trashed>` holds when the entry was put in the bin; it is empty for everything else. */
const trashed = (node: XmlNode) => textOf(node, 'blogger:trashed') !== undefined;

function commentDropped(node: XmlNode): SourceComment['dropped'] {
  const status = (textOf(node, 'blogger:status') ?? 'LIVE').toUpperCase();
  if (/SPAM/.test(status)) return 'spam';
  if (trashed(node) || /TRASH|DELETED|EMPTIED/.test(status)) return 'trash';
  return status === 'LIVE' ? undefined : 'unapproved';
}

function bloggerComment(node: XmlNode): SourceComment {
  const dropped = commentDropped(node);
  const date = parseDate(textOf(node, 'published') ?? textOf(node, 'blogger:created'));
  const replyTo =
    textOf(node, 'blogger:inReplyTo') ?? children(node, 'link').find((l) => l.attrs.rel === 'related')?.attrs.href;
  const id = textOf(node, 'id') ?? '';
  return {
    id,
    ...(replyTo ? { parent: replyTo.replace(/^.*\//, '') === replyTo ? replyTo : replyToId(id, replyTo) } : {}),
    name: atomAuthor(node) ?? 'Anonymous',
    ...(date ? { date } : {}),
    html: atomHtml(child(node, 'content')),
    type: 'comment',
    ...(dropped ? { dropped } : {}),
  };
}

/** Classic exports link a reply to its parent comment's feed URL; comments' ids end in the same number. */
function replyToId(id: string, href: string): string {
  const number = /(\d+)$/.exec(href)?.[1];
  return number ? id.replace(/\d+$/, number) : href;
}

function bloggerStatus(node: XmlNode): SourceItem['status'] {
  const status = textOf(node, 'blogger:status')?.toUpperCase();
  if (trashed(node)) return 'trash';
  if (status === undefined) {
    const control = child(node, 'app:control');
    return control && textOf(control, 'app:draft') === 'yes' ? 'draft' : 'publish';
  }
  if (status === 'LIVE') return 'publish';
  if (status === 'DRAFT') return 'draft';
  if (status === 'SCHEDULED') return 'future';
  return /TRASH|DELETED/.test(status) ? 'trash' : 'other';
}

function bloggerItem(node: XmlNode, kind: 'post' | 'page'): SourceItem {
  const base = atomItem(node);
  const metaDescription = textOf(node, 'blogger:metaDescription');
  const filename = textOf(node, 'blogger:filename');
  const terms = children(node, 'category')
    .filter((c) => c.attrs.scheme !== KIND_SCHEME && c.attrs.term)
    .map((c) => ({ kind: 'tag' as const, name: decodeEntities(c.attrs.term!) }));
  const url = base.url ?? filename;
  const slug = url ? /\/([^/]+?)(?:\.html?)?$/.exec(new URL(url, 'https://blog.invalid').pathname)?.[1] : undefined;
  return {
    ...base,
    type: kind,
    status: bloggerStatus(node),
    ...(metaDescription && !base.excerpt ? { excerpt: metaDescription } : {}),
    ...(url ? { url } : {}),
    ...(slug ? { slug } : {}),
    terms,
  };
}
