import React from 'react';
import CodeBlock from '@theme/CodeBlock';
import { NOTIFICATIONS } from '@site/examples/rpc/service/release-n1/notifications.ts';
import { resolveRefs } from '@site/examples/rpc/notifications/samples.ts';

// One section per registered notification, showing its documented sample with the shared
// fragments resolved. The samples are the files the tests compare the emitted messages with;
// a registered notification without a sample file stops the site build here.

interface JsonContext {
  keys(): string[];
  (key: string): unknown;
}

declare const require: { context(directory: string, recursive: boolean, filter: RegExp): JsonContext };

const samples = require.context('@site/examples/rpc/service/release-n1/notification-samples', true, /\.json$/);

function load(path: string): unknown {
  const key = `./${path}`;
  if (!samples.keys().includes(key)) {
    throw new Error(`No notification sample examples/rpc/service/release-n1/notification-samples/${path}`);
  }
  return samples(key);
}

export default function NotificationSamples(): React.JSX.Element {
  return (
    <>
      {NOTIFICATIONS.map((spec) => (
        <section key={spec.eventType}>
          <h3>
            <code>{spec.eventType}</code>
          </h3>
          <p>
            Priority <code>{spec.priority}</code>, payload <code>{spec.payload.objectName}</code> version{' '}
            <code>{spec.payload.VERSION}</code>, sample <code>{spec.sample}</code>.
          </p>
          <CodeBlock language="json">{JSON.stringify(resolveRefs(load(spec.sample), load), null, 2)}</CodeBlock>
        </section>
      ))}
    </>
  );
}
