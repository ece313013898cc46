import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { findRuleList, ruleAnchor } from '../../lib/rules';

/** Gives each rule of a rules-of-thumb post its `#rule-N` anchor, using the same list `extractRules` reads. */
export default function remarkRuleAnchors() {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: { kind?: string } } }).astro?.frontmatter;
    if (frontmatter?.kind !== 'rules-of-thumb') return;
    const list = findRuleList(tree);
    if (!list) return;
    list.data = { ...list.data, hProperties: { className: ['rules'] } };
    const start = list.start ?? 1;
    list.children.forEach((item, index) => {
      item.data = { ...item.data, hProperties: { id: ruleAnchor(start + index), className: ['rule'] } };
    });
  };
}
