/**
 * Telling the demo network apart from a real one, and getting the demo back. The demo is the network whose address
 * is the demo's: `npm run setup` never accepts that address for a real network, so the test cannot be fooled by a
 * network someone set up, however much of the demo they kept.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isDemoAddress } from './questions.ts';

export type ContentState =
  | { kind: 'missing' }
  | { kind: 'empty' }
  | { kind: 'demo' }
  /** A network that is not the demo: never replaced without `--force`. */
  | { kind: 'network'; name: string }
  /** Files, but no readable `network.yaml`: treated as someone's work. */
  | { kind: 'unknown' };

/** What a `network.yaml` says about itself: the demo, a named network, or nothing readable. */
export function networkIdentity(text: string): { demo: boolean; name?: string } {
  try {
    const data = parse(text) as { name?: unknown; site?: unknown } | null;
    const name = typeof data?.name === 'string' ? data.name : undefined;
    return { demo: typeof data?.site === 'string' && isDemoAddress(data.site), ...(name ? { name } : {}) };
  } catch {
    return { demo: false };
  }
}

/** What a content folder holds now. */
export function contentState(root: string): ContentState {
  if (!existsSync(root)) return { kind: 'missing' };
  if (readdirSync(root).filter((name) => !name.startsWith('.')).length === 0) return { kind: 'empty' };
  const file = ['network.yaml', 'network.yml'].map((name) => join(root, name)).find((path) => existsSync(path));
  if (!file) return { kind: 'unknown' };
  const identity = networkIdentity(readFileSync(file, 'utf8'));
  if (identity.demo) return { kind: 'demo' };
  return identity.name ? { kind: 'network', name: identity.name } : { kind: 'unknown' };
}

/** Where the demo is kept in the repository's history. */
const DEMO_PATH = 'content';

/**
 * Writes the newest demo network in the project's git history into `target` (which must not exist yet): the demo
 * as it was before `npm run setup` replaced it, even after the new network has been committed.
 * Returns false when the project is not a git clone or its history has no demo.
 */
export function demoFromGit(projectRoot: string, target: string): boolean {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  let commits: string[];
  try {
    commits = git('log', '--format=%H', '--', `${DEMO_PATH}/network.yaml`).split('\n').filter(Boolean);
  } catch {
    return false;
  }
  const commit = commits.find((hash) => {
    try {
      return networkIdentity(git('show', `${hash}:${DEMO_PATH}/network.yaml`)).demo;
    } catch {
      return false;
    }
  });
  if (!commit) return false;
  mkdirSync(target, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', commit, DEMO_PATH], {
    cwd: projectRoot,
    maxBuffer: 256 * 1024 * 1024,
  });
  execFileSync('tar', ['-x', '-C', target, '--strip-components=1'], { input: archive });
  return true;
}
