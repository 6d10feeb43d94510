/**
 * The plan's charts: which data each one shows and the sentence it says in words.
 * Pure functions from the model (and the forecast) to chart input; pages only render.
 */
import { byId, type PlanModel, type Entry } from '../plan/model.ts';
import { STATUS } from '../plan/schemas/index.ts';
import { KOSTENTYPEN, type Prognose } from '../rechnen/prognose.ts';
import { anteil, ausstattungsquote, quote, quotenNachSchulform } from '../rechnen/ausstattung.ts';
import { erhebungsdaten, runde, rundenMonat, staendeDerRunde, type Runde } from '../rechnen/erhebungen.ts';
import { NICHT_FESTGELEGT, statusNachHandlungsfeld } from '../plan/massnahmen.ts';
import { aufzaehlung } from '../rechnen/kennzahlen.ts';
import { formatEuroMillions, formatNumber, formatPercent } from '../plan/format.ts';
import { alleSchulen, raster, rundenMitStufen, type Raster, type VerteilungsZeile } from '../rechnen/selbsteinschaetzung.ts';
import { bisEnde, formatDatum, jahrVon, vergleicheDaten } from '../plan/datum.ts';
import { erreicht, messwerteSortiert, messzeit, zielBis, zielFuer, zielText } from '../rechnen/indikatoren.ts';
import { bulletBars, describeTargets, horizontalBars, lineChart, stackedBars, stackedHorizontalBars, timeline, type Chart } from './charts/index.ts';

/** Need per year by cost type, with the planned funding as a line. */
export function bedarfDiagramm(p: Prognose): Chart {
  const spitze = p.spitzenjahre.length
    ? ` Spitzenjahr${p.spitzenjahre.length > 1 ? 'e' : ''}: ${aufzaehlung(p.spitzenjahre.map((j) => `${j} (${formatEuroMillions(p.jahre.find((x) => x.jahr === j)!.bedarf)})`))}.`
    : ' Kein Jahr liegt deutlich über dem Mittel.';
  const lueckenJahre = p.jahre.filter((j) => j.luecke > 0).map((j) => String(j.jahr));
  const luecke = lueckenJahre.length
    ? ` Die eingeplanten Mittel (Linie) reichen ${lueckenJahre.length > 1 ? 'in den Jahren' : 'im Jahr'} ${aufzaehlung(lueckenJahre)} nicht aus; die Lücke beträgt zusammen ${formatEuroMillions(p.summe.luecke)}.`
    : ' Die eingeplanten Mittel (Linie) decken den Bedarf in jedem Jahr.';
  return stackedBars({
    id: 'diagramm-bedarf',
    title: `Finanzbedarf ${p.von}–${p.bis} nach Kostenart und eingeplante Finanzierung`,
    desc: `Der Finanzbedarf beträgt ${p.von} bis ${p.bis} zusammen ${formatEuroMillions(p.summe.bedarf)}, im Mittel ${formatEuroMillions(p.mittelwert)} pro Jahr.${spitze}${luecke}`,
    categories: p.jahre.map((j) => j.jahr),
    series: KOSTENTYPEN.map((t) => ({ label: t, values: p.jahre.map((j) => j.nachTyp[t]) })),
    line: { label: 'Eingeplante Finanzierung', values: p.jahre.map((j) => j.finanzierung) },
    format: 'euro',
    showTotals: true,
  });
}

/** Share of each Produktgruppe in the replacement investments over the horizon. */
export function produktgruppenDiagramm(p: Prognose): Chart {
  const [first, second] = p.produktgruppen;
  return horizontalBars({
    id: 'diagramm-produktgruppen',
    title: `Anteile der Produktgruppen an den Ersatzinvestitionen ${p.von}–${p.bis}`,
    desc: first
      ? `${first.name} machen ${formatPercent(first.anteil)} der Ersatzinvestitionen aus${second ? `, ${second.name} ${formatPercent(second.anteil)}` : ''}; die übrigen Gruppen liegen darunter.`
      : 'Im Planungshorizont fallen keine Ersatzinvestitionen an.',
    items: p.produktgruppen.map((g) => ({ label: g.name, value: g.anteil })),
    format: 'percent',
    digits: 1,
    labelColumn: 'Produktgruppe',
    valueColumn: 'Anteil',
  });
}

/** Ausstattungsquote per Schulform against its Zielwert, as the plan states it („mindestens 100 %“). */
export function quotenDiagramm(model: PlanModel): Chart {
  const items = quotenNachSchulform(model).flatMap((r) =>
    r.quote === undefined
      ? []
      : [{ label: r.name, value: r.quote, target: r.ziel?.wert, targetQualifier: r.ziel?.vergleich, reached: r.ziel ? (erreicht(r.quote, r.ziel) ?? null) : undefined }],
  );
  return bulletBars({
    id: 'diagramm-quoten',
    title: 'Ausstattungsquote nach Schulform und Zielwert',
    desc: `Mobile Schülerendgeräte je 100 Schülerinnen und Schüler. ${describeTargets({ subject: 'Schulformen', items })}`,
    items,
    format: 'percent',
    digits: 1,
    labelColumn: 'Schulform',
    valueColumn: 'Quote',
  });
}

/**
 * Maßnahmen per Handlungsfeld by status. Maßnahmen without a status are a series of their own,
 * "nicht festgelegt", shown only where there are such Maßnahmen; a plan that gives no status at
 * all shows only that series (the count per Handlungsfeld).
 */
export function statusDiagramm(model: Pick<PlanModel, 'handlungsfelder' | 'massnahmen'>): Chart {
  const t = statusNachHandlungsfeld(model);
  const mitStatus = t.gesamt - t.ohneStatus;
  // The four statuses are series unless the plan gives none at all (then only "nicht festgelegt").
  const statusReihen = mitStatus > 0 || t.ohneStatus === 0;
  const desc =
    !statusReihen
      ? `${t.gesamt} Maßnahmen; der Plan legt für keine einen Status fest.`
      : `Von ${t.gesamt} Maßnahmen sind ${t.summe.abgeschlossen} abgeschlossen, ${t.summe['in Umsetzung']} in Umsetzung, ${t.summe.geplant} geplant und ${t.summe.zurückgestellt} zurückgestellt.` +
        (t.ohneStatus > 0 ? ` Bei ${t.ohneStatus} legt der Plan keinen Status fest.` : '');
  return stackedHorizontalBars({
    id: 'diagramm-status',
    title: statusReihen ? 'Maßnahmen nach Handlungsfeld und Status' : 'Maßnahmen nach Handlungsfeld',
    desc,
    categories: t.zeilen.map((z) => z.titel),
    series: [
      ...(statusReihen ? STATUS.map((s) => ({ label: s, values: t.zeilen.map((z) => z.anzahl[s]) })) : []),
      ...(t.ohneStatus > 0 ? [{ label: statusReihen ? `Status ${NICHT_FESTGELEGT}` : 'Maßnahmen', values: t.zeilen.map((z) => z.ohneStatus), paletteIndex: STATUS.length }] : []),
    ],
    format: 'number',
    categoryLabel: 'Handlungsfeld',
  });
}

/** Decimals of a number as written in the data: 6 → 0, 6.25 → 2. */
const nachkommastellen = (v: number) => (Number.isInteger(v) ? 0 : (String(v).split('.')[1]?.length ?? 0));

/**
 * Measured values of an indicator over time (one point per reading without Schulform, labelled as
 * precisely as the plan dates it), with its overall target as the plan states it.
 */
export function indikatorDiagramm(i: Entry<'indikatoren'>): Chart | undefined {
  const werte = messwerteSortiert(i.data.messwerte.filter((m) => !m.schulform));
  if (werte.length < 2) return undefined;
  const ziel = zielFuer(i.data.zielwerte);
  const first = werte[0]!;
  const last = werte.at(-1)!;
  const wann = (m: (typeof werte)[number]) => formatDatum(messzeit(m));
  const fmt = (v: number) => (i.data.einheit === '%' ? formatPercent(v) : `${v.toLocaleString('de-DE')} ${i.data.einheit}`);
  const stand = ziel === undefined ? undefined : erreicht(last.wert, ziel);
  const bewertung = stand === undefined ? '' : stand ? ', erreicht' : ', noch nicht erreicht';
  return lineChart({
    id: `diagramm-${i.id}`,
    title: `${i.data.titel}: Messwerte ${wann(first)}–${wann(last)}`,
    desc: `${i.data.titel} von ${fmt(first.wert)} (${wann(first)}) auf ${fmt(last.wert)} (${wann(last)})${ziel === undefined ? '' : `; Zielwert ${zielText(ziel, fmt)}${bewertung}`}.`,
    categories: werte.map(wann),
    categoryLabel: werte.every((m) => m.stand === undefined) ? 'Jahr' : 'Stand',
    series: [{ label: i.data.titel, values: werte.map((m) => m.wert) }],
    target: ziel === undefined ? undefined : { value: ziel.wert, qualifier: ziel.vergleich, suffix: zielBis(ziel).trim() || undefined },
    format: i.data.einheit === '%' ? 'percent' : 'number',
    // As many decimals as the plan gives its values (at most 2), the same in every cell: 6,0 beside 6,5.
    digits: i.data.einheit === '%' ? 1 : Math.min(2, Math.max(...[...werte.map((m) => m.wert), ...(ziel === undefined ? [] : [ziel.wert])].map(nachkommastellen))),
    axisLabel: i.data.einheit,
    pointLabels: true,
  });
}

/**
 * Milestones on a time axis, each dated as the plan dates it; a milestone counts as reached when
 * its period is over by the end of the plan's Stand (src/plan/datum.ts, `bisEnde`).
 */
export function meilensteinDiagramm(model: Pick<PlanModel, 'meilensteine' | 'plan'>): Chart {
  const items = [...model.meilensteine].sort((a, b) => vergleicheDaten(a.data.datum, b.data.datum));
  const anzahlErreicht = items.filter((m) => bisEnde(m.data.datum, model.plan.stand)).length;
  const erstes = items[0];
  const letztes = items.at(-1);
  return timeline({
    id: 'diagramm-meilensteine',
    title: 'Meilensteine der Medienentwicklungsplanung',
    desc: `${items.length} Meilensteine von ${erstes ? jahrVon(erstes.data.datum) : ''} bis ${letztes ? jahrVon(letztes.data.datum) : ''}, davon ${anzahlErreicht} bis zum Stand des Plans erreicht.`,
    items: items.map((m) => ({ date: m.data.datum, label: m.data.titel, done: bisEnde(m.data.datum, model.plan.stand) })),
  });
}

/** Percentages over survey rounds, one category per round ("März 2021"), without point labels. */
function rundenVerlauf(runden: readonly Runde[], chart: { id: string; title: string; desc: string; series: { label: string; values: (number | null)[] }[] }): Chart {
  return lineChart({
    ...chart,
    categories: runden.map((r) => rundenMonat(r.id)),
    categoryLabel: 'Erhebung',
    format: 'percent',
    digits: 1,
    axisLabel: '%',
    pointLabels: false,
  });
}

/** One school's key ratios over the survey rounds it took part in; undefined with fewer than two. */
export function schulVerlaufDiagramm(model: PlanModel, schule: string): Chart | undefined {
  const staende = erhebungsdaten(model).jeSchule.get(schule) ?? [];
  const runden = staende.map((s) => runde(model, s.runde)!);
  if (runden.filter((r) => r.explizit).length < 2) return undefined;
  const reihen = [
    { label: 'Schülerendgeräte je 100 Schüler/-innen', values: staende.map((s) => quote(s.werte.endgeraete_schueler, s.werte.schuelerzahl) ?? null) },
    { label: 'Dienstgeräte je 100 Lehrkräfte', values: staende.map((s) => anteil([s], 'endgeraete_lehrkraefte', 'lehrkraefte') ?? null) },
    { label: 'Räume mit Präsentationstechnik (%)', values: staende.map((s) => anteil([s], 'praesentationsmedien', 'unterrichtsraeume') ?? null) },
    { label: 'WLAN-Abdeckung (%)', values: staende.map((s) => s.werte.wlan_abdeckung ?? null) },
  ].filter((r) => r.values.some((v) => v !== null));
  const name = byId(model.schulen, schule, 'schulen').data.name;
  const erste = runden[0]!;
  const letzte = runden.at(-1)!;
  const q0 = reihen[0]?.values[0];
  const q1 = reihen[0]?.values.at(-1);
  return rundenVerlauf(runden, {
    id: 'diagramm-schulverlauf',
    title: `${name}: Ausstattung von ${rundenMonat(erste.id)} bis ${rundenMonat(letzte.id)}`,
    desc: `Vier Kennziffern der Ausstattung in ${runden.length} Erhebungen${typeof q0 === 'number' && typeof q1 === 'number' ? `; die Ausstattungsquote stieg von ${formatPercent(q0)} auf ${formatPercent(q1)}` : ''}. Fehlende Punkte: nicht erhoben oder keine Angabe.`,
    series: reihen,
  });
}

/** The Ausstattungsquote per Schulform and for all schools over the rounds. */
export function quotenVerlaufDiagramm(model: PlanModel): Chart | undefined {
  const runden = erhebungsdaten(model).runden.filter((r) => r.explizit);
  if (runden.length < 2) return undefined;
  const formen = [...model.schulformen].sort((a, b) => a.data.reihenfolge - b.data.reihenfolge);
  const reihen = [
    ...formen.map((f) => ({ label: f.data.name, values: runden.map((r) => ausstattungsquote(staendeDerRunde(model, r.id).filter((s) => s.schulform === f.id)) ?? null) })),
    { label: 'Alle Schulen', values: runden.map((r) => ausstattungsquote(staendeDerRunde(model, r.id)) ?? null) },
  ].filter((r) => r.values.some((v) => v !== null));
  const alle = reihen.at(-1)!.values;
  return rundenVerlauf(runden, {
    id: 'diagramm-quotenverlauf',
    title: `Ausstattungsquote nach Schulform, ${rundenMonat(runden[0]!.id)} bis ${rundenMonat(runden.at(-1)!.id)}`,
    desc: `Mobile Schülerendgeräte je 100 Schülerinnen und Schüler in ${runden.length} Erhebungen; über alle Schulen von ${alle[0] === null ? 'nicht erhoben' : formatPercent(alle[0]!)} auf ${alle.at(-1) === null ? 'nicht erhoben' : formatPercent(alle.at(-1)!)}.`,
    series: reihen,
  });
}

/**
 * Stacked bars of the self-evaluation: one bar per category (an area or a round), its schools per
 * level from the lowest up; no sum over the bars, since they count the same schools again.
 */
function stufenBalken(r: Raster, balken: { name: string; alle: VerteilungsZeile }[], angaben: { id: string; title: string; desc: string; categoryLabel: string }): Chart {
  return stackedHorizontalBars({
    ...angaben,
    categories: balken.map((b) => b.name),
    series: r.stufen.map((st) => ({ label: st.name, values: balken.map(({ alle }) => alle.anzahl[st.id] ?? 0) })),
    format: 'number',
    totalLabel: 'Schulen mit Angabe',
    ohneSumme: true,
  });
}

/**
 * The self-evaluation of all schools in one round: per area, how many schools see themselves on
 * each level (lowest level left). Areas where too few schools gave a level are left out.
 */
export function stufenDiagramm(model: PlanModel, rundeId: string): Chart | undefined {
  const r = raster(model);
  if (!r) return undefined;
  const gezeigt = r.bereiche.flatMap((b) => {
    const alle = alleSchulen(model, rundeId, b.id);
    return alle ? [{ b, name: b.name, alle }] : [];
  });
  if (gezeigt.length === 0) return undefined;
  const titel = runde(model, rundeId)!.titel;
  const oben = r.stufen.slice(-2);
  const desc = `${titel}: ${aufzaehlung(gezeigt.map(({ b, alle }) => `im Bereich ${b.name} sehen sich ${formatNumber(oben.reduce((n, st) => n + (alle.anzahl[st.id] ?? 0), 0))} von ${formatNumber(alle.schulen)} Schulen auf Stufe ${oben.map((st) => st.name).join(' oder ')}`))}.`;
  return stufenBalken(r, gezeigt, { id: 'diagramm-stufen', title: `Selbsteinschätzung aller Schulen nach Bereich, ${titel}`, desc, categoryLabel: 'Bereich' });
}

/**
 * One area over the rounds: how many of all schools saw themselves on each level in each round
 * that asked. A round with too few schools giving a level is left out. Undefined for fewer than two rounds.
 */
export function stufenVerlaufDiagramm(model: PlanModel, bereichId: string): Chart | undefined {
  const r = raster(model);
  const bereich = r?.bereiche.find((b) => b.id === bereichId);
  if (!r || !bereich) return undefined;
  const runden = rundenMitStufen(model).flatMap((x) => {
    const alle = alleSchulen(model, x.id, bereichId);
    return alle ? [{ name: x.titel, alle }] : [];
  });
  if (runden.length < 2) return undefined;
  const erste = runden[0]!;
  const letzte = runden.at(-1)!;
  const unten = r.stufen[0]!;
  const anteilText = (z: typeof erste) => `${formatNumber(z.alle.anzahl[unten.id] ?? 0)} von ${formatNumber(z.alle.schulen)}`;
  return stufenBalken(r, runden, {
    id: `diagramm-stufen-${bereichId}`,
    title: `Selbsteinschätzung im Bereich ${bereich.name} je Erhebung`,
    desc: `Auf Stufe ${unten.name} sahen sich im Bereich ${bereich.name} in der ${erste.name} ${anteilText(erste)} Schulen, in der ${letzte.name} ${anteilText(letzte)}.`,
    categoryLabel: 'Erhebung',
  });
}
