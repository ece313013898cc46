/** Objects and arrays shorter than this, as JSON, are left as copies: an anchor would cost about as much. */
const WORTH_SHARING = 120;

interface Visited {
  value: unknown;
  /** The node's content, with each object or array inside it named by its number in `ids`. */
  key: string;
  /** About as many characters as the node takes in JSON. */
  size: number;
}

/**
 * The same data with each object or array that occurs more than once, by content, made one shared
 * instance, so that YAML writes it once with an anchor and points back to it with aliases. The editor's
 * configuration repeats each kind's fields for every school (2,000 post lists at 400 schools, 14 MB of
 * YAML written out in full); Sveltia reads anchors and aliases in its configuration, without a limit on
 * their number. Small objects stay copies, which keeps the file readable.
 */
export function shareRepeats<T>(data: T): T {
  const ids = new Map<string, number>();
  const shared: unknown[] = [];
  const visit = (node: unknown): Visited => {
    if (node === null || typeof node !== 'object') {
      const key = node === undefined ? 'u' : JSON.stringify(node);
      return { value: node, key, size: key.length };
    }
    const array = Array.isArray(node);
    const entries = (array ? node.map((item, i) => [String(i), item]) : Object.entries(node)) as [string, unknown][];
    const children = entries.map(([name, child]) => ({ name, ...visit(child) }));
    const built: unknown = array
      ? children.map((child) => child.value)
      : Object.fromEntries(children.map((child) => [child.name, child.value]));
    const key = `${array ? '[' : '{'}${children.map((child) => `${array ? '' : `${JSON.stringify(child.name)}:`}${child.key}`).join(',')}`;
    const size = children.reduce((sum, child) => sum + child.size + (array ? 1 : child.name.length + 4), 2);
    let id = ids.get(key);
    if (id === undefined) {
      id = shared.length;
      ids.set(key, id);
      shared.push(built);
    }
    return { value: size >= WORTH_SHARING ? shared[id] : built, key: `#${id}`, size };
  };
  return visit(data).value as T;
}
