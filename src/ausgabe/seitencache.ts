/**
 * What the checks after the build found on each page, kept for the next build: a page with the
 * same bytes (most of them, after an incremental build) is not parsed again. The results live in
 * the plan's cache folder, keyed by the digest of the page and of Planwerk's own code, so a
 * changed check never reuses what an older one found.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let codeDigest: string | undefined;

/**
 * The digest of Planwerk's code (this folder's parent: src/ here, paket/ in the package), read once
 * per process. Every cache of Planwerk's own results (these per page, the search cache, the PDF)
 * carries it, so a result of other code is never taken.
 */
export function planwerkCode(): string {
  if (codeDigest) return codeDigest;
  const wurzel = dirname(dirname(fileURLToPath(import.meta.url)));
  const h = createHash('sha256');
  const dateien = (readdirSync(wurzel, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  for (const datei of dateien) h.update(datei.slice(wurzel.length)).update(readFileSync(datei));
  codeDigest = h.digest('base64url');
  return codeDigest;
}

/** A check's results per page, read from and written to `cacheDir`/planwerk-<name>.json. */
export class SeitenCache<T> {
  readonly #datei: string | undefined;
  readonly #alt = new Map<string, T>();
  readonly #neu = new Map<string, T>();
  #geaendert = false;

  constructor(cacheDir: string | undefined, name: string) {
    this.#datei = cacheDir && join(cacheDir, `planwerk-${name}.json`);
    if (!this.#datei || !existsSync(this.#datei)) return;
    try {
      const gelesen = JSON.parse(readFileSync(this.#datei, 'utf8')) as { code: string; seiten: Record<string, T> };
      if (gelesen.code === planwerkCode()) for (const [k, v] of Object.entries(gelesen.seiten)) this.#alt.set(k, v);
    } catch {
      // An unreadable cache is no cache.
    }
  }

  /** The result for a page's text (and whatever else `teile` names), from the cache or from `pruefe`. */
  hole(html: string, teile: string[], pruefe: () => T): T {
    const h = createHash('sha256');
    for (const t of teile) h.update(t).update('\0');
    const schluessel = h.update(html).digest('base64url');
    let ergebnis = this.#neu.get(schluessel) ?? this.#alt.get(schluessel);
    if (ergebnis === undefined) {
      ergebnis = pruefe();
      this.#geaendert = true;
    }
    this.#neu.set(schluessel, ergebnis);
    return ergebnis;
  }

  /** Keeps the results of this build's pages only (and writes nothing when they are the last build's). */
  speichere(): void {
    if (!this.#datei || (!this.#geaendert && this.#neu.size === this.#alt.size)) return;
    mkdirSync(dirname(this.#datei), { recursive: true });
    writeFileSync(this.#datei, JSON.stringify({ code: planwerkCode(), seiten: Object.fromEntries(this.#neu) }));
  }
}
