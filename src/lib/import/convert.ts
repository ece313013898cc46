import type { Root as MdastRoot } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { bodyToMarkdown, bodyToTree, type ParsedBody } from './html-to-markdown.ts';
import { guessKind, type KindGuess } from './match.ts';

/** What the import needs of a parsed body (its pictures already saved): its tree only. */
export type BodyToConvert = Pick<ParsedBody, 'tree' | 'footnotes'>;

export interface Converted extends KindGuess {
  markdown: string;
  /** The opening paragraphs as text, for a description when the export gives none. */
  opening: string;
}

/** Markdown from a parsed body, with what the front matter needs from it. The most expensive step of a post. */
export function convertBody(body: BodyToConvert, title: string): Converted {
  const tree = bodyToTree({ ...body, images: [], links: { rewritten: 0, unresolved: [] }, embeds: 0 });
  let markdown = bodyToMarkdown(tree);
  if (!markdown.trim()) markdown = '_This post had no text on the original blog._\n';
  return { markdown, ...guessKind(title, markdown, tree), opening: openingText(tree) };
}

/** The post's opening paragraphs as text, up to its first list or heading once there is a sentence or two. */
function openingText(tree: MdastRoot): string {
  const parts: string[] = [];
  let length = 0;
  for (const node of tree.children) {
    if (node.type !== 'paragraph') {
      if (length >= 50) break;
      continue;
    }
    const text = mdastText(node).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    parts.push(text);
    length += text.length;
    if (length >= 280) break;
  }
  return parts.join(' ');
}

export interface Converter {
  convert(body: BodyToConvert, title: string): Promise<Converted>;
  close(): Promise<void>;
  /** Whether a worker stopped and the main thread took over. */
  readonly fellBack: boolean;
}

/** How many worker threads a long import converts on: the cores beside the one reading and writing. */
export function converterThreads(posts: number): number {
  return posts >= 200 ? Math.min(3, availableParallelism() - 1) : 0;
}

/**
 * Converts bodies on `threads` worker threads, so a long import uses more than one core: the main thread
 * reads the export, saves pictures and writes files while the workers turn trees into Markdown. With no
 * threads it converts in place. Results come back in any order; the import finishes posts in its own.
 */
export function createConverter(threads: number, limits: ResourceLimits = WORKER_LIMITS): Converter {
  const inPlace = async (body: BodyToConvert, title: string) => convertBody(body, title);
  if (threads <= 0) return { convert: inPlace, close: async () => {}, fellBack: false };
  type Waiting = {
    body: BodyToConvert;
    title: string;
    resolve: (result: Converted) => void;
    reject: (error: Error) => void;
  };
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let broken = false;
  let closing = false;
  // A worker that stops (out of its memory on a huge post, say) leaves its posts, and the rest, to the
  // main thread: the import is slower, never wrong.
  const fallBack = () => {
    broken = true;
    for (const { body, title, resolve, reject } of waiting.values()) inPlace(body, title).then(resolve, reject);
    waiting.clear();
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./convert-worker.ts', import.meta.url), { resourceLimits: limits });
    worker.on('message', (result: ConvertResult) => {
      const pending = waiting.get(result.id);
      waiting.delete(result.id);
      if (result.ok) pending?.resolve(result.converted);
      else pending?.reject(new Error(result.error));
    });
    worker.on('error', fallBack);
    worker.on('exit', () => {
      if (!closing) fallBack();
    });
    return worker;
  });
  return {
    convert(body, title) {
      if (broken) return inPlace(body, title);
      const id = nextId++;
      return new Promise<Converted>((resolve, reject) => {
        waiting.set(id, { body, title, resolve, reject });
        workers[id % workers.length]!.postMessage({ id, body, title } satisfies ConvertTask);
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
    get fellBack() {
      return broken;
    },
  };
}

/**
 * A worker's heap, kept small: left to itself V8 grew each thread's heap until a 10,000-post import
 * peaked at 570 MB. A post too big for it is converted on the main thread instead.
 */
const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

export interface ConvertTask {
  id: number;
  body: BodyToConvert;
  title: string;
}

export type ConvertResult = { id: number; ok: true; converted: Converted } | { id: number; ok: false; error: string };
