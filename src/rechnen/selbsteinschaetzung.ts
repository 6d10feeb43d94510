/**
 * The schools' self-evaluation (Selbsteinschätzung). The plan defines a grid in
 * daten/erhebungen.yaml (`selbsteinschaetzung`): areas (Ausstattung, Unterricht …) and levels,
 * lowest first (Einstieg … Vorreiter), each with its description. A survey round carries each
 * school's level per area in the column `stufe_<bereich>`, read by src/rechnen/erhebungen.ts.
 *
 * Privacy, the rule of the staff attitudes (src/rechnen/haltungen.ts):
 * - A school's own levels are public only when the plan says `veroeffentlichen: schule`.
 *   Otherwise (`nur-gesamt`, the default) no page, table or file shows them, and the school
 *   page does not list the Maßnahmen meant for its level either: that list would give it away.
 * - A group (a Schulform, all schools) is shown only when at least `mindestgruppe` of its
 *   schools gave a level in the area. Where one hidden group could be worked out from the
 *   total minus the groups shown, the smallest shown groups are hidden as well, until the
 *   hidden groups together reach the minimum (secondary suppression).
 *
 * Counts are counts of schools; nothing is averaged, since the levels are an order, not numbers.
 */
import type { Entry, PlanModel } from '../plan/model.ts';
import type { Problem } from '../plan/problems.ts';
import { jeModell } from '../plan/indexe.ts';
import { sourcePath } from '../plan/sources.ts';
import { erhebungsdaten, fehlt, STUFE, type Konfiguration, type Runde, type Stand } from './erhebungen.ts';

export type Raster = NonNullable<Konfiguration['selbsteinschaetzung']>;
export type Bereich = Raster['bereiche'][number];
export type Stufe = Raster['stufen'][number];

/** The plan's grid, or undefined for a plan without self-evaluation. */
export function raster(model: PlanModel): Raster | undefined {
  return erhebungsdaten(model).konfiguration?.selbsteinschaetzung;
}

/** Whether each school's own levels are public (`veroeffentlichen: schule`). */
export function jeSchuleOeffentlich(model: PlanModel): boolean {
  return raster(model)?.veroeffentlichen === 'schule';
}

/** The rounds that asked for a level in any area, oldest first. */
export function rundenMitStufen(model: PlanModel): Runde[] {
  const r = raster(model);
  if (!r) return [];
  return erhebungsdaten(model).runden.filter((x) => r.bereiche.some((b) => x.gefragt.has(STUFE + b.id)));
}

/** What a level means in an area: the area's own text for it, else the level's general description. */
export function stufenText(bereich: Bereich, stufe: Stufe): string | undefined {
  return bereich.stufen[stufe.id] ?? stufe.beschreibung;
}

/** One row of a distribution: a Schulform or all schools, with the number of schools per level. */
export interface VerteilungsZeile {
  /** undefined in the row for all schools. */
  schulform?: string;
  name: string;
  /** Schools of the group that gave a level in this area; 0 where the group is not shown. */
  schulen: number;
  /** The group is not shown: fewer than the minimum, or hidden so that it cannot be worked out from the rest. */
  verborgen: false | 'zu-klein' | 'rueckrechnung';
  /** Level id → schools; empty where the group is not shown. */
  anzahl: Record<string, number>;
}

export interface Verteilung {
  runde: Runde;
  bereich: Bereich;
  mindestgruppe: number;
  /** The Schulformen in the plan's order that have schools with a level, then all schools. */
  zeilen: VerteilungsZeile[];
}

/** The schools' levels in one area and round, per Schulform and for all schools. */
export function verteilung(model: PlanModel, rundeId: string, bereichId: string): Verteilung | undefined {
  const r = raster(model);
  const daten = erhebungsdaten(model);
  const runde = daten.runden.find((x) => x.id === rundeId);
  const bereich = r?.bereiche.find((b) => b.id === bereichId);
  if (!r || !runde || !bereich || !runde.gefragt.has(STUFE + bereich.id)) return undefined;
  const mindestgruppe = daten.konfiguration!.mindestgruppe;
  const mitStufe = (daten.jeRunde.get(runde.id) ?? []).filter((s) => s.stufen[bereich.id] !== undefined);
  const zaehle = (gruppe: readonly Stand[]) => Object.fromEntries(r.stufen.map((st) => [st.id, gruppe.filter((s) => s.stufen[bereich.id] === st.id).length]));
  const formen = [...model.schulformen]
    .sort((a, b) => a.data.reihenfolge - b.data.reihenfolge)
    .map((f) => ({ f, gruppe: mitStufe.filter((s) => s.schulform === f.id) }))
    .filter(({ gruppe }) => gruppe.length > 0)
    .map(({ f, gruppe }): VerteilungsZeile => ({ schulform: f.id, name: f.data.name, schulen: gruppe.length, verborgen: gruppe.length < mindestgruppe ? 'zu-klein' : false, anzahl: zaehle(gruppe) }));
  const alle: VerteilungsZeile = { name: 'Alle Schulen', schulen: mitStufe.length, verborgen: mitStufe.length < mindestgruppe ? 'zu-klein' : false, anzahl: zaehle(mitStufe) };
  if (!alle.verborgen) verbergeRueckrechenbare(formen, mindestgruppe);
  const zeilen = [...formen, alle].map((z) => (z.verborgen ? { ...z, schulen: 0, anzahl: {} } : z));
  return { runde, bereich, mindestgruppe, zeilen };
}

/** The row of all schools in one area and round where it is shown (enough schools gave a level); else undefined. */
export function alleSchulen(model: PlanModel, rundeId: string, bereichId: string): VerteilungsZeile | undefined {
  const alle = verteilung(model, rundeId, bereichId)?.zeilen.at(-1);
  return alle && !alle.verborgen ? alle : undefined;
}

/**
 * With the total shown, hidden groups could be worked out as the total minus the groups shown.
 * Hides the smallest shown groups until the hidden groups together reach the minimum (or none is
 * hidden at all): what subtraction then yields describes at least `mindestgruppe` schools.
 */
export function verbergeRueckrechenbare(zeilen: VerteilungsZeile[], mindestgruppe: number): void {
  const verborgen = () => zeilen.filter((z) => z.verborgen).reduce((n, z) => n + z.schulen, 0);
  while (zeilen.some((z) => z.verborgen) && verborgen() < mindestgruppe) {
    const naechste = zeilen.filter((z) => !z.verborgen).sort((a, b) => a.schulen - b.schulen)[0];
    if (!naechste) return;
    naechste.verborgen = 'rueckrechnung';
  }
}

/** A school's level per area in each round that asked for levels (only for a plan that publishes them per school). */
export interface SchulStufen {
  runde: Runde;
  /** Area id → the level, or why there is none ("nicht erhoben", "keine Angabe"). */
  stufen: Record<string, { stufe: Stufe } | { fehlt: 'nicht erhoben' | 'keine Angabe' }>;
}

export function stufenDerSchule(model: PlanModel, schule: string): SchulStufen[] {
  const r = raster(model);
  if (!r || !jeSchuleOeffentlich(model)) return [];
  const runden = new Set(rundenMitStufen(model).map((x) => x.id));
  const daten = erhebungsdaten(model);
  return (daten.jeSchule.get(schule) ?? [])
    .filter((s) => runden.has(s.runde))
    .map((s) => {
      const runde = daten.runden.find((x) => x.id === s.runde)!;
      return {
        runde,
        stufen: Object.fromEntries(
          r.bereiche.map((b) => {
            const id = s.stufen[b.id];
            const stufe = id === undefined ? undefined : r.stufen.find((st) => st.id === id);
            return [b.id, stufe ? { stufe } : { fehlt: fehlt(runde, STUFE + b.id) }];
          }),
        ),
      };
    });
}

/** A school's level in an area: its answer in the latest round that asked for that area; undefined where it gave none there. */
export function aktuelleStufe(model: PlanModel, schule: string, bereich: string): { runde: Runde; stufe: string } | undefined {
  const daten = erhebungsdaten(model);
  const runde = [...daten.runden].reverse().find((x) => x.gefragt.has(STUFE + bereich));
  const stufe = runde ? daten.jeSchule.get(schule)?.find((s) => s.runde === runde.id)?.stufen[bereich] : undefined;
  return runde && stufe ? { runde, stufe } : undefined;
}

/** A Maßnahme meant for schools on a level, and the school's own level that matches it. */
export interface StufenMassnahme {
  massnahme: Entry<'massnahmen'>;
  /** The areas in which the school is on one of the Maßnahme's levels. */
  gruende: { bereich: Bereich; stufe: Stufe; runde: Runde }[];
}

/**
 * The Maßnahmen meant for the school's current levels (`fuerStufen`), with the reason. Empty for
 * a plan that does not publish levels per school: the list would tell each school's level.
 */
export function massnahmenFuerStufen(model: PlanModel, schule: string): StufenMassnahme[] {
  const r = raster(model);
  if (!r || !jeSchuleOeffentlich(model)) return [];
  const out: StufenMassnahme[] = [];
  for (const m of model.massnahmen) {
    const gruende = m.data.fuerStufen.flatMap((z) => {
      const bereich = r.bereiche.find((b) => b.id === z.bereich);
      const aktuell = bereich ? aktuelleStufe(model, schule, bereich.id) : undefined;
      if (!bereich || !aktuell || !z.stufen.includes(aktuell.stufe)) return [];
      return [{ bereich, stufe: r.stufen.find((st) => st.id === aktuell.stufe)!, runde: aktuell.runde }];
    });
    if (gruende.length > 0) out.push({ massnahme: m, gruende });
  }
  return out;
}

/** "Schulen auf Stufe Einstieg oder Aufbau im Bereich Ausstattung", as a Maßnahme's page says whom it is meant for. */
export function zielgruppenText(model: PlanModel, m: Entry<'massnahmen'>): string[] {
  const r = raster(model);
  if (!r) return [];
  return m.data.fuerStufen.map((z) => {
    const bereich = r.bereiche.find((b) => b.id === z.bereich)?.name ?? z.bereich;
    const stufen = z.stufen.map((id) => r.stufen.find((st) => st.id === id)?.name ?? id);
    const liste = stufen.length > 1 ? `${stufen.slice(0, -1).join(', ')} oder ${stufen.at(-1)}` : stufen[0];
    return `Schulen auf Stufe ${liste} im Bereich ${bereich}`;
  });
}

/** The Maßnahmen of the plan meant for levels, in the plan's order. */
export const massnahmenMitStufen = jeModell('stufenmassnahmen', (model: PlanModel) => model.massnahmen.filter((m) => m.data.fuerStufen.length > 0));

/**
 * Checks the grid (unique ids, descriptions per area only for levels of the grid) and the
 * Maßnahmen's `fuerStufen` against it.
 */
export function pruefeSelbsteinschaetzung(model: PlanModel): Problem[] {
  const problems: Problem[] = [];
  const eintrag = model.erhebungen[0];
  const r = eintrag?.data.selbsteinschaetzung;
  const yaml = sourcePath(model.ort, 'erhebungen');
  if (r && eintrag) {
    const doppelt = (ids: string[], feld: string) => {
      const gesehen = new Set<string>();
      ids.forEach((id, i) => {
        if (gesehen.has(id)) problems.push({ file: eintrag.file, entry: 'erhebungen', field: `selbsteinschaetzung.${feld}.${i}.id`, expected: 'eine ID, die kein anderer Eintrag der Liste hat', found: `„${id}“ ein zweites Mal` });
        gesehen.add(id);
      });
    };
    doppelt(r.stufen.map((s) => s.id), 'stufen');
    doppelt(r.bereiche.map((b) => b.id), 'bereiche');
    const stufen = r.stufen.map((s) => s.id);
    r.bereiche.forEach((b, i) => {
      for (const id of Object.keys(b.stufen)) {
        if (!stufen.includes(id)) problems.push({ file: eintrag.file, entry: 'erhebungen', field: `selbsteinschaetzung.bereiche.${i}.stufen.${id}`, expected: `eine Stufe aus selbsteinschaetzung.stufen: ${stufen.join(', ')}`, found: `„${id}“` });
      }
    });
  }
  for (const m of model.massnahmen) {
    m.data.fuerStufen.forEach((z, i) => {
      if (!r) {
        problems.push({ file: m.file, line: m.line, entry: m.id, field: `fuerStufen.${i}`, expected: `eine Selbsteinschätzung der Schulen in ${yaml} (selbsteinschaetzung), auf deren Stufen sich die Maßnahme bezieht`, found: 'keine im Plan' });
        return;
      }
      const bereich = r.bereiche.find((b) => b.id === z.bereich);
      if (!bereich) problems.push({ file: m.file, line: m.line, entry: m.id, field: `fuerStufen.${i}.bereich`, expected: `einen Bereich aus ${yaml} (selbsteinschaetzung.bereiche): ${r.bereiche.map((b) => b.id).join(', ')}`, found: `„${z.bereich}“` });
      z.stufen.forEach((id, j) => {
        if (!r.stufen.some((st) => st.id === id)) problems.push({ file: m.file, line: m.line, entry: m.id, field: `fuerStufen.${i}.stufen.${j}`, expected: `eine Stufe aus ${yaml} (selbsteinschaetzung.stufen): ${r.stufen.map((st) => st.id).join(', ')}`, found: `„${id}“` });
      });
    });
  }
  return problems;
}
