import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Choice } from './answers.ts';
import { emptyNetwork, type Existing } from './questions.ts';

/** The entries of one folder as choices: id and name, in id order. Unreadable files still count as taken ids. */
function entries(root: string, folder: string): Choice<string>[] {
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => {
      const id = file.replace(/\.ya?ml$/, '');
      let label = id;
      try {
        const data = parse(readFileSync(join(dir, file), 'utf8')) as { name?: unknown } | null;
        if (typeof data?.name === 'string') label = `${data.name} (${id})`;
      } catch {
        // The check reports a broken file; here its id is enough.
      }
      return { value: id, label };
    });
}

/** What a content folder already holds, for `npm run add`. */
export function readExisting(root: string): Existing {
  let lang = emptyNetwork.lang;
  try {
    const network = parse(readFileSync(join(root, 'network.yaml'), 'utf8')) as { lang?: unknown } | null;
    if (typeof network?.lang === 'string') lang = network.lang;
  } catch {
    // No readable network.yaml: the command says so before asking anything.
  }
  return {
    schools: entries(root, 'schools'),
    families: entries(root, 'families'),
    authors: entries(root, 'authors').map((author) => author.value),
    topics: entries(root, 'topics'),
    lang,
  };
}
