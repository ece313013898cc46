import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * GFM task lists render disabled checkboxes with no label, which screen readers announce as
 * unlabelled form fields. The checkbox is hidden from assistive technology and its state is
 * spoken as text instead ("Done:" / "To do:").
 */
export default function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li' || !String(node.properties.className ?? '').includes('task-list-item')) return;
      const box = node.children.find(
        (child): child is Element =>
          child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox',
      );
      if (!box) return;
      box.properties.ariaHidden = 'true';
      const state: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['sr-only'] },
        children: [{ type: 'text', value: box.properties.checked ? 'Done: ' : 'To do: ' }],
      };
      node.children.splice(node.children.indexOf(box) + 1, 0, state);
    });
  };
}
