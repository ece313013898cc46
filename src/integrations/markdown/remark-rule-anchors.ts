import type { Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { translator } from '../../lib/i18n.ts';
import { postPathLanguage } from '../../lib/post-language.ts';
import { findRuleList, ruleAnchor, rulesFromTree } from '../../lib/rules.ts';

/**
 * Gives each rule of a rules-of-thumb post its `#rule-N` anchor, using the same list `extractRules` reads.
 * `data-pagefind-title` names the rule for search, so Pagefind shows each rule as its own sub-result
 * linking to its anchor (Pagefind otherwise makes sub-results only from headings). Each rule's number is a
 * visible link to the rule itself, so a reader can copy the address of one rule as of a heading.
 */
export default function remarkRuleAnchors() {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: { kind?: string; lang?: unknown } } }).astro
      ?.frontmatter;
    if (frontmatter?.kind !== 'rules-of-thumb') return;
    const list = findRuleList(tree);
    if (!list) return;
    const rules = rulesFromTree(tree);
    // Rules are named in the post's language: in search, and on each rule's link for screen readers.
    const t = translator(postPathLanguage(file.path, frontmatter.lang) ?? 'en');
    list.data = { ...list.data, hProperties: { className: ['rules'] } };
    const start = list.start ?? 1;
    list.children.forEach((item, index) => {
      const number = start + index;
      item.data = {
        ...item.data,
        hProperties: {
          id: ruleAnchor(number),
          className: ['rule'],
          dataPagefindTitle: rules[index]?.title ?? t('rulebook.rule', { number }),
        },
      };
      const link: Link = {
        type: 'link',
        url: `#${ruleAnchor(number)}`,
        children: [{ type: 'text', value: String(number) }],
        data: { hProperties: { className: ['rule-number'], ariaLabel: t('rulebook.rule', { number }) } },
      };
      const first = item.children[0];
      if (first?.type === 'paragraph') first.children.unshift(link);
      else item.children.unshift({ type: 'paragraph', children: [link] });
    });
  };
}
