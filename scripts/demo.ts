/**
 * `npm run demo`: brings the demo network back after `npm run setup` replaced it. It goes back into content/ when
 * that folder is empty or missing; beside it, in demo/, when content/ holds your own network, which is never touched.
 * Usage: npm run demo -- [--content DIR]
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { settingsOrExit } from '../src/lib/settings.ts';
import { contentState, demoFromGit } from '../src/lib/setup/demo.ts';

const { values } = parseArgs({ options: { content: { type: 'string' } } });
const content = resolve(values.content ?? settingsOrExit().contentRoot);
const kept = join(dirname(content), 'demo');
const shown = (path: string) => relative(process.cwd(), path) || '.';
const state = contentState(content);

if (state.kind === 'demo') {
  console.log(`${shown(content)}/ already holds the demo network: npm run build, then npm run preview, shows it.`);
  process.exit(0);
}
const mine = state.kind === 'network' || state.kind === 'unknown';
const target = mine ? kept : content;
if (mine && contentState(kept).kind === 'demo') {
  console.log(`The demo network is in ${shown(kept)}/ already.`);
} else {
  if (existsSync(target) && contentState(target).kind !== 'empty') {
    console.error(`${shown(target)}/ holds something that is not the demo, so the demo was not put there.`);
    process.exit(1);
  }
  const staging = join(dirname(target), `.${basename(target)}-demo-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  if (!mine && contentState(kept).kind === 'demo') renameSync(kept, staging);
  else if (!demoFromGit(resolve(import.meta.dirname, '..'), staging)) {
    rmSync(staging, { recursive: true, force: true });
    console.error(
      'The demo network is not in this folder’s git history (was it downloaded without git?). ' +
        'A fresh copy of Commonroom has it in content/.',
    );
    process.exit(1);
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  console.log(`The demo network is back in ${shown(target)}/.`);
}
console.log(
  mine
    ? `Your own network in ${shown(content)}/ is untouched. To look at the demo:\n` +
        `  COMMONROOM_CONTENT=${shown(kept)} COMMONROOM_OUT=dist-demo npm run build\n` +
        `  COMMONROOM_CONTENT=${shown(kept)} COMMONROOM_OUT=dist-demo npm run preview`
    : 'npm run build, then npm run preview, shows it.',
);
