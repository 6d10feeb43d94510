/**
 * The one address rule (src/plan/adressen.ts) and its checks after the build
 * (src/ausgabe/ausgabeadressen.ts): every hostile form is refused with a German „gefunden“ that
 * names the trick; the addresses plans really use pass; a crafted HTML page and a PDF with a
 * javascript: link annotation are caught.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import { pfadInAdresse, pruefeAdresse, type Adressart } from '../../src/plan/adressen.ts';
import { pruefeAusgabeAdressen, pruefePdfAdressen, pruefeSeitenAdressen, pdfFehlerText } from '../../src/ausgabe/ausgabeadressen.ts';
import { basisDesPlans } from '../../src/plan/urls.ts';
import { unsichereAdresse } from '../../src/plan/mdx/inhaltsregeln.ts';
import { FEINDLICH } from '../helpers/adressen.ts';

const ALLE_ARTEN: Adressart[] = ['extern', 'website', 'link', 'kontakt', 'email', 'bild', 'seite', 'ausgabe'];

describe('pruefeAdresse: feindliche Formen', () => {
  it.each(FEINDLICH)('%j wird überall abgelehnt und benannt (%s)', (wert, trick) => {
    for (const art of ALLE_ARTEN) {
      const r = pruefeAdresse(wert, art, { eigeneUrspruenge: ['https://mep.stadt.example'] });
      expect(r.ok, `${art}: ${wert}`).toBe(false);
      // Where no web address is meant at all, that is named first (see the next describe).
      const ohneWebadresse = ['bild', 'seite', 'kontakt', 'email'].includes(art) && /^https?:/.test(wert) && !/[\\\s]/.test(wert);
      if (!r.ok && !ohneWebadresse) {
        expect(r.gefunden, art).toContain(trick);
        expect(r.erwartet).toMatch(/^(eine|ein|die|einen|nur) /);
      }
    }
  });

  it('zeigt Steuerzeichen im „gefunden“ sichtbar statt sie mitzudrucken', () => {
    const r = pruefeAdresse('java\tscript:alert(1)', 'link');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.gefunden).toContain('„java‹U+0009›script:alert(1)“');
  });

  it('nimmt eine Musteradresse mit javascript: nicht an', () => {
    const r = pruefeAdresse('javascript:alert("{pfad}")', 'muster');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.gefunden).toContain('javascript:-Link');
    expect(pruefeAdresse('https://git.stadt.example/mep/edit/main/', 'muster').ok).toBe(false);
  });
});

describe('pruefeAdresse: was wo erlaubt ist', () => {
  const tabelle: [string, Partial<Record<Adressart, boolean>>][] = [
    ['https://www.stadt.example/schule?seite=2&x=1#oben', { extern: true, link: true, ausgabe: true, bild: false, seite: false, kontakt: false, website: false }],
    ['https://mep.stadt.example/', { extern: true, website: true, link: true }],
    ['https://stadt.github.io/mep/', { website: true }],
    ['https://stadt.github.io/mep plan/', { website: false }],
    ['https://stadt.github.io/m%22ep/', { website: false }],
    ['https://stadt.github.io/mep/../anders/', { website: false, extern: true }],
    ['https://stadt.github.io', { website: true }],
    ['http://www.stadt.example/', { extern: false, website: false, link: false, ausgabe: false }],
    ['http://mep.stadt.example/kapitel/', { ausgabe: true, link: false }],
    ['mailto:schule@stadt.example', { link: true, kontakt: true, ausgabe: true, extern: false, bild: false }],
    ['mailto:schule@stadt.example?subject=Frage%20zum%20Plan', { link: true }],
    ['mailto:keine-adresse', { link: false }],
    ['tel:+49-30-1234567', { link: true, kontakt: true, ausgabe: true, extern: false }],
    ['tel:0800abc', { link: false }],
    ['/kapitel/vorwort/', { link: true, bild: true, seite: true, ausgabe: true, extern: false, website: false, kontakt: false }],
    ['/kapitel/vorwort/#ziele', { link: true, seite: true }],
    ['#ziele', { link: true, seite: false }],
    ['../bilder/plan.png', { bild: true, link: true, seite: false }],
    ['bilder/plan.png', { bild: true }],
    ['?seite=2', { link: true }],
    ['https:evil.example', { extern: false, link: false }],
    ['schule@stadt.example', { email: true, link: true, extern: false }],
    ['mailto:schule@stadt.example', { email: false }],
    ['schule@stadt.example?bcc=alle@stadt.example', { email: false }],
    ['javascript:alert(1)//@stadt.example', { email: false }],
  ];
  it.each(tabelle)('%s', (wert, erwartet) => {
    for (const [art, ok] of Object.entries(erwartet)) {
      expect(pruefeAdresse(wert, art as Adressart, { eigeneUrspruenge: ['https://mep.stadt.example/'] }).ok, `${art}: ${wert}`).toBe(ok);
    }
  });

  it('nennt bei http:// die fehlende Verschlüsselung', () => {
    const r = pruefeAdresse('http://www.stadt.example/', 'extern');
    expect(!r.ok && r.gefunden).toContain('unverschlüsselte Adresse');
  });

  it('sagt bei einer fremden Adresse als Bild, dass sie fremd ist', () => {
    const r = pruefeAdresse('https://tracker.example/pixel.gif', 'bild');
    expect(!r.ok && r.gefunden).toContain('eine fremde Adresse');
  });
});

describe('Pfade im Bearbeiten-Link', () => {
  it('kodiert Leerzeichen, „#“, „?“ und „%“ im Dateinamen, behält Umlaute', () => {
    const pfad = pfadInAdresse('content/kapitel/Schulträger und IT #1?.mdx');
    expect(pfad).toBe('content/kapitel/Schulträger%20und%20IT%20%231%3F.mdx');
    expect(pruefeAdresse(`https://git.stadt.example/mep/edit/main/${pfad}`, 'ausgabe').ok).toBe(true);
    expect(pruefeAdresse('https://git.stadt.example/mep/edit/main/content/kapitel/Schulträger und IT.mdx', 'ausgabe').ok).toBe(false);
  });
});

describe('Regeln für MDX nutzen dieselbe Regel', () => {
  it('lehnt /\\host als Bild und als Link ab, nimmt Pfade der Website an', () => {
    expect(unsichereAdresse('/\\evil.example/t.png', 'bild')?.gefunden).toContain('umgekehrten Schrägstrich');
    expect(unsichereAdresse('/\\evil.example/', 'link')?.gefunden).toContain('umgekehrten Schrägstrich');
    expect(unsichereAdresse('/bilder/plan.png', 'bild')).toBeUndefined();
    expect(unsichereAdresse('https://www.stadt.example/', 'link')).toBeUndefined();
    expect(unsichereAdresse('https://www.stadt.example/bild.png', 'bild')?.gefunden).toContain('fremde Adresse');
  });
});

describe('basisDesPlans wirft nie', () => {
  it.each(['javascript:alert(1)', 'data:text/html,x', 'https://stadt.example/a "b"/', 'kein url', '//x'])('%j → „/“', (website) => {
    expect(() => basisDesPlans(website, '')).not.toThrow();
    expect(basisDesPlans(website, '')).toBe('/');
  });
  it('nimmt den Pfad einer gültigen Adresse', () => {
    expect(basisDesPlans('https://stadt.github.io/mep/', '')).toBe('/mep/');
  });
});

describe('Adressen der gebauten Seiten', () => {
  const website = 'https://mep.stadt.example/';
  const seite = (body: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

  it('nimmt die Adressen einer gewöhnlichen Seite an', () => {
    const html = seite(
      '<a href="/kapitel/vorwort/">V</a><a href="#oben">O</a><a href="https://www.stadt.example/?a=1&amp;b=2">S</a><a href="mailto:a@stadt.example">M</a><a href="tel:+4930123">T</a>' +
        '<a href="http://mep.stadt.example/alt/">eigene Seite über http</a><img src="/bilder/a.png" srcset="/bilder/a.png 1x, /bilder/a@2x.png 2x" alt="">' +
        '<svg><use href="#icon"></use></svg><a href="">leer</a><meta http-equiv="refresh" content="0;url=/neu/">',
    );
    expect(pruefeSeitenAdressen(html, 'dist/index.html', [website])).toEqual([]);
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>', '<a href>', 'javascript:-Link'],
    ['<a href="&#106;avascript:alert(1)">x</a>', '<a href>', 'javascript:-Link'],
    ['<a href="java&#9;script:alert(1)">x</a>', '<a href>', 'Steuerzeichen'],
    ['<img src="/\\evil.example/t.png" alt="">', '<img src>', 'umgekehrten Schrägstrich'],
    ['<img srcset="/a.png 1x, //evil.example/b.png 2x" alt="">', '<img srcset>', 'protokollrelative'],
    ['<video poster="data:image/png;base64,AAAA"></video>', '<video poster>', 'data:-Adresse'],
    ['<form action="http://evil.example/"><button formaction="vbscript:x">x</button></form>', '<form action>', 'unverschlüsselte'],
    ['<object data="javascript:alert(1)"></object>', '<object data>', 'javascript:-Link'],
    ['<svg><a xlink:href="javascript:alert(1)">x</a></svg>', '<a xlink:href>', 'javascript:-Link'],
    ['<meta http-equiv="refresh" content="0; url=javascript:alert(1)">', '<meta content>', 'javascript:-Link'],
    ["<meta http-equiv=\"Refresh\" content=\"0;URL='//evil.example/'\">", '<meta content>', 'protokollrelative'],
  ])('%s', (body, feld, trick) => {
    const problems = pruefeSeitenAdressen(seite(body), 'dist/x/index.html', [website]);
    const p = problems.find((q) => q.field === feld);
    expect(p, JSON.stringify(problems)).toBeDefined();
    expect(p!.file).toBe('dist/x/index.html');
    expect(p!.found).toContain(trick);
  });

  it('findet jede Seite im Ausgabeordner und nennt ihre Datei', () => {
    const dist = mkdtempSync(join(tmpdir(), 'planwerk-adressen-'));
    mkdirSync(join(dist, 'akteure', 'it'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), seite('<a href="/akteure/it/">IT</a>'));
    writeFileSync(join(dist, 'akteure', 'it', 'index.html'), seite('<a href="javascript:alert(1)">IT</a>'));
    const problems = pruefeAusgabeAdressen(dist, website);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file.endsWith(join('akteure', 'it', 'index.html'))).toBe(true);
    expect(problems[0]!.field).toBe('<a href>');
  });
});

/** A one-page PDF with one link annotation whose action is `aktion`. */
async function pdfMitLink(aktion: Record<string, string | PDFString>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 200]);
  const annot = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [10, 10, 100, 30], Border: [0, 0, 0], A: aktion });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(annot)]));
  return doc.save();
}

describe('Links im PDF', () => {
  it('findet eine javascript:-Adresse in einer Linkannotation', async () => {
    const pdf = await pdfMitLink({ Type: 'Action', S: 'URI', URI: PDFString.of('javascript:app.alert(1)') });
    const fehler = await pruefePdfAdressen(pdf, ['https://mep.stadt.example/']);
    expect(fehler).toHaveLength(1);
    expect(fehler[0]!.seite).toBe(1);
    expect(fehler[0]!.gefunden).toContain('javascript:-Link');
    expect(pdfFehlerText(fehler)).toMatch(/^Das PDF enthält einen unzulässigen Link/);
  });

  it('findet eine JavaScript-Aktion und eine Launch-Aktion', async () => {
    const js = await pruefePdfAdressen(await pdfMitLink({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    expect(js[0]?.gefunden).toContain('„JavaScript“');
    const launch = await pruefePdfAdressen(await pdfMitLink({ Type: 'Action', S: 'Launch', F: PDFString.of('calc.exe') }));
    expect(launch[0]?.gefunden).toContain('„Launch“');
  });

  it('nimmt https, mailto und http zur eigenen Website an', async () => {
    for (const uri of ['https://www.stadt.example/', 'mailto:a@stadt.example', 'http://mep.stadt.example/akteure/']) {
      expect(await pruefePdfAdressen(await pdfMitLink({ Type: 'Action', S: 'URI', URI: PDFString.of(uri) }), ['https://mep.stadt.example/']), uri).toEqual([]);
    }
    expect(await pruefePdfAdressen(await pdfMitLink({ Type: 'Action', S: 'URI', URI: PDFString.of('http://fremd.example/') }), ['https://mep.stadt.example/'])).toHaveLength(1);
  });
});
