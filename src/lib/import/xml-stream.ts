import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

/** An element of an export, captured whole: name as written (`wp:post_id`), attributes, children and text. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The element's own text and CDATA, in order (mixed content is kept in `children` too). */
  text: string;
}

/** One record of a feed or export: a child of RSS's `<channel>` or Atom's `<feed>`. */
export interface XmlRecord {
  /** The document element's name and attributes (namespaces tell formats apart). */
  root: { name: string; attrs: Record<string, string> };
  node: XmlNode;
}

/** A problem with the file itself: one line for the writer, and nothing is written. */
export class ImportError extends Error {}

const CHUNK = 1 << 16;

/**
 * A copy of a short string that owns its characters. The parser hands out slices of each 64 KB chunk it
 * reads; a title or address kept for the whole import would otherwise keep its whole chunk alive.
 */
const own = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

/** The decoder for a file from its first bytes: BOM, then the XML declaration's encoding, else UTF-8. */
export function decoderFor(head: Uint8Array): { decoder: TextDecoder; skip: number; encoding: string } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { decoder: new TextDecoder('utf-8', { fatal: true }), skip: 3, encoding: 'utf-8' };
  if (head[0] === 0xff && head[1] === 0xfe)
    return { decoder: new TextDecoder('utf-16le', { fatal: true }), skip: 2, encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff)
    return { decoder: new TextDecoder('utf-16be', { fatal: true }), skip: 2, encoding: 'utf-16be' };
  const declared = /^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(
    new TextDecoder('latin1').decode(head.subarray(0, 200)),
  );
  const label = declared?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return { decoder: new TextDecoder(label, { fatal: true }), skip: 0, encoding: label };
  } catch {
    throw new ImportError(
      `the file says it is in the "${declared?.[1]}" encoding, which cannot be read: export it again as UTF-8`,
    );
  }
}

/**
 * Reads an XML export as a stream and yields each record (a child of `<channel>` for RSS and WordPress,
 * of `<feed>` for Atom and Blogger) as soon as it closes, so a large export is never held whole.
 * A truncated file, bytes that are not in the file's encoding, or XML that is not well formed throw an ImportError.
 */
export async function* xmlRecords(file: string, label = file): AsyncGenerator<XmlRecord> {
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  let root: XmlRecord['root'] | undefined;
  let containerDepth = -1;
  let failure: Error | undefined;
  const ready: XmlRecord[] = [];

  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes))
      attrs[key] = own(typeof value === 'string' ? value : value.value);
    const node: XmlNode = { name: tag.name, attrs, children: [], text: '' };
    if (!root) {
      root = { name: tag.name, attrs };
      // RSS 2.0 puts items inside <channel>; Atom and RSS 1.0 put entries straight under the root.
      containerDepth = tag.name === 'rss' ? 1 : 0;
    }
    const parent = stack.at(-1);
    if (parent && stack.length > containerDepth + 1) {
      if (parent.children.length === 0 && parent.text)
        parent.children.push({ name: '#text', attrs: {}, children: [], text: parent.text });
      parent.children.push(node);
    }
    stack.push(node);
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    if (node && node.text.length <= 2048) node.text = own(node.text);
    if (node && root && stack.length === containerDepth + 1) ready.push({ root, node });
  });
  const onText = (text: string) => {
    const node = stack.at(-1);
    if (node && stack.length > containerDepth + 1) {
      node.text += text;
      if (node.children.length) node.children.push({ name: '#text', attrs: {}, children: [], text });
    }
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  const stream = createReadStream(file, { highWaterMark: CHUNK });
  let decoding: ReturnType<typeof decoderFor> | undefined;
  let offset = 0;
  const decode = (bytes: Uint8Array, last: boolean): string => {
    try {
      return decoding!.decoder.decode(bytes, { stream: !last });
    } catch {
      throw new ImportError(
        `${label} is not in the ${decoding!.encoding.toUpperCase()} encoding its export says (near byte ${offset.toLocaleString('en-GB')}): export it again, or open it in a text editor and save it as UTF-8`,
      );
    }
  };
  const lineAt = () => `line ${parser.line}`;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let bytes: Uint8Array = chunk;
    if (!decoding) {
      decoding = decoderFor(bytes);
      bytes = bytes.subarray(decoding.skip);
    }
    parser.write(decode(bytes, false));
    offset += chunk.length;
    if (failure) throw wellFormed(label, failure, lineAt());
    yield* ready.splice(0);
  }
  if (!decoding) throw new ImportError(`${label} is empty: export the blog again`);
  parser.write(decode(new Uint8Array(), true));
  try {
    parser.close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure || stack.length > 0) {
    const open = stack.at(-1)?.name;
    throw new ImportError(
      failure && !/unclosed|closed|end/i.test(failure.message)
        ? wellFormed(label, failure, lineAt()).message
        : `${label} is cut short: it ends${open ? ` inside <${open}>` : ''} before the export is complete. Download the export again (it may not have finished) and run the import again; nothing was written`,
    );
  }
  yield* ready.splice(0);
}

function wellFormed(label: string, error: Error, where: string): ImportError {
  if (/unclosed|end of|premature/i.test(error.message))
    return new ImportError(
      `${label} is cut short (${where}): download the export again and run the import again; nothing was written`,
    );
  const reason = error.message.replace(/^[^:]*:\d+:\d+: /, '');
  return new ImportError(
    `${label} is not a readable export (${where}: ${reason}): download it again; nothing was written`,
  );
}

/** The first child named `name`. */
export const child = (node: XmlNode, name: string) => node.children.find((c) => c.name === name);
/** Every child named `name`. */
export const children = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name);
/** The trimmed text of the first child named `name`, or undefined. */
export function textOf(node: XmlNode, name: string): string | undefined {
  const found = child(node, name);
  const text = found?.text.trim();
  return text ? text : undefined;
}

/** Serialises an element's children back to markup (Atom `type="xhtml"` content). */
export function innerXml(node: XmlNode): string {
  if (node.children.length === 0) return escapeText(node.text);
  return node.children
    .map((c) => {
      if (c.name === '#text') return escapeText(c.text);
      const name = c.name.replace(/^[a-z]+:/, '');
      const attrs = Object.entries(c.attrs)
        .filter(([key]) => !key.startsWith('xmlns'))
        .map(([key, value]) => ` ${key}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
        .join('');
      return `<${name}${attrs}>${innerXml(c)}</${name}>`;
    })
    .join('');
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
