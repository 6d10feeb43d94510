/**
 * Actors in the minimal fixture: schulamt (Schulträger) beauftragt it (kommunale
 * Unterstützung); schulen (Schule) arbeitet zusammen mit it. Handlungsfeld infrastruktur:
 * verantwortlich schulamt; I-01 verantwortlich schulamt, Partner it; I-02 verantwortlich schulamt.
 * The lookups of indexe.ts are also checked against plain searches over the sample plan.
 * Copies of the fixture without any group, and with groups for some actors only, check that
 * Planwerk adds no group and no kind of relation the plan does not give.
 */
import { describe, expect, it } from 'vitest';
import { append, copyFixture, edit, fixtureModel, messages, modelOf, PROJECT } from '../helpers/fixture.ts';
import {
  ansprechpartner,
  beziehungen,
  beziehungsart,
  formateVon,
  hatGruppen,
  karteDaten,
  massnahmenNachFeld,
  nachEbene,
  supportStufen,
  unreferenzierteAkteure,
  zustaendigkeiten,
  zustaendigkeitsmatrix,
} from '../../src/rechnen/akteure.ts';
import { KennzahlError, kennzahl } from '../../src/rechnen/kennzahlen.ts';
import { zustaendigkeiten as offeneZustaendigkeiten } from '../../src/ausgabe/offenedaten/berechnet.ts';
import { fassungenMit, massnahmenFuerZiel, massnahmenImBereich, massnahmenImFeld, meilensteineVon, planIndex } from '../../src/plan/indexe.ts';
import { byCode } from '../../src/plan/massnahmen.ts';
import { statusChronik } from '../../src/rechnen/aenderungen.ts';

const model = fixtureModel();
const beispiel = modelOf(PROJECT);

describe('Zuständigkeitsmatrix', () => {
  it('ergibt sich aus Maßnahmen und Zuständigkeiten der Handlungsfelder', () => {
    const m = zustaendigkeitsmatrix(model);
    expect(m.spalten.map((hf) => hf.id)).toEqual(['infrastruktur']);
    // schulen has no entry; Schulträger before kommunale Unterstützung
    expect(m.gruppen.map((g) => [g.ebene, g.zeilen.map((z) => [z.akteur.id, z.zellen])])).toEqual([
      ['Schulträger', [['schulamt', [{ verantwortlich: ['I-01', 'I-02'], partner: [], handlungsfeld: true }]]]],
      ['kommunale Unterstützung', [['it', [{ verantwortlich: [], partner: ['I-01'], handlungsfeld: false }]]]],
    ]);
  });

  it('stimmt im Beispielplan Zelle für Zelle mit den Maßnahmen überein', () => {
    const plan = beispiel;
    const m = zustaendigkeitsmatrix(plan);
    const zeilen = m.gruppen.flatMap((g) => g.zeilen);
    const codes = (hf: string, rolle: 'verantwortlich' | 'partner', akteur: string) =>
      plan.massnahmen.filter((x) => x.data.handlungsfeld.id === hf && x.data[rolle].some((r) => r.id === akteur)).sort(byCode).map((x) => x.id);
    for (const { akteur, zellen } of zeilen) {
      m.spalten.forEach((hf, i) => {
        expect(zellen[i], `${akteur.id} × ${hf.id}`).toEqual({
          verantwortlich: codes(hf.id, 'verantwortlich', akteur.id),
          partner: codes(hf.id, 'partner', akteur.id),
          handlungsfeld: hf.data.verantwortlich.some((r) => r.id === akteur.id),
        });
      });
    }
    // every actor with an entry is a row, in the order of its Ebene, once
    const mitEintrag = plan.akteure.filter(
      (a) => plan.massnahmen.some((x) => [...x.data.verantwortlich, ...x.data.partner].some((r) => r.id === a.id)) || plan.handlungsfelder.some((h) => h.data.verantwortlich.some((r) => r.id === a.id)),
    );
    expect(zeilen.map((z) => z.akteur.id).sort()).toEqual(mitEintrag.map((a) => a.id).sort());
  });
});

describe('Beziehungen', () => {
  it('zeigt jede Beziehung bei beiden Akteuren, einmal in jeder Richtung', () => {
    expect(beziehungen(model, 'it').map((b) => [b.richtung, b.typ, b.akteur.id])).toEqual([
      ['ein', 'beauftragt', 'schulamt'],
      ['ein', 'arbeitet zusammen mit', 'schulen'],
    ]);
    expect(beziehungen(model, 'schulamt').map((b) => [b.richtung, b.typ, b.akteur.id])).toEqual([['aus', 'beauftragt', 'it']]);
  });

  it('unterscheidet vertikale und horizontale Beziehungen', () => {
    expect(beziehungsart('Schulträger', 'kommunale Unterstützung')).toBe('horizontal');
    expect(beziehungsart('Schule', 'kommunale Unterstützung')).toBe('vertikal');
    expect(beziehungsart('Schulaufsicht', 'Land')).toBe('horizontal');
    expect(karteDaten(model).kanten).toEqual([
      { von: 'schulamt', nach: 'it', typ: 'beauftragt', art: 'horizontal' },
      { von: 'schulen', nach: 'it', typ: 'arbeitet zusammen mit', art: 'vertikal' },
    ]);
  });
});

describe('Maßnahmen eines Akteurs', () => {
  it('ordnet sie nach Handlungsfeld mit der Rolle des Akteurs', () => {
    expect(massnahmenNachFeld(model, 'it').map((g) => [g.handlungsfeld.id, g.massnahmen.map((x) => [x.massnahme.id, x.rollen])])).toEqual([['infrastruktur', [['I-01', ['Partner']]]]]);
    expect(massnahmenNachFeld(model, 'schulamt').map((g) => g.massnahmen.map((x) => [x.massnahme.id, x.rollen]))).toEqual([
      [
        ['I-01', ['verantwortlich']],
        ['I-02', ['verantwortlich']],
      ],
    ]);
    expect(massnahmenNachFeld(model, 'schulen')).toEqual([]);
  });
});

describe('Verzeichnisse je Plan (indexe.ts)', () => {
  const plan = beispiel;

  it('werden einmal je Modell gebaut', () => {
    expect(planIndex(plan)).toBe(planIndex(plan));
    expect(planIndex(model)).not.toBe(planIndex(plan));
  });

  it('liefern dasselbe wie die Suche über ganze Sammlungen', () => {
    for (const a of plan.akteure) {
      const id = a.id;
      expect(zustaendigkeiten(plan, id), id).toEqual({
        verantwortlich: plan.massnahmen.filter((m) => m.data.verantwortlich.some((r) => r.id === id)).sort(byCode),
        partner: plan.massnahmen.filter((m) => m.data.partner.some((r) => r.id === id)).sort(byCode),
        handlungsfelder: plan.handlungsfelder.filter((h) => h.data.verantwortlich.some((r) => r.id === id)),
        gremien: plan.akteure.filter((g) => g.data.gremium?.mitglieder.some((r) => r.id === id)),
      });
      expect(beziehungen(plan, id).filter((b) => b.richtung === 'ein').map((b) => [b.akteur.id, b.typ]), id).toEqual(
        plan.akteure.flatMap((x) => x.data.beziehungen.filter((b) => b.ziel.id === id).map((b) => [x.id, b.typ])),
      );
      expect(formateVon(plan, id), id).toEqual(plan.formate.filter((f) => f.data.organisator?.id === id || f.data.teilnehmende.some((r) => r.id === id)));
    }
    for (const hf of plan.handlungsfelder) {
      expect(massnahmenImFeld(plan, hf.id), hf.id).toEqual(plan.massnahmen.filter((m) => m.data.handlungsfeld.id === hf.id).sort(byCode));
      for (const z of hf.data.ziele) expect(massnahmenFuerZiel(plan, z.id), z.id).toEqual(plan.massnahmen.filter((m) => m.data.ziele.includes(z.id)).sort(byCode));
    }
    for (const b of plan.bildungsbereiche) expect(massnahmenImBereich(plan, b.id), b.id).toEqual(plan.massnahmen.filter((m) => m.data.bildungsbereich?.id === b.id).sort(byCode));
    expect(massnahmenImFeld(plan, 'gibt-es-nicht')).toEqual([]);
    for (const m of plan.massnahmen) {
      expect(meilensteineVon(plan, m.id), m.id).toEqual(plan.meilensteine.filter((ms) => ms.data.massnahme?.id === m.id));
      expect(statusChronik(fassungenMit(plan, m), m), m.id).toEqual(statusChronik(plan, m));
    }
    expect(plan.massnahmen.some((m) => statusChronik(plan, m).length > 0 && m.data.aliase.length > 0), 'der Beispielplan hat eine umbenannte Maßnahme mit früherem Status').toBe(true);
  });
});

describe('Übersichten', () => {
  it('ordnet Support-Stufen, Formate und Ansprechpartner zu', () => {
    expect(supportStufen(model).map((s) => [s.stufe, s.akteure.map((a) => a.id)])).toEqual([
      ['1st-Level', ['schulen']],
      ['2nd-Level', ['it']],
      ['3rd-Level', []],
    ]);
    expect(formateVon(model, 'schulamt').map((f) => f.id)).toEqual(['treffen']);
    expect(formateVon(model, 'schulen')).toEqual([]);
    expect(ansprechpartner(model)).toEqual([]);
  });

  it('findet Akteure, die nirgends genannt werden', () => {
    expect(unreferenzierteAkteure(model).map((a) => a.id)).toEqual(['schulen']);
  });
});

/** The fixture without any `ebene`: the plan groups no actor. */
function ohneGruppen() {
  const root = copyFixture();
  for (const ebene of ['Schulträger', 'kommunale Unterstützung', 'Schule']) edit(root, 'akteure.yaml', `  ebene: ${ebene}\n`, '');
  return root;
}

/**
 * The fixture with a group for two actors only: schulamt (Schulträger) and schulen (Schule) keep
 * theirs, it has none; schulamt also unterstützt schulen (vertical).
 */
function teilweiseGruppiert() {
  const root = copyFixture();
  edit(root, 'akteure.yaml', '  ebene: kommunale Unterstützung\n', '');
  edit(root, 'akteure.yaml', '    - { typ: beauftragt, ziel: it }\n', '    - { typ: beauftragt, ziel: it }\n    - { typ: unterstützt, ziel: schulen }\n');
  return root;
}

describe('Akteure ohne Gruppe', () => {
  it('sind gültig; eine angegebene Ebene muss es weiterhin geben, auch in der Doppelrolle', () => {
    const root = ohneGruppen();
    expect(messages(root)).toEqual([]);
    expect(messages(teilweiseGruppiert())).toEqual([]);
    // The fixture's 16 lines less the 3 with an ebene: the new entries start in line 14.
    append(root, 'akteure.yaml', '- { id: ihk, name: Industrie- und Handelskammer, ebene: Wirtschaft }\n- { id: lehrkraefte, name: Lehrkräfte, doppelrolle: { ebene: Bund, hinweis: Im Dienst des Bundes. } }\n');
    const ebenen = '„Land“, „Schulaufsicht“, „Schulträger“, „kommunale Unterstützung“, „schulintern“, „Schule“, „externe Dienstleister“';
    expect(messages(root)).toEqual([
      `content/akteure.yaml:14, Eintrag „ihk“, Feld „ebene“: erwartet eine der Gruppen aus den Ebenen (eigene Gruppen: „akteursgruppen“ in plan.yaml): ${ebenen}; gefunden: „Wirtschaft“`,
      `content/akteure.yaml:15, Eintrag „lehrkraefte“, Feld „doppelrolle.ebene“: erwartet eine der Gruppen aus den Ebenen (eigene Gruppen: „akteursgruppen“ in plan.yaml): ${ebenen}; gefunden: „Bund“`,
    ]);
  });

  it('stehen ohne Gruppen in einer Liste nach Namen, ihre Beziehungen weder vertikal noch horizontal', () => {
    const model = modelOf(ohneGruppen());
    expect(hatGruppen(model)).toBe(false);
    const gruppen = nachEbene(model);
    expect(gruppen.map((g) => [g.ebene, g.akteure.map((a) => a.id)])).toEqual([[undefined, ['it', 'schulen', 'schulamt']]]);
    expect(beziehungsart(undefined, undefined)).toBeUndefined();
    const karte = karteDaten(model);
    expect(karte.ebenen).toEqual([]);
    expect(karte.knoten.map((k) => [k.id, k.ebene])).toEqual([
      ['schulamt', undefined],
      ['it', undefined],
      ['schulen', undefined],
    ]);
    expect(karte.kanten).toEqual([
      { von: 'schulamt', nach: 'it', typ: 'beauftragt' },
      { von: 'schulen', nach: 'it', typ: 'arbeitet zusammen mit' },
    ]);
    expect(karte.kanten.every((k) => !('art' in k))).toBe(true);
    expect(karte.desc).toBe('3 Akteure und ihre 2 Beziehungen. Dieselben Angaben stehen als Listen unter der Karte.');
    // The matrix has rows, but no group of rows with a name.
    expect(zustaendigkeitsmatrix(model).gruppen.map((g) => [g.ebene, g.zeilen.map((z) => z.akteur.id)])).toEqual([[undefined, ['it', 'schulamt']]]);
    expect(zustaendigkeitsmatrix(model).gruppen.every((g) => !('ebene' in g))).toBe(true);
  });

  it('stehen bei teilweiser Zuordnung nach den Gruppen; nur Beziehungen zwischen zwei Akteuren mit Gruppe haben eine Art', () => {
    const model = modelOf(teilweiseGruppiert());
    expect(hatGruppen(model)).toBe(true);
    expect(nachEbene(model).map((g) => [g.ebene, g.akteure.map((a) => a.id)])).toEqual([
      ['Schulträger', ['schulamt']],
      ['Schule', ['schulen']],
      [undefined, ['it']],
    ]);
    expect(beziehungsart('Schulträger', undefined)).toBeUndefined();
    expect(beziehungsart(undefined, 'Schule')).toBeUndefined();
    const karte = karteDaten(model);
    expect(karte.ebenen).toEqual(['Schulträger', 'Schule']);
    expect(karte.kanten).toEqual([
      { von: 'schulamt', nach: 'it', typ: 'beauftragt' },
      { von: 'schulamt', nach: 'schulen', typ: 'unterstützt', art: 'vertikal' },
      { von: 'schulen', nach: 'it', typ: 'arbeitet zusammen mit' },
    ]);
    expect(karte.desc).toBe('3 Akteure, 2 davon auf 2 Ebenen und 1 ohne Zuordnung im Plan, und ihre 3 Beziehungen. Dieselben Angaben stehen als Listen unter der Karte.');
    expect(zustaendigkeitsmatrix(model).gruppen.map((g) => [g.ebene, g.zeilen.map((z) => z.akteur.id)])).toEqual([
      ['Schulträger', ['schulamt']],
      [undefined, ['it']],
    ]);
  });

  it('zählt nicht nach einer Ebene, wenn der Plan keine nennt', () => {
    const ohne = modelOf(ohneGruppen());
    expect(kennzahl(ohne, 'akteure').value).toBe(3);
    const fehler = (() => {
      try {
        kennzahl(ohne, 'akteure', { ebene: 'Schule' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(fehler).toBeInstanceOf(KennzahlError);
    expect((fehler as KennzahlError).expected).toBe('für ebene keinen Wert: der Plan ordnet keinen Akteur einer Ebene oder Gruppe zu (Feld „ebene“ in akteure.yaml)');
    const teilweise = modelOf(teilweiseGruppiert());
    expect(kennzahl(teilweise, 'akteure', { ebene: 'Schule' }).value).toBe(1);
  });

  it('lassen in den offenen Daten der Zuständigkeitsmatrix die Ebene leer', () => {
    for (const [root, mitEbene] of [[ohneGruppen(), []], [teilweiseGruppiert(), ['schulamt']]] as const) {
      const tabelle = offeneZustaendigkeiten(modelOf(root))!;
      expect((tabelle.datensaetze as Record<string, unknown>[]).filter((d) => 'ebene' in d).map((d) => d.akteur)).toEqual(mitEbene);
      for (const d of tabelle.datensaetze) expect(tabelle.schema.safeParse(d).success, JSON.stringify(d)).toBe(true);
    }
  });
});
