/**
 * Writes a deterministic, realistic Commonroom network for benchmarks and tests.
 *
 *   npm run generate -- --posts 1000 --schools 40 --out /tmp/network [--seed 1]
 *
 * The same arguments always give byte-identical files. Build against it with
 * `COMMONROOM_CONTENT=/tmp/network COMMONROOM_NOW=2026-11-01 npx astro build`.
 */
import { parseArgs } from 'node:util';
import { generatorNow } from '../tools/generate/network.ts';
import { writeNetwork } from '../tools/generate/write.ts';

const usage = 'usage: npm run generate -- --posts N --schools S --out DIR [--seed K]';

function positive(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`--${name} must be a whole number (got "${value}")\n${usage}`);
  return number;
}

async function main() {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string' },
      schools: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (!values.out || values.posts === undefined) throw new Error(usage);
  const posts = positive('posts', values.posts);
  const schools = Math.max(2, positive('schools', values.schools, Math.max(4, Math.round(posts / 25))));
  const started = performance.now();
  const { network, dir, files } = await writeNetwork(values.out, { posts, schools, seed: values.seed ?? '1' });
  const kinds = Object.entries(
    network.posts.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.kind]: (acc[p.kind] ?? 0) + 1 }), {}),
  )
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
  console.log(
    `Generated ${network.posts.length} posts (${kinds}), ${network.schools.length} schools, ${network.families.length} families, ` +
      `${network.authors.length} authors, ${network.topics.length} topics: ${files} files in ${dir} ` +
      `(${Math.round(performance.now() - started)} ms). Build with COMMONROOM_NOW=${generatorNow}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
