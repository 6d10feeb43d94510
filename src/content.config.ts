/**
 * Astro's collections. Every collection takes its entries from the plan model that
 * Planwerk loaded once (src/plan/astro/loader.ts); the schemas give the pages their types,
 * the entries were validated against the same schemas when the plan was loaded.
 */
import { defineCollection, reference } from 'astro:content';
import { createSchemas, type RefFactory } from './plan/schemas/index.ts';
import { planwerkLoader } from './plan/astro/loader.ts';

const schemas = createSchemas(reference as unknown as RefFactory);

export const collections = {
  plan: defineCollection({ loader: planwerkLoader('plan'), schema: schemas.plan }),
  kapitel: defineCollection({ loader: planwerkLoader('kapitel'), schema: schemas.kapitel }),
  handlungsfelder: defineCollection({ loader: planwerkLoader('handlungsfelder'), schema: schemas.handlungsfelder }),
  massnahmen: defineCollection({ loader: planwerkLoader('massnahmen'), schema: schemas.massnahmen }),
  akteure: defineCollection({ loader: planwerkLoader('akteure'), schema: schemas.akteure }),
  schulformen: defineCollection({ loader: planwerkLoader('schulformen'), schema: schemas.schulformen }),
  bildungsbereiche: defineCollection({ loader: planwerkLoader('bildungsbereiche'), schema: schemas.bildungsbereiche }),
  schulen: defineCollection({ loader: planwerkLoader('schulen'), schema: schemas.schulen }),
  datensaetze: defineCollection({ loader: planwerkLoader('datensaetze'), schema: schemas.datensaetze }),
  inventar: defineCollection({ loader: planwerkLoader('inventar'), schema: schemas.inventar }),
  laufendeKosten: defineCollection({ loader: planwerkLoader('laufendeKosten'), schema: schemas.laufendeKosten }),
  finanzierung: defineCollection({ loader: planwerkLoader('finanzierung'), schema: schemas.finanzierung }),
  summen: defineCollection({ loader: planwerkLoader('summen'), schema: schemas.summen }),
  foerderprogramme: defineCollection({ loader: planwerkLoader('foerderprogramme'), schema: schemas.foerderprogramme }),
  formate: defineCollection({ loader: planwerkLoader('formate'), schema: schemas.formate }),
  weiterleitungen: defineCollection({ loader: planwerkLoader('weiterleitungen'), schema: schemas.weiterleitungen }),
  fassungen: defineCollection({ loader: planwerkLoader('fassungen'), schema: schemas.fassungen }),
  indikatoren: defineCollection({ loader: planwerkLoader('indikatoren'), schema: schemas.indikatoren }),
  glossar: defineCollection({ loader: planwerkLoader('glossar'), schema: schemas.glossar }),
  meilensteine: defineCollection({ loader: planwerkLoader('meilensteine'), schema: schemas.meilensteine }),
  finanzbereiche: defineCollection({ loader: planwerkLoader('finanzbereiche'), schema: schemas.finanzbereiche }),
  finanzwerte: defineCollection({ loader: planwerkLoader('finanzwerte'), schema: schemas.finanzwerte }),
  erhebungen: defineCollection({ loader: planwerkLoader('erhebungen'), schema: schemas.erhebungen }),
  erhebungswerte: defineCollection({ loader: planwerkLoader('erhebungswerte'), schema: schemas.erhebungswerte }),
};
