/**
 * Pages that moved (weiterleitungen.yaml): from which old path to which new one.
 */
import { z } from 'astro/zod';
import { optionalText } from './grundtypen.ts';

const sitePath = z.string().regex(/^\/([A-Za-z0-9_-]+\/)*$/, { error: 'einen Pfad der Website wie /kapitel/vorwort/ (mit / am Anfang und Ende)' });

export const weiterleitungenSchema = z.strictObject({ von: sitePath, nach: sitePath, hinweis: optionalText });
