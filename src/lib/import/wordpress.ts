import { parse as parseBlocks } from '@wordpress/block-serialization-default-parser';

/** An image of a `[gallery]` or a featured image: WordPress attachments by id. */
export interface Attachment {
  url: string;
  alt?: string;
  caption?: string;
  parentKey?: string;
}

export interface ShortcodeContext {
  /** Attachments of the export, by id (for `[gallery ids="…"]` and featured images). */
  attachments: ReadonlyMap<string, Attachment>;
  /** The post's own key, for a `[gallery]` without ids (the post's attached images). */
  postKey: string;
  /** Attachment ids attached to each post. */
  attachedTo: ReadonlyMap<string, string[]>;
}

/** What became of the shortcodes of one post, for the report. */
export interface ShortcodeTally {
  converted: Map<string, number>;
  left: Map<string, number>;
}

export const newTally = (): ShortcodeTally => ({ converted: new Map(), left: new Map() });
const count = (map: Map<string, number>, name: string) => map.set(name, (map.get(name) ?? 0) + 1);

const escapeAttr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Attributes of a shortcode: `ids="1,2" size=large align='left'`. */
export function shortcodeAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g)) {
    attrs[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attrs;
}

const VIDEO_HOSTS =
  /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com|youtu\.be|vimeo\.com|player\.vimeo\.com|dailymotion\.com|ted\.com|videopress\.com|wordpress\.tv)\//i;

/** A link standing for an embedded video or other media (the site plays nothing from other sites). */
export function embedLink(url: string, label?: string): string {
  const clean = url.trim();
  const text = label ?? (VIDEO_HOSTS.test(clean) ? `Watch the video: ${clean}` : clean);
  return `<p><a href="${escapeAttr(clean)}">${escapeAttr(text)}</a></p>`;
}

/** True for a URL that WordPress would have turned into an embedded player on a line of its own. */
export const isEmbeddable = (url: string) =>
  VIDEO_HOSTS.test(url) ||
  /^https?:\/\/(?:www\.)?(?:twitter\.com|x\.com|soundcloud\.com|flickr\.com|slideshare\.net|instagram\.com)\//i.test(
    url,
  );

const KNOWN = new Set([
  'caption',
  'wp_caption',
  'gallery',
  'embed',
  'youtube',
  'video',
  'audio',
  'vimeo',
  'code',
  'sourcecode',
]);

function imageTag(src: string, alt = '', caption?: string): string {
  const img = `<img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}">`;
  return caption ? `<figure>${img}<figcaption>${caption}</figcaption></figure>` : `<figure>${img}</figure>`;
}

function convertShortcode(
  name: string,
  attrText: string,
  content: string | undefined,
  context: ShortcodeContext,
): string | undefined {
  const attrs = shortcodeAttrs(attrText);
  switch (name) {
    case 'caption':
    case 'wp_caption': {
      const inner = content ?? '';
      const image = /<img\b[^>]*>/i.exec(inner)?.[0];
      if (!image) return undefined;
      const link = /<a\b[^>]*href=["']([^"']+)["'][^>]*>\s*<img/i.exec(inner)?.[1];
      const caption = (attrs.caption ?? inner.replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i, '')).trim();
      const src = /\bsrc=["']([^"']+)["']/i.exec(image)?.[1] ?? '';
      const alt = /\balt=["']([^"']*)["']/i.exec(image)?.[1] ?? '';
      const full = link && /\.(jpe?g|png|gif|webp)(\?|$)/i.test(link) ? link : src;
      return imageTag(full, alt, caption || undefined);
    }
    case 'gallery': {
      const ids = attrs.ids
        ? attrs.ids.split(',').map((id) => id.trim())
        : attrs.include
          ? attrs.include.split(',').map((id) => id.trim())
          : (context.attachedTo.get(context.postKey) ?? []);
      const images = ids.flatMap((id) => {
        const attachment = context.attachments.get(id);
        return attachment ? [imageTag(attachment.url, attachment.alt ?? '', attachment.caption)] : [];
      });
      return images.length ? images.join('\n') : undefined;
    }
    case 'embed':
    case 'youtube':
    case 'vimeo':
    case 'video':
    case 'audio': {
      const url = (
        content?.trim() ||
        attrs.src ||
        attrs.url ||
        attrs.mp4 ||
        attrs.mp3 ||
        attrText.trim().split(/\s+/)[0] ||
        ''
      ).replace(/&amp;/g, '&');
      if (!/^https?:\/\//.test(url)) {
        if (name === 'youtube' && /^[\w-]{11}$/.test(url)) return embedLink(`https://www.youtube.com/watch?v=${url}`);
        return undefined;
      }
      return embedLink(url, name === 'audio' ? `Listen: ${url}` : undefined);
    }
    case 'code':
    case 'sourcecode': {
      if (content === undefined) return undefined;
      const language = attrs.language ?? attrs.lang ?? '';
      return `<pre><code${language ? ` class="language-${escapeAttr(language)}"` : ''}>${content.replace(/</g, '&lt;')}</code></pre>`;
    }
  }
  return undefined;
}

/**
 * Turns WordPress shortcodes into HTML: `[caption]` an image with its caption, `[gallery]` its images,
 * `[embed]`, `[youtube]`, `[video]` and `[audio]` a link. Unknown shortcodes stay as visible text and are counted.
 */
export function expandShortcodes(html: string, context: ShortcodeContext, tally: ShortcodeTally): string {
  // `[[name]]` is WordPress's way of writing a shortcode literally.
  const literal: string[] = [];
  let text = html.replace(/\[\[([^\]]+)\]\]/g, (_, inner: string) => {
    literal.push(`[${inner}]`);
    return `\u0000${literal.length - 1}\u0000`;
  });
  const pattern = /\[([a-zA-Z][\w-]*)(\s[^\]]*?)?(\/)?\](?:([\s\S]*?)\[\/\1\])?/g;
  text = text.replace(pattern, (whole, rawName: string, attrText = '', selfClosing, content: string | undefined) => {
    const name = rawName.toLowerCase();
    const looksLikeShortcode = KNOWN.has(name) || content !== undefined || /=/.test(attrText) || selfClosing;
    if (!looksLikeShortcode) return whole;
    const converted = convertShortcode(name, attrText, content, context);
    if (converted === undefined) {
      count(tally.left, name);
      return whole;
    }
    count(tally.converted, name);
    return converted;
  });
  return text.replace(/\u0000(\d+)\u0000/g, (_, index: string) => literal[Number(index)]!);
}

const BLOCK_TAGS =
  'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|script|object|video|audio';
const STARTS_BLOCK = new RegExp(
  `^\\s*(?:<\\/?(?:${BLOCK_TAGS})\\b|<!--|\\[(?:caption|gallery|embed|video|audio)\\b)`,
  'i',
);

/**
 * WordPress's `wpautop`, as far as imports need it: the classic editor stores paragraphs as blank lines and
 * line breaks as newlines, which a browser (and so a converter) would run together.
 */
export function autop(html: string): string {
  if (!html.trim()) return '';
  const kept: string[] = [];
  // Preformatted text keeps its blank lines, and stands as a block of its own.
  const protect = (match: string) => {
    kept.push(match);
    return `\n\n\u0001${kept.length - 1}\u0001\n\n`;
  };
  let text = html.replace(/\r\n?/g, '\n').replace(/<(pre|script|style|textarea)\b[\s\S]*?<\/\1>/gi, protect);
  text = text.replace(/\[(code|sourcecode)\b[\s\S]*?\[\/\1\]/gi, protect);
  // As wpautop does: block-level tags, comments and block shortcodes stand apart from the text around them.
  text = text
    .replace(new RegExp(`(<(?:${BLOCK_TAGS})[\\s/>])`, 'gi'), '\n\n$1')
    .replace(new RegExp(`(</(?:${BLOCK_TAGS})>)`, 'gi'), '$1\n\n')
    .replace(/(<!--[\s\S]*?-->)/g, '\n\n$1\n\n')
    .replace(/(\[(?:caption|wp_caption|gallery|embed|video|audio)\b)/gi, '\n\n$1')
    .replace(/(\[\/(?:caption|wp_caption|embed|video|audio)\]|\[gallery[^\]]*\])/gi, '$1\n\n');
  const blocks = text.split(/\n\s*\n/);
  const out = blocks
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      if (/^\u0001\d+\u0001$/.test(block) || STARTS_BLOCK.test(block)) return block;
      const lines = block
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      // A URL alone on a line is an embed in WordPress.
      const out: string[] = [];
      let run: string[] = [];
      const flush = () => {
        if (run.length) out.push(`<p>${run.join('<br>\n')}</p>`);
        run = [];
      };
      for (const line of lines) {
        if (/^https?:\/\/\S+$/.test(line) && isEmbeddable(line)) {
          flush();
          out.push(embedLink(line));
        } else run.push(line);
      }
      flush();
      return out.join('\n');
    })
    .join('\n');
  return out.replace(/\u0001(\d+)\u0001/g, (_, index: string) => kept[Number(index)]!);
}

interface Block {
  blockName: string | null;
  attrs: Record<string, unknown> | null;
  innerBlocks: Block[];
  innerHTML: string;
  innerContent: (string | null)[];
}

/** True when the post was written in the block editor. */
export const hasBlocks = (html: string) => /<!--\s+wp:[a-z]/.test(html);

/**
 * Reads block-editor content with WordPress's own parser and gives plain HTML back: block comments
 * gone, `<!--more-->` kept, embeds as `[embed]` shortcodes, classic blocks through `autop`.
 */
export function flattenBlocks(html: string): string {
  const render = (block: Block): string => {
    const name = block.blockName;
    if (name === null) return autop(block.innerHTML);
    if (name === 'core/more' || name === 'core/nextpage') return name === 'core/more' ? '\n<!--more-->\n' : '';
    if (name === 'core/embed' || name.startsWith('core-embed/')) {
      const url =
        typeof block.attrs?.url === 'string' ? block.attrs.url : /https?:\/\/[^\s<"]+/.exec(block.innerHTML)?.[0];
      const caption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(block.innerHTML)?.[1];
      return url ? `\n[embed]${url}[/embed]\n${caption ? `<p>${caption}</p>` : ''}\n` : '';
    }
    if (name === 'core/shortcode' || name === 'core/freeform') return autop(block.innerHTML);
    if (name === 'core/footnotes') return '';
    let inner = 0;
    return block.innerContent.map((part) => (part === null ? render(block.innerBlocks[inner++]!) : part)).join('');
  };
  return (parseBlocks(html) as Block[]).map(render).join('\n');
}

/** A post's HTML as WordPress would have shown it, shortcodes expanded. */
export function wordpressHtml(html: string, context: ShortcodeContext, tally: ShortcodeTally): string {
  const flat = hasBlocks(html) ? flattenBlocks(html) : autop(html);
  return expandShortcodes(flat, context, tally);
}
