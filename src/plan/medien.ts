/**
 * The plan's own media files: everything in the content folder's `medien/` is published
 * unchanged under `/medien/` (src/ausgabe/pages/medien/[...datei].ts), so a video in Deutscher
 * Gebärdensprache, its captions and its poster image are served from the site's own origin.
 *
 * Only file kinds a browser shows without a plug-in are accepted, and each file must be what
 * its name says (a renamed .mov is not an MP4): a file that would be published broken fails
 * the build instead. The plan's fields that name a media file (`gebaerdensprache` in plan.yaml,
 * `pdf` of an adopted Fassung in fassungen.yaml) are checked against this folder.
 *
 * The folder is read as data: nothing is followed (a symbolic link, even to a file inside the
 * plan, is refused and named), sizes come from `lstat` (a large video is never read whole
 * here), the kind of a file from its first bytes by the library `file-type`, and names must be
 * what the site serves (README, „Gebärdensprache“).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, readdirSync, readlinkSync, type Dirent, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Problem } from './problems.ts';
import { besondereArt, displayDir, MEDIEN_ORDNER, type PlanLocation } from './sources.ts';
import type { PlanModel } from './model.ts';

export { MEDIEN_ORDNER };

/** Default limits (plan.yaml `medien: { maxDateiMB, maxGesamtMB }`), in MB of 1.048.576 bytes. */
export const MAX_DATEI_MB = 200;
export const MAX_GESAMT_MB = 1000;
const MB = 1024 * 1024;

interface Medienart {
  mime: string;
  art: string;
  /** What `file-type` may find in such a file (its `ext`); empty: checked by `echt` instead. */
  inhalte: string[];
  /** For text formats `file-type` does not judge reliably: is this the file's content (its first bytes)? */
  echt?: (kopf: Buffer) => boolean;
}

// WebVTT: the word WEBVTT at the start, after an optional byte order mark.
const istWebVtt = (kopf: Buffer) => /^(?:\uFEFF)?WEBVTT(?:[ \t\r\n]|$)/.test(kopf.subarray(0, 16).toString('utf8'));

/** File kinds the site publishes, by extension (lower case, without the dot). */
export const MEDIENARTEN: Record<string, Medienart> = {
  // An MP4 (brand isom, mp42, avc1 …; M4V is Apple's name for the same) – not QuickTime (brand "qt  ").
  mp4: { mime: 'video/mp4', art: 'ein MP4-Video', inhalte: ['mp4', 'm4v'] },
  webm: { mime: 'video/webm', art: 'ein WebM-Video', inhalte: ['webm'] },
  vtt: { mime: 'text/vtt; charset=utf-8', art: 'eine WebVTT-Untertiteldatei (erste Zeile „WEBVTT“)', inhalte: [], echt: istWebVtt },
  jpg: { mime: 'image/jpeg', art: 'ein JPEG-Bild', inhalte: ['jpg'] },
  jpeg: { mime: 'image/jpeg', art: 'ein JPEG-Bild', inhalte: ['jpg'] },
  png: { mime: 'image/png', art: 'ein PNG-Bild', inhalte: ['png', 'apng'] },
  pdf: { mime: 'application/pdf', art: 'ein PDF-Dokument', inhalte: ['pdf', 'ai'] },
  webp: { mime: 'image/webp', art: 'ein WebP-Bild', inhalte: ['webp'] },
};

/** How messages name a content `file-type` found (by its `ext`); others are named by their MIME type. */
const INHALTSNAMEN: Record<string, string> = {
  mov: 'ein QuickTime-Video', mp4: 'ein MP4-Video', m4v: 'ein MP4-Video', webm: 'ein WebM-Video', mkv: 'ein Matroska-Video',
  avi: 'ein AVI-Video', '3gp': 'ein 3GP-Video', jpg: 'ein JPEG-Bild', png: 'ein PNG-Bild', apng: 'ein PNG-Bild', webp: 'ein WebP-Bild',
  gif: 'ein GIF-Bild', heic: 'ein HEIC-Bild', avif: 'ein AVIF-Bild', tif: 'ein TIFF-Bild', pdf: 'ein PDF-Dokument', ai: 'ein PDF-Dokument',
  zip: 'ein ZIP-Archiv', docx: 'ein Word-Dokument', xlsx: 'eine Excel-Tabelle', pptx: 'eine PowerPoint-Präsentation',
  mp3: 'eine MP3-Tonaufnahme', m4a: 'eine M4A-Tonaufnahme', wav: 'eine WAV-Tonaufnahme', exe: 'ein Windows-Programm', vtt: 'eine WebVTT-Datei',
};

const VIDEO = ['mp4', 'webm'];
const BILD = ['jpg', 'jpeg', 'png', 'webp'];

const endung = (pfad: string) => extname(pfad).slice(1).toLowerCase();

/** The MIME type a media file is served with. */
export function medienTyp(pfad: string): string {
  return MEDIENARTEN[endung(pfad)]?.mime ?? 'application/octet-stream';
}

/** A size as an editor reads it in the file manager: „2,1 GB“, „350 MB“, „12 kB“ (units of 1.024). */
export function groesse(bytes: number): string {
  const zahl = (n: number) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(n);
  if (bytes >= 1024 * MB) return `${zahl(bytes / (1024 * MB))} GB`;
  if (bytes >= MB) return `${zahl(bytes / MB)} MB`;
  return `${zahl(Math.max(bytes / 1024, bytes > 0 ? 0.1 : 0))} kB`;
}

/** A path segment as the site serves it: ASCII letters, digits, „.“, „_“ and „-“, starting with a letter or digit. */
const GUELTIGES_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Is `rel` (below `medien/`) a name the site serves as it is? No spaces, umlauts, „..“ or leading dots. */
export function gueltigerMedienname(rel: string): boolean {
  return rel.split('/').every((segment) => GUELTIGES_SEGMENT.test(segment));
}

/** The name to use instead: „Gebärden Video.mp4“ → „gebaerden-video.mp4“. */
export function vorschlagMedienname(rel: string): string {
  return rel
    .split('/')
    .map((segment) => {
      const ascii = segment
        .normalize('NFC')
        .replace(/[äÄ]/g, 'ae').replace(/[öÖ]/g, 'oe').replace(/[üÜ]/g, 'ue').replace(/ß/g, 'ss')
        .normalize('NFD').replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-._]+/, '')
        .replace(/-+(?=\.)|(?<=\.)-+/g, '')
        .replace(/-+$/, '');
      return ascii || 'datei';
    })
    .join('/');
}

/** One entry of the media folder, as `lstat` sees it (nothing is followed). */
interface MedienEintrag {
  /** Path relative to the content folder (`medien/dgs.mp4`). */
  rel: string;
  abs: string;
  stats: Stats;
}

/**
 * Walks the media folder without following anything: regular files are returned, a symbolic
 * link (to a file, a folder or itself), a FIFO, socket or device is a problem naming it.
 * Names starting with "." are the editor's own and are skipped. Never throws.
 */
function leseMedienordner(ort: PlanLocation): { dateien: MedienEintrag[]; problems: Problem[] } {
  const dateien: MedienEintrag[] = [];
  const problems: Problem[] = [];
  const ordner = `${displayDir(ort)}/${MEDIEN_ORDNER}`;
  const wurzel = join(ort.contentDir, MEDIEN_ORDNER);
  const melde = (rel: string, abs: string, dirent: Pick<Dirent, 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>) => {
    const file = `${displayDir(ort)}/${rel}`;
    const erwartet = rel === MEDIEN_ORDNER ? `einen Ordner im Planordner ${displayDir(ort)}/` : `eine Datei im Ordner ${ordner}/`;
    if (dirent.isSymbolicLink()) {
      let ziel = '?';
      try {
        ziel = readlinkSync(abs);
      } catch {
        // The link's target is named when it can be read; the link is refused either way.
      }
      problems.push({
        file,
        expected: erwartet,
        found: `einen symbolischen Link auf „${ziel}“`,
        hinweis: `Planwerk folgt keinen Links, damit nichts von außerhalb des Plans veröffentlicht wird: ${rel === MEDIEN_ORDNER ? 'den Ordner selbst in den Planordner' : 'die Datei selbst in den Ordner'} kopieren und den Link löschen.`,
      });
    } else {
      problems.push({
        file,
        expected: `eine gewöhnliche Datei im Ordner ${ordner}/`,
        found: besondereArt(dirent),
        hinweis: 'Nur gewöhnliche Dateien werden veröffentlicht: den Eintrag aus dem Ordner nehmen.',
      });
    }
  };
  let wurzelStats: Stats;
  try {
    wurzelStats = lstatSync(wurzel);
  } catch {
    return { dateien, problems };
  }
  if (!wurzelStats.isDirectory()) {
    if (wurzelStats.isSymbolicLink() || !wurzelStats.isFile()) melde(MEDIEN_ORDNER, wurzel, wurzelStats);
    else problems.push({ file: ordner, expected: 'einen Ordner mit den Mediendateien des Plans', found: 'eine Datei dieses Namens' });
    return { dateien, problems };
  }
  const gehe = (abs: string, rel: string) => {
    let eintraege: Dirent[];
    try {
      eintraege = readdirSync(abs, { withFileTypes: true });
    } catch {
      problems.push({ file: `${displayDir(ort)}/${rel}`, expected: 'einen lesbaren Ordner', found: 'einen Ordner ohne Leserecht' });
      return;
    }
    for (const dirent of eintraege.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (dirent.name.startsWith('.')) continue;
      const voll = join(abs, dirent.name);
      const relVoll = posix.join(rel, dirent.name);
      if (dirent.isDirectory()) gehe(voll, relVoll);
      else if (dirent.isFile()) {
        try {
          dateien.push({ rel: relVoll, abs: voll, stats: lstatSync(voll) });
        } catch {
          problems.push({ file: `${displayDir(ort)}/${relVoll}`, expected: 'eine lesbare Datei', found: 'eine Datei ohne Leserecht' });
        }
      } else melde(relVoll, voll, dirent);
    }
  };
  gehe(wurzel, MEDIEN_ORDNER);
  return { dateien, problems };
}

/** Every regular file in the plan's media folder, as paths relative to the content folder (`medien/dgs.mp4`); links are never listed. */
export function medienDateien(ort: PlanLocation): string[] {
  return leseMedienordner(ort).dateien.map((d) => d.rel);
}

/** Opens a file for reading without following a symbolic link (O_NOFOLLOW where the system has it). */
function oeffneOhneLink(datei: string): number {
  return openSync(datei, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
}

/** A published media file's bytes (src/ausgabe/pages/medien): a regular file, never through a link. */
export function leseMedium(datei: string): Buffer<ArrayBuffer> {
  const fd = oeffneOhneLink(datei);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`Planwerk: „${datei}“ ist keine gewöhnliche Datei.`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The bytes `file-type` needs to recognise a file (its sample size): only the head of a large video is read. */
const KOPFGROESSE = 4100;

/** The first bytes of a file, read without following a link. */
function kopfVon(datei: string): Buffer {
  const kopf = Buffer.alloc(KOPFGROESSE);
  const fd = oeffneOhneLink(datei);
  try {
    return kopf.subarray(0, readSync(fd, kopf, 0, kopf.length, 0));
  } finally {
    closeSync(fd);
  }
}

interface Erkannt {
  ext: string;
  mime: string;
}

/** Where `file-type` lives, as a URL its worker can import. */
function fileTypeModul(): string {
  try {
    if (typeof import.meta.resolve === 'function') return import.meta.resolve('file-type');
  } catch {
    // Inside Vite, import.meta.resolve may be missing: resolve from the project instead.
  }
  return pathToFileURL(createRequire(join(process.cwd(), 'package.json')).resolve('file-type')).href;
}

// file-type is asynchronous, the plan's check is not: a worker detects, and this thread waits for it.
const ERKENNER = `
const { workerData } = require('node:worker_threads');
const { port, signal, modul, koepfe } = workerData;
(async () => {
  let antwort;
  try {
    const { fileTypeFromBuffer } = await import(modul);
    antwort = [];
    for (const kopf of koepfe) antwort.push((await fileTypeFromBuffer(kopf).catch(() => undefined)) ?? null);
  } catch (fehler) {
    antwort = { fehler: String((fehler && fehler.message) || fehler) };
  }
  port.postMessage(antwort);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
})();
`;

/**
 * What each head of a file is, by its magic number (the maintained library `file-type`):
 * `null` where it recognises nothing; `undefined` if detection itself failed.
 */
export function erkenneInhalte(koepfe: Uint8Array[]): (Erkannt | null)[] | undefined {
  if (koepfe.length === 0) return [];
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | undefined;
  try {
    worker = new Worker(ERKENNER, { eval: true, workerData: { port: port2, signal, modul: fileTypeModul(), koepfe }, transferList: [port2], stdout: true, stderr: true });
    worker.unref();
    if (Atomics.wait(signal, 0, 0, 60_000) === 'timed-out') return undefined;
    const antwort = receiveMessageOnPort(port1)?.message as (Erkannt | null)[] | { fehler: string } | undefined;
    if (Array.isArray(antwort)) return antwort.map((e) => (e ? { ext: e.ext, mime: e.mime } : null));
    if (process.env.PLANWERK_DEBUG) console.error('Planwerk: file-type im Worker:', antwort?.fehler);
    return undefined;
  } catch (fehler) {
    if (process.env.PLANWERK_DEBUG) console.error('Planwerk: file-type im Worker:', fehler);
    return undefined;
  } finally {
    port1.close();
    void worker?.terminate();
  }
}

/** How a message names what a file really is: „ein QuickTime-Video (video/quicktime)“. */
function inhaltsname(erkannt: Erkannt | null): string {
  if (!erkannt) return 'eine Datei, deren Inhalt keine bekannte Art von Datei ist';
  return `${INHALTSNAMEN[erkannt.ext] ?? 'eine Datei'} (${erkannt.mime})`;
}

/**
 * Checks the media folder and the plan's fields that name a media file: no links or special
 * files, names the site serves as they are, sizes within the plan's limits, each file a kind the
 * site publishes and what its name says (by its content), each named file present and of the
 * right kind. Never throws: whatever cannot be checked is a problem too.
 */
export function pruefeMedien(model: Pick<PlanModel, 'ort' | 'plan' | 'fassungen'>): Problem[] {
  try {
    return pruefeMedienUnsicher(model);
  } catch (fehler) {
    return [{
      file: `${displayDir(model.ort)}/${MEDIEN_ORDNER}`,
      expected: 'einen Ordner, den Planwerk vollständig prüfen kann',
      found: `einen Fehler beim Lesen (${fehler instanceof Error && 'code' in fehler ? String(fehler.code) : 'unbekannt'})`,
      hinweis: 'Leserechte und Dateien im Ordner prüfen; mit PLANWERK_DEBUG=1 zeigt der Build Einzelheiten.',
    }];
  }
}

function pruefeMedienUnsicher(model: Pick<PlanModel, 'ort' | 'plan' | 'fassungen'>): Problem[] {
  const ordner = `${displayDir(model.ort)}/${MEDIEN_ORDNER}`;
  const { dateien: eintraege, problems } = leseMedienordner(model.ort);
  const maxGesamtMB = model.plan.medien?.maxGesamtMB ?? MAX_GESAMT_MB;
  const { befunde, zuErkennen, gesamt, gezaehlt } = befundeDerDateien(model, eintraege);
  problems.push(...inhaltsbefunde(befunde, zuErkennen));
  if (gesamt > maxGesamtMB * MB) {
    problems.push({
      file: ordner,
      expected: `höchstens ${mb(maxGesamtMB)} im ganzen Ordner`,
      found: `${groesse(gesamt)} in ${gezaehlt === 1 ? 'einer Datei' : `${gezaehlt} Dateien`}`,
      hinweis: 'Dateien verkleinern oder herausnehmen, oder die Grenze in plan.yaml anheben: medien: { maxGesamtMB: … }.',
    });
  }
  problems.push(...pruefeMedienfelder(model, new Set(eintraege.map((e) => e.rel))));
  return problems;
}

const mb = (n: number) => `${new Intl.NumberFormat('de-DE').format(n)} MB`;

/** A file whose content file-type judges: its name, the kind its ending promises, its first bytes. */
type ZuErkennen = { file: string; art: Medienart; kopf: Buffer };

/**
 * Checks each file's name, size, ending and (where the kind has its own test) content. A file's
 * problem, or (a number) its place in `zuErkennen`, whose content file-type judges: answered
 * together, reported in file order. Also the size of what would be published.
 */
function befundeDerDateien(model: Pick<PlanModel, 'ort' | 'plan'>, eintraege: MedienEintrag[]) {
  const ordner = `${displayDir(model.ort)}/${MEDIEN_ORDNER}`;
  const befunde: (Problem | number)[] = [];
  const maxDateiMB = model.plan.medien?.maxDateiMB ?? MAX_DATEI_MB;
  const zuErkennen: ZuErkennen[] = [];
  let gesamt = 0;
  let gezaehlt = 0;
  for (const { rel, abs, stats } of eintraege) {
    const file = `${displayDir(model.ort)}/${rel}`;
    const name = rel.slice(MEDIEN_ORDNER.length + 1);
    if (!gueltigerMedienname(name)) {
      befunde.push({
        file,
        expected: 'einen Dateinamen aus Buchstaben ohne Umlaute, Ziffern, Punkt, Binde- und Unterstrich, ohne Leerzeichen (er wird Teil der Adresse)',
        found: `„${name}“`,
        hinweis: `Umbenennen in „${vorschlagMedienname(name)}“ (und den Namen in plan.yaml oder fassungen.yaml ebenso ändern).`,
      });
      continue;
    }
    if (stats.size > maxDateiMB * MB) {
      befunde.push({
        file,
        expected: `eine Datei von höchstens ${mb(maxDateiMB)}`,
        found: groesse(stats.size),
        hinweis: `Die Datei kleiner speichern (ein Video etwa mit geringerer Auflösung oder Bitrate) oder die Grenze in plan.yaml anheben: medien: { maxDateiMB: … } (höchstens 2.000).`,
      });
      continue;
    }
    // The whole folder counts what would be published: a file refused for its size is not.
    gesamt += stats.size;
    gezaehlt++;
    const art = MEDIENARTEN[endung(rel)];
    if (!art) {
      befunde.push({
        file,
        expected: `eine Datei, die Browser ohne Zusatzprogramm zeigen (${Object.keys(MEDIENARTEN).map((e) => `.${e}`).join(', ')})`,
        found: endung(rel) ? `die Endung „.${endung(rel)}“` : 'eine Datei ohne Endung',
        hinweis: `Alles in ${ordner}/ wird veröffentlicht: die Datei umwandeln oder aus dem Ordner nehmen.`,
      });
      continue;
    }
    let kopf: Buffer;
    try {
      kopf = kopfVon(abs);
    } catch {
      befunde.push({ file, expected: 'eine lesbare Datei', found: 'eine Datei, die sich nicht öffnen ließ (Leserecht?)' });
      continue;
    }
    if (art.echt) {
      if (!art.echt(kopf)) befunde.push({ file, expected: `${art.art}, wie die Endung „.${endung(rel)}“ sagt`, found: 'eine Datei mit anderem Inhalt', hinweis: 'Die Datei im passenden Format speichern (nicht nur umbenennen).' });
    } else befunde.push(zuErkennen.push({ file, art, kopf }) - 1);
  }
  return { befunde, zuErkennen, gesamt, gezaehlt };
}

/** The problems in file order: those found, and the files whose content file-type finds not to be what their ending says. */
function inhaltsbefunde(befunde: (Problem | number)[], zuErkennen: ZuErkennen[]): Problem[] {
  const problems: Problem[] = [];
  const erkannt = erkenneInhalte(zuErkennen.map((z) => z.kopf));
  for (const befund of befunde) {
    if (typeof befund !== 'number') {
      problems.push(befund);
      continue;
    }
    const { file, art, kopf } = zuErkennen[befund]!;
    if (!erkannt) {
      problems.push({ file, expected: `${art.art}, wie die Endung „.${endung(file)}“ sagt`, found: 'eine Datei, deren Inhalt sich nicht prüfen ließ', hinweis: 'Den Build erneut starten; bleibt die Meldung, mit PLANWERK_DEBUG=1 nach der Ursache sehen.' });
      continue;
    }
    const e = erkannt[befund] ?? null;
    if (e && art.inhalte.includes(e.ext)) continue;
    problems.push({
      file,
      expected: `${art.art}, wie die Endung „.${endung(file)}“ sagt`,
      found: kopf.length === 0 ? 'eine leere Datei' : inhaltsname(e),
      hinweis: e?.ext === 'mov'
        ? 'Ein QuickTime-Video (.mov) spielen nicht alle Browser: es als MP4 (H.264) exportieren, nicht nur umbenennen.'
        : 'Die Datei im passenden Format speichern (nicht nur umbenennen).',
    });
  }
  return problems;
}

/** The plan's fields that name a media file (a Fassung's PDF, the DGS video): of the right kind, and in the folder (`vorhanden`). */
function pruefeMedienfelder(model: Pick<PlanModel, 'ort' | 'plan' | 'fassungen'>, vorhanden: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const ordner = `${displayDir(model.ort)}/${MEDIEN_ORDNER}`;
  /** What is wrong with a field's media path, if anything: a step out of the folder („..“) or a file that is not there. */
  const fehlt = (pfad: string): Pick<Problem, 'expected' | 'found' | 'hinweis'> | undefined => {
    if (pfad.split('/').some((s) => s === '..' || s === '.' || s === '')) {
      return { expected: `einen Pfad im Ordner ${ordner}/ ohne „..“, „.“ und doppelte „/“, angegeben als „${MEDIEN_ORDNER}/…“`, found: `„${pfad}“`, hinweis: 'Den Pfad so schreiben, wie die Datei im Medienordner liegt, z. B. „medien/dgs-einfuehrung.mp4“.' };
    }
    if (!vorhanden.has(pfad)) return { expected: `eine Datei im Ordner ${ordner}/, angegeben als „${MEDIEN_ORDNER}/…“`, found: `„${pfad}“, das es dort nicht gibt` };
    return undefined;
  };
  // The PDF of an adopted Fassung (fassungen.yaml `pdf`).
  for (const f of model.fassungen) {
    const pfad = f.data.pdf;
    if (pfad === undefined) continue;
    const ort = { file: f.file, line: f.line, entry: f.id, field: 'pdf' };
    if (endung(pfad) !== 'pdf') problems.push({ ...ort, expected: 'ein PDF-Dokument (.pdf)', found: `„${pfad}“` });
    else {
      const fehler = fehlt(pfad);
      if (fehler) problems.push({ ...ort, ...fehler });
    }
  }
  const dgs = model.plan.gebaerdensprache;
  if (!dgs) return problems;
  const planFile = `${displayDir(model.ort)}/plan.yaml`;
  const felder: [string, string | undefined, string[], string][] = [
    ['video', dgs.video, VIDEO, 'ein Video (.mp4 oder .webm)'],
    ['untertitel', dgs.untertitel, ['vtt'], 'Untertitel im WebVTT-Format (.vtt)'],
    ['vorschaubild', dgs.vorschaubild, BILD, 'ein Bild (.jpg, .png oder .webp)'],
  ];
  for (const [feld, pfad, endungen, was] of felder) {
    if (pfad === undefined) continue;
    const field = `gebaerdensprache.${feld}`;
    if (!endungen.includes(endung(pfad))) problems.push({ file: planFile, field, expected: was, found: `„${pfad}“` });
    else {
      const fehler = fehlt(pfad);
      if (fehler) problems.push({ file: planFile, field, ...fehler });
    }
  }
  return problems;
}
