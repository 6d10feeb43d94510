/**
 * Vocabulary and sentence building for the benchmark plan generator: German-sounding
 * prose about school digitalisation, Handlungsfeld themes with their goals, and
 * Kennzahl citations. The text only has to look and weigh like a real plan's; it is
 * not meant to be read.
 */
import type { Random } from './random.ts';
import { KENNZAHLEN } from '../src/rechnen/kennzahlen.ts';

export interface Theme {
  id: string;
  kuerzel: string;
  titel: string;
  kurzbeschreibung: string;
  art: 'Handlungsfeld' | 'Strategisches Thema';
  ziele: string[];
  /** Nouns for Maßnahme titles. */
  stichworte: string[];
  /** Accusative objects for sentences ("die WLAN-Access-Points"). */
  objekte: string[];
}

/** Up to ten Handlungsfelder, in the order a plan would list them. */
export const THEMES: Theme[] = [
  {
    id: 'infrastruktur',
    kuerzel: 'I',
    titel: 'IT-Infrastruktur und technische Ausstattung',
    kurzbeschreibung: 'Breitband, Gebäudenetze und WLAN, Präsentationstechnik und Endgeräte.',
    art: 'Handlungsfeld',
    ziele: [
      'Alle Schulstandorte sind mit einem Gigabit-Anschluss an das Internet angebunden.',
      'Jede Schulform erreicht den beschlossenen Zielwert der Ausstattungsquote.',
      'Alle Unterrichts- und Fachräume haben zentral verwaltetes WLAN und digitale Präsentationstechnik.',
      'Sonderausstattung folgt verbindlichen, schulformbezogenen Standards.',
    ],
    stichworte: ['Gigabit-Anbindung', 'WLAN-Verdichtung', 'Erneuerung der Gebäudeverkabelung', 'Interaktive Displays', 'Schülerendgeräte', 'Dienstliche Endgeräte für Lehrkräfte', 'Technikräume', 'Präsentationstechnik in Fachräumen', 'Netzwerkkomponenten', 'Ladeschränke und Tablet-Koffer'],
    objekte: ['die strukturierte Verkabelung', 'die WLAN-Access-Points', 'die Glasfaseranschlüsse', 'die interaktiven Displays', 'die mobilen Endgeräte', 'die Netzwerkschränke', 'die Stromversorgung der Unterrichtsräume', 'die Präsentationstechnik'],
  },
  {
    id: 'betrieb',
    kuerzel: 'B',
    titel: 'Betrieb, Support und Wartung',
    kurzbeschreibung: 'Störungsannahme, 2nd-Level-Support, Geräteverwaltung und Wartung.',
    art: 'Handlungsfeld',
    ziele: [
      'Störungen werden zentral erfasst und im Median innerhalb von zwei Arbeitstagen gelöst.',
      'Alle Endgeräte werden im Mobile-Device-Management verwaltet.',
      'Die Schulen werden vom technischen Support spürbar entlastet.',
    ],
    stichworte: ['Service-Portal', '2nd-Level-Support', 'Mobile-Device-Management', 'Vor-Ort-Service', 'Jugendschutzfilter', 'Wartungsfenster', 'Ersatzgerätepool', 'Störungsmanagement'],
    objekte: ['die Störungsmeldungen', 'das Mobile-Device-Management', 'den Vor-Ort-Service', 'die Updates der Betriebssysteme', 'den Ersatzgerätepool', 'die Reaktionszeiten', 'die Wartungsverträge'],
  },
  {
    id: 'finanzen',
    kuerzel: 'F',
    titel: 'Finanz- und Investitionsplanung',
    kurzbeschreibung: 'Mittelfristige Investitionsplanung, Ersatzbeschaffung und Fördermittel.',
    art: 'Handlungsfeld',
    ziele: [
      'Ersatzbeschaffungen sind für den ganzen Planungshorizont im Haushalt eingeplant.',
      'Fördermittel werden vollständig und fristgerecht abgerufen.',
      'Spitzenjahre der Wiederbeschaffung werden durch gestaffelte Beschaffung geglättet.',
    ],
    stichworte: ['Mittelfristige Investitionsplanung', 'Wiederbeschaffungsrücklage', 'Fördermittelcontrolling', 'Rahmenvertrag Endgeräte', 'Prüfung von Leasingmodellen', 'Haushaltsanmeldung Schul-IT'],
    objekte: ['die Ersatzbeschaffungen', 'die Haushaltsmittel', 'die Fördermittel', 'die Rahmenverträge', 'die Nutzungsdauern', 'den Eigenanteil der Stadt'],
  },
  {
    id: 'controlling',
    kuerzel: 'C',
    titel: 'Controlling und Evaluation',
    kurzbeschreibung: 'Jahresbilanzgespräche, Kennzahlen und Berichte an die Politik.',
    art: 'Handlungsfeld',
    ziele: [
      'Mit jeder Schule findet jährlich ein Jahresbilanzgespräch statt.',
      'Der Stand der Umsetzung wird jährlich im Schulausschuss berichtet.',
      'Alle Medienkonzepte sind höchstens drei Jahre alt.',
    ],
    stichworte: ['Jahresbilanzgespräche', 'Ausstattungsabfrage', 'Kennzahlenbericht', 'Nutzungsauswertung', 'Evaluation der Medienkonzepte', 'Jahresbericht Schul-IT'],
    objekte: ['die Jahresbilanzgespräche', 'die Ausstattungsabfrage', 'die Kennzahlen', 'die Auswertung der Lizenznutzung', 'den Jahresbericht', 'die Medienkonzepte'],
  },
  {
    id: 'fortbildung',
    kuerzel: 'Q',
    titel: 'Fortbildung und Qualifizierung',
    kurzbeschreibung: 'Fortbildung der Lehrkräfte und Qualifizierung der Medienbeauftragten.',
    art: 'Handlungsfeld',
    ziele: [
      'Mindestens sechzig Prozent der Lehrkräfte besuchen jährlich eine Fortbildung zur Medienbildung.',
      'Jede Schule hat qualifizierte und entlastete Medienbeauftragte.',
    ],
    stichworte: ['Fortbildungsreihe', 'Qualifizierung der Medienbeauftragten', 'Schulinterne Fortbildung', 'Lernvideos zur Gerätenutzung', 'Mentoring für Lehrkräfte'],
    objekte: ['die Fortbildungsangebote', 'die Medienbeauftragten', 'die schulinternen Fortbildungstage', 'die Lernmodule', 'die Sprechstunden'],
  },
  {
    id: 'vernetzung',
    kuerzel: 'V',
    titel: 'Vernetzung und Kooperation',
    kurzbeschreibung: 'Außerschulische Lernorte, Medienscouts und Bildungsnetzwerke.',
    art: 'Strategisches Thema',
    ziele: [
      'Schulen nutzen außerschulische Lernorte für Medienbildung.',
      'Die Bildungseinrichtungen der Stadt stimmen ihre Angebote ab.',
    ],
    stichworte: ['Medienscouts', 'Lernort Stadtbibliothek', 'Makerspace', 'Bildungsnetzwerk', 'Kooperation mit Ausbildungsbetrieben', 'Elternabende zur Medienerziehung'],
    objekte: ['die Kooperationen', 'die außerschulischen Lernorte', 'die Medienscouts', 'das Bildungsnetzwerk', 'die Elternarbeit'],
  },
  {
    id: 'ki',
    kuerzel: 'K',
    titel: 'Künstliche Intelligenz in der Schule',
    kurzbeschreibung: 'Datenschutzkonforme KI-Werkzeuge, Handreichungen und Pilotschulen.',
    art: 'Strategisches Thema',
    ziele: [
      'Lehrkräfte können datenschutzkonforme KI-Werkzeuge nutzen.',
      'Schulen haben verbindliche Regeln für den Einsatz von KI im Unterricht.',
    ],
    stichworte: ['KI-Assistent für Lehrkräfte', 'Handreichung KI', 'Pilotschulen KI', 'Prüfungskultur im digitalen Wandel', 'Datenschutzprüfung von KI-Werkzeugen'],
    objekte: ['die KI-Werkzeuge', 'die Pilotschulen', 'die Handreichung', 'die Prüfungsformate', 'die Nutzungsregeln'],
  },
  {
    id: 'daten',
    kuerzel: 'D',
    titel: 'Datenstrategie und Datenschutz',
    kurzbeschreibung: 'Transparenz, Datenschutz, Datenqualität und IT-Sicherheit.',
    art: 'Strategisches Thema',
    ziele: [
      'Für alle Verfahren der Schul-IT gibt es ein Rollen- und Löschkonzept.',
      'Die Daten des Plans werden als offene Daten veröffentlicht.',
    ],
    stichworte: ['Datenstrategie', 'Löschkonzept', 'Offene Daten', 'IT-Sicherheitskonzept', 'Rechte- und Rollenkonzept', 'Datenschutz-Folgenabschätzung'],
    objekte: ['das Löschkonzept', 'die Rollen und Rechte', 'die offenen Daten', 'die Datenschutz-Folgenabschätzungen', 'die Sicherungskopien'],
  },
  {
    id: 'inklusion',
    kuerzel: 'IN',
    titel: 'Inklusion und assistive Technik',
    kurzbeschreibung: 'Assistive Technik und barrierearme Lernmittel für inklusiv arbeitende Schulen.',
    art: 'Handlungsfeld',
    ziele: [
      'Schülerinnen und Schüler mit Förderbedarf erhalten die assistive Technik, die sie brauchen.',
      'Digitale Lernmittel sind barrierearm.',
    ],
    stichworte: ['Assistive Technik', 'Barrierearme Software', 'Hörsysteme im Klassenraum', 'Sonderausstattung Förderschulen', 'Beratungsstelle Inklusion'],
    objekte: ['die assistive Technik', 'die Braillezeilen', 'die Bildschirmlesegeräte', 'die barrierearmen Lernmaterialien'],
  },
  {
    id: 'lernplattform',
    kuerzel: 'L',
    titel: 'Lernplattformen und digitale Lernmittel',
    kurzbeschreibung: 'Schulplattform, Lernmanagement, Bildungsmedien und Lizenzen.',
    art: 'Handlungsfeld',
    ziele: [
      'Alle Schulen arbeiten mit einer gemeinsamen Schulplattform.',
      'Lizenzen für Bildungsmedien werden zentral beschafft.',
      'Offene Bildungsmaterialien werden geteilt und gepflegt.',
    ],
    stichworte: ['Schulplattform', 'Lernmanagementsystem', 'Lizenzen für Bildungsmedien', 'Sammlung offener Bildungsmaterialien', 'Einheitliche Anmeldung', 'Digitale Schulbücher'],
    objekte: ['die Schulplattform', 'die Zugänge', 'die Bildungsmedien', 'die offenen Bildungsmaterialien', 'die Lizenzen'],
  },
];

const SUBJEKTE = ['das Schulverwaltungsamt', 'der IT-Dienstleister', 'das Medienzentrum', 'die Steuerungsgruppe', 'das Gebäudemanagement', 'jede Schule', 'das Kompetenzteam', 'die Geschäftsstelle', 'der Arbeitskreis Schul-IT', 'die Schulleitung'];
const VERBEN = ['plant', 'prüft', 'erneuert', 'beschafft', 'koordiniert', 'dokumentiert', 'bewertet', 'begleitet', 'erweitert', 'vereinheitlicht', 'überarbeitet', 'betreut', 'erfasst'];
const PARTIZIPIEN = ['geprüft', 'erneuert', 'dokumentiert', 'abgestimmt', 'erweitert', 'ausgewertet', 'angepasst', 'vereinheitlicht'];
const ERGAENZUNGEN = [
  'bis zum Ende des Schuljahres',
  'in enger Abstimmung mit den Schulen',
  'auf Grundlage der Medienkonzepte',
  'im Rahmen der Jahresbilanzgespräche',
  'nach einem einheitlichen Verfahren',
  'gemeinsam mit den Medienbeauftragten',
  'in mehreren Bauabschnitten',
  'ohne den Unterricht zu unterbrechen',
  'zunächst an ausgewählten Pilotschulen',
  'mit einem festen Zeitplan',
  'für alle Standorte gleichzeitig',
  'nach den Vorgaben des Rahmenvertrags',
];
const ZEITEN = ['Im ersten Halbjahr', 'Bis zu den Sommerferien', 'Im Herbst', 'Ab dem kommenden Schuljahr', 'Im Laufe des Jahres', 'Bis Ende 2027', 'Zu Beginn der Maßnahme', 'Nach der Ausschreibung'];
const ADJEKTIVE = ['verlässlich', 'einfach zu bedienen', 'gut dokumentiert', 'zentral verwaltet', 'rechtzeitig verfügbar', 'wirtschaftlich'];
const ORTE = ['den Pilotschulen', 'der ersten Ausbaustufe', 'den Jahresbilanzgesprächen', 'vergleichbaren Kommunen', 'dem letzten Schuljahr', 'den Berufskollegs'];

// Compound nouns give the text a vocabulary of thousands of words, as real plans have,
// so that search indexes are not unrealistically small.
const WORTANFAENGE = ['Schul', 'Medien', 'Geräte', 'Netz', 'Lern', 'Daten', 'Unterrichts', 'Fach', 'Service', 'Support', 'Lizenz', 'Plattform', 'Eltern', 'Förder', 'Bildungs', 'Prüfungs', 'Wartungs', 'Beschaffungs', 'Ausstattungs', 'Fortbildungs', 'Bezirks', 'Stadt', 'Landes', 'Sicherheits', 'Kooperations'];
const WORTMITTEN = ['', '', 'verwaltungs', 'planungs', 'betriebs', 'entwicklungs', 'qualitäts', 'steuerungs', 'nutzungs', 'ersatz'];
const WORTENDEN = ['konzept', 'plan', 'pool', 'raum', 'portal', 'stelle', 'gruppe', 'vertrag', 'bericht', 'runde', 'kreis', 'standard', 'budget', 'zentrum', 'netzwerk', 'verfahren', 'modul', 'paket', 'system', 'werkstatt'];
const kompositum = (random: Random) => `${random.pick(WORTANFAENGE)}${random.pick(WORTMITTEN)}${random.pick(WORTENDEN)}`;

export const HEADINGS = ['Ausgangslage', 'Ziel der Maßnahme', 'Vorgehen', 'Beteiligte', 'Zeitplan', 'Kosten und Finanzierung', 'Risiken', 'Messbarkeit'];
const SCHRITTE = ['Bestandsaufnahme', 'Abstimmung mit den Schulen', 'Ausschreibung', 'Vergabe', 'Umsetzung', 'Abnahme', 'Auswertung', 'Bericht an den Ausschuss'];
const QUARTALE = ['1. Quartal', '2. Quartal', '3. Quartal', '4. Quartal'];

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const nominative = (o: string) => o.replace(/^den /, 'der ');

/** One sentence about an object of the theme. */
export function sentence(random: Random, theme: Theme): string {
  const o = random.pick(theme.objekte);
  const o2 = random.pick(theme.objekte.filter((x) => x !== o));
  // objects are written in the accusative; as a subject "den …" becomes "der …"
  const on = nominative(o);
  const o2n = nominative(o2);
  const s = random.pick(SUBJEKTE);
  switch (random.int(0, 9)) {
    case 0:
      return `${capitalize(s)} ${random.pick(VERBEN)} ${o} ${random.pick(ERGAENZUNGEN)}.`;
    case 1:
      return `${random.pick(ZEITEN)} ${random.pick(VERBEN)} ${s} ${o} ${random.pick(ERGAENZUNGEN)}.`;
    case 2:
      return `Dabei werden ${on} ${random.pick(PARTIZIPIEN)}, sobald ${o2n} ${random.pick(PARTIZIPIEN)} sind.`;
    case 3:
      return `Im Mittelpunkt stehen ${on} und ${o2n}, die ${random.pick(ERGAENZUNGEN)} ${random.pick(PARTIZIPIEN)} werden.`;
    case 4:
      return `Erfahrungen aus ${random.pick(ORTE)} zeigen, dass ${on} ${random.pick(ADJEKTIVE)} sein müssen, damit der Unterricht nicht gestört wird.`;
    case 5:
      return `Für ${o} gilt ein einheitlicher Standard, den ${s} ${random.pick(ERGAENZUNGEN)} festlegt.`;
    case 6:
      return `Wo ${on} noch nicht ${random.pick(ADJEKTIVE)} sind, ${random.pick(VERBEN)} ${s} sie ${random.pick(ERGAENZUNGEN)}.`;
    case 8:
      return `Für das ${kompositum(random)} und das ${kompositum(random)} ${random.pick(VERBEN)} ${s} ${o} ${random.pick(ERGAENZUNGEN)}.`;
    case 9:
      return `Das ${kompositum(random)} ${random.pick(VERBEN)} ${o} gemeinsam mit dem ${kompositum(random)}.`;
    default:
      return `Die Schulen melden ihren Bedarf an ${o.replace(/^(die|das|den|der) /, '')} über das Service-Portal, und ${s} ${random.pick(VERBEN)} ihn ${random.pick(ERGAENZUNGEN)}.`;
  }
}

export function paragraph(random: Random, theme: Theme, sentences = random.int(4, 6)): string {
  return Array.from({ length: sentences }, () => sentence(random, theme)).join(' ');
}

export function list(random: Random, theme: Theme): string {
  return random
    .sample(theme.objekte, random.int(3, 5))
    .map((o) => `- ${capitalize(o)} werden ${random.pick(PARTIZIPIEN)} und ${random.pick(ERGAENZUNGEN)} ${random.pick(PARTIZIPIEN)}.`)
    .join('\n');
}

export function table(random: Random, beteiligte: string[]): string {
  const rows = random.sample(SCHRITTE, random.int(3, 5)).map((schritt) => `| ${schritt} | ${random.pick(QUARTALE)} ${random.int(2025, 2030)} | ${random.pick(beteiligte)} |`);
  return ['| Schritt | Zeitraum | Zuständig |', '| --- | --- | --- |', ...rows].join('\n');
}

export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** What a Kennzahl citation may refer to in the generated plan. */
export interface KennzahlContext {
  handlungsfeld: string;
  schulformen: { id: string; name: string }[];
  jahre: number[];
  foerderprogramme: string[];
  /** Only figures every plan has (the count of Maßnahmen): for plans without school or computed finance data. */
  nurMassnahmen?: boolean;
  /** The survey round school figures name (`erhebung="…"`), for a plan with several rounds. */
  erhebung?: string;
}

/** The figures computed from one survey round, which name it once a plan has several. */
const AUS_ERHEBUNGEN = new Set(Object.entries(KENNZAHLEN).filter(([, d]) => d.runden).map(([name]) => name));

/** A sentence that cites a figure with `<Kennzahl … />`; all names and parameters are valid for the generated plan. */
export function kennzahlSentence(random: Random, ctx: KennzahlContext): string {
  const sf = random.pick(ctx.schulformen);
  const jahr = random.pick(ctx.jahre);
  const options = [
    () => 'Derzeit lernen an den <Kennzahl name="schulen" /> Schulen des Plans <Kennzahl name="schueler" /> Schülerinnen und Schüler.',
    () => 'Die stadtweite Ausstattungsquote liegt bei <Kennzahl name="ausstattungsquote" />.',
    () => `An den Schulen der Schulform ${sf.name} liegt die Ausstattungsquote bei <Kennzahl name="ausstattungsquote" schulform="${sf.id}" />, der Zielwert bei <Kennzahl name="ausstattungsquote-ziel" schulform="${sf.id}" />.`,
    () => 'Im Mittel sind <Kennzahl name="wlan-abdeckung" /> der Unterrichtsräume mit WLAN versorgt.',
    () => `In diesem Handlungsfeld stehen insgesamt <Kennzahl name="massnahmen" handlungsfeld="${ctx.handlungsfeld}" /> Maßnahmen.`,
    () => `Der Finanzbedarf im Jahr ${jahr} beträgt <Kennzahl name="bedarf" jahr="${jahr}" format="mio" />.`,
    () => 'Über den gesamten Planungshorizont liegt der Investitionsbedarf bei <Kennzahl name="investitionen" format="mio" />.',
    () => `Vom Programm sind bislang <Kennzahl name="foerderung-beantragt-anteil" foerderprogramm="${random.pick(ctx.foerderprogramme)}" /> der Zuweisung beantragt.`,
    () => 'Der Bestand umfasst <Kennzahl name="inventar-geraete" /> Geräte und Komponenten.',
    () => 'Der städtische Eigenanteil an der Finanzierung beträgt <Kennzahl name="eigenanteil" />.',
    () => 'Je Schülerin und Schüler ergeben sich im Jahr <Kennzahl name="kosten-je-schueler" />.',
    () => 'Digitale Präsentationstechnik gibt es in <Kennzahl name="praesentationsquote" /> der Räume.',
  ];
  const sentence = random.pick(options);
  const text = ctx.nurMassnahmen ? options[4]!() : sentence();
  const { erhebung } = ctx;
  return erhebung ? text.replace(/<Kennzahl name="([^"]+)"/g, (tag, name: string) => (AUS_ERHEBUNGEN.has(name) ? `${tag} erhebung="${erhebung}"` : tag)) : text;
}
