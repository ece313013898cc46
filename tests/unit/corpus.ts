import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkContent } from '../../src/lib/check/check-content.ts';
import type { ContentIssue } from '../../src/lib/content-issue.ts';

export const BASE = resolve('tests/fixtures/network');
export const BAD = resolve('tests/fixtures/bad');
export const TMP = resolve('tests/.tmp/bad');
/** Every case is checked "as of" this day, so the fixture's 2099 post stays scheduled. */
export const NOW = new Date('2025-06-01T00:00:00Z');

export const cases = () =>
  readdirSync(BAD, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** Copies the valid base network, lays the case's files over it and removes those it lists. */
export function materialise(name: string): string {
  const dir = join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(BASE, dir, { recursive: true });
  if (name === 'base') return dir;
  const overlay = join(BAD, name, 'content');
  if (existsSync(overlay)) cpSync(overlay, dir, { recursive: true });
  const removals = join(BAD, name, 'remove.json');
  if (existsSync(removals)) {
    for (const path of JSON.parse(readFileSync(removals, 'utf8')) as string[]) rmSync(join(dir, path), { force: true });
  }
  return dir;
}

/** Checks a materialised case; file paths in issues are relative to the case's content folder. */
export async function check(dir: string) {
  return checkContent({ root: dir, cwd: dir, now: NOW });
}

let baseIssues: Promise<string[]> | undefined;

/** Issues the case adds to those of the base network. */
export async function newIssues(name: string): Promise<ContentIssue[]> {
  baseIssues ??= check(materialise('base')).then((result) => result.issues.map((issue) => JSON.stringify(issue)));
  const base = new Set(await baseIssues);
  const result = await check(materialise(name));
  return result.issues.filter((issue) => !base.has(JSON.stringify(issue)));
}
