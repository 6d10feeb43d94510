import { describe, expect, it } from 'vitest';
import { akteurSeite, gemeinsameAkteure, normalisiereName } from '../../src/portal/akteure.ts';
import type { Datensatz } from '../../src/portal/typen.ts';
import { angaben, BEISPIELE, beispielplan, plan } from '../helpers/vergleichsplaene.ts';

describe('Namen vergleichen', () => {
  it('normalisiert Unicode, Groß- und Kleinschreibung und Leerraum', () => {
    expect(normalisiereName('  Kreis\u00a0Medien\tZENTRUM ')).toBe('kreis medien zentrum');
    // ß and SS fold to one; a decomposed umlaut equals the composed one.
    expect(normalisiereName('Medienzentrale Straße')).toBe(normalisiereName('MEDIENZENTRALE STRASSE'));
    expect(normalisiereName('Bu\u0308ro')).toBe(normalisiereName('Büro'));
    expect(normalisiereName('Schulamt')).not.toBe(normalisiereName('Schulämter'));
  });
});

describe('Seite eines Akteurs auf der Plan-Website', () => {
  it('setzt die Kennung in das Muster der Portalangaben, relativ zur Adresse des Plans', () => {
    const p = plan('m', { adresse: 'https://mep.example/musterstadt/', angaben: angaben('M') });
    expect(akteurSeite(p, 'medienzentrum')).toBe('https://mep.example/musterstadt/akteure/medienzentrum/');
    expect(akteurSeite(p, 'a/b')).toBe('https://mep.example/musterstadt/akteure/a%2Fb/');
  });
  it('lässt den Verweis ohne Portalangaben weg, und wo das Muster die Website verließe', () => {
    expect(akteurSeite(plan('m'), 'x')).toBeUndefined();
    const fremd = { ...angaben('M'), seiten: { start: '', massnahme: 'm/{id}/', akteur: '//andere.example/{id}/', daten: 'daten/' } };
    expect(akteurSeite({ adresse: 'https://mep.example/musterstadt/', angaben: fremd }, 'x')).toBeUndefined();
    const oben = { ...angaben('M'), seiten: { ...fremd.seiten, akteur: '/akteure/{id}/' } };
    expect(akteurSeite({ adresse: 'https://mep.example/musterstadt/', angaben: oben }, 'x')).toBeUndefined();
  });
});

describe('gemeinsame Akteure mehrerer Pläne', () => {
  const akteurA: Datensatz[] = [
    { id: 'medienzentrum', name: 'Medienzentrum Musterstadt', kurzname: 'Medienzentrum', ebene: 'kommunale Unterstützung', aufgaben: ['Fortbildung', 'Medienverleih'], zustaendigkeit: 'pädagogisch', supportlevel: [], auchBekanntAls: ['Kreismedienzentrum'] },
    { id: 'schulamt', name: 'Schulamt für die Stadt Musterstadt', kurzname: 'Schulamt', ebene: 'Schulaufsicht', aufgaben: [], supportlevel: [], auchBekanntAls: [] },
    { id: 'itm', name: 'ITM', kennung: 'it-kreis', ebene: 'externe Dienstleister', aufgaben: ['Betrieb'], zustaendigkeit: 'technisch', supportlevel: ['2nd-Level', '3rd-Level'], auchBekanntAls: [] },
    { id: 'rat', name: 'Rat der Stadt Musterstadt', kurzname: 'Stadtrat', aufgaben: [], supportlevel: [], auchBekanntAls: [] },
  ];
  const felderA: Datensatz[] = [
    { id: 'infrastruktur', titel: 'Infrastruktur', reihenfolge: 2 },
    { id: 'qualifizierung', titel: 'Qualifizierung', reihenfolge: 1 },
  ];
  const matrixA: Datensatz[] = [
    { akteur: 'medienzentrum', handlungsfeld: 'infrastruktur', handlungsfeldVerantwortlich: true, anzahlVerantwortlich: 0, anzahlPartner: 0, massnahmenVerantwortlich: [], massnahmenPartner: [] },
    { akteur: 'medienzentrum', handlungsfeld: 'qualifizierung', handlungsfeldVerantwortlich: false, anzahlVerantwortlich: 2, anzahlPartner: 1, massnahmenVerantwortlich: ['Q-01', 'Q-02'], massnahmenPartner: ['Q-03'] },
    { akteur: 'itm', handlungsfeld: 'infrastruktur', handlungsfeldVerantwortlich: false, anzahlVerantwortlich: 1, anzahlPartner: 0, massnahmenVerantwortlich: ['I-01'], massnahmenPartner: [] },
  ];
  const a = plan('musterstadt', {
    name: 'Stadt Musterstadt',
    adresse: 'https://mep.example/musterstadt/',
    angaben: angaben('Musterstadt'),
    tabellen: { akteure: akteurA, handlungsfelder: felderA, zustaendigkeitsmatrix: matrixA },
  });
  const akteurB: Datensatz[] = [
    // Same Medienzentrum: it declares Musterstadt's kurzname as another name (in other case and space).
    { id: 'kmz', name: 'Kreismedienzentrum  Hagenland', kurzname: 'KMZ', ebene: 'Kreis', aufgaben: ['Beratung'], supportlevel: ['1st-Level'], auchBekanntAls: ['Medienzentrale Strasse', ' MEDIENZENTRUM'] },
    // Same IT service by its shared id, under another name.
    { id: 'kdh', name: 'Kommunale Datenzentrale Hagenland', kurzname: 'KDH', kennung: 'it-kreis', aufgaben: [], supportlevel: [], auchBekanntAls: [] },
    // Declares Musterstadt's Schulamt by its full name: the same kurzname alone would not join them.
    { id: 'schulamt', name: 'Staatliches Schulamt', kurzname: 'Schulamt', aufgaben: [], supportlevel: [], auchBekanntAls: ['Schulamt für die Stadt Musterstadt'] },
    // A second actor of the same plan answering to „Schulamt“: never merged with the first.
    { id: 'aussenstelle', name: 'Außenstelle des Schulamts', auchBekanntAls: ['schulamt'], aufgaben: [], supportlevel: [] },
  ];
  const b = plan('wiesenhagen', { name: 'Stadt Wiesenhagen', tabellen: { akteure: akteurB } });
  const akteurC: Datensatz[] = [
    { id: 'mz', name: 'Medienzentrale Straße', kurzname: 'Medienzentrum', aufgaben: [], supportlevel: [], auchBekanntAls: [] },
    // Calls itself also „ITM“ like Musterstadt's IT service, but has another shared id: kept apart.
    { id: 'itm', name: 'IT-Service Nord', kennung: 'itm-nord', aufgaben: [], supportlevel: [], auchBekanntAls: ['ITM'] },
    // The same plain name as Musterstadt's council, declared as nothing else: two councils, not one.
    { id: 'rat', name: 'Rat der Stadt Musterstadt', aufgaben: [], supportlevel: [], auchBekanntAls: [] },
    { id: 'ohne-name', aufgaben: [] },
  ];
  const c = plan('auenbrueck', { name: 'Stadt Auenbrück', tabellen: { akteure: akteurC } });
  const karte = gemeinsameAkteure([a, b, c]);
  const gruppe = (plan: string, akteur: string) => karte.akteure.find((g) => g.rollen.some((r) => r.plan === plan && r.akteur === akteur));

  it('erkennt Akteure über die gemeinsame Kennung und über normalisierte Namen, auch über mehrere Pläne hinweg', () => {
    const mz = gruppe('musterstadt', 'medienzentrum')!;
    expect(mz.rollen.map((r) => [r.plan, r.akteur])).toEqual([
      ['musterstadt', 'medienzentrum'],
      ['wiesenhagen', 'kmz'],
      ['auenbrueck', 'mz'],
    ]);
    const it = gruppe('musterstadt', 'itm')!;
    expect(it.rollen.map((r) => r.akteur)).toEqual(['itm', 'kdh']);
    expect(it.erkanntDurch).toEqual(['gemeinsame Kennung „it-kreis“']);
    expect(gruppe('wiesenhagen', 'schulamt')!.rollen.map((r) => [r.plan, r.akteur])).toEqual([
      ['musterstadt', 'schulamt'],
      ['wiesenhagen', 'schulamt'],
    ]);
  });
  it('zeigt nur Akteure, die zwei oder mehr Pläne nennen, und führt gleiche Namen ohne erklärten anderen Namen nicht zusammen', () => {
    expect(gruppe('musterstadt', 'rat')).toBeUndefined();
    expect(gruppe('auenbrueck', 'rat')).toBeUndefined();
    expect(karte.akteure.every((g) => new Set(g.rollen.map((r) => r.plan)).size >= 2)).toBe(true);
    expect(karte.akteure).toHaveLength(3);
  });
  it('führt zwei Akteure desselben Plans nie zusammen und meldet es', () => {
    expect(gruppe('wiesenhagen', 'aussenstelle')).toBeUndefined();
    const p = karte.probleme.find((x) => x.entry === 'aussenstelle' && x.found?.includes('(schulamt)'));
    expect(p?.file).toBe('https://mep.wiesenhagen.example/daten/akteure.json');
    expect(p?.expected).toMatch(/desselben Plans getrennt/);
  });
  it('führt Akteure mit verschiedenen Kennungen nie zusammen und meldet es', () => {
    expect(gruppe('auenbrueck', 'itm')).toBeUndefined();
    const p = karte.probleme.find((x) => x.found?.includes('itm-nord'));
    expect(p?.expected).toMatch(/verschiedenen Kennungen getrennt/);
    expect(p?.found).toMatch(/„it-kreis“/);
  });
  it('meldet unlesbare Einträge', () => {
    expect(karte.probleme).toContainEqual({ file: 'https://mep.auenbrueck.example/daten/akteure.json', entry: 'ohne-name', expected: 'einen Akteur mit Kennung und Name', found: 'keinen Namen' });
  });
  it('gibt eine stabile Kennung und den häufigsten Namen', () => {
    const mz = gruppe('musterstadt', 'medienzentrum')!;
    // „Medienzentrum“ is used by three plans, „Medienzentrale Straße“ by two, every other name by one.
    expect(mz.name).toBe('Medienzentrum');
    expect(mz.id).toBe('medienzentrum');
    expect(mz.namen).toEqual(['Medienzentrum Musterstadt', 'Medienzentrum', 'Kreismedienzentrum', 'Kreismedienzentrum Hagenland', 'KMZ', 'Medienzentrale Strasse']);
    expect(gruppe('musterstadt', 'itm')!.id).toBe('it-kreis');
    expect(gruppe('musterstadt', 'itm')!.kennung).toBe('it-kreis');
    // The same plans in another order give the same ids.
    const anders = gemeinsameAkteure([c, b, a]);
    expect(anders.akteure.map((g) => g.id).sort()).toEqual(karte.akteure.map((g) => g.id).sort());
  });
  it('gibt je Plan die Rolle, wie der Plan sie veröffentlicht, mit den Handlungsfeldern in seiner Reihenfolge', () => {
    const [ra, rb] = gruppe('musterstadt', 'medienzentrum')!.rollen;
    expect(ra).toEqual({
      plan: 'musterstadt',
      planName: 'Stadt Musterstadt',
      akteur: 'medienzentrum',
      name: 'Medienzentrum Musterstadt',
      kurzname: 'Medienzentrum',
      auchBekanntAls: ['Kreismedienzentrum'],
      ebene: 'kommunale Unterstützung',
      aufgaben: ['Fortbildung', 'Medienverleih'],
      zustaendigkeit: 'pädagogisch',
      supportlevel: [],
      handlungsfelder: [
        { handlungsfeld: 'qualifizierung', titel: 'Qualifizierung', fuerDasFeld: false, verantwortlich: 2, partner: 1 },
        { handlungsfeld: 'infrastruktur', titel: 'Infrastruktur', fuerDasFeld: true, verantwortlich: 0, partner: 0 },
      ],
      seite: 'https://mep.example/musterstadt/akteure/medienzentrum/',
    });
    // Without Portalangaben: no link; without a matrix: no Handlungsfelder.
    expect(rb!.seite).toBeUndefined();
    expect(rb!.handlungsfelder).toEqual([]);
    expect(rb!.supportlevel).toEqual(['1st-Level']);
  });
});

describe('die drei Beispielpläne', () => {
  const plaene = BEISPIELE.map((b) => beispielplan(b.id, b.ordner)).filter((p) => p !== undefined);
  it.skipIf(plaene.length < 2)('hält die Medienzentren von Musterstadt und Wiesenhagen getrennt: ihre Kennungen unterscheiden sich, auch wenn ein anderer Name passt', () => {
    const karte = gemeinsameAkteure(plaene);
    const mz = karte.akteure.find((g) => g.rollen.some((r) => r.plan === 'musterstadt' && r.akteur === 'medienzentrum'));
    expect(mz?.rollen.map((r) => r.plan) ?? []).not.toContain('kleinstadt');
    if (plaene.some((p) => p.id === 'kleinstadt')) expect(karte.probleme.some((p) => /Kennungen „.*medienzentrum.*“ und „.*medienzentrum.*“ unterscheiden sich/.test(p.found ?? ''))).toBe(true);
    // Every role is one published actor, each actor in at most one group.
    const gesehen = new Set<string>();
    for (const g of karte.akteure)
      for (const r of g.rollen) {
        const p = plaene.find((x) => x.id === r.plan)!;
        expect(p.tabellen.akteure!.some((x) => x.id === r.akteur && x.name === r.name)).toBe(true);
        expect(gesehen.has(`${r.plan}/${r.akteur}`)).toBe(false);
        gesehen.add(`${r.plan}/${r.akteur}`);
      }
  });
});
