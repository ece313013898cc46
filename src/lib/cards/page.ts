import type { PageMeta } from '../page-meta.ts';
import type { Site } from '../site.ts';
import { describeCard } from './describe.ts';
import { CARD_HEIGHT, CARD_WIDTH } from './input.ts';
import { recordCard } from './record.ts';

/** A page's social card as its head tags need it. */
export interface PageCard {
  /** Absolute URL of the PNG. */
  url: string;
  alt: string;
  width: number;
  height: number;
}

/**
 * The social card of the page at `href` (the page's path, base included): records what to draw for the
 * build to render, and returns where the card will be. `meta.title` is the page's title without any page number.
 */
export function cardFor(meta: PageMeta, href: string, { network, urls }: Pick<Site, 'network' | 'urls'>): PageCard {
  // Later pages of a listing show the first page's card: same subject, one card to draw.
  const later = meta.page !== undefined && meta.page > 1;
  const cardHref = later ? href.replace(new RegExp(`${meta.page}/$`), '') : href;
  const { input, alt } = describeCard(meta, cardHref, network, urls);
  if (!later) recordCard({ file: urls.cardFile(cardHref), input, page: href });
  return { url: urls.absolute(urls.card(cardHref)), alt, width: CARD_WIDTH, height: CARD_HEIGHT };
}
