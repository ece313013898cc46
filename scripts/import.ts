/**
 * `npm run import`: brings an existing blog into a school's or family's folder.
 * Usage: npm run import -- <export file | Takeout folder | feed URL> --into <school-or-family-id>
 *   [--author <author-id>] [--topic <topic-id>] [--media <folder>] [--site <old blog address>]
 *   [--offline] [--dry-run] [--update]
 * See docs/import.md.
 */
import { parseArgs } from 'node:util';
import { runImport } from '../src/lib/import/run.ts';
import { ImportError } from '../src/lib/import/xml-stream.ts';
import { settingsOrExit } from '../src/lib/settings.ts';

const usage =
  'Usage: npm run import -- <export file, Takeout folder or feed URL> --into <school-or-family-id> [--author <id>] [--topic <id>] [--media <folder>] [--site <old address>] [--offline] [--dry-run] [--update]';

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      into: { type: 'string' },
      author: { type: 'string' },
      topic: { type: 'string' },
      media: { type: 'string' },
      site: { type: 'string' },
      content: { type: 'string' },
      offline: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      update: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (positionals.length !== 1 || !values.into) {
  console.error(usage);
  process.exit(2);
}

const settings = settingsOrExit();
try {
  const report = await runImport({
    source: positionals[0]!,
    into: values.into,
    contentRoot: values.content ?? settings.contentRoot,
    offline: values.offline,
    dryRun: values['dry-run'],
    update: values.update,
    ...(values.author ? { author: values.author } : {}),
    ...(values.topic ? { topic: values.topic } : {}),
    ...(values.media ? { media: values.media } : {}),
    ...(values.site ? { site: values.site } : {}),
    progress: (line) => console.error(line),
  });
  if (!values.quiet) console.log(report.render());
  else
    console.log(
      `${report.postsWritten} posts written, ${report.unchanged} unchanged, ${report.commentsKept} comments kept, ${report.imagesMissing.length} images missing`,
    );
} catch (error) {
  if (error instanceof ImportError) {
    console.error(`import: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
