import React from 'react';
import Layout from '@theme/Layout';
import BrowserOnly from '@docusaurus/BrowserOnly';

// ESLint, the TypeScript parser, the plugin with its SQL parser, Knex, Kysely and PGlite load with
// this chunk, on this page only.
const Playground = React.lazy(() => import('@site/src/components/playground/Playground'));

export default function PlaygroundPage(): React.JSX.Element {
  return (
    <Layout title="Playground" description="Lint a migration with the plugin and run it on Postgres in the browser, with the locks it takes">
      <main className="container margin-vert--lg">
        <h1>Playground</h1>
        <p>
          Write or paste a migration: the plugin reports as you type. Run it to see, per statement, the locks Postgres takes on
          each table, whether it rewrites the table, and how long it takes. The link in the address bar reproduces this page.
        </p>
        <BrowserOnly fallback={<p>Loading the playground…</p>}>
          {() => (
            <React.Suspense fallback={<p>Loading the playground…</p>}>
              <Playground />
            </React.Suspense>
          )}
        </BrowserOnly>
      </main>
    </Layout>
  );
}
