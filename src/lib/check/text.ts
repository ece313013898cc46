/** Reading text the way real editors save it: with or without a BOM, with Windows line endings, sometimes not UTF-8. */

export type Decoded = { ok: true; text: string } | { ok: false; line?: number; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Decodes a file's bytes as UTF-8, dropping a BOM and turning CRLF (and lone CR) line endings into LF. */
export function decodeText(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'the file is saved as UTF-16: save it again as UTF-8' };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const rough = lenient.decode(bytes);
    const at = rough.indexOf('\uFFFD');
    const line = at === -1 ? undefined : rough.slice(0, at).split('\n').length;
    return {
      ok: false,
      ...(line ? { line } : {}),
      message: 'the file is not UTF-8 text (perhaps Windows-1252 or Latin-1): save it again as UTF-8',
    };
  }
  if (text.includes('\u0000')) return { ok: false, message: 'the file is binary, not text' };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

export interface FrontMatter {
  /** The YAML between the `---` lines. */
  yaml: string;
  /** The text after the closing `---`. */
  body: string;
  /** 1-based line of the first YAML line (2 when the file opens with `---`). */
  yamlLine: number;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** The whole file with the front matter lines blanked, so body positions are file positions. */
  blanked: string;
}

/** Splits a post into front matter and body; `undefined` with a message when the front matter is missing or unclosed. */
export function splitFrontMatter(text: string): FrontMatter | { message: string; line?: number } {
  const lines = text.split('\n');
  // Astro, like most front matter readers, allows blank lines before the opening "---".
  const open = lines.findIndex((line) => line.trim() !== '');
  if (open === -1 || lines[open]!.trimEnd() !== '---') {
    return {
      line: 1,
      message: 'the post has no front matter: start the file with a line "---", the fields, then another "---"',
    };
  }
  const close = lines.findIndex((line, index) => index > open && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1)
    return { line: 1, message: 'the front matter is not closed: add a line "---" after the last field' };
  return {
    yaml: lines.slice(open + 1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    yamlLine: open + 2,
    bodyLine: close + 2,
    blanked: lines.map((line, index) => (index <= close ? '' : line)).join('\n'),
  };
}

/** Lines (1-based, counted from `firstLine`) that indent with a tab, which YAML forbids. */
export function tabIndentedLines(yaml: string, firstLine = 1): number[] {
  return yaml
    .split('\n')
    .flatMap((line, index) => (/^ *\t/.test(line) && line.trim() !== '' ? [index + firstLine] : []));
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;

/** Problems with a line of text the reader sees (title, description, alt text). */
export function textProblems(
  value: string,
  field: string,
): { code: string; message: string; severity: 'error' | 'warning' }[] {
  const problems: { code: string; message: string; severity: 'error' | 'warning' }[] = [];
  const invisible = INVISIBLE.exec(value);
  if (invisible) {
    const before = value.slice(0, invisible.index).trim();
    problems.push({
      code: 'invisible-character',
      severity: 'error',
      message: `has an invisible character ${before ? `after "${before}"` : 'at the start'} (often pasted from a web page or Word): retype the ${field} or delete that character`,
    });
  }
  if (field === 'title' && !/[\p{L}\p{N}]/u.test(value)) {
    problems.push({
      code: 'title-without-words',
      severity: 'error',
      message: `"${value}" has no letters or digits: cards, feeds, search and the page address need words, so add some`,
    });
  }
  return problems;
}
