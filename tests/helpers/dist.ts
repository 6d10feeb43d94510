/** Reading the built site in dist/. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { PROJECT } from './fixture.ts';

export const DIST = join(PROJECT, 'dist');

/** The file that serves a site path (`/kapitel/vorwort/` → dist/kapitel/vorwort/index.html). */
export function fileFor(path: string): string {
  const clean = path.split('#')[0]!;
  return join(DIST, clean.endsWith('/') ? `${clean}index.html` : clean);
}

const cache = new Map<string, HTMLElement>();
export function page(path: string): HTMLElement {
  let root = cache.get(path);
  if (!root) {
    const file = fileFor(path);
    if (!existsSync(file)) throw new Error(`Keine Seite für ${path} (${file})`);
    root = parse(readFileSync(file, 'utf8'));
    cache.set(path, root);
  }
  return root;
}

/** All HTML pages as site paths, without redirect pages (which Astro writes for moved paths). */
export function allPages(dir = DIST, prefix = '/'): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === '_astro' || name === 'pagefind') continue;
      out.push(...allPages(full, `${prefix}${name}/`));
    } else if (name.endsWith('.html') && !/<meta\s+http-equiv="refresh"/i.test(readFileSync(full, 'utf8'))) {
      out.push(name === 'index.html' ? prefix : `${prefix}${name}`);
    }
  }
  return out.sort();
}
