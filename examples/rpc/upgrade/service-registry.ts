import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// The deployment's table of running services: one JSON file per node in a shared directory.
// Each node writes only its own file (atomically), so concurrent starts never conflict.

export type Binary = 'compute' | 'conductor';

export interface ServiceRecord {
  readonly host: string;
  readonly binary: Binary;
  readonly serviceVersion: number;
  readonly url: string;
}

export class ServiceNotFoundError extends Error {
  override name = 'ServiceNotFoundError';
}

export async function registerService(directory: string, record: ServiceRecord): Promise<void> {
  await mkdir(directory, { recursive: true });
  const file = join(directory, `${record.binary}.${record.host}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify(record));
  await rename(`${file}.tmp`, file);
}

export async function listServices(directory: string, binary: Binary): Promise<ServiceRecord[]> {
  const names = await readdir(directory).catch(() => []);
  const files = names.filter((name) => name.startsWith(`${binary}.`) && name.endsWith('.json'));
  return Promise.all(files.map(async (name) => JSON.parse(await readFile(join(directory, name), 'utf8')) as ServiceRecord));
}

/** The lowest service version among running nodes of `binary`; 0 when there are none. */
export async function minimumServiceVersion(directory: string, binary: Binary): Promise<number> {
  const versions = (await listServices(directory, binary)).map((record) => record.serviceVersion);
  return versions.length === 0 ? 0 : Math.min(...versions);
}

export async function urlOf(directory: string, binary: Binary, host: string): Promise<string> {
  const record = (await listServices(directory, binary)).find((candidate) => candidate.host === host);
  if (!record) throw new ServiceNotFoundError(`No ${binary} service "${host}" is registered`);
  return record.url;
}

/** The conductor to ask for backports: the newest one, since it knows every older object version. */
export async function newestUrl(directory: string, binary: Binary): Promise<string> {
  const records = await listServices(directory, binary);
  const newest = records.sort((a, b) => b.serviceVersion - a.serviceVersion)[0];
  if (!newest) throw new ServiceNotFoundError(`No ${binary} service is registered`);
  return newest.url;
}
