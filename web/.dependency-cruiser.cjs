// The site's layers import one way (web/README.md draws them):
//   server/   the site server and the rebuilder      may import builder/
//   builder/  the build runner: build, check, serve a build, search index   never imports server/
//   src/      Astro pages, components and data helpers   import neither server/ nor builder/
// plus no import cycles, and no relative import into another package (use @asb/shared, @asb/cms).
// `pnpm lint` runs this. .astro files are not parsed here: eslint.config.js applies the src/ rule to them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A cycle means neither module can change alone.',
      from: { path: '^web/' },
      to: { circular: true },
    },
    {
      name: 'builder-not-server',
      severity: 'error',
      comment: 'The build runner is called by the site server and the rebuilder, never the other way up.',
      from: { path: '^web/builder/' },
      to: { path: '^web/server/' },
    },
    {
      name: 'src-not-runtime',
      severity: 'error',
      comment: 'Pages and data helpers run inside the built site: they import neither the server nor the build runner.',
      from: { path: '^web/src/' },
      to: { path: '^web/(server|builder)/' },
    },
    {
      name: 'no-relative-cross-package',
      severity: 'error',
      comment: 'Other packages are imported by name, through their package.json exports, not by path.',
      from: { path: '^web/(src|server|builder)/' },
      to: { path: '^(cms|shared)/', dependencyTypes: ['local'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.astro|\\.tmp|\\.cache)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'web/tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'node', 'default'] },
  },
};
