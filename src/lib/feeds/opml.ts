import { translator } from '../i18n.ts';
import type { FeedSubject, Urls } from '../urls.ts';
import { feedFormatInfo, feedFormats } from './formats.ts';
import type { FeedSource } from './sources.ts';

/** The order feeds are listed in, by the kind of subject; each section's label is `feeds.section.<type>`. */
const sectionOrder: readonly FeedSubject['type'][] = [
  'network',
  'language',
  'school',
  'family',
  'author',
  'topic',
  'kind',
];

/** Sources grouped by the kind of subject, labelled in `lang`. */
export function feedSections<Hero>(
  sources: FeedSource<Hero>[],
  lang: string,
): { type: FeedSubject['type']; label: string; sources: FeedSource<Hero>[] }[] {
  const t = translator(lang);
  return sectionOrder
    .map((type) => ({
      type,
      label: t(`feeds.section.${type}`),
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
export function renderOpml(
  sources: FeedSource[],
  urls: Urls,
  options: { title: string; created: Date; lang: string },
): string {
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
    for (const section of feedSections(sources, options.lang)) {
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
