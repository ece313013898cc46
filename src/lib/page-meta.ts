import type { BrandColours } from './colour.ts';
import type { FeedSubject } from './urls.ts';

/** Which social card layout a page gets. */
export type PageType = 'network' | 'post' | 'school' | 'author' | 'family' | 'topic' | 'page';

/** What a page tells the layout about itself: head tags, card and colours all come from this. */
export interface PageMeta {
  title: string;
  description: string;
  lang: string;
  type: PageType;
  brand?: BrandColours | undefined;
  /** Absolute canonical URL when it is not the page's own address (a self-hosting school's post). */
  canonical?: string | undefined;
  article?:
    | {
        published: Date;
        modified?: Date | undefined;
        authors: string[];
        section: string;
        tags: string[];
      }
    | undefined;
  /** Whose feeds the page advertises besides the site's own (a school's page: the school's feeds). */
  feed?: FeedSubject | undefined;
  /** Page number of a paginated listing: its title says so, and later pages share the first page's card. */
  page?: number;
  /** The page sets prose in the serif face (posts do anyway), so the serif fonts are preloaded too. */
  prose?: boolean;
  /** Every language version of the page (itself included), as local hrefs: `<link rel="alternate" hreflang>`. */
  alternates?: { lang: string; href: string }[] | undefined;
  /** Keeps the page out of search engines (the 404 page). */
  noindex?: boolean;
}
