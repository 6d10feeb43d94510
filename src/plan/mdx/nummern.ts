/**
 * How a plan numbers its tables and figures: a word and a number, as it prints them ("Tab. 7",
 * "Tabelle 4.2", "Abb. 3"). The number starts with a digit, so Planwerk's own numbers
 * ("Tab. E1", src/ausgabe/druckfassung.ts) can never be read as one of the plan's. Here, beside the
 * renderer, because captions in MDX texts follow it and renderings are cached by this folder's code.
 */
export const PLAN_NUMMER = /^\p{L}[\p{L}.]*\s?\d+(?:[.\-]\d+)*[a-z]?$/u;
