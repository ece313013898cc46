/**
 * The browser editor's whole configuration (Sveltia CMS's `config.yml`), generated at build time from the
 * content schemas, the network's publishers and the `editor:` block of `network.yaml`.
 */
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { authorSchema } from '../../schemas/author.ts';
import type { EditorData } from '../../schemas/editor.ts';
import { familySchema } from '../../schemas/family.ts';
import { networkSchema } from '../../schemas/network.ts';
import { postKinds, postSchema, type PostKind } from '../../schemas/post.ts';
import { schoolSchema } from '../../schemas/school.ts';
import { topicSchema } from '../../schemas/topic.ts';
import { starterText } from '../check/new-post.ts';
import { translator } from '../i18n.ts';

/** Sveltia's own interface is English, so the labels the configuration adds to it are too. */
const t = translator('en');
import { backendFor } from './backend.ts';
import {
  fieldsOf,
  literalOf,
  shapeOf,
  unionOptions,
  type CmsField,
  type Reference,
  type WalkOptions,
} from './fields.ts';
import { bodyHint, presentation, type CollectionKind } from './presentation.ts';

/** A school or family that publishes posts, as the editor lists it. */
export interface Publisher {
  id: string;
  type: 'school' | 'family';
  name: string;
  /** A school's families (id and name), offered in its posts' "Shared with" field. */
  families: { id: string; name: string }[];
  /** Whether any of its posts is a plain `.md` file (listed separately: a collection has one extension). */
  hasMarkdownFiles: boolean;
}

export interface EditorInput {
  /** The content folder relative to the repository root, with `/`, e.g. `content`. */
  contentPath: string;
  networkName: string;
  /** The publishers of this build's scope, schools first. */
  publishers: Publisher[];
  editor: EditorData | undefined;
  /** The site's icon, shown on the sign-in page and the browser tab, e.g. `/favicon.svg`. */
  icon?: string;
}

export interface EditorConfig {
  config: Record<string, unknown>;
  /** The collections whose entries are posts, which the editor previews like a post page. */
  postCollections: string[];
  /** Things the person building the site should act on about the editor. */
  notes: string[];
  /** Things worth knowing about the editor that need no action. */
  info: string[];
}

/** Icons (Material Symbols, shipped with the editor) that tell the lists apart when their names are cut short. */
const kindIcons: Record<PostKind, string> = {
  reflection: 'lightbulb',
  'case-study': 'science',
  'rules-of-thumb': 'format_list_numbered',
};
const dataIcons = { authors: 'person', topics: 'sell', schools: 'school', families: 'groups' } as const;

/** The hero image field is a plain path in the editor; the build turns it into an optimised image. */
const imagePath = z.string();

/** The editor's collection for each kind of reference, and the field that names an entry there. */
const referenceCollections: Record<Reference, { collection: string; display: string }> = {
  authors: { collection: 'authors', display: 'name' },
  topics: { collection: 'topics', display: 'name' },
  schools: { collection: 'schools', display: 'name' },
  families: { collection: 'families', display: 'name' },
};

/** What to do with a schema field the editor has no input for: stop (tests) or note it (builds). */
type Unmapped = WalkOptions['unmapped'];

const walk = (kind: CollectionKind, unmapped: Unmapped, defaults?: (path: string) => unknown): WalkOptions => ({
  present: (path) => presentation(kind, path),
  relation: (reference) => referenceCollections[reference],
  ...(defaults ? { defaults } : {}),
  ...(unmapped ? { unmapped } : {}),
});

/** The value at a dotted path of a parsed object. */
function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      value,
    );
}

/** The form of a post of one kind, from that kind's schema, starting from `npm run new`'s starter text. */
export function postFields(kind: PostKind, publisher: Publisher, unmapped?: Unmapped): CmsField[] {
  const option = unionOptions(postSchema(imagePath)).find((schema) => literalOf(shapeOf(schema)['kind']!) === kind);
  if (!option) throw new Error(`no schema for posts of kind "${kind}"`);
  const starter = starterText(kind);
  const starterFront: unknown = parse(starter.front) ?? {};
  const shape = { ...shapeOf(option) };
  // A family's posts are shared with the family itself; a school without families has nothing to choose.
  if (publisher.type === 'family' || publisher.families.length === 0) delete shape['families'];
  const fields = fieldsOf(
    shape,
    {
      ...walk('posts', unmapped, (path) => at(starterFront, path)),
      present: (path) =>
        path === 'families'
          ? {
              ...presentation('posts', path),
              choices: publisher.families.map((family) => ({ label: family.name, value: family.id })),
            }
          : presentation('posts', path),
    },
    '',
  ).map((field) => {
    if (field.name === 'kind') {
      return {
        ...field,
        options: postKinds.map((value) => ({ label: t(`kind.${value}`), value })),
        default: kind,
      };
    }
    if (field.name === 'date') return { ...field, default: '{{now}}' };
    return field;
  });
  const hint = bodyHint(kind);
  // The kind is chosen first, after the headline and its summary, as `npm run new` asks for it.
  const kindField = fields.findIndex((field) => field.name === 'kind');
  fields.splice(2, 0, ...fields.splice(kindField, 1));
  return [
    ...fields,
    {
      name: 'body',
      label: presentation('posts', 'body')?.label ?? 'Text',
      widget: 'markdown',
      default: starter.body,
      ...(hint ? { hint } : {}),
    },
  ];
}

/** Every kind's fields at once, for `.md` files whose kind the editor cannot filter on. */
function anyKindFields(publisher: Publisher, unmapped: Unmapped): CmsField[] {
  const byName = new Map<string, CmsField>();
  for (const kind of postKinds) {
    for (const field of postFields(kind, publisher, unmapped)) {
      if (byName.has(field.name)) continue;
      byName.set(field.name, field.name === 'caseStudy' ? { ...field, required: false } : field);
    }
  }
  return [...byName.values()];
}

function postCollections(input: EditorInput, publisher: Publisher, unmapped: Unmapped): Record<string, unknown>[] {
  const folder = `${input.contentPath}/posts/${publisher.id}`;
  const common = {
    folder,
    format: 'frontmatter',
    // Images live beside the post.
    media_folder: '',
    public_folder: '',
    summary: '{{title}}',
    sortable_fields: ['date', 'title'],
  };
  const byKind = postKinds.map((kind) => ({
    ...common,
    name: `${publisher.id}--${kind}`,
    label: `${publisher.name}: ${t(`kind.${kind}.heading`).toLowerCase()}`,
    icon: kindIcons[kind],
    label_singular: t(`kind.${kind}`).toLowerCase(),
    description: t(`kind.${kind}.blurb`),
    extension: 'mdx',
    filter: { field: 'kind', value: kind },
    fields: postFields(kind, publisher, unmapped),
  }));
  if (!publisher.hasMarkdownFiles) return byKind;
  return [
    ...byKind,
    {
      ...common,
      name: `${publisher.id}--markdown`,
      label: `${publisher.name}: older .md posts`,
      icon: 'history_edu',
      label_singular: 'post',
      description: 'Posts saved as .md files. New posts are created in the lists above.',
      extension: 'md',
      create: false,
      fields: anyKindFields(publisher, unmapped),
    },
  ];
}

function dataCollection(
  input: EditorInput,
  name: 'schools' | 'families' | 'authors' | 'topics',
  schema: z.ZodType,
  label: string,
  singular: string,
  unmapped: Unmapped,
) {
  return {
    name,
    label,
    icon: dataIcons[name],
    label_singular: singular,
    folder: `${input.contentPath}/${name}`,
    extension: 'yaml',
    format: 'yaml',
    identifier_field: 'name',
    media_folder: '',
    public_folder: '',
    fields: fieldsOf(shapeOf(schema), walk(name, unmapped)),
  };
}

/**
 * The editor's configuration for a network, with notes for whoever runs the build. With `lenient`, a schema
 * field the editor has no input for yet becomes a plain text box and a note instead of an error, so a new
 * field never stops a build (the unit tests are strict, so they name it).
 */
export function editorConfig(input: EditorInput, options: { lenient?: boolean } = {}): EditorConfig {
  const unmappedFields = new Set<string>();
  const unmapped: Unmapped = options.lenient ? (error) => unmappedFields.add(error.message) : undefined;
  const backend = backendFor(input.editor);
  const schools = input.publishers.filter((publisher) => publisher.type === 'school');
  const families = input.publishers.filter((publisher) => publisher.type === 'family');
  const schoolPosts = schools.flatMap((publisher) => postCollections(input, publisher, unmapped));
  const familyPosts = families.flatMap((publisher) => postCollections(input, publisher, unmapped));
  const collections = [
    ...schoolPosts,
    ...(familyPosts.length > 0 ? [{ divider: true }] : []),
    ...familyPosts,
    { divider: true },
    dataCollection(input, 'authors', authorSchema, 'Authors', 'author', unmapped),
    dataCollection(input, 'topics', topicSchema, 'Topics', 'topic', unmapped),
    dataCollection(input, 'schools', schoolSchema, 'Schools', 'school', unmapped),
    dataCollection(input, 'families', familySchema, 'Families', 'family', unmapped),
  ];
  return {
    config: {
      backend: backend.backend,
      publish_mode: backend.publishMode,
      app_title: `${input.networkName}: editor`,
      ...(input.icon ? { logo: { src: input.icon } } : {}),
      media_folder: `${input.contentPath}/posts`,
      // Photos come from the writer's own device, never from a stock library on another site.
      media_libraries: { default: { config: { slugify_filename: true } }, stock_assets: false },
      // New posts get the same file names as `npm run new`: Welsh ŵ and ŷ become w and y.
      slug: { encoding: 'ascii', clean_accents: true },
      output: { omit_empty_optional_fields: true },
      collections,
      singletons: [
        {
          name: 'network',
          label: 'The network',
          icon: 'hub',
          file: `${input.contentPath}/network.yaml`,
          format: 'yaml',
          fields: fieldsOf(shapeOf(networkSchema), walk('network', unmapped)),
        },
      ],
    },
    postCollections: [...schoolPosts, ...familyPosts].map((collection) => String(collection['name'])),
    notes: [...backend.notes, ...[...unmappedFields].map((message) => `editor: ${message}`)],
    info: backend.info ?? [],
  };
}
