/**
 * Metadata of the open data after DCAT-AP.de, as JSON-LD (/daten/dcat.jsonld), so that an open
 * data portal (GovData, a Land's portal) can harvest the plan:
 * - one dcat:Catalog: the plan's open data, with title, description, publisher, language, Stand;
 * - one dcat:Dataset per table (Maßnahmen, Akteure, Finanzprognose …), with title, description,
 *   publisher (plan.yaml `herausgeber`, else the Kommune), dct:modified (the Stand of its dataset
 *   in datensaetze.yaml, else the plan's `stand`), theme EDUC and its documentation on /daten/;
 * - per dataset one dcat:Distribution per file: the CSV and the JSON file, each with accessURL and
 *   downloadURL (both the file, as convention 39 asks for direct downloads), dct:format from the
 *   EU file-type vocabulary, dcat:mediaType (IANA), byte size and licence; the JSON file names its
 *   JSON Schema with dct:conformsTo (as the DCAT-AP.de conventions suggest for JSON data).
 * DCAT-AP.de asks for absolute addresses and for a licence from its own list
 * (http://dcat-ap.de/def/licenses/). The file is therefore only written when plan.yaml names the
 * site's address (`website`); a licence that has no entry in that list is left out, never guessed,
 * and the build says so (offeneDatenHinweise in src/ausgabe/offenedaten/index.ts).
 */
import { xsdTyp } from '../../plan/datum.ts';
import type { PlanModel } from '../../plan/model.ts';

const EU_DATEITYP = 'http://publications.europa.eu/resource/authority/file-type/';
const IANA = 'https://www.iana.org/assignments/media-types/';
const DCAT_AP_DE_LIZENZ = 'http://dcat-ap.de/def/licenses/';

/** A licence of the DCAT-AP.de list, and how plan.yaml may name it (address or name). */
interface Lizenz {
  uri: string;
  /** Addresses of the licence text (without scheme, `www.` and a trailing `/`, `deed.*` or `legalcode*`). */
  adressen: string[];
  /** Names or abbreviations, compared without case, spaces, dashes and dots. */
  namen: string[];
  /** Attribution is required: the publisher's name goes into dcatde:licenseAttributionByText. */
  namensnennung: boolean;
}

const LIZENZEN: Lizenz[] = [
  { uri: 'cc-by/4.0', adressen: ['creativecommons.org/licenses/by/4.0'], namen: ['CC BY 4.0', 'CC-BY-4.0', 'Creative Commons Namensnennung 4.0 International'], namensnennung: true },
  { uri: 'cc-by-sa/4.0', adressen: ['creativecommons.org/licenses/by-sa/4.0'], namen: ['CC BY-SA 4.0', 'CC-BY-SA-4.0'], namensnennung: true },
  { uri: 'cc-by-nd/4.0', adressen: ['creativecommons.org/licenses/by-nd/4.0'], namen: ['CC BY-ND 4.0', 'CC-BY-ND-4.0'], namensnennung: true },
  { uri: 'cc-by-nc/4.0', adressen: ['creativecommons.org/licenses/by-nc/4.0'], namen: ['CC BY-NC 4.0', 'CC-BY-NC-4.0'], namensnennung: true },
  { uri: 'cc-by-de/3.0', adressen: ['creativecommons.org/licenses/by/3.0/de'], namen: ['CC BY 3.0 DE'], namensnennung: true },
  { uri: 'cc-by-sa-de/3.0', adressen: ['creativecommons.org/licenses/by-sa/3.0/de'], namen: ['CC BY-SA 3.0 DE'], namensnennung: true },
  { uri: 'cc-zero', adressen: ['creativecommons.org/publicdomain/zero/1.0'], namen: ['CC0', 'CC0 1.0', 'CC Zero'], namensnennung: false },
  { uri: 'ccpdm/1.0', adressen: ['creativecommons.org/publicdomain/mark/1.0'], namen: ['Public Domain Mark 1.0'], namensnennung: false },
  { uri: 'dl-by-de/2.0', adressen: ['govdata.de/dl-de/by-2-0'], namen: ['dl-de/by-2-0', 'Datenlizenz Deutschland Namensnennung 2.0', 'Datenlizenz Deutschland – Namensnennung – Version 2.0'], namensnennung: true },
  { uri: 'dl-zero-de/2.0', adressen: ['govdata.de/dl-de/zero-2-0'], namen: ['dl-de/zero-2-0', 'Datenlizenz Deutschland Zero 2.0', 'Datenlizenz Deutschland – Zero – Version 2.0'], namensnennung: false },
  { uri: 'odbl', adressen: ['opendatacommons.org/licenses/odbl', 'opendatacommons.org/licenses/odbl/1.0'], namen: ['ODbL', 'Open Database License'], namensnennung: true },
  { uri: 'odby', adressen: ['opendatacommons.org/licenses/by', 'opendatacommons.org/licenses/by/1.0'], namen: ['ODC-BY', 'ODC-BY 1.0'], namensnennung: true },
  { uri: 'odcpddl', adressen: ['opendatacommons.org/licenses/pddl', 'opendatacommons.org/licenses/pddl/1.0'], namen: ['PDDL', 'ODC PDDL'], namensnennung: false },
];

const normaleAdresse = (url: string) =>
  url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/(deed\.[a-z-]+|legalcode(\.[a-z-]+)?)$/, '')
    .replace(/\/+$/, '');
const normalerName = (name: string) => name.toLowerCase().replace(/[\s\-–—.()/]/g, '');

/**
 * The DCAT-AP.de licence of plan.yaml's `lizenz`: by its address (`url`), else by its name, which
 * may end in the licence's abbreviation in brackets ("… (CC BY 4.0)"). Undefined if neither is
 * on the list: then no licence is stated rather than a wrong one.
 */
export function dcatLizenz(lizenz: { name: string; url?: string | undefined } | undefined): { uri: string; namensnennung: boolean } | undefined {
  if (!lizenz) return undefined;
  const treffer = (l: Lizenz) => ({ uri: DCAT_AP_DE_LIZENZ + l.uri, namensnennung: l.namensnennung });
  if (lizenz.url) {
    const adresse = normaleAdresse(lizenz.url);
    const l = LIZENZEN.find((x) => x.adressen.includes(adresse)) ?? (adresse.startsWith('dcat-ap.de/def/licenses/') ? LIZENZEN.find((x) => `dcat-ap.de/def/licenses/${x.uri}` === adresse) : undefined);
    if (l) return treffer(l);
  }
  const klammer = /\(([^()]+)\)\s*$/.exec(lizenz.name)?.[1];
  for (const name of [lizenz.name, klammer].filter((n): n is string => Boolean(n))) {
    const l = LIZENZEN.find((x) => x.namen.some((n) => normalerName(n) === normalerName(name)));
    if (l) return treffer(l);
  }
  return undefined;
}

/** One published file, as the catalogue lists it. */
export interface DcatDatei {
  url: string;
  titel: string;
  format: 'CSV' | 'JSON';
  mediaType: string;
  bytes: number;
  /** The JSON Schema the file conforms to (JSON files). */
  schema?: string;
}

/** One table of the open data, as the catalogue lists it. */
export interface DcatDatensatz {
  /** Where /daten/ documents it: the dataset's id and landing page. */
  seite: string;
  titel: string;
  beschreibung: string;
  stand: string;
  dateien: DcatDatei[];
}

const id = (uri: string) => ({ '@id': uri });
const de = (text: string) => ({ '@value': text, '@language': 'de' });
/** A plan date as linked data, as precise as the plan gives it: xsd:date, xsd:gYearMonth or xsd:gYear (DCAT-AP allows each for dct:modified). */
const datum = (d: string) => ({ '@value': d, '@type': xsdTyp(d) });

/** The JSON-LD document: the catalogue, its publisher and contact as nodes of one graph; `daten` is the absolute address of /daten/. */
export function dcatKatalog(model: PlanModel, daten: string, datensaetze: DcatDatensatz[]): Record<string, unknown> {
  const { plan } = model;
  const lizenz = dcatLizenz(plan.lizenz);
  const herausgeber = plan.herausgeber?.name ?? plan.kommune;
  // Publisher and contact are nodes of their own, which the catalogue and each dataset name by id.
  const publisher = id('_:herausgeber');
  const herausgeberKnoten = {
    '@id': '_:herausgeber',
    '@type': 'foaf:Agent',
    'foaf:name': herausgeber,
    'dct:type': id('http://purl.org/adms/publishertype/LocalAuthority'),
    ...(plan.herausgeber?.url ? { 'foaf:homepage': id(plan.herausgeber.url) } : {}),
  };
  const kontaktKnoten = plan.kontakt && {
    '@id': '_:kontakt',
    '@type': 'vcard:Organization',
    'vcard:fn': plan.kontakt.name,
    'vcard:hasEmail': id(`mailto:${plan.kontakt.email}`),
  };
  const lizenzAngaben = lizenz
    ? { 'dct:license': id(lizenz.uri), ...(lizenz.namensnennung ? { 'dcatde:licenseAttributionByText': herausgeber } : {}) }
    : {};
  const titel = plan.titel ? `${plan.titel} – ${plan.kommune}` : `Medienentwicklungsplan – ${plan.kommune}`;
  const katalog = {
    '@id': `${daten}#katalog`,
    '@type': 'dcat:Catalog',
    'dct:title': de(`Offene Daten: ${titel}`),
    'dct:description': de(`Die Daten des Plans zum Herunterladen, als CSV und JSON mit JSON-Schema: ${datensaetze.map((d) => d.titel).join(', ')}.`),
    'dct:publisher': publisher,
    'dct:language': id('http://publications.europa.eu/resource/authority/language/DEU'),
    'dct:modified': datum(plan.stand),
    ...(lizenz ? { 'dct:license': id(lizenz.uri) } : {}),
    'foaf:homepage': id(daten),
    'dcat:themeTaxonomy': id('http://publications.europa.eu/resource/authority/data-theme'),
    'dcat:dataset': datensaetze.map((d) => ({
      '@id': d.seite,
      '@type': 'dcat:Dataset',
      'dct:title': de(d.titel),
      'dct:description': de(d.beschreibung),
      'dct:publisher': publisher,
      'dct:modified': datum(d.stand),
      ...(lizenz ? { 'dct:license': id(lizenz.uri) } : {}),
      ...(kontaktKnoten ? { 'dcat:contactPoint': id('_:kontakt') } : {}),
      'dcat:theme': id('http://publications.europa.eu/resource/authority/data-theme/EDUC'),
      'dcat:keyword': [de('Medienentwicklungsplan'), de('Digitalisierung'), de('Bildung')],
      'dcat:landingPage': id(d.seite),
      'foaf:page': id(d.seite),
      'dcat:distribution': d.dateien.map((f) => ({
        '@id': f.url,
        '@type': 'dcat:Distribution',
        'dct:title': f.titel,
        'dcat:accessURL': id(f.url),
        'dcat:downloadURL': id(f.url),
        'dct:format': id(EU_DATEITYP + f.format),
        'dcat:mediaType': id(IANA + f.mediaType),
        'dcat:byteSize': { '@value': String(f.bytes), '@type': 'xsd:nonNegativeInteger' },
        'dct:modified': datum(d.stand),
        'adms:status': id('http://purl.org/adms/status/Completed'),
        ...lizenzAngaben,
        ...(f.schema ? { 'dct:conformsTo': id(f.schema) } : {}),
      })),
    })),
  };
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      dcatde: 'http://dcat-ap.de/def/dcatde/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      adms: 'http://www.w3.org/ns/adms#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@graph': [katalog, herausgeberKnoten, ...(kontaktKnoten ? [kontaktKnoten] : [])],
  };
}
