/** Reading the files a command names (`-` is standard input), and the catalog on disk. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CatalogLoader } from '../catalog/load';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { ensureCatalog } from '../../scripts/build-catalog';
import { UsageError, type CliIo } from './io';

export async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === '-') return io.readStdin();
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code || String(error);
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}

let loading: Promise<CatalogLoader> | undefined;

/**
 * The catalog with every service loaded, built first when missing or stale (a fresh clone after
 * `npm install`); progress goes to stderr so stdout stays machine-readable.
 */
export function loadCatalog(io: CliIo): Promise<CatalogLoader> {
  loading ??= (async () => {
    // resolve() drops the trailing slash: the builder moves the old catalog to `${dir}.old-<pid>`.
    ensureCatalog(resolve(DEFAULT_CATALOG_DIR), (line) => io.stderr(`${line}\n`));
    const loader = await CatalogLoader.create(nodeFetchJson(DEFAULT_CATALOG_DIR));
    await loader.loadAllServices();
    return loader;
  })();
  return loading;
}
