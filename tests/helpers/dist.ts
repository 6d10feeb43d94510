/** Reading a built site: the sample plan's dist/, or another sample plan's output folder. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { PROJECT } from './fixture.ts';

export const DIST = join(PROJECT, 'dist');

export interface GebauteSite {
  dist: string;
  /** The file that serves a site path (`/kapitel/vorwort/` → <dist>/kapitel/vorwort/index.html). */
  fileFor(path: string): string;
  /** A page, parsed once. */
  page(path: string): HTMLElement;
  /** All HTML pages as site paths, without redirect pages (which Astro writes for moved paths). */
  allPages(): string[];
}

const sites = new Map<string, GebauteSite>();

/** The built site in `dist` (one reader per folder, pages parsed once). */
export function site(dist: string): GebauteSite {
  let s = sites.get(dist);
  if (s) return s;
  const cache = new Map<string, HTMLElement>();
  const fileFor = (path: string) => {
    const clean = path.split('#')[0]!;
    return join(dist, clean.endsWith('/') ? `${clean}index.html` : clean);
  };
  const walk = (dir: string, prefix: string): string[] => {
    const out: string[] = [];
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name === '_astro' || name === 'pagefind') continue;
        out.push(...walk(full, `${prefix}${name}/`));
      } else if (name.endsWith('.html') && !/<meta\s+http-equiv="refresh"/i.test(readFileSync(full, 'utf8'))) {
        out.push(name === 'index.html' ? prefix : `${prefix}${name}`);
      }
    }
    return out.sort();
  };
  s = {
    dist,
    fileFor,
    page(path) {
      let root = cache.get(path);
      if (!root) {
        const file = fileFor(path);
        if (!existsSync(file)) throw new Error(`Keine Seite für ${path} (${file})`);
        root = parse(readFileSync(file, 'utf8'));
        cache.set(path, root);
      }
      return root;
    },
    allPages: () => walk(dist, '/'),
  };
  sites.set(dist, s);
  return s;
}

const musterstadt = site(DIST);
export const fileFor = musterstadt.fileFor;
export const page = musterstadt.page;
export const allPages = (): string[] => musterstadt.allPages();
