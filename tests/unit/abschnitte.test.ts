/**
 * The plan's numbered sections (src/plan/abschnitte.ts) and the links in its texts
 * (src/pruefung/verweise.ts), on copies of the minimal plan: the tree from chapters, Handlungsfelder
 * and numbered headings; every wrong citation, `<Abschnitt>` and internal link fails with
 * file, line and a German message; the plausibility hint is quiet on correct plans and true
 * on a wrong one.
 */
import { describe, expect, it } from 'vitest';
import { append, copyFixture, edit, messages, modelOf, write } from '../helpers/fixture.ts';
import { abschnittNach, abschnittPfad, abschnittsbaum, unterabschnittAus, vergleicheNummern, massnahmenZurSeite } from '../../src/plan/abschnitte.ts';
import { plausibilitaet } from '../../src/pruefung/validate.ts';
import { formatProblem } from '../../src/plan/problems.ts';
import { linkziel } from '../../src/pruefung/verweise.ts';
import { renderMdx } from '../../src/plan/mdx/render.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';

/** Zeilen der Datei kapitel/ziele.mdx (für die Erwartungen unten). */
const ZIELE = [
  '---', // 1
  'titel: Ziele des Plans', // 2
  'reihenfolge: 2', // 3
  'nummer: "3"', // 4
  '---', // 5
  'Überblick.', // 6
  '', // 7
  '## 3.1 Schulen {#ziele-schule}', // 8
  '', // 9
  'Text.', // 10
  '', // 11
  '### 3.1.1 Netze und WLAN {#netze}', // 12
  '', // 13
  'Text.', // 14
  '', // 15
  '### 3.1.2. Endgeräte', // 16
  '', // 17
  '## 3.000 Geräte an allen Schulen', // 18
  '', // 19
  '## 2026 im Überblick', // 20
  '', // 21
  '## 3.10 Weiterbildung {#weiterbildung}', // 22
  '', // 23
].join('\n');

/** The minimal plan with a numbered chapter 3 whose text has sub-sections, and the Handlungsfeld as 3.2. */
function mitAbschnitten(): string {
  const root = copyFixture();
  write(root, 'kapitel/ziele.mdx', ZIELE);
  edit(root, 'handlungsfelder/infrastruktur.mdx', 'reihenfolge: 1', 'reihenfolge: 1\nnummer: "3.2"');
  return root;
}

describe('Abschnittsbaum', () => {
  it('bildet den Baum aus Kapiteln, Handlungsfeldern und nummerierten Überschriften, in Nummernfolge', () => {
    const model = modelOf(mitAbschnitten());
    const baum = abschnittsbaum(model);
    expect(baum.problems).toEqual([]);
    expect(baum.wurzeln.map((a) => a.nummer)).toEqual(['3']);
    // 3.10 after 3.2, the Handlungsfeld among the headings of the chapter.
    expect(baum.wurzeln[0]!.kinder.map((a) => [a.nummer, a.art, a.titel])).toEqual([
      ['3.1', 'unterabschnitt', 'Schulen'],
      ['3.2', 'handlungsfeld', 'Infrastruktur'],
      ['3.10', 'unterabschnitt', 'Weiterbildung'],
    ]);
    expect(baum.reihenfolge.map((a) => a.nummer)).toEqual(['3', '3.1', '3.1.1', '3.1.2', '3.2', '3.10']);
    const netze = abschnittNach(model, '3.1.1')!;
    expect({ pfad: abschnittPfad(netze), eltern: netze.eltern, file: netze.file, line: netze.line, titel: netze.titel }).toEqual({
      pfad: '/kapitel/ziele/#netze',
      eltern: '3.1',
      file: 'content/kapitel/ziele.mdx',
      line: 12,
      titel: 'Netze und WLAN',
    });
    // A heading without a fixed id has the id derived from its text; a dot after the number is allowed.
    expect(abschnittPfad(abschnittNach(model, '3.1.2')!)).toBe('/kapitel/ziele/#312-endgeräte');
    expect(abschnittPfad(abschnittNach(model, '3.2')!)).toBe('/handlungsfelder/infrastruktur/');
    expect(abschnittPfad(abschnittNach(model, '3')!)).toBe('/kapitel/ziele/');
    // "3.000 Geräte" and "2026 im Überblick" are headings, no sections.
    expect(abschnittNach(model, '3.000')).toBeUndefined();
    expect(abschnittNach(model, '2026')).toBeUndefined();
  });

  it('liest nur Überschriften, die die Nummer der Seite fortsetzen', () => {
    expect(unterabschnittAus('3.2.1 Ausstattung der Grundschulen', '3.2')).toEqual({ nummer: '3.2.1', titel: 'Ausstattung der Grundschulen' });
    expect(unterabschnittAus('3.2.1.4. Tablets', '3.2')).toEqual({ nummer: '3.2.1.4', titel: 'Tablets' });
    expect(unterabschnittAus('1.000 Geräte', '1')).toBeUndefined();
    expect(unterabschnittAus('3.3 Nachbar', '3.2')).toBeUndefined();
    expect(unterabschnittAus('3.2 Selbst', '3.2')).toBeUndefined();
    expect(unterabschnittAus('3.21 Anderes', '3.2')).toBeUndefined();
    expect(vergleicheNummern('4.10', '4.9')).toBeGreaterThan(0);
    expect(vergleicheNummern('4', '4.1')).toBeLessThan(0);
  });

  it('gibt jedem Abschnitt den Bildungsbereich seines Kapitels oder des nächsten darüber', () => {
    const root = mitAbschnitten();
    edit(root, 'kapitel/ziele.mdx', 'nummer: "3"', 'nummer: "3"\nbildungsbereich: schule');
    const baum = abschnittsbaum(modelOf(root));
    expect(baum.reihenfolge.map((a) => [a.nummer, a.bildungsbereich, a.bereichVon])).toEqual([
      ['3', 'schule', '3'],
      ['3.1', 'schule', '3'],
      ['3.1.1', 'schule', '3'],
      ['3.1.2', 'schule', '3'],
      ['3.2', 'schule', '3'],
      ['3.10', 'schule', '3'],
    ]);
  });

  it('hängt ein Handlungsfeld 5.1 unter das Kapitel 5, auch wenn das Kapitel später in der Datei steht', () => {
    const root = copyFixture();
    edit(root, 'handlungsfelder/infrastruktur.mdx', 'reihenfolge: 1', 'reihenfolge: 1\nnummer: "5.1"');
    write(root, 'kapitel/massnahmen.mdx', '---\ntitel: Handlungsfelder\nreihenfolge: 9\nnummer: "5"\n---\nText.\n');
    const baum = abschnittsbaum(modelOf(root));
    expect(baum.wurzeln.map((a) => [a.nummer, a.kinder.map((k) => k.nummer)])).toEqual([['5', ['5.1']]]);
  });

  it('listet auf der Kapitelseite die Maßnahmen zu ihren Unterabschnitten', () => {
    const root = mitAbschnitten();
    edit(root, 'massnahmen/i-01.mdx', 'ziele: [i-z1]', 'ziele: [i-z1]\nzielsetzungen: ["3.1.1"]');
    edit(root, 'massnahmen/i-02.mdx', 'aliase: [S-02]', 'aliase: [S-02]\nabschnitte: ["3", "3.10"]');
    const model = modelOf(root);
    expect(massnahmenZurSeite(model, 'kapitel', 'ziele').map((x) => [x.massnahme.id, x.nummern])).toEqual([
      ['I-01', ['3.1.1']],
      ['I-02', ['3', '3.10']],
    ]);
  });
});

describe('Fehler im Abschnittsbaum und in Verweisen auf Abschnitte', () => {
  it('meldet eine Nummer, die es nicht gibt, in „abschnitte“ und „zielsetzungen“ mit den Nummern daneben', () => {
    const root = mitAbschnitten();
    edit(root, 'massnahmen/i-01.mdx', 'ziele: [i-z1]', 'ziele: [i-z1]\nzielsetzungen: ["3.1.9"]\nabschnitte: ["3.1.1", "7"]');
    expect(messages(root)).toEqual([
      'content/massnahmen/i-01.mdx:1, Feld „zielsetzungen.0“: erwartet die Nummer eines Abschnitts des Plans (unter 3.1: 3.1.1, 3.1.2); gefunden: „3.1.9“, den es nicht gibt',
      'content/massnahmen/i-01.mdx:1, Feld „abschnitte.1“: erwartet die Nummer eines Abschnitts des Plans (die Abschnitte der obersten Ebene: 3); gefunden: „7“, den es nicht gibt',
    ]);
  });

  it('verlangt jede Nummer nur einmal, über Kapitel, Handlungsfelder und Überschriften hinweg', () => {
    const root = mitAbschnitten();
    edit(root, 'handlungsfelder/infrastruktur.mdx', 'nummer: "3.2"', 'nummer: "3.1"');
    expect(messages(root)).toEqual([
      'content/handlungsfelder/infrastruktur.mdx:1, Feld „nummer“: erwartet eine Abschnittsnummer, die im Plan nur einmal vorkommt (Kapitel, Handlungsfelder und nummerierte Überschriften zählen zusammen); gefunden: „3.1“, schon vergeben in content/kapitel/ziele.mdx:8 (Überschrift „3.1 Schulen“)',
    ]);
  });

  it('verlangt den übergeordneten Abschnitt einer Nummer', () => {
    const root = copyFixture();
    edit(root, 'handlungsfelder/infrastruktur.mdx', 'reihenfolge: 1', 'reihenfolge: 1\nnummer: "5.1"');
    expect(messages(root)).toEqual([
      'content/handlungsfelder/infrastruktur.mdx:1, Feld „nummer“: erwartet einen übergeordneten Abschnitt „5“ im Plan (als „nummer“ eines Kapitels oder Handlungsfelds oder als nummerierte Überschrift), weil „5.1“ seine Nummer fortsetzt; gefunden: „5.1“, aber keinen Abschnitt „5“',
    ]);
    const zweite = mitAbschnitten();
    edit(zweite, 'kapitel/ziele.mdx', '### 3.1.1 Netze und WLAN {#netze}', '### 3.4.1 Netze und WLAN {#netze}');
    expect(messages(zweite)).toEqual([expect.stringMatching(/^content\/kapitel\/ziele\.mdx:12, Feld „Überschrift 3\.4\.1“: erwartet einen übergeordneten Abschnitt „3\.4“/)]);
  });

  it('verlangt, dass Nummer und übergeordnetes Kapitel dieselbe Gliederung ergeben', () => {
    const root = mitAbschnitten();
    write(root, 'kapitel/leitbild.mdx', '---\ntitel: Leitbild\nreihenfolge: 3\nnummer: "4"\neltern: ziele\n---\nText.\n');
    expect(messages(root)).toEqual([
      'content/kapitel/leitbild.mdx:1, Feld „nummer“: erwartet eine Nummer unter „3“, der Nummer des übergeordneten Kapitels „ziele“ (Feld „eltern“); gefunden: „4“',
    ]);
  });

  it('meldet einen Verweis auf den Abschnitt eines Entwurfs als nicht veröffentlicht', () => {
    const root = mitAbschnitten();
    write(root, 'kapitel/ausblick.mdx', '---\ntitel: Ausblick\nreihenfolge: 5\nnummer: "4"\nentwurf: true\n---\n## 4.1 Später\n');
    edit(root, 'massnahmen/i-01.mdx', 'ziele: [i-z1]', 'ziele: [i-z1]\nabschnitte: ["4.1"]');
    expect(messages(root)).toEqual([
      'content/massnahmen/i-01.mdx:1, Feld „abschnitte.0“: erwartet die Nummer eines veröffentlichten Abschnitts; gefunden: „4.1“ aus dem Entwurf content/kapitel/ausblick.mdx, der nicht veröffentlicht wird',
    ]);
  });
});

describe('<Abschnitt> im Text', () => {
  it('wird zum Link auf den Abschnitt, mit Nummer oder eigenem Text und dem Titel des Abschnitts', () => {
    const root = mitAbschnitten();
    append(root, 'kapitel/vorwort.mdx', '\nSiehe <Abschnitt nummer="3.1.1" /> und <Abschnitt nummer="3.2">das Handlungsfeld *Infrastruktur*</Abschnitt>.\n\n<Abschnitt nummer="3" />\n');
    const html = modelOf(root).kapitel.find((k) => k.id === 'vorwort')!.inhalt!.html;
    expect(html).toContain('<a href="/kapitel/ziele/#netze" title="3.1.1 Netze und WLAN" data-abschnitt="3.1.1">Abschnitt 3.1.1</a>');
    expect(html).toContain('<a href="/handlungsfelder/infrastruktur/" title="3.2 Infrastruktur" data-abschnitt="3.2">das Handlungsfeld <em>Infrastruktur</em></a>');
    expect(html).toContain('<p><a href="/kapitel/ziele/" title="3 Ziele des Plans" data-abschnitt="3">Abschnitt 3</a></p>');
    expect(html).not.toContain('planwerk-abschnitt');
  });

  it('nimmt den Linktext auch auf eigenen Zeilen und in einer Tabellenzelle', () => {
    const root = mitAbschnitten();
    append(root, 'kapitel/vorwort.mdx', '\n<Abschnitt nummer="3.1">\nDie Ziele für **Schulen**\n</Abschnitt>\n\n| Abschnitt | Thema |\n| --- | --- |\n| <Abschnitt nummer="3.10" /> | Weiterbildung |\n');
    const html = modelOf(root).kapitel.find((k) => k.id === 'vorwort')!.inhalt!.html;
    expect(html).toContain('<p><a href="/kapitel/ziele/#ziele-schule" title="3.1 Schulen" data-abschnitt="3.1">Die Ziele für <strong>Schulen</strong></a></p>');
    expect(html).toContain('<td><a href="/kapitel/ziele/#weiterbildung" title="3.10 Weiterbildung" data-abschnitt="3.10">Abschnitt 3.10</a></td>');
    append(root, 'kapitel/vorwort.mdx', '\n<Abschnitt nummer="3">\nErster Absatz\n\nZweiter Absatz\n</Abschnitt>\n');
    expect(messages(root)).toEqual([expect.stringMatching(/^content\/kapitel\/vorwort\.mdx:19, Feld „<Abschnitt nummer="3">“: erwartet einen Linktext in einem Absatz/)]);
  });

  it('meldet eine unbekannte Nummer mit Datei und Zeile', () => {
    const root = mitAbschnitten();
    append(root, 'kapitel/vorwort.mdx', '\nSiehe <Abschnitt nummer="3.1.4" />.\n');
    expect(messages(root)).toEqual([
      'content/kapitel/vorwort.mdx:11, Feld „<Abschnitt nummer="3.1.4">“: erwartet die Nummer eines Abschnitts des Plans (unter 3.1: 3.1.1, 3.1.2); gefunden: „3.1.4“, den es nicht gibt',
    ]);
  });

  it.each([
    ['<Abschnitt />', '<Abschnitt>', 'das Attribut nummer="…"'],
    ['<Abschnitt nummer="drei" />', '<Abschnitt nummer>', 'eine Abschnittsnummer aus Ziffern und Punkten'],
    ['<Abschnitt nummer="3" ziel="x" />', '<Abschnitt ziel>', 'nur das Attribut nummer="…"'],
    ['<Abschnitt nummer="3">[hier](/glossar/)</Abschnitt>', '<Abschnitt nummer="3">', 'einen Linktext ohne weiteren Link darin'],
  ])('weist %s mit Datei und Zeile zurück', (zeile, feld, erwartet) => {
    const root = mitAbschnitten();
    append(root, 'kapitel/vorwort.mdx', `\nText ${zeile} Text.\n`);
    const meldung = messages(root).find((m) => m.includes(`Feld „${feld}“`));
    expect(meldung).toMatch(/^content\/kapitel\/vorwort\.mdx:11, /);
    expect(meldung).toContain(erwartet);
  });

  it('wird auch im Ergebnis des Renderers nur als Platzhalter gemerkt, mit Zeile', () => {
    const r = renderMdx('Text\n\nSiehe <Abschnitt nummer="4.2" />.\n');
    expect(r.abschnitte).toEqual([{ nummer: '4.2', mitText: false, line: 3 }]);
    expect(r.html).toContain('<planwerk-abschnitt data-nr="0"></planwerk-abschnitt>');
  });
});

describe('Links im Text', () => {
  it('sammelt beim Rendern jeden Link ohne fremde Adresse, mit Zeile', () => {
    const r = renderMdx('[a](/glossar/#mdm)\n\n[b](https://example.org/) [c](#oben) <a href="/akteure/">d</a>\n\n[e]: ../massnahmen/\n\n[e][e]\n');
    expect(r.links).toEqual([
      { url: '/glossar/#mdm', art: 'markdown', line: 1 },
      { url: '#oben', art: 'markdown', line: 3 },
      { url: '/akteure/', art: 'html', line: 3 },
      { url: '../massnahmen/', art: 'definition', line: 5 },
    ]);
  });

  it('liest einen Link wie der Browser auf der Seite, auf der er steht', () => {
    expect(linkziel('#netze', '/kapitel/ziele/')).toEqual({ pfad: '/kapitel/ziele/', anker: 'netze' });
    expect(linkziel('../../glossar/#mdm', '/kapitel/ziele/')).toEqual({ pfad: '/glossar/', anker: 'mdm' });
    expect(linkziel('/kapitel/vorwort/#was-jetzt-z%C3%A4hlt', '/')).toEqual({ pfad: '/kapitel/vorwort/', anker: 'was-jetzt-zählt' });
    expect(linkziel('/suche/?q=WLAN', '/')).toEqual({ pfad: '/suche/', anker: undefined });
  });

  it('nimmt Links auf Seiten, Anker, Weiterleitungen und Dateien des Plans an', () => {
    const root = mitAbschnitten();
    write(root, 'weiterleitungen.yaml', '- { von: /kapitel/alt/, nach: /kapitel/ziele/ }\n');
    append(
      root,
      'kapitel/vorwort.mdx',
      [
        '',
        '[a](/glossar/#mep) [b](/kapitel/ziele/#netze) [c](#ausstattung-fest) [d](/handlungsfelder/infrastruktur/#i-z1)',
        '[e](/massnahmen/#s-02) [f](/massnahmen/i-01/#beschreibung) [g](/kapitel/alt/#netze) [h](/register/m/)',
        '[i](/daten/massnahmen.csv) [j](/indikatoren/#quote) [k](/meilensteine/#start) [l](/akteure/#schulamt)',
        '[m](/kapitel/ziele/#inhalt) [n](/handlungsfelder/infrastruktur/#massnahmen) <a href="/schulen/">o</a>',
        '',
      ].join('\n'),
    );
    expect(messages(root)).toEqual([]);
  });

  it('meldet eine Seite, die es nicht gibt, mit Datei, Zeile und den Seiten daneben', () => {
    const root = mitAbschnitten();
    append(root, 'kapitel/vorwort.mdx', '\nSiehe [Ziele](/kapitel/zeile/) und [Glossar](/glossar).\n');
    expect(messages(root)).toEqual([
      'content/kapitel/vorwort.mdx:11, Feld „[…](…)“: erwartet einen Pfad einer Seite, die der Plan erzeugt (etwa „/kapitel/vorwort/“, „/kapitel/ziele/“); gefunden: „/kapitel/zeile/“: die Seite /kapitel/zeile/ gibt es nicht',
      'content/kapitel/vorwort.mdx:11, Feld „[…](…)“: erwartet einen Pfad einer Seite, die der Plan erzeugt (etwa „/glossar/“); gefunden: „/glossar“: die Seite /glossar gibt es nicht',
    ]);
  });

  it('meldet einen Anker, den die Seite nicht hat, mit den Ankern, die sie hat', () => {
    const root = mitAbschnitten();
    append(root, 'kapitel/vorwort.mdx', '\nSiehe [Netze](/kapitel/ziele/#netz) und [oben](#ausstattung).\n');
    expect(messages(root)).toEqual([
      'content/kapitel/vorwort.mdx:11, Feld „[…](…)“: erwartet einen Anker, den die Seite /kapitel/ziele/ hat (etwa „netze“); gefunden: „/kapitel/ziele/#netz“: die Seite hat keinen Anker „netz“',
      'content/kapitel/vorwort.mdx:11, Feld „[…](…)“: erwartet einen Anker, den die Seite /kapitel/vorwort/ hat (etwa „ausstattung-fest“); gefunden: „#ausstattung“: die Seite hat keinen Anker „ausstattung“',
    ]);
  });

  it('meldet einen Link auf einen Entwurf, der nicht veröffentlicht wird', () => {
    const root = mitAbschnitten();
    write(root, 'kapitel/ausblick.mdx', '---\ntitel: Ausblick\nreihenfolge: 5\nentwurf: true\n---\nBald.\n');
    append(root, 'glossar.yaml', '- { id: lms, begriff: Lernplattform, definition: Ein System., entwurf: true }\n');
    append(root, 'kapitel/vorwort.mdx', '\nSiehe [Ausblick](/kapitel/ausblick/).\n\nUnd <a href="/glossar/#lms">LMS</a>.\n');
    expect(messages(root)).toEqual([
      'content/kapitel/vorwort.mdx:11, Feld „[…](…)“: erwartet einen Link auf eine veröffentlichte Seite; gefunden: „/kapitel/ausblick/“: verweist auf einen Entwurf („ausblick“ in content/kapitel/ausblick.mdx), der nicht veröffentlicht wird',
      'content/kapitel/vorwort.mdx:13, Feld „<a href>“: erwartet einen Link auf eine veröffentlichte Seite; gefunden: „/glossar/#lms“: verweist auf einen Entwurf („lms“ in content/glossar.yaml), der nicht veröffentlicht wird',
    ]);
  });

  it('sagt bei einem Plan unter einem Unterpfad, dass der Basispfad nicht in den Link gehört', () => {
    const root = mitAbschnitten();
    edit(root, 'plan.yaml', 'website: https://mep.teststadt.example', 'website: https://www.teststadt.example/mep/');
    append(root, 'kapitel/vorwort.mdx', '\n[Glossar](/mep/glossar/)\n');
    const result = messages(root);
    expect(result).toEqual([expect.stringContaining('erwartet einen Pfad einer Seite, die der Plan erzeugt (etwa „/glossar/“); gefunden: „/mep/glossar/“')]);
  });
});

describe('Plausibilität der Zielsetzungen', () => {
  it('gibt in den Beispielplänen keinen Hinweis', () => {
    for (const plan of BEISPIELPLAENE) expect(plausibilitaet(plan.modell()).map(formatProblem), plan.name).toEqual([]);
  });

  it('nennt den Bildungsbereich eines Unterabschnitts und den passenden Abschnitt daneben', () => {
    const root = copyFixture();
    append(root, 'bildungsbereiche.yaml', '- { id: jugend, code: J, name: Jugendarbeit }\n- { id: weiterbildung, code: W, name: Weiterbildung }\n');
    write(root, 'kapitel/ziele.mdx', '---\ntitel: Zielsetzungen\nreihenfolge: 2\nnummer: "4"\n---\nÜberblick.\n');
    write(root, 'kapitel/ziele-jugend.mdx', '---\ntitel: Jugendarbeit\nreihenfolge: 3\nnummer: "4.3"\neltern: ziele\nbildungsbereich: jugend\n---\n## 4.3.1 Medienwerkstätten\n\nText.\n');
    write(root, 'kapitel/ziele-wb.mdx', '---\ntitel: Weiterbildung\nreihenfolge: 4\nnummer: "4.4"\neltern: ziele\nbildungsbereich: weiterbildung\n---\nText.\n');
    edit(root, 'massnahmen/i-02.mdx', /^---\n/, '---\nzielsetzungen: ["4.4", "4.3.1"]\nbildungsbereich: weiterbildung\n');
    expect(plausibilitaet(modelOf(root)).map(formatProblem)).toEqual([
      'content/massnahmen/i-02.mdx:1, Feld „zielsetzungen.1“: erwartet einen Abschnitt zum Bildungsbereich „Weiterbildung“ der Maßnahme; gefunden: „4.3.1“ (Medienwerkstätten): Abschnitt 4.3.1 gehört zu Bildungsbereich „Jugendarbeit“ (über Abschnitt 4.3); zu Bildungsbereich „Weiterbildung“ gehört Abschnitt 4.4 (Weiterbildung)',
    ]);
    // Without a section of the Maßnahme's Bildungsbereich beside it, no alternative is named.
    edit(root, 'kapitel/ziele-wb.mdx', 'bildungsbereich: weiterbildung', 'bildungsbereich: schule');
    expect(plausibilitaet(modelOf(root)).map((p) => p.found)).toEqual([
      '„4.4“ (Weiterbildung): Abschnitt 4.4 gehört zu Bildungsbereich „Schulische Bildung“',
      '„4.3.1“ (Medienwerkstätten): Abschnitt 4.3.1 gehört zu Bildungsbereich „Jugendarbeit“ (über Abschnitt 4.3)',
    ]);
  });
});
