import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { tabIndentedLines } from './text.ts';

export interface YamlProblem {
  line?: number;
  column?: number;
  /** The field the problem is in, when known. */
  field?: string;
  message: string;
  code: string;
  severity?: 'error' | 'warning';
}

/** Whether YAML read as a mapping of fields (`title: …`), as front matter must be. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export type ParsedYaml = { ok: true; data: unknown; problems: YamlProblem[] } | { ok: false; problems: YamlProblem[] };

const TAB_MESSAGE = 'YAML does not allow tabs for indentation; use spaces';
const NBSP_MESSAGE =
  'the line is indented with non-breaking spaces (often pasted from Word or a web page): delete them and indent with ordinary spaces';

/** `key: value` on a source line, as written. */
const FIELD_LINE = /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:\s+(.*?)\s*$/;

/** The value in quotes YAML accepts: double quotes unless it holds one, then single quotes. */
export function quoted(value: string): string {
  return value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value.replace(/\\/g, '\\\\')}"`;
}

/** Marks a message about the line after the one the parser names. */
const OVER_INDENTED = '\u0000';

/** Makes the `yaml` package's messages read like advice; positions are reported separately. */
function friendly(message: string, code: string, source: string, next?: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const field = FIELD_LINE.exec(source);
  const [key, value] = field ? [field[1]!, field[2]!] : ['', ''];
  if (code === 'DUPLICATE_KEY') {
    return `the field ${key ? `"${key}" ` : ''}appears twice: keep one`;
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && field && !/:\s/.test(value) && next && FIELD_LINE.test(next)) {
    const nextKey = FIELD_LINE.exec(next)![1]!;
    return `${OVER_INDENTED}"${nextKey}" is indented more than "${key}" on the line above: line them up, with the same number of spaces before each`;
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && field) {
    return `"${key}" has a colon followed by a space in its value, which YAML reads as a new field: put the whole value in quotes, ${key}: ${quoted(value)}`;
  }
  if (code === 'UNEXPECTED_TOKEN' && field && /^["']/.test(value) && /Unexpected scalar/.test(first)) {
    return `"${key}" starts with a quote mark, so YAML ends the value at the next one: put the whole value in quotes, ${key}: ${quoted(value.startsWith("'") && !value.includes('"') ? value.replace(/^'|'$/g, '') : value)}`;
  }
  if (code === 'MISSING_CHAR' && /quote/.test(first)) return 'a quoted value has no closing quote mark';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR' || code === 'UNEXPECTED_TOKEN') {
    return `YAML syntax error: ${first}`;
  }
  return `YAML syntax error: ${first}${/:\s*$/.test(first) ? '' : ' (check quotes, colons and indentation)'}`;
}

/** Fields holding prose, where a value starting with `{` is text the writer meant, not a YAML group. */
const PROSE = new Set([
  'title',
  'description',
  'heroAlt',
  'seriesTitle',
  'name',
  'shortName',
  'tagline',
  'bio',
  'role',
]);

/**
 * Mistakes YAML either refuses with a parser's words or, worse, reads as something else (`title: &more` is an
 * empty title): a value starting with a character YAML reserves, a list item on the key's line, no space after
 * the colon, a list with no closing bracket. Block scalars (`description: >` and the lines under it) are skipped.
 */
function slips(text: string, firstLine: number): YamlProblem[] {
  const problems: YamlProblem[] = [];
  let block = -1;
  text.split('\n').forEach((line, index) => {
    const indent = line.search(/\S/);
    if (block >= 0 && (indent === -1 || indent > block)) return;
    block = -1;
    const at = { line: index + firstLine };
    const field = /^(\s*)(?:-\s+)?([A-Za-z][\w-]*)\s*:(\s*)(.*?)\s*$/.exec(line);
    if (!field) return;
    const [, lead = '', key = '', space = '', value = ''] = field;
    if (/^[|>][-+0-9]*(\s+#.*)?$/.test(value)) {
      block = lead.length;
      return;
    }
    if (value === '' || /^["']/.test(value)) return;
    // Only a field of its own: `- KS2:up` in a list is text to YAML, and fine.
    if (space === '' && lead === '' && !line.trimStart().startsWith('-') && !value.startsWith('//')) {
      problems.push({
        ...at,
        field: key,
        code: 'yaml-colon-space',
        message: `"${key}" needs a space after its colon: write ${key}: ${value}`,
      });
    } else if (space === '') {
      return;
    } else if (/^[&!*@`%]/.test(value) || (/^[{[]/.test(value) && PROSE.has(key))) {
      problems.push({
        ...at,
        field: key,
        code: 'yaml-special-start',
        message: `"${key}" starts with "${value[0]}", which YAML reads as a special sign: put the whole value in quotes, ${key}: ${quoted(value)}`,
      });
    } else if (/^-\s/.test(value)) {
      problems.push({
        ...at,
        field: key,
        code: 'yaml-list-on-key-line',
        message: `"${key}" has a list item on the same line: write the list in brackets, ${key}: [${value.replace(/^-\s+/, '')}]`,
      });
    } else if (value.startsWith('[') && !value.replace(/\s+#.*$/, '').endsWith(']')) {
      problems.push({
        ...at,
        field: key,
        code: 'yaml-unclosed-list',
        message: `the list of "${key}" has no closing "]": end it on this line, ${key}: ${value.replace(/\s+#.*$/, '').replace(/,\s*$/, '')}]`,
      });
    }
  });
  return problems;
}

const CONFLICT = /^(<{7}|={7}|>{7})(?:\s|$)/;

/** 1-based lines holding git conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`). */
export function conflictLines(text: string, firstLine = 1): number[] {
  return text.split('\n').flatMap((line, index) => (CONFLICT.test(line) ? [index + firstLine] : []));
}

/**
 * A `#` after a space starts a YAML comment, which silently cuts a value short (`title: Year 6 #proud`) or
 * empties it (`colour: #1d4e89`). Comments after true/false, numbers, dates and ids are left alone.
 */
function cutByComment(node: Node | null, path: string, lineCounter: LineCounter, firstLine: number): YamlProblem[] {
  if (isMap(node)) {
    return node.items.flatMap((pair) => {
      if (!isPair(pair) || !isScalar(pair.key)) return [];
      const key = String(pair.key.value);
      const field = `${path}${path ? '.' : ''}${key}`;
      const value = pair.value as Node | null;
      return [
        ...commentOn(value, key, field, pair.key.range?.[0], lineCounter, firstLine),
        ...cutByComment(value, field, lineCounter, firstLine),
      ];
    });
  }
  if (isSeq(node))
    return node.items.flatMap((item, index) => cutByComment(item as Node, `${path}[${index}]`, lineCounter, firstLine));
  return [];
}

function commentOn(
  value: Node | null,
  key: string,
  field: string,
  keyOffset: number | undefined,
  lineCounter: LineCounter,
  firstLine: number,
): YamlProblem[] {
  if (keyOffset === undefined) return [];
  const scalar = value === null ? undefined : isScalar(value) ? value : undefined;
  const comment = scalar?.comment;
  const line = lineCounter.linePos(keyOffset).line + firstLine - 1;
  if (value !== null && !scalar) return [];
  if (scalar && scalar.range && lineCounter.linePos(scalar.range[0]).line !== lineCounter.linePos(keyOffset).line) {
    return [];
  }
  if (comment === undefined && !(scalar?.value === null && scalar.comment)) return [];
  const text = (comment ?? '').trim();
  if (scalar && scalar.value !== null) {
    if (typeof scalar.value !== 'string' || /^(date|updated)$/.test(key) || /^[a-z0-9-]+$/.test(scalar.value))
      return [];
    if (scalar.type !== 'PLAIN') return [];
    const whole = `${scalar.value} #${comment}`;
    return [
      {
        line,
        field,
        code: 'yaml-comment',
        message: `"#" starts a comment in YAML, so ${key} stops at "${scalar.value}": put the whole value in quotes, ${key}: ${quoted(whole)}`,
      },
    ];
  }
  return [
    {
      line,
      field,
      code: 'yaml-comment',
      message: `"#" starts a comment in YAML, so ${key} is empty: put the value in quotes, ${key}: "#${text}"`,
    },
  ];
}

/**
 * Parses YAML text, giving positions in the file (`firstLine` is the file line of the text's first line, 2 for
 * front matter). Tabs and non-breaking spaces used for indentation are reported on their own, since that is
 * what editors get wrong most; values cut short by a `#` come back as problems beside the data.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const tabs = tabIndentedLines(text, firstLine);
  if (tabs.length > 0) {
    return { ok: false, problems: tabs.map((line) => ({ line, message: TAB_MESSAGE, code: 'yaml-tab' })) };
  }
  const nbsp = text.split('\n').flatMap((line, index) => (/^[ \t]*\u00a0/.test(line) ? [index + firstLine] : []));
  if (nbsp.length > 0) {
    return { ok: false, problems: nbsp.map((line) => ({ line, message: NBSP_MESSAGE, code: 'yaml-nbsp' })) };
  }
  const slipped = slips(text, firstLine);
  if (slipped.length > 0) return { ok: false, problems: slipped };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = text.split('\n');
    const problems = doc.errors.map((error) => {
      const pos = lineCounter.linePos(error.pos[0]);
      const source = lines[pos.line - 1] ?? '';
      const key = /^([^\s:#-][^:#]*?)\s*:/.exec(source)?.[1];
      const message = friendly(error.message, error.code, source, lines[pos.line]);
      if (message.startsWith(OVER_INDENTED)) {
        return { line: pos.line + firstLine, message: message.slice(1), code: 'yaml-over-indented' };
      }
      return {
        line: pos.line + firstLine - 1,
        column: pos.col,
        ...(key ? { field: key } : {}),
        message,
        code: `yaml-${error.code.toLowerCase().replace(/_/g, '-')}`,
      };
    });
    // One mistake often confuses the parser for the rest of the text: the messages that name a cause are the ones to act on.
    const friendlyOnes = problems.filter((problem) => !problem.message.startsWith('YAML syntax error'));
    return { ok: false, problems: friendlyOnes.length > 0 ? friendlyOnes : problems };
  }
  return { ok: true, data: doc.toJS(), problems: cutByComment(doc.contents, '', lineCounter, firstLine) };
}
