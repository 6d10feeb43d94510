import { defineConfig } from 'astro/config';
import planwerk from './src/integration.ts';
export default defineConfig({ integrations: [planwerk()] });
