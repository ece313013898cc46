import type { FeedSubject, Urls } from '../urls.ts';
import { feedFormatInfo, feedFormats } from './formats.ts';
import type { FeedSource } from './sources.ts';

export const sectionLabels: Record<FeedSubject['type'], string> = {
  network: 'Everything',
  school: 'Schools',
  family: 'Families',
  author: 'Authors',
  topic: 'Topics',
  kind: 'Kinds of post',
};

/** Sources grouped by the kind of subject, in the order of `sectionLabels`. */
export function feedSections<Hero>(
  sources: FeedSource<Hero>[],
): { type: FeedSubject['type']; label: string; sources: FeedSource<Hero>[] }[] {
  return (Object.keys(sectionLabels) as FeedSubject['type'][])
    .map((type) => ({
      type,
      label: sectionLabels[type],
      sources: sources.filter((source) => source.subject.type === type),
    }))
    .filter((section) => section.sources.length > 0);
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const attributes = (values: Record<string, string>) =>
  Object.entries(values)
    .map(([name, value]) => ` ${name}="${escape(value)}"`)
    .join('');

/**
 * OPML 2.0 listing every feed of the build, grouped by format and then by section, so a reader can import
 * the folder of the format it prefers.
 */
export function renderOpml(sources: FeedSource[], urls: Urls, options: { title: string; created: Date }): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escape(options.title)}</title>`,
    `    <dateCreated>${options.created.toUTCString()}</dateCreated>`,
    '    <docs>http://opml.org/spec2.opml</docs>',
    '  </head>',
    '  <body>',
  ];
  for (const format of feedFormats) {
    lines.push(`    <outline${attributes({ text: feedFormatInfo[format].label })}>`);
    for (const section of feedSections(sources)) {
      lines.push(`      <outline${attributes({ text: section.label })}>`);
      for (const source of section.sources) {
        const feed = attributes({
          type: 'rss',
          text: source.title,
          title: source.title,
          description: source.description,
          xmlUrl: urls.absolute(urls.feed(source.subject, format)),
          htmlUrl: urls.absolute(source.page),
          language: source.lang,
        });
        lines.push(`        <outline${feed} />`);
      }
      lines.push('      </outline>');
    }
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
