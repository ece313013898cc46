/**
 * Finds the line of a field in YAML or front matter text, so messages can point at it.
 * `path` is like `authors[0]` or `caseStudy.outcomes`; falls back to the nearest parent key found.
 */
export function lineOfField(text: string, path: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const parts = path.split('.').flatMap((part) => {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [part];
    const indexes = [...match[2]!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    return [match[1]!, ...indexes];
  });
  let from = 0;
  let found: number | undefined;
  let indent = -1;
  for (const part of parts) {
    if (typeof part === 'number') {
      if (found === undefined) break;
      const inline = lines[found]!.match(/:\s*\[(.*)\]\s*$/);
      if (inline) return found + 1;
      let seen = -1;
      for (let i = found + 1; i < lines.length; i++) {
        const line = lines[i]!;
        if (/^\s*$/.test(line)) continue;
        const lead = line.search(/\S/);
        if (lead <= indent) break;
        if (/^\s*-\s/.test(line) && ++seen === part) {
          found = i;
          from = i;
          indent = lead;
          break;
        }
      }
      continue;
    }
    const key = new RegExp(`^(\\s*)(?:-\\s+)?["']?${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`);
    let hit = -1;
    for (let i = from; i < lines.length; i++) {
      const match = key.exec(lines[i]!);
      if (match && match[1]!.length > indent) {
        hit = i;
        indent = match[1]!.length;
        break;
      }
    }
    if (hit === -1) break;
    found = hit;
    from = hit + 1;
  }
  return found === undefined ? undefined : found + 1;
}
