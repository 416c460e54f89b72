/**
 * The layers of src/, as folders, and the one direction between them. `npm run
 * lint:layers` (part of `npm test`) fails on an import against these rules or
 * on a cycle. The README's "How the code is organised" is drawn from them.
 *
 *   cli ──▶ authoring, build ──▶ site, editor ──▶ present ──▶ content ──▶ i18n
 *
 * Each layer may import the layers to its right (and its own folder), never one
 * to its left: the lower the layer, the less it knows.
 */
const LAYERS = {
  i18n: [],
  content: ['i18n'],
  present: ['content', 'i18n'],
  site: ['present', 'content', 'i18n'],
  editor: ['present', 'content', 'i18n'],
  authoring: ['present', 'content', 'i18n'],
  build: ['site', 'editor', 'present', 'content', 'i18n'],
  cli: ['build', 'authoring', 'site', 'editor', 'present', 'content', 'i18n'],
};

const layerRules = Object.entries(LAYERS).map(([layer, below]) => ({
  name: `${layer}-imports-only-below`,
  comment: `src/${layer}/ may import only ${below.length ? below.map((name) => `src/${name}/`).join(', ') : 'nothing else of src/'} (and itself).`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: '^src/', pathNot: [`^src/(${[layer, ...below].join('|')})/`, '^src/types\\.d\\.ts$'] },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: split out what they share.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'eleventy-only-in-build',
      comment:
        "Eleventy, Pagefind and esbuild are the build's tools: the layers below know nothing of them. (sharp is not: the check reads photo headers with it.)",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(build|cli)/' },
      to: { path: '(^|/)node_modules/(@11ty|pagefind|esbuild)/' },
    },
    {
      name: 'cli-runs-the-build-through-build',
      comment: "The command line calls the build's functions; Eleventy itself is wired in src/build/.",
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '(^|/)node_modules/(@11ty|pagefind)/' },
    },
    {
      name: 'browser-code-has-no-node',
      comment: "src/editor/editor-browser.ts runs in the browser: nothing it imports may use Node's modules.",
      severity: 'error',
      from: { path: '^src/editor/editor-browser\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'src-does-not-import-tests-or-scripts',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
