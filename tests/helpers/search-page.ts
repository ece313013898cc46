import type { Page } from 'playwright-core';

/** Waits until the search page has finished the search its URL describes (`?q=…&topic=…`, or `''`). */
export async function waitForSearch(page: Page, query?: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const root = document.querySelector<HTMLElement>('[data-search]');
      if (!root || root.dataset['status'] !== 'done') return false;
      const normal = (query: string) =>
        [...new URLSearchParams(query)]
          .map((pair) => pair.join('='))
          .sort()
          .join('&');
      return normal(root.dataset['query'] ?? '') === normal(expected ?? location.search);
    },
    query,
    { timeout: 20_000 },
  );
}

/** The links of the results shown, in order. */
export function resultLinks(page: Page): Promise<string[]> {
  return page.$$eval('#search-results > li h3 a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** Presses "Show more" until every result is listed, waiting for each page of results to arrive. */
export async function showAllResults(page: Page): Promise<void> {
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const listed = await page.locator('#search-results > li').count();
    try {
      await more.click({ timeout: 5_000 });
    } catch (error) {
      // A press still loading (a double click) can list the last results between the look and the click,
      // and the button hides then; only a button still shown and not pressed is a failure.
      if (await more.isVisible()) throw error;
      break;
    }
    await page.waitForFunction((before) => document.querySelectorAll('#search-results > li').length > before, listed, {
      timeout: 20_000,
    });
  }
}

/** Opens the search page at a query string and waits for its results. */
export async function openSearch(page: Page, siteUrl: string, query: string): Promise<string[]> {
  await page.goto(`${siteUrl}search/${query}`);
  await waitForSearch(page, query);
  return resultLinks(page);
}
