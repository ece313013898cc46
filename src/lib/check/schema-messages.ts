import type { z } from 'astro/zod';
import slugify from '@sindresorhus/slugify';
import { didYouMean } from '../network/suggest.ts';
import { quoted } from './yaml.ts';

/** A schema problem in writer's terms: the field (`authors[0]`, `caseStudy.outcomes`) and what to do. */
export interface FieldProblem {
  field: string;
  message: string;
  /** The kind of problem, e.g. `missing-field` or `wrong-type` (see ContentIssue.code). */
  code: string;
}

type AnyIssue = z.core.$ZodIssue & { input?: unknown };
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  options?: { _zod: { def: Def } }[];
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
}

/** `['caseStudy', 'outcomes', 0]` → `caseStudy.outcomes[0]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  );
}

/** The field names a schema accepts at `path`, for "did you mean" on unknown fields. */
export function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let defs: Def[] = [(schema as unknown as { _zod: { def: Def } })._zod.def];
  const unwrap = (def: Def): Def[] => {
    if (def.type === 'union' && def.options) return def.options.flatMap((o) => unwrap(o._zod.def));
    const inner = def.innerType ?? def.in;
    return inner ? unwrap(inner._zod.def) : [def];
  };
  defs = defs.flatMap(unwrap);
  for (const part of path) {
    defs = defs.flatMap((def) => {
      if (typeof part === 'number') return def.element ? unwrap(def.element._zod.def) : [];
      const child = def.shape?.[String(part)];
      return child ? unwrap(child._zod.def) : [];
    });
  }
  return [...new Set(defs.flatMap((def) => Object.keys(def.shape ?? {})))];
}

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));
const typeName = (value: unknown) =>
  value === null
    ? 'empty'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'a group of fields'
        : typeof value === 'string'
          ? 'text'
          : typeof value === 'number'
            ? 'a number'
            : typeof value === 'boolean'
              ? 'true/false'
              : typeof value;
const zodDefault = /^(Invalid|Too (small|big)|Unrecognized|expected)/;

type Problem = Omit<FieldProblem, 'code'>;

function one(issue: AnyIssue, schema: z.ZodType): Problem[] {
  const field = fieldPath(issue.path);
  const input = issue.input;
  const custom = !zodDefault.test(issue.message);
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined && field === 'caseStudy') {
        return [
          { field, message: 'is missing: a case study needs "caseStudy:" with setting, period, focus and outcomes' },
        ];
      }
      if (input === undefined)
        return [
          {
            field,
            message: `is missing: add "${String(issue.path.at(-1))}:" to the ${issue.path.length > 1 ? `"${fieldPath(issue.path.slice(0, -1))}" fields` : 'front matter'}`,
          },
        ];
      const expected = issue.expected;
      if (expected === 'date')
        return [{ field, message: `${show(input)} is not a date: write it as YYYY-MM-DD, e.g. 2025-03-14` }];
      if (expected === 'array')
        return [
          {
            field,
            message: `should be a list such as [${typeof input === 'string' ? input : 'a, b'}], not ${typeName(input)}`,
          },
        ];
      if (expected === 'boolean') {
        const key = String(issue.path.at(-1));
        const yes = typeof input === 'string' && /^(yes|y|on|1|ja|oui)$/i.test(input.trim());
        const no = typeof input === 'string' && /^(no|n|off|0)$/i.test(input.trim());
        return [
          {
            field,
            message: `should be true or false, not ${show(input)}: write ${yes || no ? `${key}: ${yes}` : `${key}: true or ${key}: false`}`,
          },
        ];
      }
      if (expected === 'string' && input !== null && typeof input === 'object' && !Array.isArray(input)) {
        // `- Reading: up 20%` is a one-field group to YAML: the colon and space made it so.
        const written = Object.entries(input as Record<string, unknown>)
          .map(([key, value]) => `${key}: ${value === null ? '' : String(value)}`.trim())
          .join(', ');
        const listItem = typeof issue.path.at(-1) === 'number';
        return [
          {
            field,
            message: `"${written}" has a colon followed by a space, which YAML reads as a field: put it in quotes, ${listItem ? '- ' : `${String(issue.path.at(-1))}: `}${quoted(written)}`,
          },
        ];
      }
      if (expected === 'string') {
        return [
          {
            field,
            message:
              input === null
                ? 'is empty: write a value or remove the line'
                : `should be text, not ${typeName(input)}: put it in quotes, e.g. ${field.split('.').at(-1)}: "${String(input)}"`,
          },
        ];
      }
      if (expected === 'object')
        return [{ field, message: `should be a group of indented fields, not ${typeName(input)}` }];
      return [{ field, message: `should be ${expected}, not ${typeName(input)}` }];
    }
    case 'invalid_union': {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      const options = (issue as { options?: unknown[] }).options;
      if (discriminator && options) {
        const names = options.map(String);
        const list = `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
        const value =
          input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[discriminator] : input;
        const at = fieldPath(issue.path.at(-1) === discriminator ? issue.path : [...issue.path, discriminator]);
        return [
          {
            field: at,
            message:
              value === undefined
                ? `is missing: use ${list}`
                : `${show(value)} is not a ${discriminator}: use ${list}${didYouMean(String(value), names)}`,
          },
        ];
      }
      return [{ field, message: custom ? issue.message : `${show(input)} is not accepted here` }];
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      return [
        { field, message: `${show(input)} is not one of ${values.join(', ')}${didYouMean(String(input), values)}` },
      ];
    }
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path);
      return issue.keys.map((key) => ({
        field: fieldPath([...issue.path, key]),
        message: `is not a field here${didYouMean(key, known) || (known.length ? `: fields are ${known.join(', ')}` : '')}`,
      }));
    }
    case 'too_small': {
      if (custom) return [{ field, message: issue.message }];
      if (issue.origin === 'string') return [{ field, message: 'is empty: write a value or remove the line' }];
      if (issue.origin === 'array')
        return [{ field, message: `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}` }];
      return [{ field, message: `is too small (at least ${String(issue.minimum)})` }];
    }
    case 'invalid_format': {
      if (typeof input === 'string' && /\S\s+-\s+\S/.test(input) && typeof issue.path.at(-1) === 'number') {
        return [
          {
            field,
            message: `"${input}" is two list items run together, because the second is indented more than the first: give every "- " line the same indentation`,
          },
        ];
      }
      if (
        issue.format === 'regex' &&
        typeof input === 'string' &&
        /lower-case words joined by hyphens/.test(issue.message)
      ) {
        const suggestion = slugify(input);
        return [
          {
            field,
            message: `${show(input)} is not an id: ids are lower-case words joined by hyphens, like the file names${suggestion ? `, so write ${suggestion}` : ''}`,
          },
        ];
      }
      return [{ field, message: `${show(input)} ${custom ? issue.message : `is not a valid ${issue.format}`}` }];
    }
    default:
      return [{ field, message: custom ? issue.message : issue.message.replace(/^Invalid input: /, '') }];
  }
}

function codeOf(issue: AnyIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'missing-field';
  if (issue.code === 'unrecognized_keys') return 'unknown-field';
  if (issue.code === 'custom') return `invalid-${String(issue.path.at(-1) ?? 'value')}`;
  return issue.code.replace(/_/g, '-');
}

/** Validates `data` with a project schema and rewrites each problem for a writer. */
export function schemaProblems<S extends z.ZodType>(
  schema: S,
  data: unknown,
): { data?: z.output<S>; problems: FieldProblem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  return {
    problems: result.error.issues.flatMap((issue) =>
      one(issue as AnyIssue, schema).map((problem) => ({ ...problem, code: codeOf(issue as AnyIssue) })),
    ),
  };
}
