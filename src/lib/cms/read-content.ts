import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { editorSchema, type EditorData } from '../../schemas/editor.ts';
import { isInScope } from '../publish.ts';
import type { Scope } from '../settings.ts';
import type { EditorInput, Publisher } from './config.ts';

const readYaml = (file: string) =>
  (parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) ?? {}) as Record<string, unknown>;

const yamlFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
    : [];

/**
 * The git repository holding the content: the editor names files from its root. That is usually the
 * project, but the content may be a repository of its own (or the project a folder of a larger one).
 */
function repositoryRoot(contentRoot: string, projectRoot: string): string {
  for (let dir = contentRoot; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return projectRoot;
  }
}

/**
 * Reads what the editor's configuration needs (publishers and their families, the `editor:` block) straight
 * from the content folder, before the content layer runs. `npm run check` has already validated it all.
 */
export function readEditorInput(options: { contentRoot: string; projectRoot: string; scope: Scope }): EditorInput {
  const { contentRoot, scope } = options;
  const network = readYaml(join(contentRoot, 'network.yaml'));
  const editor = editorSchema.optional().safeParse(network['editor']);
  const familyNames = new Map(
    yamlFiles(join(contentRoot, 'families')).map((name) => {
      const data = readYaml(join(contentRoot, 'families', name));
      return [name.replace(/\.ya?ml$/, ''), String(data['shortName'] ?? data['name'] ?? name)];
    }),
  );
  const postFiles = (id: string) => {
    const dir = join(contentRoot, 'posts', id);
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  const schools: Publisher[] = yamlFiles(join(contentRoot, 'schools')).map((name) => {
    const id = name.replace(/\.ya?ml$/, '');
    const data = readYaml(join(contentRoot, 'schools', name));
    const families = Array.isArray(data['families']) ? data['families'].map(String) : [];
    return {
      id,
      type: 'school',
      name: String(data['shortName'] ?? data['name'] ?? id),
      families: families.map((family) => ({ id: family, name: familyNames.get(family) ?? family })),
      hasMarkdownFiles: postFiles(id).some((file) => file.endsWith('.md')),
    };
  });
  const families: Publisher[] = [...familyNames].map(([id, name]) => ({
    id,
    type: 'family',
    name,
    families: [],
    hasMarkdownFiles: postFiles(id).some((file) => file.endsWith('.md')),
  }));
  const schoolFamilies = new Map(schools.map((school) => [school.id, school.families.map((family) => family.id)]));
  const inScope = (publisher: Publisher) =>
    isInScope({ draft: false, date: new Date(0), publisher }, scope, schoolFamilies);
  return {
    contentPath: relative(repositoryRoot(contentRoot, options.projectRoot), contentRoot).split(sep).join('/') || '.',
    networkName: String(network['name'] ?? 'Commonroom'),
    publishers: [...schools, ...families].filter(inScope),
    editor: editor.success ? (editor.data as EditorData | undefined) : undefined,
  };
}
