import { join } from 'node:path';
import type { Config, Plugin } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { PluginOptions as DocsOptions } from '@docusaurus/plugin-content-docs';
import type { PluginOptions as SearchOptions } from '@easyops-cn/docusaurus-search-local';
import { themes as prismThemes } from 'prism-react-renderer';
import exampleCodeCheck from './src/remark/example-code-check';
import playgroundBundling from './src/plugins/playground-bundling';
import { SITE_URL } from './lint-rules/src/site';

// Both docs instances may embed examples, so both get the same early check.
const remarkBeforeDefaults: DocsOptions['beforeDefaultRemarkPlugins'] = [
  [exampleCodeCheck, { siteDir: __dirname }],
];

// <ExampleCode> loads example files with `!!raw-loader!…?example-source`, which turns
// a .json file into a JS module; the bundler must not parse that module as JSON.
// Only requests with that query are affected: importing an example .json as data
// elsewhere keeps the normal JSON parsing.
function rawExampleJson(): Plugin {
  return {
    name: 'raw-example-json',
    configureWebpack: () => ({
      module: {
        rules: [
          {
            test: /\.json$/i,
            include: join(__dirname, 'examples'),
            resourceQuery: '?example-source',
            type: 'javascript/auto',
          },
        ],
      },
    }),
  };
}

const config: Config = {
  title: 'Live Upgrade',
  tagline: 'Ship database migrations and RPC changes while the previous release keeps running',
  favicon: 'img/logo.svg',
  // The rules' docs URLs are built from the same constant.
  url: SITE_URL,
  // BASE_URL builds the site for a sub-path (the browser tests check the playground under one).
  baseUrl: process.env.BASE_URL ?? '/',
  trailingSlash: false,

  future: { v4: true },

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  markdown: {
    mermaid: true,
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  i18n: { defaultLocale: 'en', locales: ['en'] },

  presets: [
    [
      'classic',
      {
        docs: {
          path: 'docs',
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          beforeDefaultRemarkPlugins: remarkBeforeDefaults,
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],

  clientModules: ['./src/prefetch-on-intent.ts'],

  plugins: [
    rawExampleJson,
    playgroundBundling,
    [
      '@docusaurus/plugin-content-docs',
      {
        id: 'rules',
        path: 'lint-rules/docs/rules',
        routeBasePath: 'rules',
        sidebarPath: './sidebars-rules.ts',
        beforeDefaultRemarkPlugins: remarkBeforeDefaults,
      } satisfies Partial<DocsOptions>,
    ],
  ],

  themes: [
    '@docusaurus/theme-mermaid',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        // Offline index built at build time; no hosted search service.
        hashed: true,
        indexDocs: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: ['docs', 'rules'],
        docsDir: ['docs', 'lint-rules/docs/rules'],
        language: ['en'],
      } satisfies Partial<SearchOptions>,
    ],
  ],

  themeConfig: {
    image: 'img/logo.svg',
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'Live Upgrade',
      logo: { alt: 'Live Upgrade logo', src: 'img/logo.svg' },
      items: [
        { type: 'docSidebar', sidebarId: 'handbook', label: 'Handbook', position: 'left' },
        { type: 'docSidebar', sidebarId: 'rules', docsPluginId: 'rules', label: 'Rules', position: 'left' },
        { to: '/playground', label: 'Playground', position: 'left' },
        { type: 'search', position: 'right' },
      ],
    },
    footer: {
      style: 'light',
      copyright: 'Live Upgrade: the handbook, the ESLint plugin and the vetted examples. MIT licensed.',
    },
    // Every token colour of these two themes keeps 4.5:1 contrast with the code background
    // (github's comments and constants, and dracula's comments, do not).
    prism: {
      theme: prismThemes.vsLight,
      darkTheme: prismThemes.gruvboxMaterialDark,
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
