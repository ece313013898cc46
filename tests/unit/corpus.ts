import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkContent } from '../../src/lib/check/check-content.ts';
import { issueKey, type ContentIssue } from '../../src/lib/content-issue.ts';
import { inlineCases } from './corpus-cases.ts';

export const BASE = resolve('tests/fixtures/network');
export const BAD = resolve('tests/fixtures/bad');
export const TMP = resolve('tests/.tmp/bad');
export const EXPECTED = resolve('tests/unit/corpus-expected.json');
/** Every case is checked "as of" this day, so the fixture's 2099 post stays scheduled. */
export const NOW = new Date('2025-06-01T00:00:00Z');

/** Names of the folder cases (tests/fixtures/bad/<name>/) and the inline ones (corpus-cases.ts). */
export const cases = () => [
  ...readdirSync(BAD, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort(),
  ...inlineCases.map((inline) => inline.name),
];

/** What the check must add for a case: its expected.json, or its entry in corpus-expected.json. */
export function expectedOf(name: string): ContentIssue[] {
  const folder = join(BAD, name, 'expected.json');
  if (existsSync(folder)) return JSON.parse(readFileSync(folder, 'utf8')) as ContentIssue[];
  const all = JSON.parse(readFileSync(EXPECTED, 'utf8')) as Record<string, ContentIssue[]>;
  const expected = all[name];
  if (!expected) throw new Error(`${name} has no entry in ${EXPECTED}`);
  return expected;
}

/** Copies the valid base network, lays the case's files over it and removes those it lists. */
export function materialise(name: string): string {
  const dir = join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(BASE, dir, { recursive: true });
  if (name === 'base') return dir;
  const inline = inlineCases.find((candidate) => candidate.name === name);
  if (inline) {
    for (const [path, content] of Object.entries(inline.files ?? {})) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    for (const [path, target] of Object.entries(inline.links ?? {})) symlinkSync(target, join(dir, path));
    for (const path of inline.remove ?? []) rmSync(join(dir, path), { force: true });
    return dir;
  }
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

let baseIssues: Promise<Set<string>> | undefined;

/** Issues the case adds to those of the base network, in the form expected.json holds them. */
export async function newIssues(name: string): Promise<ContentIssue[]> {
  baseIssues ??= check(materialise('base')).then((result) => new Set(result.issues.map(issueKey)));
  const base = await baseIssues;
  const result = await check(materialise(name));
  return result.issues
    .filter((issue) => !base.has(issueKey(issue)))
    .map(({ file, line, column, field, message, severity, code }) => ({
      file,
      ...(line ? { line } : {}),
      ...(column ? { column } : {}),
      field,
      message,
      severity,
      code,
    }));
}
