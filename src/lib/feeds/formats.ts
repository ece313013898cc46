/** The feed formats every subject is published in, in the order they are offered. */
export const feedFormats = ['atom', 'rss', 'json'] as const;

export type FeedFormat = (typeof feedFormats)[number];

/** What each format is: its media type (as linked and as served), its file name and how it is labelled. */
export const feedFormatInfo: Record<FeedFormat, { mediaType: string; file: string; label: string }> = {
  atom: { mediaType: 'application/atom+xml', file: 'atom.xml', label: 'Atom' },
  rss: { mediaType: 'application/rss+xml', file: 'rss.xml', label: 'RSS' },
  json: { mediaType: 'application/feed+json', file: 'feed.json', label: 'JSON Feed' },
};
