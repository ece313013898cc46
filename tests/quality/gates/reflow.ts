import type { Browser } from 'playwright-core';

/** Widths a page must fit without scrolling sideways (WCAG 2.2 1.4.10 Reflow is 320 CSS px). */
export const reflowWidths = [320, 390] as const;

/**
 * Opens each page at each width and names those wider than the viewport, with the element that sticks
 * out furthest, so a failure says where to look.
 */
export async function pagesThatScrollSideways(
  browser: Browser,
  siteRoot: string,
  paths: readonly string[],
  widths: readonly number[] = reflowWidths,
): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light'] as const) {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
      const tab = await context.newPage();
      for (const path of paths) {
        await tab.goto(new URL(path.replace(/^\//, ''), siteRoot).href);
        const overflow = await tab.evaluate(() => {
          const root = document.documentElement;
          const viewport = root.clientWidth;
          if (root.scrollWidth <= viewport) return undefined;
          // The deepest element past the edge that no scrolling box contains is the one to fix.
          const contained = (element: Element) => {
            for (let up = element.parentElement; up && up !== document.body; up = up.parentElement)
              if (getComputedStyle(up).overflowX !== 'visible') return true;
            return false;
          };
          const describe = (element: Element) =>
            `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((c) => `.${c}`).join('')}`;
          // An absolutely positioned element escapes a scrolling box that is not its containing block.
          let widest = { right: 0, name: '' };
          let rightmost = { right: 0, name: '' };
          for (const element of document.body.querySelectorAll('*')) {
            const box = element.getBoundingClientRect();
            // Text that cannot wrap overflows its box without widening it.
            const right = Math.max(box.right, box.left + element.scrollWidth);
            if (right <= viewport + 1) continue;
            if (right > rightmost.right) rightmost = { right, name: describe(element) };
            if (!contained(element)) widest = { right, name: describe(element) };
          }
          if (!widest.name) widest = rightmost;
          return { scrollWidth: root.scrollWidth, viewport, widest: widest.name, right: Math.round(widest.right) };
        });
        if (overflow)
          found.push(
            `${path} at ${width}px: ${overflow.scrollWidth}px wide in a ${overflow.viewport}px viewport (furthest: ${overflow.widest} to ${overflow.right}px)`,
          );
      }
      await context.close();
    }
  }
  return found;
}
