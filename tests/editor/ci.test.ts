import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { githubAnnotations, gitlabCodeQuality } from '../../src/lib/ci/annotations.ts';
import type { ContentIssue } from '../../src/lib/content-issue.ts';
import { root } from '../helpers/build.ts';

const issues: ContentIssue[] = [
  {
    file: 'content/posts/oak/rules.mdx',
    line: 7,
    field: 'authors[0]',
    message: '"jdoe" is not an author (did you mean "j-doe"?)',
    severity: 'error',
    code: 'unknown-reference',
  },
  {
    file: 'content/posts/oak/brief.md',
    field: 'description',
    message: 'is short (20 characters): 50%',
    severity: 'warning',
    code: 'description-length',
  },
];

describe('check results for CI', () => {
  it('become GitHub annotations on the file and line, in the check’s words', () => {
    expect(githubAnnotations(issues)).toEqual([
      '::error file=content/posts/oak/rules.mdx,line=7,title=Commonroom check%3A authors[0]::authors[0]: "jdoe" is not an author (did you mean "j-doe"?)',
      '::warning file=content/posts/oak/brief.md,title=Commonroom check%3A description::description: is short (20 characters): 50%25',
    ]);
  });

  it('become a GitLab Code Quality report', () => {
    const [error, warning] = gitlabCodeQuality(issues) as Record<string, unknown>[];
    expect(error).toMatchObject({
      description: 'content/posts/oak/rules.mdx:7 authors[0]: "jdoe" is not an author (did you mean "j-doe"?)',
      severity: 'major',
      location: { path: 'content/posts/oak/rules.mdx', lines: { begin: 7 } },
    });
    expect(warning).toMatchObject({ severity: 'minor', location: { lines: { begin: 1 } } });
    expect(error!['fingerprint']).not.toBe(warning!['fingerprint']);
  });

  it('fail the job on a bad post, with the annotation GitHub shows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'commonroom-ci-'));
    const json = join(dir, 'check.json');
    const content = join(root, 'tests/fixtures/bad/missing-hero-alt/content');
    try {
      execFileSync(process.execPath, [join(root, 'scripts/check.ts'), '--content', content, '--json'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      writeFileSync(json, (error as { stdout: Buffer }).stdout);
    }
    let output = '';
    let status = 0;
    try {
      execFileSync(process.execPath, [join(root, 'scripts/ci-annotations.ts'), 'github', json], { cwd: root });
    } catch (error) {
      output = String((error as { stdout: Buffer }).stdout);
      status = (error as { status: number }).status;
    }
    expect(status).toBe(1);
    expect(output).toContain(
      '::error file=tests/fixtures/bad/missing-hero-alt/content/posts/oak-primary/heroic.md,line=8,title=Commonroom check%3A heroAlt::heroAlt: a hero image needs heroAlt',
    );
  });

  it('run on every push and pull request on GitHub and GitLab', () => {
    const github = parse(readFileSync(join(root, '.github/workflows/check.yml'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(github['on'] as object)).toEqual(['push', 'pull_request']);
    expect(JSON.stringify(github)).toContain('node scripts/ci-annotations.ts github check-result.json');
    const gitlab = parse(readFileSync(join(root, 'deploy/gitlab-ci.yml'), 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    expect(JSON.stringify(gitlab['check'])).toContain('node scripts/ci-annotations.ts gitlab check-result.json');
    expect(gitlab['check']!['artifacts']).toMatchObject({ reports: { codequality: 'gl-code-quality-report.json' } });
    expect(gitlab['pages']!['needs']).toEqual(['check']);
  });

  it('install with npm install, which accepts a lockfile written on another platform', () => {
    for (const file of ['.github/workflows/check.yml', '.github/workflows/pages.yml', 'deploy/gitlab-ci.yml']) {
      // Comments may say why `npm ci` is not used; the commands must not use it.
      const commands = readFileSync(join(root, file), 'utf8').replace(/#.*$/gm, '');
      expect(commands, file).toMatch(/npm install/);
      expect(commands, file).not.toMatch(/npm ci\b/);
    }
  });
});
