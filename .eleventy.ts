/** Eleventy's configuration: the site as src/build/configure.ts sets it up (`npm start` reads this file). */
export { configureSite as default } from './src/build/configure.ts';
