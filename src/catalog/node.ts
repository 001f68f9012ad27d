/**
 * The catalog on disk, for Node (the server, tools and tests): a fetchJson over the files of
 * public/catalog/ and a loader with every service loaded.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogLoader } from './load';
import type { FetchJson } from './load';

/** public/catalog/ of this project (built by scripts/build-catalog.ts). */
export const DEFAULT_CATALOG_DIR = fileURLToPath(new URL('../../public/catalog/', import.meta.url));

/** Reads `path` (relative to `catalogDir`, URL-encoded as CatalogLoader writes it) as JSON. */
export function nodeFetchJson(catalogDir: string = DEFAULT_CATALOG_DIR): FetchJson {
  const root = resolve(catalogDir);
  return async (path) => {
    const file = resolve(root, decodeURIComponent(path));
    if (!file.startsWith(root + sep)) throw new Error(`catalog path outside the catalog: ${path}`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
        throw new Error(`catalog file ${file} not found (build the catalog with "npm run catalog")`, {
          cause: error,
        });
      }
      throw error;
    }
    return JSON.parse(text) as unknown;
  };
}

/** A loader over the catalog in `dir` with the details of every service loaded. */
export async function loadCatalogFromDisk(dir: string = DEFAULT_CATALOG_DIR): Promise<CatalogLoader> {
  const loader = await CatalogLoader.create(nodeFetchJson(dir));
  await loader.loadAllServices();
  return loader;
}
