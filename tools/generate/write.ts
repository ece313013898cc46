import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { renderCharts } from './charts.ts';
import { generateNetwork, type GenerateOptions, type GeneratedNetwork } from './network.ts';

/** Written at the root of every generated network; its presence is what allows a later run to replace the folder. */
export const MARKER = '.commonroom-generated.json';

export interface WriteResult {
  network: GeneratedNetwork;
  dir: string;
  files: number;
}

/**
 * Generates a network and writes it to `dir`. A folder that already holds files is replaced only when it
 * was written by this generator (it has the marker file), so a typo can never wipe real content.
 */
export async function writeNetwork(dir: string, options: GenerateOptions): Promise<WriteResult> {
  const root = resolve(dir);
  if (existsSync(root) && readdirSync(root).length > 0) {
    if (!existsSync(join(root, MARKER))) {
      throw new Error(`${root} is not empty and was not written by the generator: choose an empty or new folder.`);
    }
    rmSync(root, { recursive: true, force: true });
  }
  const network = generateNetwork(options);
  const charts = await renderCharts();
  const made = new Set<string>();
  for (const file of network.files) {
    const path = join(root, file.path);
    const folder = dirname(path);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(path, 'text' in file ? file.text : charts[file.chart]!);
  }
  const sample = network.posts.find((p) => !p.draft && !p.future && p.publisher.type === 'school' && !p.lang);
  const marker = {
    generator: 'commonroom scripts/generate.ts',
    options: { posts: options.posts, schools: options.schools, seed: options.seed ?? 1 },
    counts: {
      schools: network.schools.length,
      families: network.families.length,
      authors: network.authors.length,
      topics: network.topics.length,
      posts: network.posts.length,
      published: network.posts.filter((p) => !p.draft && !p.future).length,
    },
    welshSchool: network.welshSchool,
    /** A published English post the benchmark edits and measures. */
    samplePost: sample ? { file: sample.file, path: sample.path } : undefined,
  };
  writeFileSync(join(root, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  return { network, dir: root, files: network.files.length + 1 };
}
