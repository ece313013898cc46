import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;

export interface HtmlError {
  file: string;
  line?: number;
  message: string;
}

/** Runs the Nu HTML Checker over every `.html` file under a folder in one JVM; returns its errors. */
export async function validateHtml(dir: string): Promise<HtmlError[]> {
  const result = await run('java', ['-jar', vnuJar, '--format', 'json', '--errors-only', '--skip-non-html', dir], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stderr?: string; code?: number }) => {
    // vnu exits 1 when it finds errors; its report is still on stderr.
    if (error.code === 1 && error.stderr) return { stderr: error.stderr };
    throw error;
  });
  const report = JSON.parse(result.stderr || '{"messages":[]}') as {
    messages: { type: string; url?: string; lastLine?: number; message: string }[];
  };
  return report.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({
      file: m.url ? relative(dir, decodeURIComponent(new URL(m.url).pathname)) : dir,
      ...(m.lastLine ? { line: m.lastLine } : {}),
      message: m.message,
    }));
}
