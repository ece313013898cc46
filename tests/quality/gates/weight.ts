import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { fileForPath, htmlFiles } from '../../helpers/html.ts';

/** First round trip: HTML plus CSS of a reading page, gzip. */
export const READING_PAGE_BUDGET = 14 * 1024;
/** JavaScript a search page may load before the first query (gzip), Pagefind's WebAssembly and index chunks excluded. */
export const SEARCH_JS_BUDGET = 40 * 1024;

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
}

const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Gzip bytes of each page's HTML, linked stylesheets and scripts (`base` is stripped from asset paths). */
export function measurePages(dir: string, base = '/'): PageWeight[] {
  return htmlFiles(dir).map((page) => {
    const root = parse(readFileSync(join(dir, page), 'utf8'));
    const asset = (href: string) => {
      const file = fileForPath(dir, href.startsWith(base) ? `/${href.slice(base.length)}` : href);
      if (!file) throw new Error(`${page} links ${href}, which is not in the build`);
      return gzip(file);
    };
    const css = root
      .querySelectorAll('link[rel="stylesheet"]')
      .reduce((sum, link) => sum + asset(link.getAttribute('href')!), 0);
    const js = root
      .querySelectorAll('script')
      .filter((script) => script.getAttribute('type') !== 'application/ld+json')
      .reduce(
        (sum, script) =>
          sum + (script.getAttribute('src') ? asset(script.getAttribute('src')!) : Buffer.byteLength(script.text)),
        0,
      );
    return { page, html: gzip(join(dir, page)), css, js };
  });
}

/** Pages over budget, each named with its bytes: reading pages over 14 KB or with any script, the search page over its JS budget. */
export function overBudget(
  weights: PageWeight[],
  isSearchPage = (page: string) => page.startsWith('search/'),
): string[] {
  return weights.flatMap(({ page, html, css, js }) => {
    if (isSearchPage(page))
      return js > SEARCH_JS_BUDGET ? [`${page}: ${js} bytes of JavaScript (budget ${SEARCH_JS_BUDGET})`] : [];
    const problems: string[] = [];
    if (html + css > READING_PAGE_BUDGET)
      problems.push(`${page}: ${html + css} bytes of HTML+CSS gzip (budget ${READING_PAGE_BUDGET})`);
    if (js > 0) problems.push(`${page}: ${js} bytes of JavaScript on a reading page (budget 0)`);
    return problems;
  });
}
