/** The formats `npm run import` reads. */
export type SourceFormat = 'wordpress' | 'blogger-takeout' | 'blogger-classic' | 'rss' | 'atom';

export const formatNames: Record<SourceFormat, string> = {
  wordpress: 'WordPress export (WXR)',
  'blogger-takeout': 'Blogger Takeout (feed.atom)',
  'blogger-classic': 'Blogger export (classic Atom)',
  rss: 'RSS 2.0 feed',
  atom: 'Atom feed',
};

/** What the export says about the blog as a whole. */
export interface SourceSite {
  title?: string;
  /** The blog's address, e.g. `https://headsup.wordpress.com`. */
  url?: string;
  lang?: string;
}

export interface SourceAuthor {
  /** How posts refer to the author: a WordPress login, or the name itself. */
  key: string;
  name: string;
  /** Used only to match an existing author; never written. */
  email?: string;
}

export interface SourceTerm {
  kind: 'category' | 'tag';
  name: string;
}

export type CommentType = 'comment' | 'pingback' | 'trackback';

export interface SourceComment {
  id: string;
  parent?: string;
  /** The commenter's display name. Emails, IP addresses and user agents are never read into the model. */
  name: string;
  /** For pingbacks and trackbacks: the page that mentioned the post. */
  url?: string;
  date?: Date;
  html: string;
  type: CommentType;
  /** Why the comment is not kept, when it is not: `spam`, `trash`, `unapproved`. */
  dropped?: 'spam' | 'trash' | 'unapproved';
}

/** A post, page or other item of the export, in one shape whatever the format. */
export interface SourceItem {
  /** Unique within the export: WordPress's post id, Blogger's entry id, the feed's guid or link. */
  key: string;
  /** `post`, or what is skipped: `page`, `attachment`, `nav_menu_item`… */
  type: string;
  status: 'publish' | 'draft' | 'pending' | 'private' | 'future' | 'trash' | 'other';
  title: string;
  /** The published address (permalink). */
  url?: string;
  /** The feed id the old blog gave the post, kept so subscribers do not see it again. */
  guid?: string;
  /** Other old addresses (`/?p=123`), as paths with query. */
  aliases: string[];
  date?: Date;
  modified?: Date;
  html: string;
  excerpt?: string;
  slug?: string;
  author?: string;
  terms: SourceTerm[];
  lang?: string;
  /** WordPress: the featured image's attachment id, and an attachment's own file. */
  thumbnailId?: string;
  attachmentUrl?: string;
  attachmentAlt?: string;
  attachmentCaption?: string;
  parentKey?: string;
  /** Footnotes the block editor keeps outside the text, by id, as HTML. */
  footnotes?: Record<string, string>;
  comments: SourceComment[];
}

/** What a reader yields as it streams an export. */
export type SourceEvent =
  | { type: 'site'; site: SourceSite }
  | { type: 'author'; author: SourceAuthor }
  | { type: 'item'; item: SourceItem }
  /** A comment held apart from its post (Blogger), joined by the post's key. */
  | { type: 'comment'; postKey: string; comment: SourceComment };
