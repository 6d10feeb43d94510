import { defineConfig } from 'astro/config';
import planwerk from 'planwerk';
export default defineConfig({ integrations: [planwerk()] });
