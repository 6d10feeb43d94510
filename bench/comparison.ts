/**
 * The comparison sites of the benchmark: the same Maßnahme texts as plain Markdown,
 * built with Starlight and with a bare Astro project plus Pagefind (once with the
 * unified processor Planwerk uses, once with Astro's default processor).
 *
 * The projects live outside the repository (in the system's temp folder) and are
 * installed there with `npm install` on first use; they are never dependencies of
 * Planwerk. Astro, the Markdown packages and Pagefind get exactly the versions
 * installed in Planwerk's node_modules, so only the generator differs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { hash } from './random.ts';

export const PROJECT = join(import.meta.dirname, '..');
/** Node 24 from Planwerk's own `node` devDependency; builds of all sites run with it. */
export const NODE = join(PROJECT, 'node_modules', '.bin', 'node');
export const STARLIGHT_VERSION = '0.42.4';
export const COMPARISON_ROOT = join(tmpdir(), 'planwerk-bench');

const installedVersion = (projectDir: string, pkg: string): string | undefined => {
  try {
    return JSON.parse(readFileSync(join(projectDir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};

/** Exact versions for the comparison projects, taken from Planwerk's node_modules. */
function planwerkVersions() {
  const v = (pkg: string) => {
    const version = installedVersion(PROJECT, pkg);
    if (!version) throw new Error(`${pkg} ist in Planwerks node_modules nicht installiert (npm ci?)`);
    return version;
  };
  return { astro: v('astro'), '@astrojs/markdown-remark': v('@astrojs/markdown-remark'), 'remark-gfm': v('remark-gfm'), pagefind: v('pagefind') };
}

export type ComparisonName = 'starlight' | 'bare-unified' | 'bare-standard';

export interface ComparisonBuild {
  name: ComparisonName;
  cwd: string;
  /** Arguments for npm. */
  npmArgs: string[];
  outDir: string;
  /** Folders a cold build deletes first. */
  coldDirs: string[];
}

const write = (file: string, text: string) => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
};

/** Writes package.json and installs when node_modules lacks a dependency in the right version. */
function ensureInstalled(dir: string, dependencies: Record<string, string>, scripts: Record<string, string>, log: (msg: string) => void) {
  write(join(dir, 'package.json'), JSON.stringify({ name: `bench-${basename(dir)}`, private: true, type: 'module', scripts, dependencies }, null, 2) + '\n');
  const missing = Object.entries(dependencies).filter(([pkg, version]) => installedVersion(dir, pkg) !== version);
  if (missing.length === 0) return;
  log(`Installiere ${basename(dir)} (${missing.map(([p, v]) => `${p}@${v}`).join(', ')}) in ${dir} …`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Creates (or updates) both comparison projects and installs them if needed. */
export function setupComparisons(log: (msg: string) => void = console.log) {
  const versions = planwerkVersions();
  const astroBuild = (config?: string) => `${NODE} node_modules/astro/bin/astro.mjs build${config ? ` --config ${config}` : ''}`;

  const starlight = join(COMPARISON_ROOT, 'starlight');
  ensureInstalled(starlight, { astro: versions.astro, '@astrojs/starlight': STARLIGHT_VERSION }, { build: astroBuild() }, log);
  write(
    join(starlight, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
  );

  const bare = join(COMPARISON_ROOT, 'bare');
  const pagefind = (dist: string) => `${NODE} node_modules/pagefind/lib/runner/bin.cjs --site ${dist}`;
  ensureInstalled(
    bare,
    versions,
    {
      'build:unified': `${astroBuild('astro.unified.mjs')} && ${pagefind('dist-unified')}`,
      'build:standard': `${astroBuild('astro.standard.mjs')} && ${pagefind('dist-standard')}`,
    },
    log,
  );
  const site = `site: 'https://mep.benchhausen.example'`;
  write(
    join(bare, 'astro.unified.mjs'),
    `// Bare Astro with the unified Markdown processor and remark-gfm, as Planwerk configures it.\nimport { defineConfig } from 'astro/config';\nimport { unified } from '@astrojs/markdown-remark';\nimport remarkGfm from 'remark-gfm';\n\nexport default defineConfig({\n  ${site},\n  outDir: './dist-unified',\n  cacheDir: './.cache-unified',\n  markdown: { processor: unified({ remarkPlugins: [remarkGfm] }) },\n});\n`,
  );
  write(
    join(bare, 'astro.standard.mjs'),
    `// Bare Astro with its default Markdown processor.\nimport { defineConfig } from 'astro/config';\n\nexport default defineConfig({\n  ${site},\n  outDir: './dist-standard',\n  cacheDir: './.cache-standard',\n});\n`,
  );
  write(
    join(bare, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nimport { z } from 'astro/zod';\n\nexport const collections = {\n  massnahmen: defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/massnahmen' }), schema: z.object({ title: z.string() }) }),\n};\n`,
  );
  write(
    join(bare, 'src', 'pages', 'massnahmen', '[...slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\n\nexport async function getStaticPaths() {\n  const entries = await getCollection('massnahmen');\n  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\n\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="de">\n  <head>\n    <meta charset="utf-8" />\n    <meta name="viewport" content="width=device-width, initial-scale=1" />\n    <title>{entry.data.title}</title>\n  </head>\n  <body>\n    <main data-pagefind-body>\n      <h1>{entry.data.title}</h1>\n      <Content />\n    </main>\n  </body>\n</html>\n`,
  );

  const builds: ComparisonBuild[] = [
    { name: 'starlight', cwd: starlight, npmArgs: ['run', 'build'], outDir: join(starlight, 'dist'), coldDirs: ['dist', '.cache', '.astro', 'node_modules/.astro', 'node_modules/.vite'].map((d) => join(starlight, d)) },
    { name: 'bare-unified', cwd: bare, npmArgs: ['run', 'build:unified'], outDir: join(bare, 'dist-unified'), coldDirs: ['dist-unified', '.cache-unified', '.astro'].map((d) => join(bare, d)) },
    { name: 'bare-standard', cwd: bare, npmArgs: ['run', 'build:standard'], outDir: join(bare, 'dist-standard'), coldDirs: ['dist-standard', '.cache-standard', '.astro'].map((d) => join(bare, d)) },
  ];
  return { starlight, bare, builds };
}

/**
 * A Maßnahme as plain Markdown: the frontmatter reduced to a title, every
 * `<Kennzahl … />` replaced by a stand-in number and explicit heading ids removed.
 */
export function toPlainMarkdown(mdx: string): { title: string; handlungsfeld: string; markdown: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  if (!match) throw new Error('Maßnahme ohne Frontmatter');
  const fm = parse(match[1]!) as { id: string; titel: string; handlungsfeld: string };
  const title = `${fm.id} ${fm.titel}`;
  const body = mdx
    .slice(match[0].length)
    .replace(/<Kennzahl\b[^>]*\/>/g, (tag) => (100 + (hash(tag) % 9900)).toLocaleString('de-DE'))
    .replace(/^(#{1,6} .*?)\s*\{#[A-Za-z0-9_-]+\}\s*$/gm, '$1');
  return { title, handlungsfeld: fm.handlungsfeld, markdown: `---\n${stringify({ title })}---\n${body}` };
}

/** Writes the Maßnahmen of a generated plan into both comparison projects (replacing earlier ones). */
export function writeComparisonContent(contentDir: string, projects: { starlight: string; bare: string }) {
  const starlightDocs = join(projects.starlight, 'src', 'content', 'docs');
  const bareDocs = join(projects.bare, 'src', 'content', 'massnahmen');
  rmSync(starlightDocs, { recursive: true, force: true });
  rmSync(bareDocs, { recursive: true, force: true });

  const felder = readdirSync(join(contentDir, 'handlungsfelder'))
    .sort()
    .map((file) => {
      const fm = parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(contentDir, 'handlungsfelder', file), 'utf8'))![1]!) as { titel: string; reihenfolge: number };
      return { id: basename(file, '.mdx'), titel: fm.titel, reihenfolge: fm.reihenfolge };
    })
    .sort((a, b) => a.reihenfolge - b.reihenfolge);

  for (const file of readdirSync(join(contentDir, 'massnahmen')).sort()) {
    const { handlungsfeld, markdown } = toPlainMarkdown(readFileSync(join(contentDir, 'massnahmen', file), 'utf8'));
    const name = basename(file, '.mdx') + '.md';
    write(join(starlightDocs, 'massnahmen', handlungsfeld, name), markdown);
    write(join(bareDocs, name), markdown);
  }
  write(join(starlightDocs, 'index.md'), `---\ntitle: Medienentwicklungsplan\n---\n\nDie Maßnahmen des Plans, nach Handlungsfeldern geordnet.\n`);

  // Starlight's usual navigation: one collapsed sidebar group per Handlungsfeld, listing its Maßnahmen.
  const sidebar = felder.map((f) => ({ label: f.titel, collapsed: true, items: [{ autogenerate: { directory: `massnahmen/${f.id}` } }] }));
  write(
    join(projects.starlight, 'astro.config.mjs'),
    `// Starlight with German as its only language and one sidebar group per Handlungsfeld.\nimport { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n\nexport default defineConfig({\n  site: 'https://mep.benchhausen.example',\n  cacheDir: './.cache',\n  integrations: [\n    starlight({\n      title: 'Medienentwicklungsplan',\n      defaultLocale: 'root',\n      locales: { root: { label: 'Deutsch', lang: 'de' } },\n      sidebar: ${JSON.stringify(sidebar)},\n    }),\n  ],\n});\n`,
  );
}

/** Deletes what a cold build must not find. */
export function clearForColdBuild(dirs: string[]) {
  for (const dir of dirs) if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
