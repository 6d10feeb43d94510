/**
 * The last council PDF, kept in the plan's cache folder, so that a rebuild that changed nothing
 * printed does not print again (`renderePdf`, src/ausgabe/pdf.ts).
 *
 * The key (`druckSchluessel`) is a digest of exactly what goes into the PDF: every file Chromium
 * loaded for the last print (the Druckfassung's HTML, its CSS, fonts, images, and which addresses
 * it asked for in vain), the document properties and link rule Planwerk adds afterwards, the
 * Chromium version and the system fonts it may use, the versions of playwright-core and pdf-lib,
 * and Planwerk's own code (src/ausgabe/seitencache.ts planwerkCode). Which files a print loads is decided
 * by the files themselves (the HTML and CSS name them), so the list of the last print is the
 * list of the next one as long as its digest matches; a print that loaded anything from outside
 * the built site is not kept.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { planwerkCode } from './seitencache.ts';

/** What the cache keeps beside the PDF. */
export interface PdfStand {
  schluessel: string;
  /** The built files the print loaded, relative to the output folder, in the order first asked for. */
  dateien: string[];
  seiten: number;
}

/** Everything besides the loaded files that decides the PDF's bytes. */
export interface PdfGrundlage {
  chrome: string;
  /** Document properties, base path and the link rule's origins. */
  angaben: unknown;
}

const ORDNER = 'pdf';
const PDF = 'druckfassung.pdf';
const STAND = 'stand.json';
/** Raised when the key's make-up changes, so an older cache entry can never match. */
const FORMAT = 1;


/** The version of an installed package, from its package.json found above its entry file. */
function paketVersion(name: string): string {
  let ordner = dirname(createRequire(import.meta.url).resolve(name));
  while (ordner !== dirname(ordner)) {
    const datei = join(ordner, 'package.json');
    if (existsSync(datei)) {
      const paket = JSON.parse(readFileSync(datei, 'utf8')) as { name?: string; version?: string };
      if (paket.name === name) return paket.version ?? '';
    }
    ordner = dirname(ordner);
  }
  return '';
}

/** A command's output, or an empty string when it does not run (no fc-list on the machine). */
function ausgabeVon(befehl: string, argumente: string[]): string {
  try {
    return execFileSync(befehl, argumente, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
  } catch {
    return '';
  }
}

/** The Chromium version and the installed fonts (file and version, sorted): what prints the same HTML. */
export function druckerStand(chrome: string): string {
  const schriften = ausgabeVon('fc-list', ['--format', '%{file} %{fontversion}\n']).split('\n').filter(Boolean).sort();
  return JSON.stringify([ausgabeVon(chrome, ['--version']).trim(), schriften]);
}

/** The key of a print: the digest of the loaded files (a missing one counts as missing) and the Grundlage. */
export function druckSchluessel(dist: string, dateien: readonly string[], grundlage: PdfGrundlage): string {
  const hash = createHash('sha256');
  const teil = (s: string | Buffer) => hash.update(`${s.length}:`).update(s);
  teil(JSON.stringify([FORMAT, grundlage.chrome, grundlage.angaben, paketVersion('playwright-core'), paketVersion('@cantoo/pdf-lib'), planwerkCode()]));
  for (const d of dateien) {
    const pfad = join(dist, d);
    teil(d);
    teil(existsSync(pfad) ? createHash('sha256').update(readFileSync(pfad)).digest('hex') : '-');
  }
  return hash.digest('hex');
}

/** The cached PDF and its Stand, if the cache holds one whose key matches this build's files. */
export function ausDemCache(cacheDir: string, dist: string, grundlage: PdfGrundlage): { stand: PdfStand; pdf: string } | undefined {
  const ordner = join(cacheDir, ORDNER);
  const pdf = join(ordner, PDF);
  if (!existsSync(pdf) || !existsSync(join(ordner, STAND))) return undefined;
  let stand: PdfStand;
  try {
    stand = JSON.parse(readFileSync(join(ordner, STAND), 'utf8')) as PdfStand;
  } catch {
    return undefined;
  }
  if (!Array.isArray(stand.dateien) || stand.dateien.length === 0) return undefined;
  return druckSchluessel(dist, stand.dateien, grundlage) === stand.schluessel ? { stand, pdf } : undefined;
}

/** Keeps this print's PDF and Stand as the cache's only entry (written beside, then renamed into place). */
export function imCacheAblegen(cacheDir: string, bytes: Uint8Array, stand: PdfStand): void {
  const ordner = join(cacheDir, ORDNER);
  mkdirSync(ordner, { recursive: true });
  // The old Stand goes first: a PDF never sits beside the key of another.
  rmSync(join(ordner, STAND), { force: true });
  writeFileSync(join(ordner, `${PDF}.neu`), bytes);
  renameSync(join(ordner, `${PDF}.neu`), join(ordner, PDF));
  writeFileSync(join(ordner, `${STAND}.neu`), `${JSON.stringify(stand, null, 1)}\n`);
  renameSync(join(ordner, `${STAND}.neu`), join(ordner, STAND));
}

/** Copies the cached PDF to its places in the output folder. */
export function ausCacheKopieren(pdf: string, ziele: readonly string[]): void {
  for (const ziel of ziele) {
    mkdirSync(dirname(ziel), { recursive: true });
    copyFileSync(pdf, ziel);
  }
}
