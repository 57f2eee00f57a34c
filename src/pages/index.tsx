import React from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import styles from './index.module.css';

interface Part {
  title: string;
  to: string;
  linkLabel: string;
  summary: string;
}

const parts: Part[] = [
  {
    title: 'The handbook',
    to: '/docs',
    linkLabel: 'Read the handbook',
    summary:
      'How to change a database schema, an RPC interface or a message format in steps that the ' +
      'release still running can survive: expand and contract, lock-aware DDL, version caps, ' +
      'and upgrade tests that run the old code against the new schema.',
  },
  {
    title: 'The plugin',
    to: '/rules',
    linkLabel: 'Browse the rules',
    summary:
      'eslint-plugin-live-upgrade checks migration files written with Knex, Kysely, ' +
      'node-pg-migrate, TypeORM, Sequelize/Umzug, MikroORM, raw SQL strings or plain .sql files, ' +
      'and says which lock a statement takes and what it blocks.',
  },
  {
    title: 'The vetted examples',
    to: '/docs#the-vetted-examples',
    linkLabel: 'How the examples are tested',
    summary:
      'Runnable migrations and RPC code, tested against a real Postgres with sample data. ' +
      'The handbook shows their source by file and region, so what you read is what the tests ran.',
  },
];

export default function Home(): React.JSX.Element {
  return (
    <Layout
      description="A handbook, an ESLint plugin and tested examples for shipping database migrations and RPC changes while the previous release keeps running."
    >
      <main>
        <header className={styles.hero}>
          <div className="container">
            <h1 className={styles.title}>Live Upgrade</h1>
            <p className={styles.tagline}>
              Ship database migrations and RPC changes while the previous release keeps running.
            </p>
          </div>
        </header>
        <div className="container">
          <div className={styles.parts}>
            {parts.map((part) => (
              <section key={part.title} className={styles.part}>
                <h2>{part.title}</h2>
                <p>{part.summary}</p>
                <Link className="button button--primary" to={part.to}>
                  {part.linkLabel}
                </Link>
              </section>
            ))}
          </div>
        </div>
      </main>
    </Layout>
  );
}
