/**
 * The plan's media folder read as data (src/plan/medien.ts): links and special files are refused
 * and named, sizes are limited (plan.yaml `medien`), the kind of a file comes from its bytes
 * (file-type: an MP4 is not a QuickTime video), and names are what the site serves. Each case
 * is one German error naming the file, from validation and from `pruefe()`.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { append, copyFixture, FIXTURE, messages } from '../helpers/fixture.ts';
import { validatePlan } from '../../src/pruefung/validate.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { erkenneInhalte, groesse, medienDateien, vorschlagMedienname } from '../../src/plan/medien.ts';
import { pruefe } from '../../src/cli/pruefen.ts';

const PROBEN = join(FIXTURE, '..', 'medien');
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** The fixture plan with a media folder holding the sample WebM video and its captions. */
function mitMedien(): { root: string; medien: string } {
  const root = copyFixture();
  const medien = join(root, 'content', 'medien');
  mkdirSync(medien);
  copyFileSync(join(PROBEN, 'dgs-probe.webm'), join(medien, 'dgs.webm'));
  copyFileSync(join(PROBEN, 'dgs-probe.vtt'), join(medien, 'dgs.vtt'));
  return { root, medien };
}

/** The head of an ISO base media file: an `ftyp` box with the given major brand. */
function ftyp(marke: string): Buffer {
  const kopf = Buffer.alloc(32);
  kopf.writeUInt32BE(24, 0);
  kopf.write('ftyp', 4, 'latin1');
  kopf.write(marke, 8, 'latin1');
  kopf.writeUInt32BE(0x200, 12);
  kopf.write(marke, 16, 'latin1');
  kopf.write('mp41', 20, 'latin1');
  kopf.writeUInt32BE(8, 24);
  kopf.write('free', 28, 'latin1');
  return kopf;
}

/** A folder outside the plan with a file whose first bytes look allowed (captions). */
function aussen(): string {
  const ordner = mkdtempSync(join(tmpdir(), 'planwerk-aussen-'));
  writeFileSync(join(ordner, 'geheim.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nGeheim\n');
  return ordner;
}

const problemeVon = (root: string) => validatePlan(planLocation(join(root, 'content'), root)).problems;

/** Nothing an editor reads is an English error or a stack trace. */
function ohneEnglisch(meldungen: string[]) {
  for (const m of meldungen) expect(m).not.toMatch(/\b(?:Error|error|ENOENT|ELOOP|EACCES|undefined|null|at \w+ \()/);
}

describe('Medienordner: Links und besondere Dateien', () => {
  it('nimmt den Ordner mit Video und Untertiteln an', () => {
    const { root } = mitMedien();
    expect(messages(root)).toEqual([]);
  });

  it('meldet einen Link auf eine Datei außerhalb des Plans, veröffentlicht sie nicht und liest sie nicht', () => {
    const { root, medien } = mitMedien();
    const ziel = join(aussen(), 'geheim.vtt');
    symlinkSync(ziel, join(medien, 'untertitel.vtt'));
    const list = messages(root);
    expect(list).toEqual([`content/medien/untertitel.vtt: erwartet eine Datei im Ordner content/medien/; gefunden: einen symbolischen Link auf „${ziel}“`]);
    ohneEnglisch(list);
    expect(problemeVon(root)[0]!.hinweis).toMatch(/folgt keinen Links.*kopieren/);
    expect(medienDateien(planLocation(join(root, 'content'), root))).toEqual(['medien/dgs.vtt', 'medien/dgs.webm']);
  });

  it('meldet einen Link auf einen Ordner außerhalb des Plans, ohne in ihn hineinzugehen', () => {
    const { root, medien } = mitMedien();
    const ziel = aussen();
    symlinkSync(ziel, join(medien, 'extern'));
    expect(messages(root)).toEqual([`content/medien/extern: erwartet eine Datei im Ordner content/medien/; gefunden: einen symbolischen Link auf „${ziel}“`]);
  });

  it('meldet eine Link-Schleife (Datei und Ordner) mit je einer Meldung, statt abzustürzen', () => {
    const { root, medien } = mitMedien();
    symlinkSync('schleife.webm', join(medien, 'schleife.webm'));
    mkdirSync(join(medien, 'unter'));
    symlinkSync('..', join(medien, 'unter', 'zurueck'));
    const list = messages(root);
    expect(list).toEqual([
      'content/medien/schleife.webm: erwartet eine Datei im Ordner content/medien/; gefunden: einen symbolischen Link auf „schleife.webm“',
      'content/medien/unter/zurueck: erwartet eine Datei im Ordner content/medien/; gefunden: einen symbolischen Link auf „..“',
    ]);
    ohneEnglisch(list);
  });

  it('meldet einen verlinkten Medienordner', () => {
    const root = copyFixture();
    const ziel = aussen();
    symlinkSync(ziel, join(root, 'content', 'medien'));
    expect(messages(root)).toEqual([`content/medien: erwartet einen Ordner im Planordner content/; gefunden: einen symbolischen Link auf „${ziel}“`]);
  });

  it.skipIf(process.platform === 'win32')('meldet eine benannte Pipe (FIFO), ohne sie zu öffnen', () => {
    const { root, medien } = mitMedien();
    execFileSync('mkfifo', [join(medien, 'rohr.webm')]);
    expect(messages(root)).toEqual(['content/medien/rohr.webm: erwartet eine gewöhnliche Datei im Ordner content/medien/; gefunden: eine benannte Pipe (FIFO)']);
  });

  it('meldet den Link auch über pruefe(), mit Hinweis', async () => {
    const { root, medien } = mitMedien();
    const ziel = join(aussen(), 'geheim.vtt');
    symlinkSync(ziel, join(medien, 'untertitel.vtt'));
    const ergebnis = await pruefe(root);
    expect(ergebnis.fehler).toHaveLength(1);
    expect(ergebnis.fehler[0]).toMatchObject({
      art: 'Fehler',
      file: 'content/medien/untertitel.vtt',
      meldung: `erwartet eine Datei im Ordner content/medien/; gefunden: einen symbolischen Link auf „${ziel}“`,
    });
    expect(ergebnis.fehler[0]!.hinweis).toMatch(/Link löschen/);
  });
});

describe('Planordner: YAML-, CSV- und MDX-Dateien werden nicht über Links gelesen', () => {
  it('meldet ein verlinktes Kapitel außerhalb des Plans', () => {
    const root = copyFixture();
    const ordner = aussen();
    writeFileSync(join(ordner, 'fremd.mdx'), '---\ntitel: Fremd\nreihenfolge: 9\n---\n\nText von außen.\n');
    symlinkSync(join(ordner, 'fremd.mdx'), join(root, 'content', 'kapitel', 'fremd.mdx'));
    expect(messages(root)).toEqual([`content/kapitel/fremd.mdx: erwartet eine Datei im Planordner content/; gefunden: einen symbolischen Link auf „${join(ordner, 'fremd.mdx')}“`]);
  });

  it('meldet einen verlinkten Datenordner einmal, nicht je Datei', () => {
    const root = copyFixture();
    const ordner = mkdtempSync(join(tmpdir(), 'planwerk-daten-'));
    execFileSync('cp', ['-R', join(root, 'content', 'daten', '.'), ordner]);
    execFileSync('rm', ['-r', join(root, 'content', 'daten')]);
    symlinkSync(ordner, join(root, 'content', 'daten'));
    const list = messages(root);
    expect(list.filter((m) => m.startsWith('content/daten:'))).toEqual([`content/daten: erwartet eine Datei im Planordner content/; gefunden: einen symbolischen Link auf „${ordner}“`]);
    // Nothing was read through the link: no message names a file inside it.
    expect(list.filter((m) => m.startsWith('content/daten/'))).toEqual([]);
  });

  it('meldet eine Link-Schleife an Stelle einer YAML-Datei, statt abzustürzen', () => {
    const root = copyFixture();
    execFileSync('rm', [join(root, 'content', 'glossar.yaml')]);
    symlinkSync('glossar.yaml', join(root, 'content', 'glossar.yaml'));
    const list = messages(root);
    expect(list).toContain('content/glossar.yaml: erwartet eine Datei im Planordner content/; gefunden: einen symbolischen Link auf „glossar.yaml“');
    ohneEnglisch(list);
  });

  it('meldet einen unbekannten Link im Planordner als Link, ohne ihm zu folgen', () => {
    const root = copyFixture();
    symlinkSync('schleife', join(root, 'content', 'schleife'));
    expect(messages(root)).toEqual(['content/schleife: erwartet eine Datei im Planordner content/; gefunden: einen symbolischen Link auf „schleife“']);
  });
});

describe('Medienordner: Größe', () => {
  it('meldet eine Datei über 2 GiB (dünn angelegt) mit ihrer Größe, ohne sie zu lesen', () => {
    const { root, medien } = mitMedien();
    const datei = join(medien, 'gross.webm');
    copyFileSync(join(PROBEN, 'dgs-probe.webm'), datei);
    truncateSync(datei, Math.round(2.1 * GiB));
    const list = messages(root);
    expect(list).toEqual(['content/medien/gross.webm: erwartet eine Datei von höchstens 200 MB; gefunden: 2,1 GB']);
    expect(problemeVon(root)[0]!.hinweis).toMatch(/maxDateiMB/);
  });

  it('nimmt die Grenze je Datei aus plan.yaml', () => {
    const { root, medien } = mitMedien();
    const datei = join(medien, 'mittel.webm');
    copyFileSync(join(PROBEN, 'dgs-probe.webm'), datei);
    truncateSync(datei, 1.5 * MiB);
    expect(messages(root)).toEqual([]);
    append(root, 'plan.yaml', 'medien: { maxDateiMB: 1 }\n');
    expect(messages(root)).toEqual(['content/medien/mittel.webm: erwartet eine Datei von höchstens 1 MB; gefunden: 1,5 MB']);
  });

  it('begrenzt den ganzen Ordner (plan.yaml maxGesamtMB)', () => {
    const { root, medien } = mitMedien();
    for (const name of ['a.webm', 'b.webm', 'c.webm']) {
      copyFileSync(join(PROBEN, 'dgs-probe.webm'), join(medien, name));
      truncateSync(join(medien, name), Math.round(0.9 * MiB));
    }
    append(root, 'plan.yaml', 'medien: { maxGesamtMB: 2 }\n');
    const list = messages(root);
    expect(list).toHaveLength(1);
    // Three files of 0,9 MB and the two samples (1.188 bytes): 2.832.342 bytes, 2,7 MB.
    expect(list[0]).toMatch(/^content\/medien: erwartet höchstens 2 MB im ganzen Ordner; gefunden: 2,7 MB in 5 Dateien$/);
  });

  it('lehnt eine Grenze ab, die der Build nicht einhalten kann', () => {
    const { root } = mitMedien();
    append(root, 'plan.yaml', 'medien: { maxDateiMB: 5000 }\n');
    expect(messages(root)).toEqual([expect.stringMatching(/^content\/plan\.yaml.*Feld „medien\.maxDateiMB“: erwartet höchstens 2\.000/)]);
  });
});

describe('Medienordner: Inhalt nach den ersten Bytes (file-type)', () => {
  it('unterscheidet ein MP4 von einem umbenannten QuickTime-Video', () => {
    const { root, medien } = mitMedien();
    writeFileSync(join(medien, 'echt.mp4'), ftyp('isom'));
    expect(messages(root)).toEqual([]);
    writeFileSync(join(medien, 'film.mp4'), ftyp('qt  '));
    const list = messages(root);
    expect(list).toEqual(['content/medien/film.mp4: erwartet ein MP4-Video, wie die Endung „.mp4“ sagt; gefunden: ein QuickTime-Video (video/quicktime)']);
    ohneEnglisch(list);
    expect(problemeVon(root)[0]!.hinweis).toMatch(/als MP4 \(H\.264\) exportieren/);
  });

  it('erkennt mehrere Dateien in einem Aufruf, und nichts, wo nichts zu erkennen ist', () => {
    expect(erkenneInhalte([ftyp('qt  '), ftyp('isom'), Buffer.from('kein Video')])).toEqual([
      { ext: 'mov', mime: 'video/quicktime' },
      { ext: 'mp4', mime: 'video/mp4' },
      null,
    ]);
  });

  it('meldet ein Bild, das kein PNG ist, und eine leere Datei', () => {
    const { root, medien } = mitMedien();
    copyFileSync(join(PROBEN, 'dgs-probe.webm'), join(medien, 'bild.png'));
    writeFileSync(join(medien, 'leer.jpg'), '');
    expect(messages(root)).toEqual([
      'content/medien/bild.png: erwartet ein PNG-Bild, wie die Endung „.png“ sagt; gefunden: ein WebM-Video (video/webm)',
      'content/medien/leer.jpg: erwartet ein JPEG-Bild, wie die Endung „.jpg“ sagt; gefunden: eine leere Datei',
    ]);
  });
});

describe('Medienordner: Dateinamen, wie die Website sie ausliefert', () => {
  it('lehnt Leerzeichen ab und schlägt den Namen vor', () => {
    const { root, medien } = mitMedien();
    copyFileSync(join(PROBEN, 'dgs-probe.webm'), join(medien, 'dgs video.webm'));
    expect(messages(root)).toEqual([
      'content/medien/dgs video.webm: erwartet einen Dateinamen aus Buchstaben ohne Umlaute, Ziffern, Punkt, Binde- und Unterstrich, ohne Leerzeichen (er wird Teil der Adresse); gefunden: „dgs video.webm“',
    ]);
    expect(problemeVon(root)[0]!.hinweis).toMatch(/^Umbenennen in „dgs-video\.webm“/);
  });

  it('lehnt Umlaute ab und schlägt den Namen vor', () => {
    const { root, medien } = mitMedien();
    mkdirSync(join(medien, 'gebärden'));
    copyFileSync(join(PROBEN, 'dgs-probe.webm'), join(medien, 'gebärden', 'Einführung.webm'));
    expect(messages(root)).toEqual([
      'content/medien/gebärden/Einführung.webm: erwartet einen Dateinamen aus Buchstaben ohne Umlaute, Ziffern, Punkt, Binde- und Unterstrich, ohne Leerzeichen (er wird Teil der Adresse); gefunden: „gebärden/Einführung.webm“',
    ]);
    expect(problemeVon(root)[0]!.hinweis).toMatch(/^Umbenennen in „gebaerden\/einfuehrung\.webm“/);
  });

  it('lehnt „..“ in einem Pfad zu einer Mediendatei ab', () => {
    const { root } = mitMedien();
    append(root, 'plan.yaml', 'gebaerdensprache:\n  video: medien/../medien/dgs.webm\n  untertitel: medien/dgs.vtt\n');
    expect(messages(root)).toEqual([
      'content/plan.yaml, Feld „gebaerdensprache.video“: erwartet einen Pfad im Ordner content/medien/ ohne „..“, „.“ und doppelte „/“, angegeben als „medien/…“; gefunden: „medien/../medien/dgs.webm“',
    ]);
  });

  it('schlägt Namen ohne Leerzeichen, Umlaute und Großbuchstaben vor', () => {
    expect(vorschlagMedienname('Gebärden Video.mp4')).toBe('gebaerden-video.mp4');
    expect(vorschlagMedienname('Übersicht (2).PNG')).toBe('uebersicht-2.png');
    expect(vorschlagMedienname('Straße/Café – Plan.pdf')).toBe('strasse/cafe-plan.pdf');
    // macOS may hand over decomposed umlauts (a + U+0308).
    expect(vorschlagMedienname('Geba\u0308rden.mp4')).toBe('gebaerden.mp4');
  });

  it('nennt Größen wie ein Dateimanager', () => {
    expect(groesse(Math.round(2.1 * GiB))).toBe('2,1 GB');
    expect(groesse(1.5 * MiB)).toBe('1,5 MB');
    expect(groesse(1200 * MiB)).toBe('1,2 GB');
    expect(groesse(512)).toBe('0,5 kB');
  });
});

describe('Medienordner: Meldungen ohne Absturz', () => {
  it('meldet alles in einem Lauf: Link, Schleife, Größe, Tarnung und Name', () => {
    const { root, medien } = mitMedien();
    symlinkSync(join(aussen(), 'geheim.vtt'), join(medien, 'a-link.vtt'));
    symlinkSync('b-schleife', join(medien, 'b-schleife'));
    copyFileSync(join(PROBEN, 'dgs-probe.webm'), join(medien, 'c-gross.webm'));
    truncateSync(join(medien, 'c-gross.webm'), Math.round(2.1 * GiB));
    writeFileSync(join(medien, 'd-film.mp4'), ftyp('qt  '));
    copyFileSync(join(PROBEN, 'dgs-probe.webm'), join(medien, 'e name.webm'));
    const list = messages(root);
    expect(list.map((m) => m.split(':')[0])).toEqual([
      'content/medien/a-link.vtt',
      'content/medien/b-schleife',
      'content/medien/c-gross.webm',
      'content/medien/d-film.mp4',
      'content/medien/e name.webm',
    ]);
    ohneEnglisch(list);
  });
});

describe('Medienordner: unlesbare Datei', () => {
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('meldet eine Datei ohne Leserecht und prüft die übrigen weiter', () => {
    const { root, medien } = mitMedien();
    writeFileSync(join(medien, 'a-geheim.mp4'), ftyp('isom'));
    chmodSync(join(medien, 'a-geheim.mp4'), 0o000);
    writeFileSync(join(medien, 'b-film.mp4'), ftyp('qt  '));
    expect(messages(root).map((m) => m.split(';')[0])).toEqual([
      'content/medien/a-geheim.mp4: erwartet eine lesbare Datei',
      'content/medien/b-film.mp4: erwartet ein MP4-Video, wie die Endung „.mp4“ sagt',
    ]);
  });
});
