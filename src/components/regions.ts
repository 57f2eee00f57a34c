// Named regions inside example files: `// #region name` … `// #endregion name`
// (`-- #region name` … `-- #endregion name` in SQL, `# #region name` … `# #endregion name`
// in YAML). Shared by the <ExampleCode> component (what the page shows) and the remark check
// (what fails the build early).

const MARKER = {
  slashes: /^\s*\/\/\s*#(region|endregion)\b[ \t]*(\S*)/,
  dashes: /^\s*--\s*#(region|endregion)\b[ \t]*(\S*)/,
  hashes: /^\s*#\s*#(region|endregion)\b[ \t]*(\S*)/,
};

export class RegionError extends Error {
  override name = 'RegionError';
}

/** The code-block language for an example file, from its extension. */
export function languageOf(path: string): string {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const languages: Record<string, string> = {
    ts: 'ts', tsx: 'tsx', js: 'js', mjs: 'js', cjs: 'js', sql: 'sql', json: 'json', yml: 'yaml', yaml: 'yaml',
  };
  return languages[extension] ?? 'text';
}

function markerOf(path: string): RegExp {
  const language = languageOf(path);
  if (language === 'sql') return MARKER.dashes;
  return language === 'yaml' ? MARKER.hashes : MARKER.slashes;
}

interface Region {
  start: number; // line index of `#region`
  end: number; // line index of `#endregion`
}

function findRegions(lines: string[], marker: RegExp, path: string): Map<string, Region> {
  const regions = new Map<string, Region>();
  const open = new Map<string, number>();
  lines.forEach((line, index) => {
    const match = marker.exec(line);
    if (!match) return;
    const [, kind, name] = match;
    const where = `examples/${path}:${index + 1}`;
    if (!name) throw new RegionError(`${where}: #${kind} without a name`);
    if (kind === 'region') {
      if (open.has(name) || regions.has(name)) throw new RegionError(`${where}: region "${name}" is defined twice`);
      open.set(name, index);
      return;
    }
    const start = open.get(name);
    if (start === undefined) throw new RegionError(`${where}: #endregion ${name} has no matching #region`);
    open.delete(name);
    regions.set(name, { start, end: index });
  });
  for (const [name, start] of open) {
    throw new RegionError(`examples/${path}:${start + 1}: region "${name}" is never closed`);
  }
  return regions;
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common));
}

function trimBlankEdges(lines: string[]): string[] {
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first].trim() === '') first++;
  while (last > first && lines[last - 1].trim() === '') last--;
  return lines.slice(first, last);
}

/**
 * The code to show for `path`: the whole file, or only `region` when given,
 * without any region markers and dedented. Throws a RegionError naming the
 * file and region when the region does not exist or the markers are broken.
 */
export function extractRegion(source: string, path: string, region?: string): string {
  const marker = markerOf(path);
  const lines = source.split(/\r?\n/);
  const regions = findRegions(lines, marker, path);
  let selected = lines;
  if (region !== undefined) {
    const found = regions.get(region);
    if (!found) {
      const inFileOrder = [...regions.entries()].sort((a, b) => a[1].start - b[1].start);
      const known = inFileOrder.map(([name]) => name).join(', ') || 'none';
      throw new RegionError(`Region "${region}" not found in examples/${path} (regions in that file: ${known})`);
    }
    selected = lines.slice(found.start + 1, found.end);
  }
  const shown = selected.filter((line) => !marker.test(line));
  return trimBlankEdges(dedent(shown)).join('\n');
}
