/**
 * Each case breaks one thing in a copy of the minimal fixture and checks that the
 * message names the file (and line where known), the field, what was expected and
 * what was found.
 */
import { rmSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { append, copyFixture, edit, messages, write, FIXTURE } from '../helpers/fixture.ts';

function only(root: string): string {
  const list = messages(root);
  expect(list, list.join('\n')).toHaveLength(1);
  return list[0]!;
}

describe('Inhaltsprüfung', () => {
  it('lässt den unveränderten Beispielplan durch', () => {
    expect(messages(FIXTURE)).toEqual([]);
  });

  it('meldet einen falschen Typ mit Datei, Eintrag, Feld, Erwartung und Fund', () => {
    const root = copyFixture();
    edit(root, 'schulformen.yaml', '{ id: grundschule, name: Grundschule, reihenfolge: 1 }', '{ id: grundschule, name: Grundschule, reihenfolge: erste }');
    expect(only(root)).toBe('content/schulformen.yaml:1, Eintrag „grundschule“, Feld „reihenfolge“: erwartet eine ganze Zahl (z. B. 1.234); gefunden: „erste“');
  });

  it('meldet einen unbekannten Aufzählungswert und nennt die erlaubten', () => {
    const root = copyFixture();
    edit(root, 'massnahmen/i-01.mdx', 'status: in Umsetzung', 'status: in Arbeit');
    const message = only(root);
    expect(message).toMatch(/^content\/massnahmen\/i-01\.mdx:1, Feld „status“: erwartet einer der Werte „geplant“, „in Umsetzung“, „abgeschlossen“, „zurückgestellt“; gefunden: „in Arbeit“$/);
  });

  it('meldet doppelte IDs in einer YAML-Liste mit beiden Fundstellen', () => {
    const root = copyFixture();
    append(root, 'akteure.yaml', '- id: it\n  name: Noch ein IT-Dienstleister\n  ebene: externe Dienstleister\n');
    expect(only(root)).toBe('content/akteure.yaml:17, Feld „id“: erwartet eine eindeutige ID in „akteure“; gefunden: „it“, schon vergeben in content/akteure.yaml:6');
  });

  it('meldet zwei MDX-Dateien mit derselben ID', () => {
    const root = copyFixture();
    cpSync(join(root, 'content/massnahmen/i-02.mdx'), join(root, 'content/massnahmen/i-02-kopie.mdx'));
    expect(only(root)).toBe('content/massnahmen/i-02.mdx:1, Feld „id“: erwartet eine eindeutige ID in „massnahmen“; gefunden: „I-02“, schon vergeben in content/massnahmen/i-02-kopie.mdx:1');
  });

  it('liest keine englische Dezimalzahl falsch, sondern weist sie zurück', () => {
    const root = copyFixture();
    edit(root, 'daten/schulen.csv', ';87,5;', ';87.5;');
    expect(only(root)).toBe('content/daten/schulen.csv:4, Eintrag „gym-c“, Feld „wlan_abdeckung“: erwartet eine Zahl in deutscher Schreibweise (z. B. 1.234,56); gefunden: „87.5“');
  });

  it('nennt bei einem Verweis ins Leere beide Enden', () => {
    const root = copyFixture();
    edit(root, 'massnahmen/i-01.mdx', 'verantwortlich: [schulamt]', 'verantwortlich: [stadtrat]');
    expect(only(root)).toBe('content/massnahmen/i-01.mdx:1, Feld „verantwortlich.0“: erwartet eine vorhandene ID aus „akteure“ (content/akteure.yaml); gefunden: „stadtrat“, das es dort nicht gibt');
  });

  it('hält veröffentlichte Anker mit Umlauten über alteAnker und meldet einen ungültigen Schlüssel auf Deutsch', () => {
    const root = copyFixture();
    edit(root, 'kapitel/vorwort.mdx', 'reihenfolge: 1', 'reihenfolge: 1\nalteAnker: { was-jetzt-zählt: ausstattung-fest }');
    expect(messages(root)).toEqual([]);
    edit(root, 'kapitel/vorwort.mdx', 'was-jetzt-zählt', 'was jetzt');
    expect(only(root)).toBe('content/kapitel/vorwort.mdx:4, Feld „alteAnker.was jetzt“: erwartet einen Schlüssel aus Buchstaben, Ziffern, „-“ und „_“ (eine Anker-ID); gefunden: „was jetzt“');
  });

  it('meldet einen Tippfehler im Feldnamen', () => {
    const root = copyFixture();
    edit(root, 'massnahmen/i-02.mdx', 'prioritaet: mittel', 'prioritat: mittel');
    const list = messages(root);
    expect(list).toContain('content/massnahmen/i-02.mdx:1, Feld „prioritat“: erwartet nur Felder, die das Schema kennt; gefunden: das unbekannte Feld „prioritat“ (Tippfehler?)');
  });

  it('meldet ein unmögliches Datum', () => {
    const root = copyFixture();
    edit(root, 'plan.yaml', 'stand: 2025-06-30', 'stand: 2025-02-30');
    expect(only(root)).toBe('content/plan.yaml:1, Feld „stand“: erwartet ein Datum im Format JJJJ-MM-TT, das es im Kalender gibt (z. B. 2026-11-23), oder nur Jahr (2021), Monat (2021-03) oder Tag (2021-03-05); gefunden: „2025-02-30“');
  });

  it('meldet eine unbekannte Kennzahl im Text mit Datei und Zeile', () => {
    const root = copyFixture();
    edit(root, 'kapitel/vorwort.mdx', 'name="schulen"', 'name="schulenn"');
    expect(only(root)).toMatch(/^content\/kapitel\/vorwort\.mdx:5, Feld „<Kennzahl name="schulenn">“: erwartet eine bekannte Kennzahl \(schulen, schueler, .*\); gefunden: „schulenn“$/);
  });

  it('meldet einen unbekannten Parameterwert einer Kennzahl', () => {
    const root = copyFixture();
    edit(root, 'kapitel/vorwort.mdx', 'schulform="grundschule"', 'schulform="realschule"');
    expect(only(root)).toBe('content/kapitel/vorwort.mdx:9, Feld „<Kennzahl name="ausstattungsquote">“: erwartet für schulform einen der Werte „grundschule“, „gymnasium“; gefunden: „realschule“');
  });

  it('meldet eine doppelte Überschriften-ID auf einer Seite', () => {
    const root = copyFixture();
    append(root, 'kapitel/vorwort.mdx', '\n## Noch einmal {#ausstattung-fest}\n');
    expect(only(root)).toBe('content/kapitel/vorwort.mdx:11, Feld „{#ausstattung-fest}“: erwartet eine ID, die auf der Seite nur einmal vorkommt; gefunden: „ausstattung-fest“, schon vergeben in Zeile 7');
  });

  it('meldet einen Beziehungstyp, den das Schema nicht kennt', () => {
    const root = copyFixture();
    edit(root, 'akteure.yaml', '{ typ: beauftragt, ziel: it }', '{ typ: befiehlt, ziel: it }');
    expect(only(root)).toMatch(/^content\/akteure\.yaml:1, Eintrag „schulamt“, Feld „beziehungen\.0\.typ“: erwartet einer der Werte „beaufsichtigt“, .*; gefunden: „befiehlt“$/);
  });

  it('meldet eine Beziehung eines Akteurs zu sich selbst', () => {
    const root = copyFixture();
    edit(root, 'akteure.yaml', '{ typ: beauftragt, ziel: it }', '{ typ: beauftragt, ziel: schulamt }');
    expect(only(root)).toBe('content/akteure.yaml:1, Eintrag „schulamt“, Feld „beziehungen.0.ziel“: erwartet einen anderen Akteur; gefunden: „schulamt“ selbst');
  });

  it('meldet ein Ziel, das es im Handlungsfeld nicht gibt', () => {
    const root = copyFixture();
    edit(root, 'massnahmen/i-01.mdx', 'ziele: [i-z1]', 'ziele: [i-z9]');
    expect(only(root)).toBe('content/massnahmen/i-01.mdx, Feld „ziele.0“: erwartet die ID eines Ziels aus content/handlungsfelder/; gefunden: „i-z9“, das es nicht gibt');
  });

  it('meldet Jahresdaten außerhalb des Planungshorizonts', () => {
    const root = copyFixture();
    append(root, 'daten/laufende-kosten.csv', '2030;Betrieb;5.000;Plan;\n');
    expect(only(root)).toBe('content/daten/laufende-kosten.csv:5, Eintrag „2030-Betrieb“, Feld „jahr“: erwartet ein Jahr im Planungshorizont 2025–2027 (content/plan.yaml); gefunden: 2030');
  });

  it('meldet eine Weiterleitung von einer Adresse, unter der es noch eine Seite gibt', () => {
    const root = copyFixture();
    write(root, 'weiterleitungen.yaml', '- von: /kapitel/alt/\n  nach: /kapitel/vorwort/\n- von: /kapitel/vorwort/\n  nach: /massnahmen/\n');
    expect(only(root)).toBe('content/weiterleitungen.yaml:3, Eintrag „/kapitel/vorwort/“, Feld „von“: erwartet eine Adresse, unter der es keine Seite mehr gibt; gefunden: /kapitel/vorwort/, die Seite aus content/kapitel/vorwort.mdx');
  });

  it('verlangt in der Erklärung zur Barrierefreiheit die nicht barrierefreien Inhalte, wenn die Website nicht voll vereinbar ist', () => {
    const root = copyFixture();
    edit(root, 'plan.yaml', /  nichtBarrierefrei:\n.*\n/, '');
    expect(only(root)).toBe('content/plan.yaml, Feld „barrierefreiheit.nichtBarrierefrei“: erwartet mindestens einen Eintrag (was, warum), wenn der Status „teilweise vereinbar“ ist; gefunden: keinen');
  });

  it('meldet einen fehlenden Pflichtordner und lässt optionale Dateien fehlen', () => {
    const root = copyFixture();
    rmSync(join(root, 'content/glossar.yaml'));
    expect(messages(root)).toEqual([]);
    rmSync(join(root, 'content/kapitel'), { recursive: true });
    expect(only(root)).toBe('content/kapitel: erwartet einen Ordner mit .mdx-Dateien; gefunden: keinen Ordner');
  });

  it('meldet fehlerhaftes YAML mit Zeile', () => {
    const root = copyFixture();
    write(root, 'glossar.yaml', '- id: a\n  begriff: A\n  definition: [offen\n');
    const [message] = messages(root);
    expect(message).toMatch(/^content\/glossar\.yaml:\d+: erwartet gültiges YAML; gefunden: /);
  });

  it.each([
    ["import fs from 'node:fs';", 'import', 'keine import-Zeilen'],
    ['export const x = 1;', 'export', 'keine export-Anweisungen'],
    ['<script>alert(1)</script>', '<script>', 'ohne Skripte'],
    ['<iframe src="https://video.example/x"></iframe>', '<iframe>', 'eingebettete fremde Inhalte'],
    ['<img src="a.png" onerror="alert(1)" />', '<img onerror>', 'ohne Ereignis-Attribute'],
    ['Heute ist {new Date().getFullYear()}.', '{…}', 'keinen Ausdruck in geschweiften Klammern'],
    ['<Fremd />', '<Fremd>', 'nur die Komponenten Kennzahl'],
  ])('weist %s im Text mit Datei und Zeile zurück', (zeile, feld, erwartet) => {
    const root = copyFixture();
    append(root, 'kapitel/vorwort.mdx', `\n${zeile}\n`);
    const message = messages(root).find((m) => m.includes(`Feld „${feld}“`));
    expect(message).toMatch(new RegExp(`^content/kapitel/vorwort\\.mdx:11, Feld „${feld.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}“: erwartet [^;]*${erwartet}`));
  });

  it('erlaubt den Import erlaubter Komponenten, Code-Beispiele und maskierte Klammern', () => {
    const root = copyFixture();
    append(root, 'kapitel/vorwort.mdx', "\nimport Kennzahl from '../../src/ausgabe/components/Kennzahl.astro';\n\n```js\nexport const x = {a: 1};\n```\n\nEine Menge \\{1, 2\\} und `{code}`.\n");
    expect(messages(root)).toEqual([]);
  });

  it('listet alle Fehler auf einmal', () => {
    const root = copyFixture();
    edit(root, 'daten/schulen.csv', ';87,5;', ';87.5;');
    edit(root, 'schulformen.yaml', 'reihenfolge: 2', 'reihenfolge: zwei');
    edit(root, 'massnahmen/i-02.mdx', 'status: abgeschlossen', 'status: fertig');
    const list = messages(root);
    expect(list).toHaveLength(3);
    expect(list.map((m) => m.split(':')[0])).toEqual(['content/massnahmen/i-02.mdx', 'content/schulformen.yaml', 'content/daten/schulen.csv']);
  });

  describe('Medienordner und Gebärdensprachvideo', () => {
    const MEDIEN = join(FIXTURE, '..', 'medien');
    const mitVideo = (felder = 'video: medien/dgs-probe.webm\n  untertitel: medien/dgs-probe.vtt') => {
      const root = copyFixture();
      cpSync(MEDIEN, join(root, 'content', 'medien'), { recursive: true, filter: (q) => !q.endsWith('.md') });
      append(root, 'plan.yaml', `\ngebaerdensprache:\n  ${felder}\n`);
      return root;
    };

    it('nimmt ein Video mit Untertiteln aus dem Medienordner an', () => {
      expect(messages(mitVideo())).toEqual([]);
    });

    it('meldet ein Video, das es im Medienordner nicht gibt, und eine Untertiteldatei, die keine ist', () => {
      const root = mitVideo('video: medien/dgs.mp4\n  untertitel: medien/dgs-probe.webm');
      expect(messages(root)).toEqual([
        'content/plan.yaml, Feld „gebaerdensprache.video“: erwartet eine Datei im Ordner content/medien/, angegeben als „medien/…“; gefunden: „medien/dgs.mp4“, das es dort nicht gibt',
        'content/plan.yaml, Feld „gebaerdensprache.untertitel“: erwartet Untertitel im WebVTT-Format (.vtt); gefunden: „medien/dgs-probe.webm“',
      ]);
    });

    it('verlangt Untertitel und einen Pfad im Medienordner', () => {
      const root = mitVideo('video: videos/dgs.mp4');
      const list = messages(root);
      expect(list).toHaveLength(2);
      expect(list[0]).toMatch(/^content\/plan\.yaml.*Feld „gebaerdensprache\.video“: erwartet einen Pfad im Medienordner des Plans, z\. B\. „medien\/dgs-einfuehrung\.mp4“; gefunden: „videos\/dgs\.mp4“/);
      expect(list[1]).toMatch(/Feld „gebaerdensprache\.untertitel“: erwartet .*gefunden: nichts \(Feld fehlt\)/);
    });

    it('verlangt für das beschlossene Dokument einer Fassung ein PDF im Medienordner', () => {
      const root = mitVideo();
      write(root, 'medien/beschluss.pdf', '%PDF-1.4\n%%EOF\n');
      write(root, 'fassungen.yaml', '- id: f1\n  name: Erstfassung\n  nummer: 1\n  beschlossen: 2023-03-01\n  pdf: medien/beschluss.pdf\n- id: f2\n  name: Zweite\n  nummer: 2\n  beschlossen: 2024-03-01\n  pdf: medien/fehlt.pdf\n');
      expect(messages(root)).toEqual([
        'content/fassungen.yaml:6, Eintrag „f2“, Feld „pdf“: erwartet eine Datei im Ordner content/medien/, angegeben als „medien/…“; gefunden: „medien/fehlt.pdf“, das es dort nicht gibt',
      ]);
    });

    it('veröffentlicht nichts, was Browser nicht zeigen oder was nicht ist, was die Endung sagt', () => {
      const root = mitVideo();
      write(root, 'medien/aufnahme.mov', 'kein Video');
      write(root, 'medien/falsch.mp4', 'WEBVTT\n');
      write(root, 'medien/untertitel.vtt', '1\n00:00:00,000 --> 00:00:01,000\nSRT statt WebVTT\n');
      expect(messages(root)).toEqual([
        expect.stringMatching(/^content\/medien\/aufnahme\.mov: erwartet eine Datei, die Browser ohne Zusatzprogramm zeigen \(\.mp4, \.webm, \.vtt.*gefunden: die Endung „\.mov“$/),
        'content/medien/falsch.mp4: erwartet ein MP4-Video, wie die Endung „.mp4“ sagt; gefunden: eine WebVTT-Datei (text/vtt)',
        'content/medien/untertitel.vtt: erwartet eine WebVTT-Untertiteldatei (erste Zeile „WEBVTT“), wie die Endung „.vtt“ sagt; gefunden: eine Datei mit anderem Inhalt',
      ]);
    });
  });
});
