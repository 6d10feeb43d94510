/**
 * The plan's own media files: everything in the content folder's `medien/` is published
 * unchanged under `/medien/` (src/pages/medien/[...datei].ts), so a video in Deutscher
 * Gebärdensprache, its captions and its poster image are served from the site's own origin.
 *
 * Only file kinds a browser shows without a plug-in are accepted, and each file must be what
 * its name says (a renamed .mov is not an MP4): a file that would be published broken fails
 * the build instead. The plan's fields that name a media file (`gebaerdensprache` in plan.yaml,
 * `pdf` of an adopted Fassung in fassungen.yaml) are checked against this folder.
 */
import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import type { Problem } from './problems.ts';
import { displayDir, MEDIEN_ORDNER, type PlanLocation } from './sources.ts';
import type { PlanModel } from './model.ts';

export { MEDIEN_ORDNER };

interface Medienart {
  mime: string;
  art: string;
  /** Is this the file's content (its first bytes)? */
  echt: (kopf: Buffer) => boolean;
}

const beginntMit = (bytes: number[]) => (kopf: Buffer) => bytes.every((b, i) => kopf[i] === b);
// ISO base media (MP4): a box of type "ftyp" at byte 4.
const istMp4 = (kopf: Buffer) => kopf.subarray(4, 8).toString('latin1') === 'ftyp';
// WebVTT: the word WEBVTT at the start, after an optional byte order mark.
const istWebVtt = (kopf: Buffer) => /^(?:\uFEFF)?WEBVTT(?:[ \t\r\n]|$)/.test(kopf.subarray(0, 16).toString('utf8'));

/** File kinds the site publishes, by extension (lower case, without the dot). */
export const MEDIENARTEN: Record<string, Medienart> = {
  mp4: { mime: 'video/mp4', art: 'ein MP4-Video', echt: istMp4 },
  webm: { mime: 'video/webm', art: 'ein WebM-Video', echt: beginntMit([0x1a, 0x45, 0xdf, 0xa3]) },
  vtt: { mime: 'text/vtt; charset=utf-8', art: 'eine WebVTT-Untertiteldatei (erste Zeile „WEBVTT“)', echt: istWebVtt },
  jpg: { mime: 'image/jpeg', art: 'ein JPEG-Bild', echt: beginntMit([0xff, 0xd8, 0xff]) },
  jpeg: { mime: 'image/jpeg', art: 'ein JPEG-Bild', echt: beginntMit([0xff, 0xd8, 0xff]) },
  png: { mime: 'image/png', art: 'ein PNG-Bild', echt: beginntMit([0x89, 0x50, 0x4e, 0x47]) },
  pdf: { mime: 'application/pdf', art: 'ein PDF-Dokument', echt: (k) => k.subarray(0, 5).toString('latin1') === '%PDF-' },
  webp: { mime: 'image/webp', art: 'ein WebP-Bild', echt: (k) => k.subarray(0, 4).toString('latin1') === 'RIFF' && k.subarray(8, 12).toString('latin1') === 'WEBP' },
};

const VIDEO = ['mp4', 'webm'];
const BILD = ['jpg', 'jpeg', 'png', 'webp'];

const endung = (pfad: string) => extname(pfad).slice(1).toLowerCase();

/** The MIME type a media file is served with. */
export function medienTyp(pfad: string): string {
  return MEDIENARTEN[endung(pfad)]?.mime ?? 'application/octet-stream';
}

/** Every file in the plan's media folder, as paths relative to the content folder (`medien/dgs.mp4`). */
export function medienDateien(ort: PlanLocation): string[] {
  const wurzel = join(ort.contentDir, MEDIEN_ORDNER);
  if (!existsSync(wurzel)) return [];
  const out: string[] = [];
  const gehe = (ordner: string, rel: string) => {
    for (const name of readdirSync(ordner).sort()) {
      if (name.startsWith('.')) continue;
      const voll = join(ordner, name);
      if (statSync(voll).isDirectory()) gehe(voll, posix.join(rel, name));
      else out.push(posix.join(rel, name));
    }
  };
  gehe(wurzel, MEDIEN_ORDNER);
  return out;
}

/** The first bytes of a file (a video may be large: only these are read). */
function kopfVon(datei: string): Buffer {
  const kopf = Buffer.alloc(32);
  const fd = openSync(datei, 'r');
  try {
    return kopf.subarray(0, readSync(fd, kopf, 0, kopf.length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks the media folder (each file a kind the site publishes, and what its name says) and
 * the plan's fields that name a media file (present in the folder, of the right kind).
 */
export function pruefeMedien(model: Pick<PlanModel, 'ort' | 'plan' | 'fassungen'>): Problem[] {
  const problems: Problem[] = [];
  const ordner = `${displayDir(model.ort)}/${MEDIEN_ORDNER}`;
  const dateien = medienDateien(model.ort);
  for (const rel of dateien) {
    const file = `${displayDir(model.ort)}/${rel}`;
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(rel)) {
      problems.push({ file, expected: 'einen Dateinamen aus Buchstaben ohne Umlaute, Ziffern, Punkt, Binde- und Unterstrich (er wird Teil der Adresse)', found: `„${rel.slice(MEDIEN_ORDNER.length + 1)}“` });
      continue;
    }
    const art = MEDIENARTEN[endung(rel)];
    if (!art) {
      problems.push({
        file,
        expected: `eine Datei, die Browser ohne Zusatzprogramm zeigen (${Object.keys(MEDIENARTEN).map((e) => `.${e}`).join(', ')})`,
        found: endung(rel) ? `die Endung „.${endung(rel)}“` : 'eine Datei ohne Endung',
        hinweis: `Alles in ${ordner}/ wird veröffentlicht: die Datei umwandeln oder aus dem Ordner nehmen.`,
      });
    } else if (!art.echt(kopfVon(join(model.ort.contentDir, rel)))) {
      problems.push({ file, expected: `${art.art}, wie die Endung sagt`, found: 'eine Datei mit anderem Inhalt', hinweis: 'Die Datei im passenden Format speichern (nicht nur umbenennen).' });
    }
  }
  const vorhanden = new Set(dateien);
  // The PDF of an adopted Fassung (fassungen.yaml `pdf`).
  for (const f of model.fassungen) {
    const pfad = f.data.pdf;
    if (pfad === undefined) continue;
    const ort = { file: f.file, line: f.line, entry: f.id, field: 'pdf' };
    if (endung(pfad) !== 'pdf') problems.push({ ...ort, expected: 'ein PDF-Dokument (.pdf)', found: `„${pfad}“` });
    else if (!vorhanden.has(pfad)) problems.push({ ...ort, expected: `eine Datei im Ordner ${ordner}/, angegeben als „${MEDIEN_ORDNER}/…“`, found: `„${pfad}“, das es dort nicht gibt` });
  }
  const dgs = model.plan.gebaerdensprache;
  if (dgs) {
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
      else if (!vorhanden.has(pfad)) {
        problems.push({ file: planFile, field, expected: `eine Datei im Ordner ${ordner}/, angegeben als „${MEDIEN_ORDNER}/…“`, found: `„${pfad}“, das es dort nicht gibt` });
      }
    }
  }
  return problems;
}
