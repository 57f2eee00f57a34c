import React from 'react';
import { CAP_SETTINGS, MATRIX, RELEASES, type CapColumn, type MatrixCell, type Outcome, type Side } from '@site/examples/rpc/matrix/matrix-cells.ts';

// Renders the mixed-version matrix from the module the matrix test runs, so the tables on the
// page are the outcomes the processes were checked against.

const SIDES: readonly Side[] = ['N', 'N+1'];
const CAPS: readonly CapColumn[] = ['unset', 'N', 'auto'];

const OUTCOME_LABEL: Record<Outcome['outcome'], string> = {
  works: 'works',
  degraded: 'works, degraded',
  error: 'error',
};

function cellOf(client: Side, server: Side, cap: CapColumn): MatrixCell {
  const cell = MATRIX.find((candidate) => candidate.client === client && candidate.server === server && candidate.cap === cap);
  if (!cell) throw new Error(`The matrix has no cell for client ${client}, server ${server}, cap ${cap}`);
  return cell;
}

function Release({ side }: { side: Side }): React.JSX.Element {
  return (
    <>
      {side} ({RELEASES[side].name})
    </>
  );
}

function Cap({ cap }: { cap: CapColumn }): React.JSX.Element {
  return CAP_SETTINGS[cap] === '' ? <>unset</> : <code>{CAP_SETTINGS[cap]}</code>;
}

function Summary({ expected }: { expected: Outcome }): React.JSX.Element {
  if (expected.outcome === 'error') return <code>{expected.error}</code>;
  return (
    <>
      {OUTCOME_LABEL[expected.outcome]} at <code>{expected.sentVersion}</code>
    </>
  );
}

function Losses({ expected }: { expected: Outcome }): React.JSX.Element {
  if (expected.outcome === 'error') return <>the call fails with this error</>;
  const losses = [
    ...expected.droppedArgs.map((name) => `argument ${name} dropped`),
    ...expected.backports.map((backport) => `backport ${backport}`),
    ...expected.lostFields.map((field) => `field ${field} lost`),
  ];
  return (
    <>
      served by the <code>{expected.handledBy}</code> endpoint
      {losses.length > 0 && <>; {losses.join('; ')}</>}
    </>
  );
}

/** Client and server release as rows, cap settings as columns. */
export function MatrixGrid(): React.JSX.Element {
  return (
    <table>
      <thead>
        <tr>
          <th>Client</th>
          <th>Server</th>
          {CAPS.map((cap) => (
            <th key={cap}>
              Cap <Cap cap={cap} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {SIDES.flatMap((client) =>
          SIDES.map((server) => (
            <tr key={`${client} ${server}`}>
              <td>
                <Release side={client} />
              </td>
              <td>
                <Release side={server} />
              </td>
              {CAPS.map((cap) => (
                <td key={cap}>
                  <Summary expected={cellOf(client, server, cap).expected} />
                </td>
              ))}
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/** One row per cell: everything the test asserts, and why. */
export default function MatrixDetails(): React.JSX.Element {
  return (
    <table>
      <thead>
        <tr>
          <th>Client → server, cap</th>
          <th>Expected</th>
          <th>Why</th>
        </tr>
      </thead>
      <tbody>
        {MATRIX.map((cell) => (
          <tr key={`${cell.client} ${cell.server} ${cell.cap}`}>
            <td style={{ whiteSpace: 'nowrap' }}>
              {cell.client} → {cell.server}, <Cap cap={cell.cap} />
            </td>
            <td>
              <strong>
                <Summary expected={cell.expected} />
              </strong>
              : <Losses expected={cell.expected} />
            </td>
            <td>{cell.why}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
