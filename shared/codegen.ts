import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the CMS's schema snapshot (schema/cms.graphql, written by
// `pnpm --filter @asb/cms export-schema`) and the documents in graphql/.
const config: CodegenConfig = {
  schema: 'schema/cms.graphql',
  documents: ['graphql/**/*.graphql'],
  // ESM imports with .js extensions, as NodeNext resolution requires.
  emitLegacyCommonJSImports: false,
  generates: {
    // CODEGEN_OUT lets the drift test generate into a temporary folder and compare.
    [process.env.CODEGEN_OUT ?? 'src/generated/']: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { JSON: 'unknown', DateTime: 'string', Date: 'string', Long: 'number', I18NLocaleCode: 'string' },
      },
    },
  },
};

export default config;
