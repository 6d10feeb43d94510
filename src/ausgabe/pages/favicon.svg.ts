// /favicon.svg, from src/ausgabe/dateien/.
import { datei } from '../dateien/index.ts';

export const GET = () => datei('favicon.svg');
