/**
 * Turns the content schemas (`src/schemas/`) into the browser editor's form fields by walking the Zod
 * schemas themselves, so a field added to a schema appears in the editor without anyone restating it.
 * Only the words a writer reads (labels and hints) and what a reference points at come from elsewhere
 * (`presentation.ts`); the kind of input, whether it is required, its choices, limits and defaults all come
 * from the schema.
 */
import type { z } from 'astro/zod';
import { email, hexColour, id, lang, url } from '../../schemas/common.ts';
import { uiLanguages } from '../i18n.ts';

/** One field of a Sveltia (Decap-compatible) configuration. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  [option: string]: unknown;
}

/** What the schema cannot say: the words a writer reads, and where a reference points. */
export interface Presentation {
  label?: string;
  hint?: string;
  /** A longer text box (`text`) or a Markdown editor (`markdown`) instead of a one-line input. */
  widget?: 'text' | 'markdown';
  /** The collection an id (or list of ids) refers to: `authors`, `topics`, `schools` or `families`. */
  references?: Reference;
  /** The id is free (e.g. a series name), not a reference. */
  freeId?: boolean;
  /** A fixed list of choices (e.g. the families a school belongs to) instead of the schema's own. */
  choices?: { label: string; value: string }[];
  /** An image stored beside the file. */
  image?: boolean;
  /** The length the check asks for, in characters: the editor counts as the writer types. */
  length?: { min: number; max: number };
}

export type Reference = 'authors' | 'topics' | 'schools' | 'families';

export interface WalkOptions {
  /** Presentation of a field by its dotted path, e.g. `caseStudy.outcomes`. */
  present: (path: string) => Presentation | undefined;
  /** Relation fields to a collection: the editor's collection name and the field shown for each entry. */
  relation: (reference: Reference) => { collection: string; display: string };
  /** Starting values of fields, by dotted path (e.g. a case study's starter text). */
  defaults?: (path: string) => unknown;
  /**
   * Called instead of stopping when a field has no input yet (a schema field added without one): the field
   * is then a plain text box, so a build never fails over it. Tests leave it out, so they do fail.
   */
  unmapped?: (error: UnmappedFieldError) => void;
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  defaultValue?: unknown;
  checks?: { _zod: { def: Record<string, unknown> } }[];
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A field the walker cannot turn into an input: the message names it so the schema or this file can be fixed. */
export class UnmappedFieldError extends Error {
  constructor(path: string, type: string) {
    super(`the editor has no input for "${path}" (a ${type} in the schema): add one in src/lib/cms/fields.ts`);
    this.name = 'UnmappedFieldError';
  }
}

/** `seriesTitle` → `Series title`, `case-study` → `Case study`. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function check(def: Def, kind: string): Record<string, unknown> | undefined {
  return def.checks?.map((c) => c._zod.def).find((c) => c['check'] === kind);
}

/** The regex a string must match, with the schema's own message, for the editor to say the same thing. */
function patternOf(schema: z.ZodType): [string, string] | undefined {
  const regex = check(defOf(schema), 'string_format');
  const pattern = regex?.['pattern'];
  if (!(pattern instanceof RegExp)) return undefined;
  const error = regex?.['error'];
  const message = typeof error === 'function' ? String((error as () => unknown)()) : 'is not in the right form';
  return [pattern.source, message];
}

/** Peels `optional`, `default` and `pipe` wrappers off a schema, noting what they say. */
function unwrap(schema: z.ZodType): { core: z.ZodType; optional: boolean; fallback: unknown } {
  let core = schema;
  let optional = false;
  let fallback: unknown;
  for (;;) {
    const def = defOf(core);
    if (def.type === 'optional' && def.innerType) {
      optional = true;
      core = def.innerType;
    } else if (def.type === 'default' && def.innerType) {
      optional = true;
      fallback = def.defaultValue;
      core = def.innerType;
    } else if (def.type === 'pipe' && def.in && !isNamed(core)) {
      // `z.preprocess` is a pipe from a transform into the real type: the editor edits the real type.
      core = defOf(def.in).type === 'transform' && def.out ? def.out : def.in;
    } else return { core, optional, fallback };
  }
}

const named = new Map<z.ZodType, string>([
  [id, 'id'],
  [lang, 'lang'],
  [hexColour, 'colour'],
  [email, 'email'],
  [url, 'url'],
]);
const isNamed = (schema: z.ZodType) => named.has(schema);

function relationField(base: CmsField, reference: Reference, options: WalkOptions, multiple: boolean): CmsField {
  const { collection, display } = options.relation(reference);
  return {
    ...base,
    widget: 'relation',
    collection,
    value_field: '{{slug}}',
    display_fields: [display],
    search_fields: [display],
    ...(multiple ? { multiple: true } : {}),
  };
}

/** A starting value the editor can show: a word, number, yes/no or a non-empty list of words. */
const usableDefault = (value: unknown) =>
  value !== undefined &&
  (typeof value !== 'object' ||
    (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item !== 'object')));

/** The editor field for one schema field. */
export function fieldOf(name: string, schema: z.ZodType, path: string, options: WalkOptions): CmsField {
  try {
    return mappedField(name, schema, path, options);
  } catch (error) {
    if (!(error instanceof UnmappedFieldError) || !options.unmapped) throw error;
    options.unmapped(error);
    return { name, label: options.present(path)?.label ?? humanise(name), widget: 'string', required: false };
  }
}

function mappedField(name: string, schema: z.ZodType, path: string, options: WalkOptions): CmsField {
  const { core, optional, fallback } = unwrap(schema);
  const present = options.present(path) ?? {};
  const starting = options.defaults?.(path) ?? fallback;
  const base: CmsField = {
    name,
    label: present.label ?? humanise(name),
    widget: 'string',
    ...(optional ? { required: false } : {}),
    ...(present.hint ? { hint: present.hint } : {}),
    ...(usableDefault(starting) ? { default: starting } : {}),
  };
  if (present.choices) {
    return {
      ...base,
      widget: 'select',
      options: present.choices,
      ...(defOf(core).type === 'array' ? { multiple: true } : {}),
    };
  }
  if (present.image) return { ...base, widget: 'image', choose_url: false };

  const kind = named.get(core);
  if (kind === 'id') {
    if (present.references) return relationField(base, present.references, options, false);
    if (!present.freeId) throw new UnmappedFieldError(path, 'reference with no collection');
    return { ...base, pattern: patternOf(core) };
  }
  if (kind === 'colour') return { ...base, widget: 'color' };
  if (kind === 'email') return { ...base, type: 'email' };
  if (kind === 'url') return { ...base, type: 'url' };
  if (kind === 'lang') return { ...base, pattern: patternOf(core) };

  const def = defOf(core);
  switch (def.type) {
    case 'string': {
      const min = check(def, 'min_length')?.['minimum'];
      const max = check(def, 'max_length')?.['maximum'];
      const pattern = patternOf(core);
      return {
        ...base,
        widget: present.widget ?? 'string',
        ...(present.length ? { minlength: present.length.min, maxlength: present.length.max } : {}),
        ...(!present.length && typeof min === 'number' && min > 1 ? { minlength: min } : {}),
        ...(!present.length && typeof max === 'number' ? { maxlength: max } : {}),
        ...(pattern ? { pattern } : {}),
      };
    }
    case 'date':
      return { ...base, widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' };
    case 'boolean':
      return { ...base, widget: 'boolean', default: base.default ?? false };
    case 'number': {
      const integer = check(def, 'number_format')?.['format'] === 'safeint';
      return { ...base, widget: 'number', value_type: integer ? 'int' : 'float' };
    }
    case 'enum':
      return {
        ...base,
        widget: 'select',
        options: Object.values(def.entries ?? {}).map((value) => ({ label: humanise(value), value })),
      };
    case 'literal':
      return { ...base, widget: 'select', options: (def.values ?? []).map((value) => String(value)) };
    case 'object':
      return { ...base, widget: 'object', fields: fieldsOf(def.shape ?? {}, options, `${path}.`) };
    case 'array':
      return listField(base, def, path, options);
    // Words in other languages, keyed by language: one group of fields for each language the site speaks.
    case 'record':
      return {
        ...base,
        widget: 'object',
        collapsed: true,
        // Every language, English too: a Welsh-medium head writes her bio in Welsh and gives an English one.
        fields: uiLanguages.map((language) => ({
          ...fieldOf(language, def.valueType!, `${path}.${language}`, options),
          label: language,
          required: false,
        })),
      };
    // Where the schema accepts several shapes (a yes/no or a list of photos), the editor offers the first, simplest.
    case 'union':
      return { ...fieldOf(name, def.options![0]!, path, options), ...(optional ? { required: false } : {}) };
    default:
      throw new UnmappedFieldError(path, def.type);
  }
}

/** A list: several references, several words, or several small forms (e.g. evidence: title and address). */
function listField(base: CmsField, def: Def, path: string, options: WalkOptions): CmsField {
  const min = check(def, 'min_length')?.['minimum'];
  const limits = typeof min === 'number' && min > 0 ? { min } : {};
  let element = def.element!;
  // Where the schema accepts several shapes (a bare address or a titled link), the editor offers the fullest.
  if (defOf(element).type === 'union') {
    element = defOf(element).options!.find((option) => defOf(unwrap(option).core).type === 'object') ?? element;
  }
  const present = options.present(path) ?? {};
  if (named.get(unwrap(element).core) === 'id' && present.references) {
    return relationField({ ...base, ...limits }, present.references, options, true);
  }
  const inner = defOf(unwrap(element).core);
  if (inner.type === 'object') {
    return { ...base, ...limits, widget: 'list', fields: fieldsOf(inner.shape ?? {}, options, `${path}.`) };
  }
  const item = fieldOf('item', element, `${path}[]`, { ...options, present: () => undefined });
  if (item.widget !== 'string') throw new UnmappedFieldError(path, `list of ${item.widget}`);
  return { ...base, ...limits, widget: 'list', ...(item['pattern'] ? { pattern: item['pattern'] } : {}) };
}

/** The editor fields of an object schema's shape, in the schema's order. */
export function fieldsOf(shape: Record<string, z.ZodType>, options: WalkOptions, prefix = ''): CmsField[] {
  return Object.entries(shape).map(([name, schema]) => fieldOf(name, schema, `${prefix}${name}`, options));
}

/** The shape of an object schema, or of one option of a discriminated union, for `fieldsOf`. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(schema);
  if (def.type !== 'object' || !def.shape) throw new Error('expected an object schema');
  return def.shape;
}

/** The options of a discriminated union (the post kinds), each an object schema. */
export function unionOptions(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (def.type !== 'union' || !def.options) throw new Error('expected a union schema');
  return def.options;
}

/** The value of a literal field, e.g. a post kind's `kind`. */
export function literalOf(schema: z.ZodType): string {
  const values = defOf(schema).values;
  if (!values || values.length !== 1) throw new Error('expected a literal');
  return String(values[0]);
}
