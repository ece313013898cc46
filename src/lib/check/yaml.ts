import { LineCounter, parseDocument } from 'yaml';
import { tabIndentedLines } from './text.ts';

export interface YamlProblem {
  line?: number;
  column?: number;
  message: string;
}

export type ParsedYaml = { ok: true; data: unknown } | { ok: false; problems: YamlProblem[] };

const TAB_MESSAGE = 'YAML does not allow tabs for indentation; use spaces';

/** Makes the `yaml` package's messages read like advice; positions are reported separately. */
function friendly(message: string, code: string, source: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') {
    const key = /^\s*(?:-\s+)?["']?([^"':]+)["']?\s*:/.exec(source)?.[1];
    return `the field ${key ? `"${key}" ` : ''}appears twice: keep one`;
  }
  if (code === 'MISSING_CHAR' && /quote/.test(first)) return 'a quoted value has no closing quote mark';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR' || code === 'UNEXPECTED_TOKEN') {
    return `YAML syntax error: ${first}`;
  }
  return `YAML syntax error: ${first}${/:\s*$/.test(first) ? '' : ' (check quotes, colons and indentation)'}`;
}

/**
 * Parses YAML text, giving positions in the file (`firstLine` is the file line of the text's first line, 2 for
 * front matter). Tabs used for indentation are reported on their own, since that is what editors get wrong most.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const tabs = tabIndentedLines(text, firstLine);
  if (tabs.length > 0) return { ok: false, problems: tabs.map((line) => ({ line, message: TAB_MESSAGE })) };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        const source = text.split('\n')[pos.line - 1] ?? '';
        return {
          line: pos.line + firstLine - 1,
          column: pos.col,
          message: friendly(error.message, error.code, source),
        };
      }),
    };
  }
  return { ok: true, data: doc.toJS() };
}
