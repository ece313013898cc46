/**
 * The browser editor at `<base>admin/`: Sveltia CMS's bundle (`src/lib/cms/editor-bundle.ts`), copied into
 * the output with a `config.yml` generated from the content schemas and a page that previews posts with
 * the site's own stylesheet. `npm run dev` serves the same at `/admin/`, where the editor can open the
 * repository folder itself (Sveltia's local-repository mode).
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';
import { editorConfig, type EditorInput } from '../lib/cms/config.ts';
import { editorBundle } from '../lib/cms/editor-bundle.ts';
import { adminFiles, adminPage, configFile, kindLabelsByLanguage } from '../lib/cms/page.ts';
import { cachedEditorFiles, editorFilesKey, type EditorFiles } from '../lib/cms/editor-files.ts';
import { readEditorInput } from '../lib/cms/read-content.ts';
import { DamageReport } from '../lib/atomic-write.ts';
import { copyTree } from '../lib/link-files.ts';
import type { Scope } from '../lib/settings.ts';

export interface AdminOptions {
  /** `COMMONROOM_ADMIN=off` leaves `/admin/` out of the build. */
  enabled: boolean;
  contentRoot: string;
  scope: Scope;
  /** Where bundles are kept between builds, one folder per version of the editor and its script. */
  cacheDir: string;
}

/** The site's stylesheets, as linked from its built home page, for the editor's preview. */
function siteStyles(outDir: string): string[] {
  for (const page of ['index.html', '404.html']) {
    const file = join(outDir, page);
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    return [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]!);
  }
  return [];
}

/** What the editor's configuration is made from, read afresh from the content folder. */
const editorInput = (options: AdminOptions, root: string) =>
  readEditorInput({ contentRoot: options.contentRoot, projectRoot: root, scope: options.scope });

function generate(input: EditorInput, base: string) {
  const icon = `${base}favicon.svg`;
  const { config, notes, info, postCollections } = editorConfig({ ...input, icon }, { lenient: true });
  return { config, notes, info, postCollections, icon, title: String(config['app_title']) };
}

/** The built editor's own files, made from the network and the site's stylesheets. */
function builtEditorFiles(input: EditorInput, base: string, styles: string[]): EditorFiles {
  const generated = generate(input, base);
  return {
    config: configFile(generated.config),
    page: adminPage({
      title: generated.title,
      icon: generated.icon,
      data: {
        styles,
        postCollections: generated.postCollections,
        kindLabels: kindLabelsByLanguage(),
      },
    }),
    notes: generated.notes,
    info: generated.info,
    postLists: generated.postCollections.length,
  };
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Serves `/admin/` in `npm run dev`, with the configuration read afresh on every load. */
function devServer(options: AdminOptions, root: string, base: string, logger: AstroIntegrationLogger): Plugin {
  const prefix = `${base}admin/`;
  return {
    name: 'commonroom:admin-dev',
    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
        if (path === prefix.slice(0, -1)) {
          response.writeHead(301, { Location: prefix }).end();
          return;
        }
        if (!path.startsWith(prefix)) return next();
        const file = path.slice(prefix.length) || adminFiles.page;
        const generated = generate(editorInput(options, root), base);
        if (file === adminFiles.page) {
          // Vite serves the site's stylesheet as plain CSS with `?direct`, fonts resolved.
          const styles = [`${base}src/styles/global.css?direct`];
          response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          response.end(
            adminPage({
              title: generated.title,
              icon: generated.icon,
              data: { styles, postCollections: generated.postCollections, kindLabels: kindLabelsByLanguage() },
            }),
          );
          return;
        }
        if (file === adminFiles.config) {
          response.writeHead(200, { 'Content-Type': 'application/yaml; charset=utf-8' });
          response.end(configFile(generated.config));
          return;
        }
        const bundle = await editorBundle(options.cacheDir, logger);
        const source = join(bundle, file);
        if (!source.startsWith(bundle) || !existsSync(source)) return next();
        response.writeHead(200, { 'Content-Type': types[extname(source)] ?? 'application/octet-stream' });
        response.end(readFileSync(source));
      });
    },
  };
}

export default function admin(options: AdminOptions): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'commonroom:admin',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        root = fileURLToPath(config.root);
        base = config.base.replace(/\/?$/, '/');
        if (command === 'dev' && options.enabled) {
          updateConfig({ vite: { plugins: [devServer(options, root, base, logger)] } });
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const target = join(outDir, 'admin');
        // The folder is this integration's own: a kept output folder may hold the last build's editor.
        rmSync(target, { recursive: true, force: true });
        if (!options.enabled) return;
        const input = editorInput(options, root);
        const styles = siteStyles(outDir);
        const damage = new DamageReport('editor files cache');
        const { files, reused } = cachedEditorFiles(
          options.cacheDir,
          editorFilesKey({ input, base, styles }, root),
          () => builtEditorFiles(input, base, styles),
          damage,
        );
        damage.flush((line) => logger.warn(line));
        for (const note of files.notes) logger.warn(note);
        for (const line of files.info) logger.info(line);
        // Copied, not linked: a file changed in the output must never change the cached bundle, or the reverse.
        copyTree(await editorBundle(options.cacheDir, logger), target);
        await writeFile(join(target, adminFiles.config), files.config);
        await writeFile(join(target, adminFiles.page), files.page);
        const count = readdirSync(target, { recursive: true }).length;
        const made = reused ? ', its configuration as the last build made it' : '';
        logger.info(`/admin/ written (${count} files, ${files.postLists} post lists${made})`);
      },
    },
  };
}
