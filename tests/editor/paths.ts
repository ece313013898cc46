import type { z } from 'astro/zod';
import type { CmsField } from '../../src/lib/cms/fields.ts';

/** Every key of an object schema, nested objects and lists of objects included, as dotted paths. */
export function schemaPaths(shape: Record<string, z.ZodType>, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([name, schema]) => {
    let core = schema as unknown as { _zod: { def: Record<string, unknown> } };
    for (;;) {
      const def = core._zod.def;
      if (def['innerType']) core = def['innerType'] as typeof core;
      else if (def['type'] === 'array') core = def['element'] as typeof core;
      else if (def['type'] === 'union') {
        const options = def['options'] as (typeof core)[];
        core = options.find((option) => option._zod.def['type'] === 'object') ?? options[0]!;
      } else break;
    }
    const path = `${prefix}${name}`;
    const def = core._zod.def;
    return def['type'] === 'object'
      ? [path, ...schemaPaths(def['shape'] as Record<string, z.ZodType>, `${path}.`)]
      : [path];
  });
}

/** Every field of an editor form as dotted paths, each with its widget. */
export function fieldPaths(fields: CmsField[], prefix = ''): Map<string, string> {
  const paths = new Map<string, string>();
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    paths.set(path, field.widget);
    if (Array.isArray(field['fields'])) {
      for (const [inner, widget] of fieldPaths(field['fields'] as CmsField[], `${path}.`)) paths.set(inner, widget);
    }
  }
  return paths;
}
